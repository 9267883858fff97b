using System.Buffers;
using System.Globalization;
using System.Text;

namespace LeashBot.Dialogs;

/// <summary>
/// The one lexer for chat text: what an apostrophe, a sentence end, a word, a number and an emoji modifier are, and
/// how letters repeated for emphasis ("sooo", "yesss") and accents ("comió") are read. Every reader builds on it: the
/// engine's yes/no and choice recognizers (<see cref="Clauses"/>), the topic normalizer, the message reader and the
/// red-flag triage. It lives in the engine because the engine is the lower assembly (LeashBot references it, not
/// the other way round); the content-driven part of reading chat (emoji as words) is LeashBot's
/// <c>Understanding.EmojiWords</c>, built on this.
/// </summary>
public static class ChatLexer
{
    private static readonly SearchValues<char> Apostrophes = SearchValues.Create("'\u2019\u2018\u02BC`");

    /// <summary>Straight, curly and modifier apostrophes, and the backtick people type for one ("don`t").</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`';

    /// <summary>Punctuation that ends a sentence: . ! ? ; a line break or an ellipsis.</summary>
    public static bool IsSentenceEnd(char c) => c is '.' or '!' or '?' or ';' or '\n' or '\u2026';

    /// <summary>Every apostrophe written as the straight one.</summary>
    public static string WithStraightApostrophes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u02BC', '\'').Replace('`', '\'');
    }

    /// <summary>The word without any apostrophe, in lower case ("Don't", "don’t" → "dont"): how command words are matched.</summary>
    public static string WithoutApostrophes(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var lower = word.ToLowerInvariant();
        return lower.AsSpan().IndexOfAny(Apostrophes) < 0 ? lower : string.Concat(lower.Where(c => !IsApostrophe(c)));
    }

    /// <summary>
    /// The text's plain words, as the content's phrase lists are matched against them: lower case, runs of letters and
    /// straight apostrophes ("don't"), and numbers with at most one decimal point ("2.5") as words of their own
    /// ("15min" is "15" and "min"). Any other apostrophe between two letters is straightened and joins the word too
    /// ("don’t" typed on a phone is "don't"); one that only opens or closes a quote ("‘undo’") is no part of it.
    /// Anything else splits them.
    /// </summary>
    public static string[] PlainWords(string? text)
    {
        var lower = (text ?? string.Empty).ToLowerInvariant();
        var words = new List<string>();
        for (var i = 0; i < lower.Length;)
        {
            var end = char.IsDigit(lower[i]) ? DecimalEnd(lower, i) : PlainWordEnd(lower, i);
            if (end > i)
            {
                words.Add(WithStraightApostrophes(lower[i..end]));
                i = end;
            }
            else
            {
                i++;
            }
        }

        return [.. words];
    }

    /// <summary>False when the text has no character past general punctuation, so it holds no emoji (most messages).</summary>
    public static bool MayHoldEmoji(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (c > 0x2000)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Variation selectors, the zero-width joiner and skin tones: they only change how the emoji before them looks.</summary>
    public static bool IsEmojiModifier(int codePoint) =>
        codePoint is 0xFE0F or 0xFE0E or 0x200D || (codePoint >= 0x1F3FB && codePoint <= 0x1F3FF);

    /// <summary>
    /// The end (exclusive) of the word of letters that starts at <paramref name="start"/>, apostrophes inside it
    /// included ("don't", "l'antigel"). With <paramref name="withDigits"/>, digits other than 0–9 count as letters
    /// (0–9 make numbers, see <see cref="NumberEnd"/>).
    /// </summary>
    public static int WordEnd(string text, int start, bool withDigits)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = start;
        while (i < text.Length && (IsWordLetter(text[i], withDigits) || (IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
        {
            i++;
        }

        return i;
    }

    /// <summary>The end (exclusive) of the number that starts at <paramref name="start"/>: 0–9, and "4.5", "4,5" or "4-6" as one.</summary>
    public static int NumberEnd(string text, int start)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = start;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        while (i + 1 < text.Length && text[i] is '.' or ',' or '-' && char.IsAsciiDigit(text[i + 1]))
        {
            i += 2;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        return i;
    }

    /// <summary>"comió" reads as "comio", "ständig" as "standig": owners type with and without accents alike.</summary>
    public static char WithoutAccent(char c) => c switch
    {
        < '\u00C0' => c,
        'á' or 'à' or 'â' or 'ä' or 'ã' or 'å' => 'a',
        'é' or 'è' or 'ê' or 'ë' => 'e',
        'í' or 'ì' or 'î' or 'ï' => 'i',
        'ó' or 'ò' or 'ô' or 'ö' or 'õ' => 'o',
        'ú' or 'ù' or 'û' or 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        _ => c,
    };

    /// <summary>
    /// The word with every run of the same letter longer than <paramref name="longerThan"/> cut to
    /// <paramref name="keep"/> letters ("helllp" → "help" with 2 and 1, → "hellp" with 2 and 2); null when it has no such run.
    /// </summary>
    public static string? CollapseRuns(ReadOnlySpan<char> word, int longerThan, int keep)
    {
        var needed = false;
        for (int i = 1, run = 1; i < word.Length && !needed; i++)
        {
            run = word[i] == word[i - 1] ? run + 1 : 1;
            needed = run > longerThan;
        }

        if (!needed)
        {
            return null;
        }

        var result = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length;)
        {
            var run = 1;
            while (i + run < word.Length && word[i + run] == word[i])
            {
                run++;
            }

            result.Append(word[i], run > longerThan ? keep : run);
            i += run;
        }

        return result.ToString();
    }

    /// <summary>
    /// Lower-case word tokens grouped into clauses at sentence punctuation, commas, colons and brackets: how the
    /// engine's recognizers read a reply. Apostrophes are dropped ("don't" becomes "dont") so both spellings match,
    /// emoji become tokens of their own, and letters repeated for emphasis ("yesss", "nooo") are collapsed.
    /// </summary>
    public static List<List<string>> Clauses(string? text)
    {
        var clauses = new List<List<string>>();
        var current = new List<string>();
        var word = new StringBuilder();

        void FlushWord()
        {
            if (word.Length > 0)
            {
                // Three or more of the same letter is emphasis; two can be spelling ("good", "really").
                var chars = word.ToString();
                current.Add(CollapseRuns(chars, 2, 1) ?? chars);
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
            if (rune.IsBmp && IsApostrophe((char)rune.Value))
            {
                // Inside a word: "don't" -> "dont". Elsewhere it is just a quote.
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                // Appended as UTF-16 in place: a string per letter made tokenizing most of what reading a reply cost.
                word.Append(utf16[..Rune.ToLowerInvariant(rune).EncodeToUtf16(utf16)]);
            }
            else if (rune.IsBmp && (IsSentenceEnd((char)rune.Value) || rune.Value is ',' or ':' or '(' or ')'))
            {
                FlushClause();
            }
            else if (IsEmojiModifier(rune.Value))
            {
                // Only changes how the emoji before it looks.
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

    /// <summary>The words of <see cref="Clauses"/>, in order.</summary>
    public static List<string> Words(string? text) => [.. Clauses(text).SelectMany(c => c)];

    /// <summary>The runs of letters of a text, lower case (digits, apostrophes and everything else split them).</summary>
    public static IEnumerable<string> LetterWords(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }

    /// <summary>Digits, then at most one "." with digits after it ("2.5", but "1.2.3" is "1.2" and "3").</summary>
    private static int DecimalEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length && char.IsDigit(text[i]))
        {
            i++;
        }

        if (i + 1 < text.Length && text[i] == '.' && char.IsDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsDigit(text[i]))
            {
                i++;
            }
        }

        return i;
    }

    private static int PlainWordEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '\''
            || (i > start && IsApostrophe(text[i]) && char.IsLetter(text[i - 1]) && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
        {
            i++;
        }

        return i;
    }

    private static bool IsWordLetter(char c, bool withDigits) =>
        withDigits ? char.IsLetterOrDigit(c) && !char.IsAsciiDigit(c) : char.IsLetter(c);
}
