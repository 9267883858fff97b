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
                current.Add(CollapseRepeats(word));
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

        Span<char> utf16 = stackalloc char[2];
        foreach (var rune in (text ?? string.Empty).EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                // Appended as UTF-16 in place: a string per letter made tokenizing most of what reading a reply cost.
                word.Append(utf16[..Rune.ToLowerInvariant(rune).EncodeToUtf16(utf16)]);
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

    private static string CollapseRepeats(StringBuilder word)
    {
        // Three or more of the same letter is emphasis; two can be spelling ("good", "really").
        var emphasis = false;
        for (var i = 2; i < word.Length && !emphasis; i++)
        {
            emphasis = word[i] == word[i - 1] && word[i] == word[i - 2];
        }

        if (!emphasis)
        {
            return word.ToString();
        }

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
