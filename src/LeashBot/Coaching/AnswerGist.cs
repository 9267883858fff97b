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

    /// <summary>
    /// The sentence of <paramref name="answer"/> that fits <paramref name="followUp"/> best; <paramref name="common"/> are
    /// the words that say nothing about what was asked (reading.json, <c>commonWords</c>).
    /// </summary>
    public static string Fitting(string? answer, string? followUp, IReadOnlySet<string> common) => Ranked(answer, followUp, common)[0].Sentence;

    /// <summary>
    /// The sentences of <paramref name="answer"/>, those sharing most words with <paramref name="followUp"/> first (the
    /// answer's own order among equals), each with how many it shares; the whole answer when it has one sentence. A line
    /// break ends a sentence, a list's number ("2. Meet the harness indoors") does not, and a list's items are no sentences
    /// to give in short: cut out of their list they say nothing.
    /// </summary>
    public static List<(string Sentence, int Shared)> Ranked(string? answer, string? followUp, IReadOnlySet<string> common)
    {
        ArgumentNullException.ThrowIfNull(common);
        var sentences = SentenceEnd().Split((answer ?? "").Trim()).Select(s => s.Trim()).Where(s => s.Length > 0 && !ListItem().IsMatch(s)).ToList();
        var asked = Stems(followUp, common).ToHashSet(StringComparer.Ordinal);
        return sentences.Count == 0 ? [((answer ?? "").Trim(), 0)]
            : [.. sentences.Select(s => (Sentence: s, Shared: Stems(s, common).Distinct(StringComparer.Ordinal).Count(stem => asked.Any(a => Same(a, stem)))))
                .OrderByDescending(s => s.Shared)];
    }

    /// <summary>Two stems of one word: equal, or one the start of the other ("week" and "weeks").</summary>
    private static bool Same(string a, string b) => a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal);

    private static IEnumerable<string> Stems(string? text, IReadOnlySet<string> common) =>
        Word().Matches((text ?? "").ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length >= MinWordLength && !common.Contains(w))
            .Select(w => w.Length > StemLength ? w[..StemLength] : w);

    [GeneratedRegex(@"(?<=[^\d\s][.!?])\s+(?=\S)|\s*\n\s*")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^\d+[.)]\s")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
