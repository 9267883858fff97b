using System.Collections.Frozen;

namespace LeashBot.Understanding;

/// <summary>
/// Turns chat text into sentences of terms: lower-cased, contractions and shorthand expanded, emoji
/// read or dropped, filler words and cat names removed, words stemmed, typos corrected against the
/// content's vocabulary and synonyms folded onto one canonical term. Immutable once built; thread-safe.
/// </summary>
public sealed class TextNormalizer
{
    /// <summary>The term every number becomes ("10 minutes" → "#num minute").</summary>
    public const string NumberTerm = "#num";

    /// <summary>Stands for a cat's name in the content's examples ("switch to {name}"); it is left out like a name.</summary>
    public const string NamePlaceholder = "{name}";

    private readonly FrozenDictionary<string, string[]> _expansions;
    private readonly EmojiWords _emoji;
    private readonly FrozenSet<string> _fillers;
    private readonly FrozenDictionary<string, string> _singleSynonyms;
    private readonly FrozenDictionary<string, (string[] Tail, string Canonical)[]> _phraseSynonyms;
    private ContentVocabulary? _vocabulary;

    public TextNormalizer(GlobalSettings global)
    {
        ArgumentNullException.ThrowIfNull(global);
        var expansions = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var map in new[] { global.Shorthand, global.Contractions })
        {
            foreach (var (key, value) in map)
            {
                expansions[ChatLexer.WithStraightApostrophes(key.Trim().ToLowerInvariant())] =
                    value.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            }
        }

        _expansions = expansions.ToFrozenDictionary(StringComparer.Ordinal);
        _emoji = new EmojiWords(global.Emoji);
        _fillers = global.FillerWords.Select(f => f.Trim().ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);

        var single = new Dictionary<string, string>(StringComparer.Ordinal);
        var phrases = new Dictionary<string, List<(string[], string)>>(StringComparer.Ordinal);
        foreach (var group in global.Synonyms)
        {
            foreach (var term in group.Terms)
            {
                var stems = StemAll(term);
                if (stems.Count == 1)
                {
                    single[stems[0]] = group.Canonical;
                }
                else if (stems.Count > 1)
                {
                    if (!phrases.TryGetValue(stems[0], out var list))
                    {
                        phrases[stems[0]] = list = [];
                    }

                    list.Add(([.. stems.Skip(1)], group.Canonical));
                }
            }
        }

        _singleSynonyms = single.ToFrozenDictionary(StringComparer.Ordinal);
        _phraseSynonyms = phrases.ToFrozenDictionary(
            kv => kv.Key, kv => kv.Value.OrderByDescending(p => p.Item1.Length).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>True when the content uses this word (as written, lower case); every word counts before the vocabulary is set.</summary>
    public bool IsKnownWord(string word) => _vocabulary?.Knows(word) ?? true;

    /// <summary>
    /// <see cref="EnglishStemmer.Stem"/> of a lower-case word: the content's own words were stemmed once when the
    /// vocabulary was set, so most words of a message are a lookup.
    /// </summary>
    public string StemOf(string word) => _vocabulary?.StemOf(word) ?? EnglishStemmer.Stem(word);

    /// <summary>Number of words the typo corrector knows.</summary>
    public int VocabularySize => _vocabulary?.Size ?? 0;

    /// <summary>True when the content uses <paramref name="word"/> (as written, any case): a cat called Milo names a story cat.</summary>
    public bool InContent(string word) => _vocabulary?.Knows(word.ToLowerInvariant()) == true;

    /// <summary>
    /// Fixes the vocabulary (every word of the content) used to recognize unknown words and correct typos.
    /// Called once by <see cref="TopicRecognizer.Build"/>; before this, every word counts as known.
    /// </summary>
    internal void SetVocabulary(IEnumerable<string> contentTexts)
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in contentTexts)
        {
            foreach (var word in RawWords(text))
            {
                frequencies[word] = frequencies.GetValueOrDefault(word) + 1;
            }
        }

