using System.Collections.Frozen;

namespace LeashBot.Understanding;

/// <summary>
/// Phrases of words (each with a value), looked up by the word they start with, so a message is matched
/// against the few phrases that can start at a word rather than every phrase at every word. The phrases
/// starting with a word keep the order they were given in, so "the first phrase that matches" is unchanged.
/// </summary>
internal sealed class PhraseIndex<T>
{
    private readonly FrozenDictionary<string, Entry[]> _byFirstWord;

    public PhraseIndex(IEnumerable<(string[] Words, T Value)> phrases)
    {
        _byFirstWord = phrases.Where(p => p.Words.Length > 0)
            .Select((p, order) => new Entry(p.Words, p.Value, order))
            .GroupBy(e => e.Words[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>A phrase, its value, and its place in the order the phrases were given.</summary>
    public sealed record Entry(string[] Words, T Value, int Order);

    /// <summary>The phrases that start with <paramref name="word"/>, in the order they were given.</summary>
    public Entry[] StartingWith(string word) => _byFirstWord.TryGetValue(word, out var entries) ? entries : [];

    /// <summary>The first phrase (in the order given) that stands word for word in <paramref name="words"/> at <paramref name="at"/>.</summary>
    public Entry? MatchAt(IReadOnlyList<string> words, int at)
    {
        foreach (var entry in StartingWith(words[at]))
        {
            if (NameRules.StartsAt(words, at, entry.Words))
            {
                return entry;
            }
        }

        return null;
    }
}
