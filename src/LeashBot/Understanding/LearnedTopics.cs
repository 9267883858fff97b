namespace LeashBot.Understanding;

/// <summary>
/// Reads messages against phrasings staff labelled in the console (<see cref="LearnedPhrasingsFile"/>), which can change
/// while the host runs. A message matches a phrasing when their words, as the recognizer normalizes them (case, typos,
/// word forms, contractions), are the same, or nearly so (<see cref="NearlyTheSame"/> of the terms of a longer phrasing).
/// </summary>
public sealed class LearnedTopics(TopicRecognizer recognizer)
{
    /// <summary>Share of terms two phrasings of 4+ terms must have in common (Jaccard) to count as the same.</summary>
    public const double NearlyTheSame = 0.8;

    private volatile IReadOnlyList<(HashSet<string> Terms, string Topic)> _phrasings = [];

    /// <summary>How many phrasings are in use.</summary>
    public int Count => _phrasings.Count;

    /// <summary>Uses these phrasings from now on (the next message already reads with them).</summary>
    public void Use(IEnumerable<LearnedPhrasing> phrasings)
    {
        ArgumentNullException.ThrowIfNull(phrasings);
        _phrasings = [.. phrasings.Select(p => (Terms(p.Text), p.Topic)).Where(p => p.Item1.Count > 0)];
    }

    /// <summary>The topic staff gave a message like this one (or <see cref="TopicIds.OutOfScope"/>), or null.</summary>
    public string? TopicOf(string text, IReadOnlyCollection<string>? catNames = null)
    {
        var phrasings = _phrasings;
        if (phrasings.Count == 0)
        {
            return null;
        }

        var terms = Terms(text, catNames);
        if (terms.Count == 0)
        {
            return null;
        }

        string? best = null;
        var bestScore = 0.0;
        foreach (var (known, topic) in phrasings)
        {
            var shared = known.Count(terms.Contains);
            var score = (double)shared / (known.Count + terms.Count - shared);
            var enough = score == 1 || (Math.Min(known.Count, terms.Count) >= 4 && score >= NearlyTheSame);
            if (enough && score > bestScore)
            {
                (best, bestScore) = (topic, score);
            }
        }

        return best;
    }

    private HashSet<string> Terms(string text, IReadOnlyCollection<string>? catNames = null)
    {
        var words = new List<string?>();
        recognizer.Normalizer.Normalize(text, catNames, words, []);
        return [.. words.OfType<string>()];
    }
}
