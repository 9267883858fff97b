namespace LeashBot.Understanding;

/// <summary>
/// Turns the topics' scores into a <see cref="Recognition"/> with the content's thresholds: small talk yields
/// to a real question, out of scope wins a near tie, two close topics are ambiguous, a weak best is unsure.
/// </summary>
internal sealed class TopicDecision
{
    /// <summary>Small talk keeps this much of its score when a real question is confident in the same message.</summary>
    private const double SocialPenalty = 0.5;
    private const int CandidateCount = 3;

    private readonly Thresholds _thresholds;
    private readonly string[] _topicIds;
    private readonly bool[] _social;
    private readonly int _outOfScope;

    public TopicDecision(Thresholds thresholds, string[] topicIds, bool[] social)
    {
        _thresholds = thresholds;
        _topicIds = topicIds;
        _social = social;
        _outOfScope = Array.IndexOf(topicIds, TopicIds.OutOfScope);
    }

    /// <summary>Decides on <paramref name="scores"/> (one per topic, changed in place by the small-talk penalty).</summary>
    public Recognition Decide(Span<double> scores)
    {
        var t = _thresholds;
        var bestNonSocial = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (!_social[i])
            {
                bestNonSocial = Math.Max(bestNonSocial, scores[i]);
            }
        }

        if (bestNonSocial >= t.Confident)
        {
            for (var i = 0; i < scores.Length; i++)
            {
                if (_social[i])
                {
                    scores[i] *= SocialPenalty;
                }
            }
        }

        // Best three in-scope topics.
        Span<int> top = [-1, -1, -1];
        for (var i = 0; i < scores.Length; i++)
        {
            if (i == _outOfScope)
            {
                continue;
            }

            for (var k = 0; k < CandidateCount; k++)
            {
                if (top[k] < 0 || scores[i] > scores[top[k]])
                {
                    for (var m = CandidateCount - 1; m > k; m--)
                    {
                        top[m] = top[m - 1];
                    }

                    top[k] = i;
                    break;
                }
            }
        }

        var best = top[0] < 0 ? 0 : scores[top[0]];
        var second = top[1] < 0 ? 0 : scores[top[1]];

        // Out of scope also wins a near tie: better to say "that's not something I can help with" than to coach on a misreading.
        if (_outOfScope >= 0 && scores[_outOfScope] >= t.Minimum && scores[_outOfScope] >= best - t.AmbiguityMargin)
        {
            return new Recognition(TopicIds.OutOfScope, scores[_outOfScope], RecognitionKind.OutOfScope, Candidates(scores, _outOfScope, top[0], top[1]));
        }

        var candidates = Candidates(scores, top[0], top[1], top[2]);
        if (best < t.Minimum)
        {
            return new Recognition(null, best, RecognitionKind.Unsure, candidates);
        }

        var gap = best - second;
        if (second >= t.Minimum && gap < t.AmbiguityMargin)
        {
            return new Recognition(_topicIds[top[0]], best, RecognitionKind.Ambiguous, candidates);
        }

        if (best >= t.Confident || gap >= t.DecisiveMargin)
        {
            return new Recognition(_topicIds[top[0]], best, RecognitionKind.Confident, candidates);
        }

        return new Recognition(null, best, RecognitionKind.Unsure, candidates);
    }

    private TopicScore[] Candidates(Span<double> scores, int a, int b, int c)
    {
        var count = (a >= 0 ? 1 : 0) + (b >= 0 ? 1 : 0) + (c >= 0 ? 1 : 0);
        var result = new TopicScore[count];
        var n = 0;
        foreach (var i in (ReadOnlySpan<int>)[a, b, c])
        {
            if (i >= 0)
            {
                result[n++] = new TopicScore(_topicIds[i], Math.Round(scores[i], 4));
            }
        }

        return result;
    }
}
