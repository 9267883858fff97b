using System.Text;

namespace LeashBot.Coaching;

/// <summary>Small text helpers for matching what owners type against content word lists.</summary>
public static class Phrases
{
    /// <summary>Lower case, letters, digits and apostrophes kept, everything else a single space.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        var space = true;
        foreach (var ch in text.Normalize(NormalizationForm.FormKC))
        {
            var c = ch == '\u2019' ? '\'' : char.ToLowerInvariant(ch);
            if (char.IsLetterOrDigit(c) || c == '\'' || c == '?')
            {
                sb.Append(c == '?' ? ' ' : c);
                space = c == '?';
            }
            else if (!space)
            {
                sb.Append(' ');
                space = true;
            }
        }

        return sb.ToString().Trim();
    }

    /// <summary>True when the normalized text contains the phrase as whole words.</summary>
    public static bool ContainsPhrase(string normalizedText, string phrase)
    {
        var p = Normalize(phrase);
        if (p.Length == 0)
        {
            return false;
        }

        var index = 0;
        while ((index = normalizedText.IndexOf(p, index, StringComparison.Ordinal)) >= 0)
        {
            var startOk = index == 0 || normalizedText[index - 1] == ' ';
            var end = index + p.Length;
            var endOk = end == normalizedText.Length || normalizedText[end] == ' ';
            if (startOk && endOk)
            {
                return true;
            }

            index = end;
        }

        return false;
    }

    public static int WordCount(string normalizedText) =>
        normalizedText.Length == 0 ? 0 : normalizedText.Count(c => c == ' ') + 1;
}
