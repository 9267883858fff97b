using System.Text.RegularExpressions;

namespace LeashBot.Coaching;

/// <summary>
/// The part of an answer that fits a follow-up: an owner who asks again ("but how often tho", "what size then") gets the
/// sentence of the answer that shares most words with what they asked, or its opening sentence when none does.
/// </summary>
public static partial class AnswerGist
{
    /// <summary>Words shorter than this ("is", "the", "how") say nothing about what was asked.</summary>
    private const int MinWordLength = 4;

    /// <summary>Words are compared by their first letters, so "sessions" meets "session" and "measuring" meets "measure".</summary>
    private const int StemLength = 5;

    /// <summary>The sentence of <paramref name="answer"/> that fits <paramref name="followUp"/> best.</summary>
    public static string Fitting(string? answer, string? followUp)
    {
        var sentences = SentenceEnd().Split((answer ?? "").Trim()).Where(s => s.Length > 0).ToList();
        if (sentences.Count <= 1)
        {
            return (answer ?? "").Trim();
        }

        var asked = Stems(followUp).ToHashSet(StringComparer.Ordinal);
        var best = sentences[0];
        var bestScore = 0;
        foreach (var sentence in sentences)
        {
            var score = Stems(sentence).Distinct(StringComparer.Ordinal).Count(asked.Contains);
            if (score > bestScore)
            {
                (best, bestScore) = (sentence, score);
            }
        }

        return best;
    }

    private static IEnumerable<string> Stems(string? text) =>
        Word().Matches((text ?? "").ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length >= MinWordLength)
            .Select(w => w.Length > StemLength ? w[..StemLength] : w);

    [GeneratedRegex(@"(?<=[.!?])\s+(?=\S)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
