using System.Collections.Concurrent;
using System.Collections.Frozen;
using LeashBot.Understanding;

namespace LeashBot.Safety;

/// <summary>
/// Reads a message into the red-flag triage's tokens (<see cref="TriageTokens"/>), on the shared chat lexer
/// (<see cref="ChatLexer"/>, <see cref="EmojiWords"/>): contractions and shorthand expanded (the recognizer's own
/// lists), accents dropped, words stemmed, typos of red-flag words corrected unless the word is one the bot's content
/// already uses, a cat's name read as "cat", and fillers like "a bit" left out so "a bit" is no "bite".
/// </summary>
internal sealed class TriageLexicon
{
    private const int MaxCachedCorrections = 20_000;
    private const int LongestWord = 48;

    private readonly TriageVocabulary _vocabulary;
    private readonly TriageWordClasses _words;
    private readonly FrozenDictionary<string, string[]> _expansions;
    private readonly EmojiWords _emoji;
    private readonly FrozenSet<string> _harmless; // words the bot's content uses whose stem is no red-flag word
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _harmlessLookup;
    private readonly FrozenSet<string> _harmlessStems; // another form of a harmless word is no typo ("flopped")
    private readonly FuzzyMatcher _fuzzy;
    private readonly FrozenDictionary<string, int> _fuzzyTargets; // surface form in the fuzzy index -> id, or Harmless
    private readonly ConcurrentDictionary<string, int> _corrections = new(StringComparer.Ordinal);
    private readonly FrozenSet<string> _namesToo;
    private readonly int[][] _fillers;
    private readonly FrozenSet<string> _healthForms; // health words as the content writes them, and their plain English endings

