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
    /// <summary>The phrases by their first word, longest first (the first that fits wins), so a word meets only its own phrases.</summary>
    private readonly Dictionary<string, (string[] Words, string English)[]> _phrasesByFirstWord;

    public ForeignAnswers(BotContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        _phrasesByFirstWord = content.Reading.AnswerWords.Values.SelectMany(words => words)
            .Select(p => (Words: WordsOf(p.Key).Select(m => m.Word).ToArray(), English: p.Value))
            .Where(p => p.Words.Length > 0)
            .OrderByDescending(p => p.Words.Length)
            .GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
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
            var match = FirstPhraseAt(text, words, i);
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

    /// <summary>The longest phrase that starts at word <paramref name="i"/>, or a default one (no words) when none does.</summary>
    private (string[] Words, string English) FirstPhraseAt(string text, List<(string Word, int Start, int End)> words, int i)
    {
        if (!_phrasesByFirstWord.TryGetValue(words[i].Word, out var phrases))
        {
            return default;
        }

        foreach (var phrase in phrases)
        {
            if (StandsAt(text, words, i, phrase.Words))
            {
                return phrase;
            }
        }

        return default;
    }

    /// <summary>True when the phrase's words follow word <paramref name="i"/> with only spaces between them: "más o menos", never "sí. o".</summary>
    private static bool StandsAt(string text, List<(string Word, int Start, int End)> words, int i, string[] phrase)
    {
        if (i + phrase.Length > words.Count)
        {
            return false;
        }

        for (var k = 0; k < phrase.Length; k++)
        {
            if (words[i + k].Word != phrase[k]
                || (k > 0 && !text.AsSpan(words[i + k - 1].End, words[i + k].Start - words[i + k - 1].End).IsWhiteSpace()))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The words, lower case, with where they stand; a letter typed three times or more for emphasis counts once ("siii", "claroooo").</summary>
    private static List<(string Word, int Start, int End)> WordsOf(string text) =>
        [.. Word().Matches(text).Select(m => (Emphasis().Replace(m.Value.ToLowerInvariant(), "$1"), m.Index, m.Index + m.Length))];

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"(\p{L})\1{2,}")]
    private static partial Regex Emphasis();
}
