namespace LeashBot.Safety;

/// <summary>
/// The owner's cats' names taken out of a message as whole words, so a name is never read as a health word ("Pepper was
/// scared"). A plain search with the word edges of a regular expression's <c>\b</c> (letters, combining marks, digits and
/// connectors are word characters), ignoring case, each name tried in order at each place: the same result as
/// <c>\b(?:name|name…)\b</c> replaced by a space, without building an expression for every owner's names on every
/// message, and with no match timeout that a busy machine can run into.
/// </summary>
internal static class NameMentions
{
    /// <summary>The text with each whole-word mention of one of <paramref name="names"/> replaced by a space (empty names are ignored).</summary>
    public static string Blank(string text, IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(names);
        StringBuilder? blanked = null;
        var copied = 0;
        for (var at = 0; at < text.Length; at++)
        {
            if (!IsEdge(text, at) || NameAt(text, at, names) is not { } length)
            {
                continue;
            }

            blanked ??= new StringBuilder(text.Length);
            blanked.Append(text, copied, at - copied).Append(' ');
            copied = at + length;
            at = copied - 1;
        }

        return blanked is null ? text : blanked.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>The length of the first name found at <paramref name="at"/> that ends on a word edge, or null.</summary>
    private static int? NameAt(string text, int at, IReadOnlyCollection<string> names)
    {
        foreach (var name in names)
        {
            if (name.Length > 0 && name.Length <= text.Length - at
                && text.AsSpan(at, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase) && IsEdge(text, at + name.Length))
            {
                return name.Length;
            }
        }

        return null;
    }

    /// <summary>True where a word character meets a character that is not one (or the start or end of the text).</summary>
    private static bool IsEdge(string text, int at) =>
        (at > 0 && IsWordCharacter(text[at - 1])) != (at < text.Length && IsWordCharacter(text[at]));

    private static bool IsWordCharacter(char c) =>
        c is '\u200C' or '\u200D' || CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation => true,
            _ => false,
        };
}