    /// <param name="healthIds">Ids of the words signs start with, and of the vet words.</param>
    /// <param name="surfaceWords">Every word as the patterns write it.</param>
    /// <param name="knownTexts">Texts of the bot's content: their words are harmless unless they are red-flag words.</param>
    public TriageLexicon(
        TriageVocabulary vocabulary, TriageWordClasses words, FrozenDictionary<string, string[]> expansions, EmojiWords emoji,
        IEnumerable<string> namesToo, int[][] fillers, HashSet<int> healthIds, HashSet<string> surfaceWords, IEnumerable<string> knownTexts)
    {
        _vocabulary = vocabulary;
        _words = words;
        _expansions = expansions;
        _emoji = emoji;
        _namesToo = namesToo.Select(n => n.Trim().ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
        _fillers = fillers;

        var count = vocabulary.Count + 1;
        HealthWord = new bool[count];
        var coachingStems = knownTexts.SelectMany(ChatLexer.LetterWords).Select(EnglishStemmer.Stem).ToHashSet(StringComparer.Ordinal);
        foreach (var (stem, id) in vocabulary.Ids)
        {
            // Words of the coaching itself ("walk", "treat") say nothing about health on their own.
            // Nor do words of one or two letters, the other languages' little words among them ("se ahoga" starts with "se").
            HealthWord[id] = healthIds.Contains(id) && id < count && stem.Length > 2 && !words.Skip[id] && !words.Negation[id] && !words.Subject[id] && !coachingStems.Contains(stem);
        }

        // Exact words: every other word the bot's content uses is known to be harmless, so it is never "corrected" into a red flag.
        var harmless = new HashSet<string>(StringComparer.Ordinal);
        var fuzzyWords = new Dictionary<string, int>(StringComparer.Ordinal);
        var fuzzyTargets = new Dictionary<string, int>(StringComparer.Ordinal);
        var harmlessStems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in knownTexts)
        {
            foreach (var word in ChatLexer.LetterWords(text))
            {
                var stem = EnglishStemmer.Stem(word);
                if (!vocabulary.Contains(stem))
                {
                    harmlessStems.Add(stem);
                    harmless.Add(word);
                    fuzzyWords[word] = fuzzyWords.GetValueOrDefault(word) + 1;
                    fuzzyTargets.TryAdd(word, TriageTokens.Harmless);
                }
            }
        }

        foreach (var (stem, id) in vocabulary.Ids)
        {
            foreach (var form in FormsOf(stem).Concat(surfaceWords.Where(w => EnglishStemmer.Stem(w) == stem)))
            {
                if (form.Length >= FuzzyMatcher.MinLength)
                {
                    fuzzyWords[form] = fuzzyWords.GetValueOrDefault(form) + 2;
                    fuzzyTargets[form] = id;
                }
            }
        }

        _harmlessStems = harmlessStems.ToFrozenSet(StringComparer.Ordinal);
        _healthForms = surfaceWords.Where(w => vocabulary.TryGetId(EnglishStemmer.Stem(w), out var id) && HealthWord[id])
            .SelectMany(w => new[] { w, w + "s", w + "es", w + "ed", w + "d", w + "ing", EnglishStemmer.Stem(w) })
            .ToFrozenSet(StringComparer.Ordinal);
        _harmless = harmless.ToFrozenSet(StringComparer.Ordinal);
        _harmlessLookup = _harmless.GetAlternateLookup<ReadOnlySpan<char>>();
        _fuzzy = new FuzzyMatcher(fuzzyWords);
        _fuzzyTargets = fuzzyTargets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>By id: a word red flags are made of ("gums", "breathing", "vet") and no word of the coaching itself.</summary>
    public bool[] HealthWord { get; }

    /// <summary>The recognizer's contractions and shorthand, lower case, each with the words it stands for.</summary>
    public static FrozenDictionary<string, string[]> ExpansionsOf(GlobalSettings? global)
    {
        var expansions = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var map in new[] { global?.Shorthand, global?.Contractions })
        {
            foreach (var (key, value) in map ?? [])
            {
                expansions[ChatLexer.WithStraightApostrophes(key.Trim().ToLowerInvariant())] = value.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            }
        }

        return expansions.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public List<int> Tokenize(string text, IReadOnlyCollection<string>? catNames = null) => Tokenize(text, catNames, out _);

    /// <summary>The message as word ids; <paramref name="typos"/> holds the positions of words read as a typo of a red-flag word.</summary>
    public List<int> Tokenize(string text, IReadOnlyCollection<string>? catNames, out List<int>? typos)
    {
        typos = null;
        text = _emoji.Replace(text);
        var tokens = new List<int>(text.Length / 4 + 4);
        List<int>? namesToo = null;
        Span<char> buffer = stackalloc char[LongestWord];
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (ChatLexer.IsSentenceEnd(c))
            {
                if (tokens.Count > 0 && !TriageTokens.IsEnd(tokens[^1]))
                {
                    tokens.Add(c == '?' ? TriageTokens.QuestionEnd : TriageTokens.SentenceEnd);
                }

                i++;
                continue;
            }

            if (c == ',')
            {
                tokens.Add(TriageTokens.Comma);
                i++;
                continue;
            }

            if (!char.IsLetter(c))
            {
                i++;
                continue;
            }

            var wordStart = i;
            var wordEnd = ChatLexer.WordEnd(text, i, withDigits: false);
            var length = 0;
            var overflow = false;
            for (; i < wordEnd; i++)
            {
                if (length < LongestWord - 1)
                {
                    var letter = ChatLexer.IsApostrophe(text[i]) ? '\'' : ChatLexer.WithoutAccent(char.ToLowerInvariant(text[i]));
                    buffer[length++] = letter;
                    if (letter == '\u00DF')
                    {
                        // "weiß" is written "weiss" too.
                        buffer[length - 1] = 's';
                        buffer[length++] = 's';
                    }
                }
                else
                {
                    overflow = true;
                }
            }

            if (overflow)
            {
                tokens.Add(TriageTokens.Unknown);
                continue;
            }

            if (catNames is { Count: > 0 } && IsCatName(buffer[..length], catNames) && (tokens.Count == 0 || tokens[^1] <= 0 || !_words.NotANameAfter[tokens[^1]]))
            {
                tokens.Add(_words.Cat);
                continue;
            }

            var before = tokens.Count;
            var opensSentence = before == 0 || TriageTokens.IsEnd(tokens[before - 1]);
            var opensClause = opensSentence || tokens[before - 1] == TriageTokens.Comma || tokens[before - 1] == _words.Cat || TriageWordClasses.Is(_words.ClauseBreak, tokens[before - 1]);
            AddWord(buffer[..length], tokens, ref typos);
            if (tokens.Count == before + 1 && opensClause && _namesToo.Count > 0 && IsNameToo(buffer[..length]))
            {
                (namesToo ??= []).Add(before);
            }
            else if (tokens.Count == before + 1 && TriageTokens.IsOtherWord(tokens[before]) && !opensSentence && char.IsUpper(text[wordStart]) && length > 1)
            {
                // A capitalised word that is no red-flag word, mid-sentence, is a name: most often the cat's ("and Ziggy licked it off").
                tokens[before] = _words.Cat;
            }
        }

        foreach (var at in namesToo ?? [])
        {
            // Opening a clause or right after "cat" ("my cat Lily has…"), "daisy chewed the strap": the cat. "lily pollen", "lily, she ate a leaf", "lily.": the thing.
            var next = at + 1 < tokens.Count ? tokens[at + 1] : TriageTokens.SentenceEnd;
            if (next != TriageTokens.Comma && !TriageTokens.IsEnd(next) && !TriageWordClasses.Is(_words.ThingAfterName, next))
            {
                tokens[at] = _words.Cat;
            }
        }

        MarkFillers(tokens);
        return tokens;
    }

    /// <summary>A word that is also a cat's name, as written (a plural, "lilies", is always the thing).</summary>
    private bool IsNameToo(ReadOnlySpan<char> word)
    {
        var apostrophe = word.IndexOf('\'');
        return _namesToo.GetAlternateLookup<ReadOnlySpan<char>>().Contains(apostrophe > 0 ? word[..apostrophe] : word);
    }

