using System.Collections.Frozen;

namespace LeashBot.Understanding;

/// <summary>
/// Every word the content uses, with its stem: which words of a message the bot knows, and which known word an
/// unknown one is a typo or a stretched spelling of ("sooo", "helllp"). Built once by <see cref="TextNormalizer"/>;
/// immutable and thread-safe.
/// </summary>
internal sealed class ContentVocabulary
{
    private readonly FrozenDictionary<string, string> _surface; // surface word -> stem, for every content word
    private readonly FrozenSet<string> _stems;
    private readonly FuzzyMatcher _fuzzy;

    /// <param name="frequencies">Each content word (lower case) and how often the content uses it.</param>
    /// <param name="extraStems">Stems that count as known though no content word has them (the number term).</param>
    public ContentVocabulary(Dictionary<string, int> frequencies, params string[] extraStems)
    {
        _surface = frequencies.Keys.ToFrozenDictionary(w => w, EnglishStemmer.Stem, StringComparer.Ordinal);
        _stems = _surface.Values.Concat(extraStems).ToFrozenSet(StringComparer.Ordinal);
        _fuzzy = new FuzzyMatcher(frequencies);
    }

    /// <summary>Number of distinct content words.</summary>
    public int Size => _surface.Count;

    /// <summary>True when the content uses this word as written (lower case).</summary>
    public bool Knows(string word) => _surface.ContainsKey(word);

    /// <summary>The stem of a lower-case word: a lookup for the content's own words.</summary>
    public string StemOf(string word) => _surface.TryGetValue(word, out var stem) ? stem : EnglishStemmer.Stem(word);

    /// <summary>
    /// The stem of a word if the vocabulary knows it (directly, with long letter runs cut, or after fixing a typo);
    /// null otherwise. <paramref name="drop"/>: an unknown capitalized word, most likely a name, to be left out.
    /// </summary>
    public string? StemKnown(string word, bool capitalized, out bool drop)
    {
        drop = false;
        if (_surface.TryGetValue(word, out var known))
        {
            return known;
        }

        var stem = EnglishStemmer.Stem(word);
        if (_stems.Contains(stem))
        {
            return stem;
        }

        // "sooo", "helllp", "heyy": try the word with long runs cut to two letters, then to one.
        var original = word;
        foreach (var keep in (ReadOnlySpan<int>)[2, 1])
        {
            var collapsed = ChatLexer.CollapseRuns(original, keep, keep);
            if (collapsed is null)
            {
                continue;
            }

            if (_surface.TryGetValue(collapsed, out known))
            {
                return known;
            }

            stem = EnglishStemmer.Stem(collapsed);
            if (_stems.Contains(stem))
            {
                return stem;
            }

            if (keep == 2)
            {
                word = collapsed;
            }
        }

        if (capitalized)
        {
            // An unknown capitalized word is most likely a name (a cat, a street, a park): leave it out.
            drop = true;
            return null;
        }

        var corrected = _fuzzy.Find(word);
        return corrected is null ? null : _surface[corrected];
    }
}
