namespace LeashBot.Coaching.Reminders;

/// <summary>
/// Finds a phrase of the reminder words in a normalized message (lower case, padded with spaces) where it starts a word,
/// and optionally where it also ends one: "at 7" is in " remind me at 7 pm " but "at" is not in " that ". A plain
/// ordinal search: building a regular expression for every phrase of every message made each message compile dozens
/// of patterns (the runtime's pattern cache holds 15), which was most of what reading a message for reminders cost.
/// </summary>
public static class PhraseSearch
{
    /// <summary>True when <paramref name="phrase"/> occurs starting a word and ending one.</summary>
    public static bool HasWord(string text, string phrase) => Find(text, phrase, wholeWord: true, atStart: false);

    /// <summary>True when <paramref name="phrase"/> occurs starting a word (it may end inside one: "pause" finds "paused").</summary>
    public static bool HasStart(string text, string phrase) => Find(text, phrase, wholeWord: false, atStart: false);

    /// <summary>True when the text opens with a space and then <paramref name="phrase"/> ending a word (" what are my reminders ").</summary>
    public static bool Opens(string text, string phrase) => Find(text, phrase, wholeWord: true, atStart: true);

    private static bool Find(string text, string phrase, bool wholeWord, bool atStart)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(phrase);
        if (atStart)
        {
            return text.Length > phrase.Length && text[0] == ' ' && string.CompareOrdinal(text, 1, phrase, 0, phrase.Length) == 0 && EndsWord(text, 1 + phrase.Length);
        }

        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = at < text.Length ? text.IndexOf(phrase, at + 1, StringComparison.Ordinal) : -1)
        {
            if ((at == 0 || !IsWordChar(text[at - 1])) && (!wholeWord || EndsWord(text, at + phrase.Length)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWord(string text, int end) => end >= text.Length || !IsWordChar(text[end]);

    /// <summary>What the reminder words count as part of a word: ASCII lower-case letters and digits.</summary>
    private static bool IsWordChar(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
}
