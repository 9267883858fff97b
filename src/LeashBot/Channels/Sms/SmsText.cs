namespace LeashBot.Channels.Sms;

/// <summary>
/// Plain GSM-7 text for SMS. One character outside the GSM 03.38 alphabet (an emoji, a curly quote) makes a
/// carrier send the whole text as UCS-2, at 70 characters a segment instead of 160, so everything LeashBot
/// texts is reduced to that alphabet: quotes and dashes straightened, accents dropped where GSM-7 has no such
/// letter, emoji and other symbols left out.
/// </summary>
public static class SmsText
{
    /// <summary>Characters in one segment when a text fits a single one.</summary>
    public const int SingleSegmentSeptets = 160;

    /// <summary>Characters in each segment of a longer (concatenated) text; the rest carries the joining header.</summary>
    public const int ConcatenatedSegmentSeptets = 153;

    /// <summary>
    /// The budget for one reply: four concatenated segments, 612 characters. Phones show that as one message;
    /// a longer turn is shortened (see <see cref="SmsReplies"/>).
    /// </summary>
    public const int MaxSegments = 4;

    public const int MaxSeptets = MaxSegments * ConcatenatedSegmentSeptets;

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // Sent as an escape and the character: two septets each.
    private const string Extension = "^{}\\[~]|€\f";

    private static readonly Dictionary<char, string> Replacements = new()
    {
        ['\u2018'] = "'", ['\u2019'] = "'", ['\u201A'] = "'", ['\u201B'] = "'", ['\u2032'] = "'", ['`'] = "'", ['´'] = "'",
        ['\u201C'] = "\"", ['\u201D'] = "\"", ['\u201E'] = "\"", ['\u201F'] = "\"", ['\u2033'] = "\"", ['«'] = "\"", ['»'] = "\"",
        ['\u2010'] = "-", ['\u2011'] = "-", ['\u2012'] = "-", ['\u2013'] = "-", ['\u2014'] = "-", ['\u2015'] = "-", ['\u2212'] = "-",
        ['\u2026'] = "...", ['\u2022'] = "-", ['\u00B7'] = "-", ['\u00D7'] = "x", ['\u00A0'] = " ", ['\u2009'] = " ", ['\u202F'] = " ",
        ['\t'] = " ", ['°'] = " degrees ", ['½'] = "1/2", ['¼'] = "1/4", ['¾'] = "3/4",
    };

    /// <summary>True when every character is in the GSM-7 alphabet (basic or extension table).</summary>
    public static bool IsGsm7(string text) => text.All(c => Basic.Contains(c) || Extension.Contains(c));

    /// <summary>How many septets the text takes: extension characters count twice.</summary>
    public static int Septets(string text) => text.Sum(c => Extension.Contains(c) ? 2 : 1);

    /// <summary>How many segments a carrier bills for the text, assuming it is GSM-7.</summary>
    public static int Segments(string text)
    {
        var septets = Septets(text);
        return septets <= SingleSegmentSeptets ? 1 : (septets + ConcatenatedSegmentSeptets - 1) / ConcatenatedSegmentSeptets;
    }

    /// <summary>The text in the GSM-7 alphabet, with the spaces that removed symbols leave behind tidied.</summary>
    public static string ToGsm7(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsBmp && (Basic.Contains((char)rune.Value) || Extension.Contains((char)rune.Value)))
            {
                sb.Append((char)rune.Value);
            }
            else if (rune.IsBmp && Replacements.TryGetValue((char)rune.Value, out var replacement))
            {
                sb.Append(replacement);
            }
            else
            {
                sb.Append(WithoutAccents(rune));
            }
        }

        return Tidy(sb.ToString());
    }

    /// <summary>"ê" becomes "e"; a character with no plain-letter form (an emoji, a symbol) becomes nothing.</summary>
    private static string WithoutAccents(Rune rune)
    {
        var decomposed = rune.ToString().Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && Basic.Contains(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    private static string Tidy(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(line => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Select(line => line.Replace(" .", ".", StringComparison.Ordinal).Replace(" ,", ",", StringComparison.Ordinal)
                .Replace(" !", "!", StringComparison.Ordinal).Replace(" ?", "?", StringComparison.Ordinal));
        var joined = string.Join('\n', lines);
        while (joined.Contains("\n\n\n", StringComparison.Ordinal))
        {
            joined = joined.Replace("\n\n\n", "\n\n", StringComparison.Ordinal);
        }

        return joined.Trim();
    }
}
