using System.Text.RegularExpressions;

namespace LeashBot.Coaching;

/// <summary>
/// A list of words and phrases from the content (corrections, step words) matched against a message's words:
/// lower case, whole words, numbers as their own words ("15min" is "15" and "min").
/// </summary>
public sealed partial class PhraseList
{
    private readonly List<string[]> _phrases;

    public PhraseList(IEnumerable<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        _phrases = [.. phrases.Select(Words).Where(p => p.Length > 0)];
    }

    /// <summary>True when one of the phrases stands word for word in <paramref name="words"/>.</summary>
    public bool IsIn(string[] words)
    {
        ArgumentNullException.ThrowIfNull(words);
        foreach (var phrase in _phrases)
        {
            for (var i = 0; i + phrase.Length <= words.Length; i++)
            {
                if (words.AsSpan(i, phrase.Length).SequenceEqual(phrase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The message's words without any of the phrases ("can we talk about leashes" without "talk about").</summary>
    public string Without(string text)
    {
        var words = Words(text);
        var kept = new List<string>(words.Length);
        for (var i = 0; i < words.Length;)
        {
            var phrase = _phrases.FirstOrDefault(p => i + p.Length <= words.Length && words.AsSpan(i, p.Length).SequenceEqual(p));
            if (phrase is null)
            {
                kept.Add(words[i]);
            }

            i += phrase?.Length ?? 1;
        }

        return string.Join(' ', kept);
    }

    /// <summary>The message's words as the phrases are matched against them.</summary>
    public static string[] Words(string text) =>
        [.. WordPattern().Matches((text ?? "").ToLowerInvariant()).Select(m => m.Value)];

    [GeneratedRegex(@"\d+(?:\.\d+)?|[\p{L}']+")]
    private static partial Regex WordPattern();
}
