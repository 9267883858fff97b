using LeashBot.State;

namespace LeashBot.Understanding;

/// <summary>
/// The mood a report describes (plan.json's mood words, reading.json's not-moods), with negation: distress wins; "not
/// relaxed" or "wasn't calm" is never relaxed; a negated distress word ("didn't hiss") says nothing either way.
/// </summary>
internal sealed class MoodReader
{
    private const int MoodGap = 2;

    private readonly TextNormalizer _normalizer;
    private readonly ReadingNegations _negations;
    private readonly PhraseIndex<Mood> _moodPhrases;
    private readonly PhraseIndex<bool> _notMoods;

    public MoodReader(MoodWords moods, IEnumerable<string> notMoods, ChatClauses words, ReadingNegations negations, TextNormalizer normalizer)
    {
        _normalizer = normalizer;
        _negations = negations;

        // Mood phrases are stemmed here, once; a message's words are stemmed as it is read, known words from a table.
        (string[] Stems, Mood Mood)[] moodPhrases =
        [
            .. moods.Stressed.Select(p => (words.Stems(p), Mood.Stressed)),
            .. moods.Unsure.Select(p => (words.Stems(p), Mood.Unsure)),
            .. moods.Relaxed.Select(p => (words.Stems(p), Mood.Relaxed)),
        ];
        _moodPhrases = new(moodPhrases.OrderByDescending(p => p.Stems.Length));
        _notMoods = new(notMoods.Select(p => (words.Stems(p), true)));
    }

    /// <summary>
    /// The mood a report describes. Distress wins; "not relaxed" or "wasn't calm" is never relaxed (it reads
    /// as unsure); a negated distress word ("didn't hiss") says nothing either way, so the bot asks.
    /// </summary>
    public (MoodReading? Mood, List<string> NegatedSpans) Of(List<List<string>> clauses)
    {
        var spans = new List<string>();
        var hits = new List<(Mood Mood, bool Negated)>();
        foreach (var clause in clauses)
        {
            var stems = new List<string>(clause.Count);
            foreach (var word in clause)
            {
                stems.Add(word == "," ? "," : _normalizer.StemOf(word));
            }

            for (var i = 0; i < clause.Count; i++)
            {
                if (_negations.Contains(clause[i]))
                {
                    var end = i + 1;
                    while (end < clause.Count && end <= i + _negations.Reach && clause[end] != ",")
                    {
                        end++;
                    }

                    spans.Add(string.Join(' ', clause[i..end]));
                }
            }

            var covered = new bool[clause.Count];
            for (var i = 0; i < stems.Count; i++)
            {
                foreach (var (phrase, _, _) in _notMoods.StartingWith(stems[i]))
                {
                    if (NameRules.StartsAt(stems, i, phrase))
                    {
                        Array.Fill(covered, true, i, phrase.Length);
                    }
                }
            }

            // Longest phrases claim their words first, as if every phrase were tried in order over the whole clause.
            var starts = new List<(int Order, int At, string[] Phrase, Mood Mood)>();
            for (var i = 0; i < stems.Count; i++)
            {
                foreach (var (phrase, mood, order) in _moodPhrases.StartingWith(stems[i]))
                {
                    starts.Add((order, i, phrase, mood));
                }
            }

            starts.Sort((a, b) => a.Order != b.Order ? a.Order.CompareTo(b.Order) : a.At.CompareTo(b.At));
            foreach (var (_, i, phrase, mood) in starts)
            {
                if (covered[i])
                {
                    continue;
                }

                var end = MatchWithGaps(stems, i, phrase);
                if (end < 0)
                {
                    continue;
                }

                for (var k = i; k < end; k++)
                {
                    covered[k] = true;
                }

                hits.Add((mood, _negations.NegatedBefore(clause, i)));
            }
        }

        MoodReading? result =
            hits.Any(h => h is { Mood: Mood.Stressed, Negated: false }) ? new(Mood.Stressed, false)
            : hits.Any(h => h is { Mood: Mood.Relaxed, Negated: true }) ? new(Mood.Unsure, true)
            : hits.Any(h => h is { Mood: Mood.Unsure, Negated: false }) ? new(Mood.Unsure, false)
            : hits.Any(h => h is { Mood: Mood.Relaxed, Negated: false }) ? new(Mood.Relaxed, false)
            : null;
        return (result, spans);
    }

    /// <summary>The end of <paramref name="phrase"/> matched from <paramref name="start"/>, allowing short gaps ("flattening his ears"); -1 if not.</summary>
    private static int MatchWithGaps(List<string> stems, int start, string[] phrase)
    {
        var at = start;
        for (var k = 1; k < phrase.Length; k++)
        {
            var next = -1;
            for (var j = at + 1; j < stems.Count && j <= at + 1 + MoodGap && stems[j] != ","; j++)
            {
                if (stems[j] == phrase[k])
                {
                    next = j;
                    break;
                }
            }

            if (next < 0)
            {
                return -1;
            }

            at = next;
        }

        return at + 1;
    }
}
