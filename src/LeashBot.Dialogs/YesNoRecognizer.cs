using System.Collections.Frozen;

namespace LeashBot.Dialogs;

/// <summary>
/// Reads a yes or a no from ordinary chat English ("yeah", "of course", "nope", "i don't think so", 👍, ❌).
/// Case, punctuation and trailing words are tolerated ("Yes she does!"). The first recognized phrase decides,
/// negation included: "of course not" and "not really" are no. Uncertain answers ("not sure", "maybe",
/// "dunno") are neither, and give null.
/// </summary>
public static class YesNoRecognizer
{
    // Recognizer data: what people type, not what the bot says.
    private static readonly string[] YesPhrases =
    [
        "yes", "yeah", "yea", "ya", "yah", "yep", "yup", "yas", "sure", "sure thing", "of course", "ofc", "absolutely", "definitely",
        "certainly", "i think so", "think so", "mostly", "kinda", "kind of", "sort of", "sorta", "👍", "✅", "👌", "✔",
    ];

    private static readonly string[] NoPhrases =
        ["no", "nope", "nah", "naw", "not really", "not at all", "never", "dont think so", "i dont think so", "👎", "❌", "✖"];

    private static readonly string[] UnsurePhrases =
        ["not sure", "im not sure", "unsure", "maybe", "perhaps", "dunno", "dont know", "idk", "no idea", "not certain", "hard to say", "no clue"];

    // Single letters only count as the whole answer: inside a sentence "n" or "y" is more likely a typo.
    private static readonly Dictionary<string, bool> WholeMessageLetters = new(StringComparer.Ordinal) { ["y"] = true, ["n"] = false };

    /// <summary>
    /// Every phrase by its first word, unsure ones first, then no, then yes: of two phrases of the same length
    /// at the same place the earlier one wins, so "not sure" is never read as the "not" of a no.
    /// </summary>
    private static readonly FrozenDictionary<string, (string[] Words, Answer Answer)[]> PhrasesByFirstWord =
        new[] { (UnsurePhrases, Answer.Unsure), (NoPhrases, Answer.No), (YesPhrases, Answer.Yes) }
            .SelectMany(list => list.Item1.Select(p => (Words: p.Split(' '), Answer: list.Item2)))
            .GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    private enum Answer
    {
        Yes,
        No,
        Unsure,
    }

    /// <summary>Recognizes a yes or no.</summary>
    /// <param name="text">The user's text; null or blank gives null.</param>
    /// <returns>True for yes, false for no, null when neither (or uncertain).</returns>
    public static bool? Recognize(string? text)
    {
        var clauses = ChatLexer.Clauses(text);
        if (clauses is [[var only]] && WholeMessageLetters.TryGetValue(only, out var letter))
        {
            return letter;
        }

        foreach (var clause in clauses)
        {
            for (var i = 0; i < clause.Count; i++)
            {
                if (LongestMatch(clause, i) is not { } match)
                {
                    continue;
                }

                return match.Answer switch
                {
                    Answer.Unsure => null,
                    Answer.No => false,

                    // "of course not", "absolutely not": a yes word negated straight after, in the same clause.
                    _ => !(match.End < clause.Count && clause[match.End] == "not"),
                };
            }
        }

        return null;
    }

    private static (Answer Answer, int End)? LongestMatch(List<string> words, int start)
    {
        if (!PhrasesByFirstWord.TryGetValue(words[start], out var phrases))
        {
            return null;
        }

        (Answer Answer, int End)? best = null;
        foreach (var (phrase, answer) in phrases)
        {
            if (start + phrase.Length <= words.Count && (best is null || start + phrase.Length > best.Value.End) && Matches(words, start, phrase))
            {
                best = (answer, start + phrase.Length);
            }
        }

        return best;
    }

    private static bool Matches(List<string> words, int start, string[] phrase)
    {
        for (var k = 1; k < phrase.Length; k++)
        {
            if (words[start + k] != phrase[k])
            {
                return false;
            }
        }

        return true;
    }
}
