using System.Text.RegularExpressions;

namespace LeashBot.Understanding;

/// <summary>How <see cref="AnswerReader"/> splits a message into words, the same way for the message and the content's phrases.</summary>
public sealed partial class AnswerReader
{
    /// <summary>The message's words as <see cref="Sentences"/> reads them, commas left out, for matching the content's phrases.</summary>
    public static string[] Words(string? text) => [.. Sentences(text).SelectMany(s => s).Where(w => w != ",")];

    /// <summary>The message's sentences as words: lower case, without accents or apostrophes, "siii" as "si"; emoji, "=" and "," are words.</summary>
    public static List<List<string>> Sentences(string? text)
    {
        var sentences = new List<List<string>>();
        foreach (var part in SentenceBreak().Split(Fold(text ?? "")))
        {
            var words = Token().Matches(part).Select(m => Emphasis().Replace(m.Value, "$1")).ToList();
            if (words.Count > 0)
            {
                sentences.Add(words);
            }
        }

        return sentences;
    }

    /// <summary>
    /// The text in lower case, without accents or apostrophes of any kind (<see cref="ChatLexer.IsApostrophe"/>: "Te lo dijé",
    /// "don’t" → "te lo dije", "dont"), as the content's phrases are written.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = ChatLexer.WithoutApostrophes(text).Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(ch);
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex(@"[.!?;¿¡\n]+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"[\p{L}\p{N}]+|[=,]|\p{So}|\p{Cs}\p{Cs}")]
    private static partial Regex Token();

    [GeneratedRegex(@"(\p{L})\1{2,}")]
    private static partial Regex Emphasis();
}
