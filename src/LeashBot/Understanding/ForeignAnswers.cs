using System.Text;
using LeashBot.Content;

namespace LeashBot.Understanding;

/// <summary>
/// Answers to a pending question in another language the owner may write in ("sí", "10 minutos", "muy feliz"),
/// read as their English words so the yes/no, duration and mood prompts take them. Only whole words and phrases
/// from reading.json's answer words are replaced; the rest of the message stays as typed.
/// </summary>
public sealed partial class ForeignAnswers
{
    private readonly List<(string[] Words, string English)> _phrases;

    public ForeignAnswers(BotContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        _phrases = [.. content.Reading.AnswerWords.Values.SelectMany(words => words)
            .Select(p => (Words: Split(p.Key), English: p.Value))
            .OrderByDescending(p => p.Words.Length)];
    }

    /// <summary>The message with its foreign answer words in English, or null when it has none.</summary>
    public string? InEnglish(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Split(text);
        var result = new StringBuilder();
        var replaced = false;
        for (var i = 0; i < words.Length;)
        {
            var match = _phrases.FirstOrDefault(p => i + p.Words.Length <= words.Length && words.AsSpan(i, p.Words.Length).SequenceEqual(p.Words));
            result.Append(result.Length > 0 ? " " : "").Append(match.Words is null ? words[i] : match.English);
            replaced |= match.Words is not null;
            i += match.Words?.Length ?? 1;
        }

        return replaced ? result.ToString() : null;
    }

    /// <summary>The words, lower case; a letter typed three times or more for emphasis counts once ("siii", "claroooo").</summary>
    private static string[] Split(string text) =>
        [.. text.ToLowerInvariant().Split([' ', ',', '.', '!', '¡', '?', '¿', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(w => Emphasis().Replace(w, "$1"))];

    [System.Text.RegularExpressions.GeneratedRegex(@"(\p{L})\1{2,}")]
    private static partial System.Text.RegularExpressions.Regex Emphasis();
}
