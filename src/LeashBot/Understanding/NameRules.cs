namespace LeashBot.Understanding;

/// <summary>
/// What can be a cat's name. Filler, stop words, feelings, yes/no, chat and whole sentences never are;
/// a name is found after a lead-in ("her name is Luna", "it's Biscuit, not Ok": the last lead-in wins) or in a
/// question about the cat ("is milo ready?").
/// </summary>
public sealed class NameRules
{
    private const int LongestName = 30;
    private const int MostWords = 3;

    private readonly TopicRecognizer _recognizer;
    private readonly HashSet<string> _notNames;
    private readonly HashSet<string> _notNameWords;
    private readonly HashSet<string> _negations;
    private readonly PhraseIndex<bool> _leadIns;
    private readonly HashSet<string> _questionSlots;
    private readonly HashSet<string> _questionEnds;
    private readonly PhraseIndex<bool> _slots;
    private readonly HashSet<string> _looseLeadIns;
    private readonly HashSet<string> _descriptionStarts;
    private readonly HashSet<string> _everyday;
    private readonly HashSet<string> _numbers;
    private readonly PhraseIndex<bool> _renameLeadIns;
    private readonly PhraseIndex<bool> _singleCatLeadIns;
    private readonly PhraseIndex<bool> _nameFixes;
    private readonly PhraseIndex<bool> _anotherCat;
    private readonly PhraseIndex<bool> _alreadySaid;
    private readonly HashSet<string> _chat;
    private readonly ReadingContent _words;
    private readonly CatNameList _lists;

    internal NameRules(ReadingContent words, GlobalSettings global, MoodWords moods, TopicRecognizer recognizer, Func<string, List<string>> tokenize, IEnumerable<string> neverNames)
    {
        _recognizer = recognizer;
        _notNames = [.. words.NonNames.Concat(words.SpanishVerbForms).Concat(neverNames).Select(n => string.Join(' ', tokenize(n)))]; // a poison, a Spanish verb: never a name
        _notNameWords =
        [
            .. words.ChatShorthand.SelectMany(tokenize),
            .. words.NonNames.Where(n => !n.Contains(' ', StringComparison.Ordinal)).SelectMany(tokenize),
            .. global.FillerWords.SelectMany(tokenize),
            .. global.StopWords.SelectMany(tokenize),
            .. words.Negations.Select(n => n.ToLowerInvariant()),
            .. words.Pronouns.Values.SelectMany(v => v).Select(p => tokenize(p).FirstOrDefault() ?? ""),
            .. moods.Stressed.Concat(moods.Unsure).Concat(moods.Relaxed).Where(m => !m.Contains(' ', StringComparison.Ordinal)).SelectMany(tokenize),
            .. words.Social.Thanks.Concat(words.Social.Goodbyes).Concat(words.Social.Laughter).Concat(words.Social.Acknowledgements)
                .Where(m => !m.Contains(' ', StringComparison.Ordinal)).SelectMany(tokenize),
        ];
        _leadIns = new(words.NameLeadIns.Select(l => (tokenize(l).ToArray(), true)).OrderByDescending(l => l.Item1.Length));
        _questionSlots = [.. words.NameQuestionSlots];
        _questionEnds = [.. words.NameQuestionEnds];
        _slots = new(words.NameSlots.Select(l => (tokenize(l).ToArray(), true)).OrderByDescending(l => l.Item1.Length));
        _negations = [.. words.Negations.Select(n => n.ToLowerInvariant())];
        _looseLeadIns = [.. words.LooseNameLeadIns.Select(l => string.Join(' ', tokenize(l)))];
        _descriptionStarts = [.. words.DescriptionStarts];
        _everyday = [.. words.EverydayWords.SelectMany(tokenize)];
        _numbers = [.. words.NumberWords.Keys];
        _renameLeadIns = Index(words.RenameLeadIns, tokenize);
        _singleCatLeadIns = Index(words.SingleCatNameLeadIns, tokenize);
        _nameFixes = Index(words.NameFixWords, tokenize);
        _anotherCat = Index(words.AnotherCatWords, tokenize);
        _alreadySaid = Index(words.AlreadySaid, tokenize);
        _words = words;
        _chat =
        [
            .. words.ChatShorthand.SelectMany(tokenize),
            .. global.FillerWords.SelectMany(tokenize),
            .. words.Social.Thanks.Concat(words.Social.Laughter).Concat(words.Social.Acknowledgements)
                .Where(m => !m.Contains(' ', StringComparison.Ordinal)).SelectMany(tokenize),
        ];
        HashSet<string> catWords = [.. words.Animals.Cats.SelectMany(tokenize)];
        HashSet<string> stopWords = [.. global.StopWords.SelectMany(tokenize)];
        _lists = new CatNameList(Plausible, w => IsEverydayWord(w) || IsOrdinaryWord(w), words.NameListJoins.Select(j => j.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal),
            catWords, stopWords, _chat, _leadIns);
    }

