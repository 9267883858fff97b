namespace LeashBot.Understanding;

/// <summary>
/// A list of words and phrases from the content (corrections, step words) matched against a message's words:
/// lower case, whole words, numbers as their own words ("15min" is "15" and "min").
/// </summary>
public sealed class PhraseList
{
    private readonly List<string[]> _phrases;

    public PhraseList(IEnumerable<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        _phrases = [.. phrases.Select(Words).Where(p => p.Length > 0)];
    }

    /// <summary>True when one of the phrases stands word for word in <paramref name="words"/>.</summary>
    public bool IsIn(string[] words) => Find(words) >= 0;

    /// <summary>Where the first of the phrases starts in <paramref name="words"/>; -1 when none is there.</summary>
    public int Find(string[] words)
    {
        ArgumentNullException.ThrowIfNull(words);
        for (var i = 0; i < words.Length; i++)
        {
            if (StartsAt(words, i))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when one of the phrases ends at word <paramref name="at"/>.</summary>
    public bool EndsAt(string[] words, int at)
    {
        ArgumentNullException.ThrowIfNull(words);
        foreach (var phrase in _phrases)
        {
            if (StartsAt(words, at - phrase.Length + 1, phrase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when one of the phrases starts at word <paramref name="at"/>.</summary>
    public bool StartsAt(string[] words, int at)
    {
        return LengthAt(words, at, firstOnly: true) > 0;
    }

    /// <summary>How many words the longest of the phrases starting at word <paramref name="at"/> has; 0 when none starts there.</summary>
    public int LengthAt(string[] words, int at) => LengthAt(words, at, firstOnly: false);

    // Loops, not LINQ: these run for every word of every message against every phrase of a list.
    private int LengthAt(string[] words, int at, bool firstOnly)
    {
        ArgumentNullException.ThrowIfNull(words);
        var longest = 0;
        foreach (var phrase in _phrases)
        {
            if (phrase.Length > longest && StartsAt(words, at, phrase))
            {
                longest = phrase.Length;
                if (firstOnly)
                {
                    break;
                }
            }
        }

        return longest;
    }

    private static bool StartsAt(string[] words, int at, string[] phrase) =>
        at >= 0 && at + phrase.Length <= words.Length && words.AsSpan(at, phrase.Length).SequenceEqual(phrase);

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

    /// <summary>The message's words as the phrases are matched against them (<see cref="ChatLexer.PlainWords"/>).</summary>
    public static string[] Words(string text) => ChatLexer.PlainWords(text);
}