    private void AddWord(ReadOnlySpan<char> word, List<int> tokens, ref List<int>? typos)
    {
        var expansions = _expansions.GetAlternateLookup<ReadOnlySpan<char>>();
        if (expansions.TryGetValue(word, out var expansion))
        {
            foreach (var part in expansion)
            {
                tokens.Add(IdOfWord(part));
            }

            return;
        }

        var elision = word.IndexOf('\'');
        if (elision is 1 or 2 && !expansions.ContainsKey(word) && word[..elision] is "l" or "d" or "j" or "n" or "s" or "m" or "t" or "c" or "qu" && word.Length > elision + 1)
        {
            // French elisions: "l'antigel" is "antigel".
            word = word[(elision + 1)..];
        }

        if (word.IndexOf('\'') >= 0)
        {
            var plain = word.EndsWith("'s") ? word[..^2].ToString() : word.ToString().Replace("'", "", StringComparison.Ordinal);
            if (_expansions.TryGetValue(plain, out expansion))
            {
                foreach (var part in expansion)
                {
                    tokens.Add(IdOfWord(part));
                }

                return;
            }

            tokens.Add(IdOfWord(plain, tokens.Count, ref typos));
            return;
        }

        if (_harmlessLookup.Contains(word))
        {
            // A word the bot's content uses that is not a red-flag word in any form.
            tokens.Add(TriageTokens.Harmless);
            return;
        }

        tokens.Add(IdOfWord(word.ToString(), tokens.Count, ref typos));
    }

    private int IdOfWord(string word, int position, ref List<int>? typos)
    {
        var id = IdOfWord(word, out var corrected);
        if (corrected && id > 0)
        {
            (typos ??= []).Add(position);
        }

        return id;
    }

    private int IdOfWord(string word) => IdOfWord(word, out _);

    /// <summary>
    /// The id of a word's stem, or of the red-flag word it is a typo of; <paramref name="corrected"/> when the word is a
    /// typo, or a health word in a form the content never uses.
    /// </summary>
    private int IdOfWord(string word, out bool corrected)
    {
        corrected = false;
        var stem = EnglishStemmer.Stem(word);
        if (_vocabulary.TryGetId(stem, out var id))
        {
            // A health word in a form the content never writes ("puse", "rapide") is only a look-alike: it still
            // counts for a sign, but not as a remark about health.
            corrected = HealthWord[id] && !_healthForms.Contains(word);
            return id;
        }

        if (word.Length < FuzzyMatcher.MinLength)
        {
            return TriageTokens.Unknown;
        }

        if (_harmless.Contains(word) || _harmlessStems.Contains(stem))
        {
            return TriageTokens.Harmless;
        }

        corrected = true;
        if (_corrections.TryGetValue(word, out id))
        {
            return id;
        }

        // A typo keeps its first letter: "leeds" is no "bleeds", "deliver" no "shiver".
        var correction = _fuzzy.Find(word);
        id = correction is null || correction[0] != word[0] ? TriageTokens.Unknown : _fuzzyTargets.GetValueOrDefault(correction);
        if (_corrections.Count < MaxCachedCorrections)
        {
            _corrections.TryAdd(word, id);
        }

        return id;
    }

    /// <summary>"a bit", "a little bit": words that only soften, left out so "a bit" is not a "bite".</summary>
    private void MarkFillers(List<int> tokens)
    {
        foreach (var filler in _fillers)
        {
            for (var i = 0; i + filler.Length <= tokens.Count; i++)
            {
                var all = true;
                for (var k = 0; k < filler.Length && all; k++)
                {
                    all = tokens[i + k] == filler[k];
                }

                if (all)
                {
                    for (var k = 0; k < filler.Length; k++)
                    {
                        tokens[i + k] = filler[0]; // the first word of a filler is a skip word ("a")
                    }
                }
            }
        }
    }

    private static bool IsCatName(ReadOnlySpan<char> word, IReadOnlyCollection<string> catNames)
    {
        foreach (var name in catNames)
        {
            if (word.Equals(name.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Likely spellings of a stem's word forms, so a typo of any of them can be corrected.</summary>
    private static IEnumerable<string> FormsOf(string stem)
    {
        yield return stem;
        if (stem.Length < FuzzyMatcher.MinLength || stem.EndsWith('y'))
        {
            // Made-up forms of short words ("sicking") would pull real words ("sticking") into red flags.
            yield break;
        }

        foreach (var ending in new[] { "ing", "ed", "e", "es", "s" })
        {
            var form = stem + ending;
            if (EnglishStemmer.Stem(form) == stem && !(ending.EndsWith('s') && stem.EndsWith('y')))
            {
                yield return form;
            }
        }
    }}
