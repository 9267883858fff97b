using System.Globalization;
using System.Text;

namespace LeashBot.Dialogs;

/// <summary>
/// Splits chat text into lower-case word tokens, grouped into clauses at sentence punctuation. Apostrophes are
/// dropped ("don't" becomes "dont") so both spellings match, emoji become tokens of their own, and letters
/// repeated for emphasis ("yesss", "nooo") are collapsed.
/// </summary>
internal static class ChatTokenizer
{
    public static List<List<string>> Clauses(string? text)
    {
        var clauses = new List<List<string>>();
        var current = new List<string>();
        var word = new StringBuilder();

        void FlushWord()
        {
            if (word.Length > 0)
            {
                current.Add(CollapseRepeats(word.ToString()));
                word.Clear();
            }
        }

        void FlushClause()
        {
            FlushWord();
            if (current.Count > 0)
            {
                clauses.Add(current);
                current = [];
            }
        }

        foreach (var rune in (text ?? string.Empty).EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                word.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (rune.Value is '\'' or '\u2019' or '\u2018')
            {
                // Inside a word: "don't" -> "dont". Elsewhere it is just a quote.
            }
            else if (rune.Value is ',' or '.' or ';' or '!' or '?' or ':' or '\n' or '(' or ')')
            {
                FlushClause();
            }
            else if (IsIgnorableModifier(rune))
            {
                // Variation selectors and skin tones only change how the emoji before them looks.
            }
            else if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherSymbol or UnicodeCategory.MathSymbol or UnicodeCategory.OtherNotAssigned)
            {
                FlushWord();
                current.Add(rune.ToString());
            }
            else
            {
                FlushWord();
            }
        }

        FlushClause();
        return clauses;
    }

    public static List<string> Words(string? text) => [.. Clauses(text).SelectMany(c => c)];

    private static bool IsIgnorableModifier(Rune rune) =>
        rune.Value is 0xFE0F or 0xFE0E or 0x200D || (rune.Value >= 0x1F3FB && rune.Value <= 0x1F3FF);

    private static string CollapseRepeats(string word)
    {
        // Three or more of the same letter is emphasis; two can be spelling ("good", "really").
        var result = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var runLength = 1;
            while (i + runLength < word.Length && word[i + runLength] == word[i])
            {
                runLength++;
            }

            result.Append(word[i], runLength >= 3 ? 1 : runLength);
            i += runLength - 1;
        }

        return result.ToString();
    }
}