    /// <summary>
    /// The name in an answer to "What's your cat's name?" that says more than the name: "i said it already 😅
    /// pudding", "Canela, ya te dije jaja", "button. hes 2, ginger boy". The answer is cut at sentence ends, commas and
    /// emoji; "already said" words and chat are dropped; the first part that is a plausible name is the name, and the
    /// rest are details about the cat. Null when no part is one.
    /// </summary>
    public string? NameAnswer(IEnumerable<IReadOnlyList<string>> clauses)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        foreach (var clause in clauses)
        {
            var part = new List<string>();
            foreach (var word in clause.Append(","))
            {
                if (word != "," && word.Any(char.IsLetterOrDigit))
                {
                    part.Add(word);
                    continue;
                }

                if (NameInPart(part) is { } name)
                {
                    return name;
                }

                part.Clear();
            }
        }

        return null;
    }

    /// <summary>A part of an answer as a name, with "already said" phrases and chat around it left out.</summary>
    private string? NameInPart(List<string> part)
    {
        var kept = new List<string>(part.Count);
        for (var i = 0; i < part.Count; i++)
        {
            if (_alreadySaid.MatchAt(part, i) is { Words.Length: var length })
            {
                i += length - 1;
                continue;
            }

            kept.Add(part[i]);
        }

        var start = kept.FindIndex(w => !_chat.Contains(w));
        var end = kept.FindLastIndex(w => !_chat.Contains(w));
        return start < 0 ? null : Plausible(kept.GetRange(start, end - start + 1));
    }

    /// <summary>
    /// Names listed in a longer message where a list of names goes: "got 2 cats mango and pepper, mango is…", "two of
    /// them, nori and bruno", "ziggy n pip. ziggy did it before" (see <see cref="CatNameList.InSentence"/>).
    /// </summary>
    public IReadOnlyList<string> NamesAfterCatWord(IReadOnlyList<string> words) => _lists.InSentence(words);

    private static PhraseIndex<bool> Index(IEnumerable<string> phrases, Func<string, List<string>> tokenize) =>
        new(phrases.Select(l => (tokenize(l).ToArray(), true)).OrderByDescending(l => l.Item1.Length));

    /// <summary>
    /// A new name for a cat the owner already has: "call her Mochi", "no, it's Mochi not Late", "her name is actually
    /// Nori" are <see cref="NameChange.Explicit"/>; "her name is Mochi" renames only when the owner has one cat. Null
    /// when the message gives no name this way, or names a further cat ("my other cat is called Pepper").
    /// </summary>
    public NameChange? RenameIn(IReadOnlyList<string> words, IReadOnlyCollection<string> knownCats)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (knownCats.Count == 0 || Contains(_anotherCat, words))
        {
            return null;
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (_renameLeadIns.MatchAt(words, i) is { Words: var leadIn }
                && CandidateAfter(words, i + leadIn.Length, skip: _words.RenameSkips) is { } candidate
                && Plausible(candidate) is { } renamed && !knownCats.Contains(renamed, StringComparer.OrdinalIgnoreCase))
            {
                return new NameChange(renamed, Explicit: true);
            }
        }

        if (NameIn(words, [], leadInsOnly: true) is not { } name || knownCats.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        return Contains(_nameFixes, words) ? new NameChange(name, Explicit: true)
            : Contains(_singleCatLeadIns, words) ? new NameChange(name, Explicit: false)
            : null;
    }

    private static bool Contains(PhraseIndex<bool> phrases, IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (phrases.MatchAt(words, i) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words after a lead-in that may be a name: up to the next break, chat words at the end dropped.</summary>
    private List<string> CandidateAfter(IReadOnlyList<string> words, int start, IReadOnlyCollection<string>? skip = null)
    {
        // "her name is actually Nori", "call her just Pip": chat words right after the lead-in aren't the name. But
        // "i called them. took her in": once a chat word was passed over, the clause's end ends the search.
        var first = start;
        for (var passedWord = false; first < words.Count; first++)
        {
            var w = words[first];
            if (w == "," && passedWord)
            {
                return [];
            }

            if (w != "," && !(skip?.Contains(w) ?? false) && !(_notNameWords.Contains(w) && !_negations.Contains(w)))
            {
                break;
            }

            passedWord |= w != ",";
        }

        // "her names mango shes 2": the name ends where another lead-in starts; "called Mo 🐱": or at an emoji.
        var candidate = new List<string>();
        for (var k = first; k < words.Count && candidate.Count <= MostWords; k++)
        {
            if (words[k] == "," || _words.NameEnds.Contains(words[k]) || !words[k].Any(char.IsLetterOrDigit) || (k > first && _leadIns.MatchAt(words, k) is not null))
            {
                break;
            }

            candidate.Add(words[k]);
        }

        while (candidate.Count > 1 && _notNameWords.Contains(candidate[^1]))
        {
            candidate.RemoveAt(candidate.Count - 1);
        }

        return candidate;
    }

    /// <summary>
    /// A word that reads as part of a sentence rather than a name: an everyday word, a number, or a word formed
    /// like one ("raining", "finished", "really").
    /// </summary>
    private bool IsOrdinaryWord(string word) =>
        _everyday.Contains(word) || _numbers.Contains(word) || word.Any(char.IsAsciiDigit)
        || (word.Length >= 5 && OrdinaryEndings.Any(e => word.EndsWith(e, StringComparison.Ordinal)));

    /// <summary>Endings of words formed as verbs, adverbs and adjectives ("raining", "finished", "really", "fearless", "nervous").</summary>
    private static readonly string[] OrdinaryEndings = ["ing", "ed", "ly", "less", "ful", "ous", "ish", "ive", "able", "ible"];

    /// <summary>A name the words give explicitly, after a lead-in or in a question about the cat; null if none.</summary>
    public string? NameIn(IReadOnlyList<string> words, IReadOnlyCollection<string> knownCats) => NameIn(words, knownCats, leadInsOnly: false);

    /// <summary>
    /// A name the words give in a frame that only names take ("her name is Mochi", "my cat mochi"): what a name
    /// learned in passing must come from. Null for one after "it's", "she's", "i have" and the like.
    /// </summary>
    public string? FirmNameIn(IReadOnlyList<string> words, IReadOnlyCollection<string> knownCats) =>
        NameIn(words, knownCats, leadInsOnly: false, firm: true);

    /// <param name="words">The message's words.</param>
    /// <param name="knownCats">The owner's cats' names.</param>
    /// <param name="leadInsOnly">Only a name after a lead-in: not one in a question or in passing.</param>
    /// <param name="firm">Not a name after a lead-in ordinary words follow as often ("it's", "she's").</param>
    private string? NameIn(IReadOnlyList<string> words, IReadOnlyCollection<string> knownCats, bool leadInsOnly, bool firm = false)
    {
        ArgumentNullException.ThrowIfNull(words);
        for (var i = words.Count - 1; i >= 0; i--)
        {
            if (_leadIns.MatchAt(words, i) is { Words: var leadIn })
            {
                // "i just said, mochi lol": a comma right after the lead-in and chat words after the name don't count.
                var candidate = CandidateAfter(words, i + leadIn.Length);

                // "it's late sorry", "i have 2 cats": after a lead-in that ordinary words follow as often, only one
                // word that looks like a name is one; in doubt, nothing is stored. "hes a nutter", "she's such a
                // diva": a word after an article describes, it names nobody.
                if (_looseLeadIns.Contains(string.Join(' ', leadIn))
                    && (firm || candidate.Count != 1 || IsOrdinaryWord(candidate[0])
                        || (i + leadIn.Length < words.Count && _descriptionStarts.Contains(words[i + leadIn.Length]))))
                {
                    continue;
                }

                if (Plausible(candidate) is { } name && !IsSlipOfKnown(name, knownCats))
                {
                    return name;
                }
            }
        }

        if (leadInsOnly)
        {
            return null;
        }

        // "is milo ready for leash training?", "can biscuit learn this": a word in a name's place in a question.
        for (var i = 1; i + 1 < words.Count; i++)
        {
            if (_questionSlots.Contains(words[i - 1]) && _questionEnds.Contains(words[i + 1])
                && !knownCats.Contains(words[i], StringComparer.OrdinalIgnoreCase) && !IsOrdinaryWord(words[i]) && Plausible([words[i]]) is { } name)
            {
                return name;
            }
        }

        // "hi my cat luna keeps freezing", "start training pepper": a word the content doesn't know, right after
        // words that come before a cat's name, in any sentence.
        for (var i = 0; i < words.Count; i++)
        {
            if (_slots.MatchAt(words, i) is { Words: var slot } && i + slot.Length < words.Count)
            {
                var word = words[i + slot.Length];
                if (!IsEverydayWord(word) && !IsOrdinaryWord(word) && !knownCats.Contains(word, StringComparer.OrdinalIgnoreCase)
                    && Plausible([word]) is { } name && !IsSlipOfKnown(name, knownCats))
                {
                    return name;
                }
            }
        }

        return null;
    }

    /// <summary>A word the content knows, also as a plural ("harnesses", "leashes").</summary>
    private bool IsEverydayWord(string word)
    {
        var normalizer = _recognizer.Normalizer;
        return normalizer.IsKnownWord(word)
            || (word.EndsWith('s') && normalizer.IsKnownWord(word[..^1]))
            || (word.EndsWith("es", StringComparison.Ordinal) && normalizer.IsKnownWord(word[..^2]));
    }

    /// <summary>"peper" when Pepper is known is Pepper mistyped, not a new cat.</summary>
    private static bool IsSlipOfKnown(string name, IReadOnlyCollection<string> knownCats) =>
        knownCats.Any(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase) || NearName.IsSlipOf(name.ToLowerInvariant(), k));

    /// <summary>
    /// Several names in a list: the whole message ("milo and pickle", "luna + mochi") or what follows a lead-in ("their
    /// names are Milo, Pickle and Tom"). Empty unless every part is a plausible name and there are at least two.
    /// </summary>
    public IReadOnlyList<string> NamesListed(IReadOnlyList<string> words) => _lists.Whole(words);

    /// <summary>The whole message as a name ("Luna", "mr whiskers"), when it is short and nothing else.</summary>
    public string? BareName(IReadOnlyList<string> words, string? explicitName = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        return explicitName ?? (words.Count > MostWords || words.Contains(",") ? null : Plausible(words));
    }

    private string? Plausible(IReadOnlyList<string> words)
    {
        if (words.Count is 0 or > MostWords)
        {
            return null;
        }

        var joined = string.Join(' ', words);
        if (joined.Length > LongestName || joined.Length < 2 || !joined.Any(char.IsLetter) || _notNames.Contains(joined)
            || words.Any(w => _notNameWords.Contains(w) || _notNames.Contains(w) || !w.Any(char.IsLetterOrDigit) || w.All(char.IsAsciiDigit) || _numbers.Contains(w)
                || w.EndsWith("'s", StringComparison.Ordinal))
            || YesNoRecognizer.Recognize(joined) is not null)
        {
            return null;
        }

        // "start training pepper" is a request, not a cat called that: a name of several words doesn't open with one
        // the content knows.
        if (words.Count > 1 && _recognizer.Normalizer.IsKnownWord(words[0]) && !words.All(_recognizer.Normalizer.IsKnownWord))
        {
            return null;
        }

        // Something the recognizer clearly reads as a message ("harness", "is it safe") isn't a name; the
        // names from the owner stories ("Milo") are.
        // Words the content knows ("harness", "leash") are a name only when they are one of the stories' cats
        // ("Milo"); a word it doesn't know ("mr whiskers", "biscuit") is most likely a name.
        if (words.All(_recognizer.Normalizer.IsKnownWord))
        {
            var asMessage = _recognizer.Recognize(joined);
            var leaning = asMessage.Candidates.Count > 0 ? asMessage.Candidates[0].TopicId : null;
            if (asMessage.Kind == RecognitionKind.OutOfScope || leaning != TopicIds.Stories)
            {
                return null;
            }
        }

        return CultureInfo.InvariantCulture.TextInfo.ToTitleCase(joined);
    }

    /// <summary>True when <paramref name="phrase"/> stands word for word in <paramref name="words"/> at <paramref name="at"/>.</summary>
    internal static bool StartsAt(IReadOnlyList<string> words, int at, string[] phrase)
    {
        if (at + phrase.Length > words.Count)
        {
            return false;
        }

        for (var k = 0; k < phrase.Length; k++)
        {
            if (words[at + k] != phrase[k])
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A new name for a cat the owner has; <see cref="Explicit"/> when the message says it is a rename or a correction.</summary>
public sealed record NameChange(string Name, bool Explicit);
