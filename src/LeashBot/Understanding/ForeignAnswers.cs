using System.Text.RegularExpressions;

namespace LeashBot.Understanding;

/// <summary>
/// Answers to a pending question in another language the owner may write in ("sí", "10 minutos", "muy feliz"),
/// read as their English words so the yes/no, duration and mood prompts take them. Only whole words and phrases
/// from reading.json's answer words are replaced; the rest of the message stays as typed, punctuation too, so its
/// sentences stay apart ("los treats SI le encantan. y lo de curioso… a veces").
/// </summary>
public sealed partial class ForeignAnswers
{
    private readonly List<(string[] Words, string English)> _phrases;

    public ForeignAnswers(BotContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        _phrases = [.. content.Reading.AnswerWords.Values.SelectMany(words => words)
            .Select(p => (Words: WordsOf(p.Key).Select(m => m.Word).ToArray(), English: p.Value))
            .OrderByDescending(p => p.Words.Length)];
    }

    /// <summary>The message with its foreign answer words in English, or null when it has none.</summary>
    public string? InEnglish(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = WordsOf(text);
        var result = new StringBuilder(text.Length);
        var copied = 0;
        var replaced = false;
        for (var i = 0; i < words.Count;)
        {
            // A phrase runs over words with only spaces between them: "más o menos", never "sí. o".
            var match = _phrases.FirstOrDefault(p => i + p.Words.Length <= words.Count
                && Enumerable.Range(0, p.Words.Length).All(k => words[i + k].Word == p.Words[k]
                    && (k == 0 || string.IsNullOrWhiteSpace(text[words[i + k - 1].End..words[i + k].Start]))));
            if (match.Words is null)
            {
                i++;
                continue;
            }

            result.Append(text, copied, words[i].Start - copied).Append(match.English);
            copied = words[i + match.Words.Length - 1].End;
            replaced = true;
            i += match.Words.Length;
        }

        return replaced ? result.Append(text, copied, text.Length - copied).ToString() : null;
    }

    /// <summary>The words, lower case, with where they stand; a letter typed three times or more for emphasis counts once ("siii", "claroooo").</summary>
    private static List<(string Word, int Start, int End)> WordsOf(string text) =>
        [.. Word().Matches(text).Select(m => (Emphasis().Replace(m.Value.ToLowerInvariant(), "$1"), m.Index, m.Index + m.Length))];

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"(\p{L})\1{2,}")]
    private static partial Regex Emphasis();
}