        _vocabulary = new ContentVocabulary(frequencies, NumberTerm);
    }

    /// <summary>
    /// Normalizes <paramref name="text"/>. Appends one entry per term to <paramref name="terms"/>
    /// (null for a word the content does not know) and the end index (exclusive) of every sentence to
    /// <paramref name="sentenceEnds"/>.
    /// </summary>
    public void Normalize(string text, IReadOnlyCollection<string>? catNames, List<string?> terms, List<int> sentenceEnds)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(sentenceEnds);
        text = _emoji.Replace(text);
        var sentenceStart = terms.Count;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (ChatLexer.IsSentenceEnd(c))
            {
                EndSentence();
                i++;
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                i++;
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                i = ChatLexer.NumberEnd(text, i);
                terms.Add(NumberTerm);
                continue;
            }

            var start = i;
            i = ChatLexer.WordEnd(text, i, withDigits: true);
            AddWord(text.AsSpan(start, i - start), catNames, terms);
        }

        EndSentence();

        void EndSentence()
        {
            if (terms.Count > sentenceStart)
            {
                ApplyPhraseSynonyms(terms, sentenceStart);
                sentenceEnds.Add(terms.Count);
                sentenceStart = terms.Count;
            }
        }
    }

    /// <summary>Normalizes a text from the content itself (example, keyword) into its terms, ignoring sentence breaks.</summary>
    public IReadOnlyList<string?> NormalizeToTerms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Replace(NamePlaceholder, " ", StringComparison.Ordinal);
        var terms = new List<string?>();
        var ends = new List<int>();
        Normalize(text, null, terms, ends);
        return terms;
    }

    private void AddWord(ReadOnlySpan<char> raw, IReadOnlyCollection<string>? catNames, List<string?> terms)
    {
        var capitalized = raw.Length > 1 && char.IsUpper(raw[0]) && HasLower(raw[1..]);
        var lower = ChatLexer.WithStraightApostrophes(raw.ToString().ToLowerInvariant());
        if (_expansions.TryGetValue(lower, out var expansion))
        {
            foreach (var word in expansion)
            {
                AddSimpleWord(word, false, catNames, terms);
            }

            return;
        }

        if (lower.EndsWith("'s", StringComparison.Ordinal))
        {
            lower = lower[..^2];
        }

        if (lower.Contains('\''))
        {
            lower = lower.Replace("'", "", StringComparison.Ordinal);
            if (_expansions.TryGetValue(lower, out expansion))
            {
                foreach (var word in expansion)
                {
                    AddSimpleWord(word, false, catNames, terms);
                }

                return;
            }
        }

        AddSimpleWord(lower, capitalized, catNames, terms);
    }

    private void AddSimpleWord(string word, bool capitalized, IReadOnlyCollection<string>? catNames, List<string?> terms)
    {
        if (word.Length == 0 || _fillers.Contains(word) || IsCatName(word, catNames))
        {
            return;
        }

        var drop = false;
        var stem = _vocabulary is null ? EnglishStemmer.Stem(word) : _vocabulary.StemKnown(word, capitalized, out drop);

        if (drop)
        {
            return;
        }

        terms.Add(stem is null ? null : _singleSynonyms.GetValueOrDefault(stem, stem));
    }

    private void ApplyPhraseSynonyms(List<string?> terms, int start)
    {
        if (_phraseSynonyms.Count == 0)
        {
            return;
        }

        for (var i = start; i < terms.Count; i++)
        {
            var first = terms[i];
            if (first is null || !_phraseSynonyms.TryGetValue(first, out var options))
            {
                continue;
            }

            foreach (var (rest, canonical) in options)
            {
                if (i + rest.Length >= terms.Count)
                {
                    continue;
                }

                var match = true;
                for (var k = 0; k < rest.Length; k++)
                {
                    var t = terms[i + 1 + k];
                    if (t != rest[k] && t != _singleSynonyms.GetValueOrDefault(rest[k]))
                    {
                        match = false;
                        break;
                    }
                }

                if (match)
                {
                    terms[i] = canonical;
                    terms.RemoveRange(i + 1, rest.Length);
                    break;
                }
            }
        }
    }

    private List<string> StemAll(string text)
    {
        var result = new List<string>();
        foreach (var word in RawWords(text))
        {
            if (_expansions.TryGetValue(word, out var expansion))
            {
                result.AddRange(expansion.Select(EnglishStemmer.Stem));
            }
            else
            {
                result.Add(EnglishStemmer.Stem(word));
            }
        }

        return result;
    }

    /// <summary>Lower-case words of a content text, contractions expanded, as the vocabulary sees them.</summary>
    private IEnumerable<string> RawWords(string text)
    {
        var sb = new StringBuilder();
        foreach (var ch in _emoji.Replace(text.Replace(NamePlaceholder, " ", StringComparison.Ordinal).ToLowerInvariant()) + " ")
        {
            if (char.IsLetter(ch) || ChatLexer.IsApostrophe(ch))
            {
                sb.Append(ch);
                continue;
            }

            if (sb.Length > 0)
            {
                var word = ChatLexer.WithStraightApostrophes(sb.ToString()).Trim('\'');
                sb.Clear();
                if (_expansions.TryGetValue(word, out var expansion))
                {
                    foreach (var e in expansion)
                    {
                        yield return e;
                    }

                    continue;
                }

                if (word.EndsWith("'s", StringComparison.Ordinal))
                {
                    word = word[..^2];
                }

                word = word.Replace("'", "", StringComparison.Ordinal);
                if (word.Length > 0)
                {
                    yield return word;
                }
            }
        }
    }

    private static bool IsCatName(string word, IReadOnlyCollection<string>? catNames)
    {
        if (catNames is null)
        {
            return false;
        }

        foreach (var name in catNames)
        {
            if (string.Equals(word, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasLower(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (char.IsLower(c))
            {
                return true;
            }
        }

        return false;
    }
}
