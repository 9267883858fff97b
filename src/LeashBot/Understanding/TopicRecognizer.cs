using System.Buffers;

namespace LeashBot.Understanding;

/// <summary>
/// Recognizes which topic a chat message is about, on the machine, from <see cref="UnderstandingContent"/>.
/// The message is normalized into terms (<see cref="TextNormalizer"/>), scored against every topic's examples
/// and keywords (<see cref="TopicScorer"/> over the <see cref="TopicIndex"/>), and the scores decided on with
/// the content's thresholds (<see cref="TopicDecision"/>). Built once; <see cref="Recognize"/> is thread-safe.
/// </summary>
public sealed class TopicRecognizer
{
    private readonly TextNormalizer _normalizer;
    private readonly TopicIndex _index;
    private readonly TopicScorer _scorer;
    private readonly TopicDecision _decision;

    private TopicRecognizer(TextNormalizer normalizer, TopicIndex index, Thresholds thresholds)
    {
        _normalizer = normalizer;
        _index = index;
        _scorer = new TopicScorer(index);
        _decision = new TopicDecision(thresholds, index.TopicIds, index.Social);
    }

    /// <summary>Topic ids in content order.</summary>
    public IReadOnlyList<string> TopicIdList => _index.TopicIds;

    /// <summary>Distinct terms (stems and synonym groups) the recognizer knows.</summary>
    public int TermCount => _index.TermCount;

    /// <summary>Features (terms and term pairs) in the index.</summary>
    public int FeatureCount => _index.FeatureCount;

    /// <summary>The normalizer the recognizer reads text with.</summary>
    public TextNormalizer Normalizer => _normalizer;

    /// <summary>Builds the recognizer from content the loader has validated (<see cref="BotContent.Load"/>).</summary>
    public static TopicRecognizer Build(UnderstandingContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var normalizer = new TextNormalizer(content.Global);
        normalizer.SetVocabulary(
            content.Topics.SelectMany(t => t.Examples.Concat(t.Keywords.Select(k => k.Text)))
                .Concat(content.Global.Synonyms.SelectMany(g => g.Terms)));
        return new TopicRecognizer(normalizer, TopicIndexBuilder.Build(content, normalizer), content.Global.Thresholds);
    }

    /// <summary>Recognizes the topic of a message. <paramref name="catNames"/> are the owner's cats' names, ignored in the text.</summary>
    public Recognition Recognize(string text, IReadOnlyCollection<string>? catNames = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string?>(16);
        var sentenceEnds = new List<int>(4);
        _normalizer.Normalize(text, catNames, words, sentenceEnds);
        if (words.Count == 0)
        {
            return new Recognition(null, 0, RecognitionKind.Unsure, []);
        }

        var terms = ArrayPool<int>.Shared.Rent(words.Count);
        var scores = ArrayPool<double>.Shared.Rent(_index.TopicCount);
        try
        {
            for (var i = 0; i < words.Count; i++)
            {
                terms[i] = words[i] is { } w && _index.TermIds.TryGetValue(w, out var id) ? id : -1;
            }

            var topicScores = scores.AsSpan(0, _index.TopicCount);
            _scorer.Score(terms.AsSpan(0, words.Count), sentenceEnds, topicScores);
            return _decision.Decide(topicScores);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(terms);
            ArrayPool<double>.Shared.Return(scores);
        }
    }
}
