using LeashBot.Understanding;

namespace LeashBot.Safety;

/// <summary>The red-flag triage's words: an id (from 1) for every word stem its content uses, handed out as words are first seen.</summary>
internal sealed class TriageVocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    /// <summary>Number of distinct stems.</summary>
    public int Count => _ids.Count;

    /// <summary>Every stem with its id.</summary>
    public IReadOnlyDictionary<string, int> Ids => _ids;

    /// <summary>The id of a word's stem, given one if the stem is new.</summary>
    public int IdOf(string word)
    {
        var stem = EnglishStemmer.Stem(word.Trim().ToLowerInvariant());
        if (!_ids.TryGetValue(stem, out var id))
        {
            _ids[stem] = id = _ids.Count + 1;
        }

        return id;
    }

    /// <summary>The id of a stem the vocabulary already has.</summary>
    public bool TryGetId(string stem, out int id) => _ids.TryGetValue(stem, out id);

    /// <summary>True when the vocabulary has the stem.</summary>
    public bool Contains(string stem) => _ids.ContainsKey(stem);
}
