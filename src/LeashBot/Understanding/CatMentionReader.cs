using LeashBot.State;

namespace LeashBot.Understanding;

/// <summary>
/// Which of the owner's cats a message names (by name, possessive, plural or a slip of a one-word name, "pickle, not
/// milo" marked as denied), which cat a pronoun points to, and which animals it names by their words (reading.json's
/// pronouns and animals).
/// </summary>
internal sealed class CatMentionReader
{
    private readonly ChatClauses _words;
    private readonly ReadingNegations _negations;
    private readonly TextNormalizer _normalizer;
    private readonly Dictionary<string, string> _pronouns = new(StringComparer.Ordinal);
    private readonly PhraseIndex<bool> _animals;
    private readonly HashSet<string> _statedAfter;

    public CatMentionReader(ReadingContent reading, ChatClauses words, ReadingNegations negations, TextNormalizer normalizer)
    {
        _words = words;
        _negations = negations;
        _normalizer = normalizer;
        foreach (var (pronoun, forms) in reading.Pronouns)
        {
            // "he's" is read as "he is": the pronoun is its first word.
            foreach (var form in forms.Select(f => words.Words(f).FirstOrDefault()).OfType<string>())
            {
                _pronouns.TryAdd(form, pronoun);
            }
        }

        _statedAfter = [.. reading.PronounStatedAfter];

        // true: a cat; false: another animal.
        _animals = new([.. reading.Animals.Cats.Select(a => (words.Words(a).ToArray(), true)), .. reading.Animals.Others.Select(a => (words.Words(a).ToArray(), false))]);
    }

    /// <summary>The owner's cats the words name, in the order they are named.</summary>
    public List<CatMention> Of(List<string> words, IReadOnlyList<CatProfile> cats)
    {
        var found = new List<(int At, CatMention Mention)>();
        foreach (var cat in cats)
        {
            var name = NameWords(cat.Name);
            if (name.Length == 0)
            {
                continue;
            }

            var possessive = name[^1] + "'s";
            var plural = name[0] + "s";
            for (var i = 0; i + name.Length <= words.Count; i++)
            {
                var matches = SameWords(words, i, name)
                    || (name.Length == 1 && (SameName(words[i], possessive) || SameName(words[i], plural) && !cats.Any(c => OwnerProfile.SameName(c.Name, words[i]))));
                if (matches)
                {
                    // "pickle, not milo" / "not milo, pickle": the name right after a negation is the one it wasn't.
                    found.Add((i, new CatMention(cat.Name, _negations.RightBefore(words, i))));
                    break;
                }
            }

            if (name.Length == 1 && !found.Any(f => f.Mention.Name == cat.Name) && NearMention(words, cats, name[0]) is { } at)
            {
                found.Add((at, new CatMention(cat.Name, _negations.RightBefore(words, at))));
            }
        }

        return found.Count switch
        {
            0 => [],
            1 => [found[0].Mention],
            _ => [.. found.OrderBy(f => f.At).Select(f => f.Mention)],
        };
    }

    /// <summary>The pronoun the words use for a cat (null if none, or mixed), and the one cat it fits (null if none or several).</summary>
    public (string? Pronoun, string? Cat) PronounOf(List<string> words, IReadOnlyList<CatProfile> cats)
    {
        string? pronoun = null;
        foreach (var word in words)
        {
            if (_pronouns.TryGetValue(word, out var seen))
            {
                if (pronoun is not null && pronoun != seen)
                {
                    return (null, null);
                }

                pronoun = seen;
            }
        }

        if (pronoun is null)
        {
            return (null, null);
        }

        string? fitting = null;
        foreach (var cat in cats)
        {
            if (cat.Pronoun == pronoun)
            {
                if (fitting is not null)
                {
                    return (pronoun, null);
                }

                fitting = cat.Name;
            }
        }

        return (pronoun, fitting);
    }

    /// <summary>
    /// The words say outright which a cat is: a pronoun word right after "a" or "un"/"una" ("he's a boy", "she is a she, not
    /// a they", "es una hembra"), not just a "he" in passing.
    /// </summary>
    public bool StatesPronoun(List<string> words)
    {
        for (var i = 1; i < words.Count; i++)
        {
            if (_statedAfter.Contains(words[i - 1]) && _pronouns.ContainsKey(words[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Which animals a message names: a cat (a cat word or one of the owner's cats) and any other animal ("my dog's lead").</summary>
    public Animals AnimalsIn(List<string> words, bool namesOwnCat)
    {
        var animals = namesOwnCat ? Animals.Cat : Animals.None;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var bare = word.Length >= 2 && word[^1] == 's' && ChatLexer.IsApostrophe(word[^2]) ? word[..^2] : word;
            var match = _animals.MatchAt(words, i) ?? (bare.Length != word.Length && bare.Length > 0 ? _animals.MatchAt([bare], 0) : null);
            if (match is not null)
            {
                animals |= match.Value ? Animals.Cat : Animals.Other;
            }
        }

        return animals;
    }

    /// <summary>Where the message types a slip of a cat's one-word name ("peper"): a word no other cat has and the content doesn't know.</summary>
    private int? NearMention(List<string> words, IReadOnlyList<CatProfile> cats, string name)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (NearName.IsSlipOf(word, name) && !_normalizer.IsKnownWord(word) && !cats.Any(c => OwnerProfile.SameName(c.Name, word)))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>A cat's name as the message's words would spell it; a plain one-word name without going through the tokenizer.</summary>
    private string[] NameWords(string name)
    {
        foreach (var ch in name)
        {
            if (!char.IsAsciiLetter(ch))
            {
                return [.. _words.Words(name)];
            }
        }

        var lower = name.ToLowerInvariant();
        return name.Length == 0 ? [] : _words.IsContraction(lower) ? [.. _words.Words(name)] : [lower];
    }

    private static bool SameWords(List<string> words, int at, string[] name)
    {
        for (var k = 0; k < name.Length; k++)
        {
            if (!SameName(words[at + k], name[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <see cref="OwnerProfile.SameName"/> (case and accents aside), with plain letters and digits compared
    /// without the culture: the same answer for them, without a culture-aware comparison per word.
    /// </summary>
    private static bool SameName(string a, string b)
    {
        return IsPlain(a) && IsPlain(b) ? string.Equals(a, b, StringComparison.OrdinalIgnoreCase) : OwnerProfile.SameName(a, b);

        static bool IsPlain(string s)
        {
            foreach (var ch in s)
            {
                if (!char.IsAsciiLetterOrDigit(ch))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
