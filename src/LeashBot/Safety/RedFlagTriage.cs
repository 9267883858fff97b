using System.Collections.Concurrent;
using System.Collections.Frozen;
using LeashBot.Content;
using LeashBot.Dialogs;
using LeashBot.Understanding;

namespace LeashBot.Safety;

/// <summary>
/// Reads every message, whole, for health red flags before anything else happens. Built once from
/// <c>dialogs/redflags.json</c>; immutable afterwards and safe to share between turns.
/// <para>
/// A message becomes sentences of word ids: contractions and shorthand expanded (the recognizer's own lists),
/// words stemmed (<see cref="EnglishStemmer"/>) and typos of red-flag words corrected (<see cref="FuzzyMatcher"/>)
/// unless the word is one the bot's content already knows. A sign's pattern matches words in order with a few
/// others in between. A match does not count when a denial reaches it ("no vomiting", "she isn't limping"),
/// when the sentence shows the words are harmless (the sign's <c>unless</c>), or when a vet's all-clear or a
/// long-ago time ("years ago") comes with it or after it in the same sentence before any "but". "Fine now" and
/// the like calm only the see-a-vet-soon signs: an emergency that seems over still goes to a vet.
/// When in doubt the rules lean towards a vet: denials reach only a few words and stop at a new clause.
/// </para>
/// </summary>
public sealed class RedFlagTriage
{
    private const int SentenceEnd = -2;
    private const int QuestionEnd = -3;
    private const int ShortQuestion = 4;
    private const int Comma = -1;
    private const int Unknown = 0;
    private const int MaxCachedCorrections = 20_000;
    private const int LongestWord = 48;
    private const int FragmentWords = 3;

    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _surfaceLookup;
    private readonly Dictionary<string, int> _surface; // exact surface words known to map to an id (or to 0 for general words)
    private readonly FrozenDictionary<string, string[]> _expansions;
    private readonly EmojiWords _emoji;
    private readonly FrozenSet<string> _knownStems; // stems of harmless content words: another form of one is no typo ("flopped")
    private readonly FuzzyMatcher _fuzzy;
    private readonly FrozenDictionary<string, int> _fuzzyTargets; // surface form in the fuzzy index -> id (0 = a general word)
    private readonly ConcurrentDictionary<string, int> _corrections = new(StringComparer.Ordinal);

    private readonly bool[] _skip;
    private readonly bool[] _negation;
    private readonly bool[] _carrier;
    private readonly bool[] _subject;
    private readonly bool[] _clauseBreak;
    private readonly bool[] _contrast;
    private readonly bool[] _notANameAfter;
    private readonly bool[] _thingAfterName;
    private readonly bool[] _unlessStop;
    private readonly bool[] _toUs;
    private readonly bool[] _catWord;
    private readonly bool[] _catOwner;
    private readonly bool[] _gapStop;
    private readonly FrozenSet<string> _namesToo;
    private readonly RedFlagLanguage _language;
    private readonly int _cat;
    private readonly int[][] _fillers;
    private readonly int[][] _notNegations;
    private readonly int _maxGap;
    private readonly int _negationWindow;

    private readonly PatternSet _signs;
    private readonly PatternSet _clearances;
    private readonly PatternSet _resolved;
    private readonly PatternSet _followUps;
    private readonly PatternSet _allClears;
    private readonly bool[] _healthWord;
    private readonly SignInfo[] _signInfo;
    private readonly FrozenDictionary<string, (PatternSet Cause, PatternSet Stopped)> _softerAfter;
    private readonly FrozenSet<string> _restates;
    private readonly FrozenSet<string> _healthForms; // health words as the content writes them, and their plain English endings

    private RedFlagTriage(RedFlagContent content, GlobalSettings? global, IEnumerable<string> knownTexts)
    {
        _maxGap = content.MaxGap;
        _negationWindow = content.NegationWindow;
        var expansions = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var map in new[] { global?.Shorthand, global?.Contractions })
        {
            foreach (var (key, value) in map ?? [])
            {
                expansions[ChatLexer.WithStraightApostrophes(key.Trim().ToLowerInvariant())] = value.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            }
        }

        _expansions = expansions.ToFrozenDictionary(StringComparer.Ordinal);
        _emoji = new EmojiWords(global?.Emoji);

        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var vocabulary = new Vocabulary(_ids);
        foreach (var word in content.SkipWords.Concat(content.Negations).Concat(content.NegationCarriers).Concat(content.Subjects)
                     .Concat(content.ClauseBreaks).Concat(content.Contrasts).Concat(content.NotANameAfter).Concat(content.ThingAfterName)
                     .Concat(content.UnlessStopsAt).Concat(content.HealthRemarks.ToUs).Concat(content.HealthRemarks.CatWords).Concat(content.HealthRemarks.CatOwners).Append("cat"))
        {
            vocabulary.IdOf(word);
        }

        var groups = content.WordGroups.ToDictionary(g => g.Key, g => g.Value, StringComparer.Ordinal);
        foreach (var list in content.Knowledge)
        {
            groups[list.Id] = list.Words;
        }

        var compile = new PatternCompiler(vocabulary, groups, this);
        _fillers = [.. content.Fillers.Select(compile.Phrase)];
        _notNegations = [.. content.NotNegations.Select(compile.Phrase)];

        var signs = new List<(Pattern Pattern, int Sign)>();
        var info = new List<SignInfo>();
        var softerAfter = new Dictionary<string, (PatternSet, PatternSet)>(StringComparer.Ordinal);
        foreach (var system in content.Systems)
        {
            foreach (var sign in system.Signs)
            {
                var tier = sign.Tier == "emergency" ? RedFlagTier.Emergency : RedFlagTier.Soon;
                var unless = sign.Unless is { Count: > 0 } u ? new PatternSet(u.Select(p => (compile.Pattern(p), 0))) : null;
                info.Add(new SignInfo(new RedFlagSign(sign.Id, system.Id, tier), unless));
                if (sign.SofterAfter is { Count: > 0 } softer)
                {
                    softerAfter[sign.Id] = (new PatternSet(softer.Select(p => (compile.Pattern(p), 0))),
                        new PatternSet(content.Resolved.Concat(sign.StoppedWhen ?? []).Select(p => (compile.Pattern(p), 0))));
                }

                signs.AddRange(sign.Patterns.Select(p => (compile.Pattern(p), info.Count - 1)));
            }
        }

        _signInfo = [.. info];
        _softerAfter = softerAfter.ToFrozenDictionary(StringComparer.Ordinal);
        _restates = content.Systems.SelectMany(s => s.Signs).Where(s => s.RestatesAlarm).Select(s => s.Id).ToFrozenSet(StringComparer.Ordinal);
        _clearances = new PatternSet(content.Clearances.Concat(content.LongAgo).Select(p => (compile.Pattern(p), 0)));
        _resolved = new PatternSet(content.Resolved.Select(p => (compile.Pattern(p), 0)));
        _followUps = new PatternSet(content.FollowUps.Select(p => (compile.Pattern(p), 0)));
        _allClears = new PatternSet(content.AllClears.Select(p => (compile.Pattern(p), 0)));
        _signs = new PatternSet(signs);
        var healthIds = signs.SelectMany(s => s.Pattern.Elements[0]).Concat(groups.GetValueOrDefault("vet", []).Select(vocabulary.IdOf)).ToHashSet();

        var count = vocabulary.Count + 1;
        _skip = Flags(content.SkipWords);
        _negation = Flags(content.Negations);
        _carrier = Flags(content.NegationCarriers);
        _subject = Flags(content.Subjects);
        _clauseBreak = Flags(content.ClauseBreaks);
        _contrast = Flags(content.Contrasts);
        _notANameAfter = Flags(content.NotANameAfter);
        _thingAfterName = Flags(content.ThingAfterName);
        _unlessStop = Flags(content.UnlessStopsAt);
        _toUs = Flags(content.HealthRemarks.ToUs);
        _catWord = Flags(content.HealthRemarks.CatWords);
        _catOwner = Flags(content.HealthRemarks.CatOwners);

        // A pattern's words never reach over "but", "though" and the like: what comes after is another thought.
        _gapStop = [.. _clauseBreak.Select((isBreak, id) => isBreak && _contrast[id])];
        _namesToo = content.NamesToo.Select(n => n.Trim().ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
        _language = new RedFlagLanguage(content);
        _cat = vocabulary.IdOf("cat");
        _healthWord = new bool[count];

        var coachingStems = knownTexts.SelectMany(Words).Select(EnglishStemmer.Stem).ToHashSet(StringComparer.Ordinal);
        foreach (var (stem, id) in _ids)
        {
            // Words of the coaching itself ("walk", "treat") say nothing about health on their own.
            // Nor do words of one or two letters, the other languages' little words among them ("se ahoga" starts with "se").
            _healthWord[id] = healthIds.Contains(id) && id < count && stem.Length > 2 && !_skip[id] && !_negation[id] && !_subject[id] && !coachingStems.Contains(stem);
        }

        // Exact words: every red-flag word as written in the content maps to its id; every other word the
        // bot's content uses is known to be harmless (id 0), so it is never "corrected" into a red flag.
        _surface = new Dictionary<string, int>(StringComparer.Ordinal);
        var fuzzyWords = new Dictionary<string, int>(StringComparer.Ordinal);
        var fuzzyTargets = new Dictionary<string, int>(StringComparer.Ordinal);
        var knownStems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in knownTexts)
        {
            foreach (var word in Words(text))
            {
                var stem = EnglishStemmer.Stem(word);
                if (!_ids.ContainsKey(stem))
                {
                    knownStems.Add(stem);
                    _surface.TryAdd(word, Unknown);
                    fuzzyWords[word] = fuzzyWords.GetValueOrDefault(word) + 1;
                    fuzzyTargets.TryAdd(word, Unknown);
                }
            }
        }

        foreach (var (stem, id) in _ids)
        {
            foreach (var form in FormsOf(stem).Concat(compile.SurfaceWords.Where(w => EnglishStemmer.Stem(w) == stem)))
            {
                if (form.Length >= FuzzyMatcher.MinLength)
                {
                    fuzzyWords[form] = fuzzyWords.GetValueOrDefault(form) + 2;
                    fuzzyTargets[form] = id;
                }
            }
        }

        _knownStems = knownStems.ToFrozenSet(StringComparer.Ordinal);
        _healthForms = compile.SurfaceWords.Where(w => _ids.TryGetValue(EnglishStemmer.Stem(w), out var id) && _healthWord[id])
            .SelectMany(w => new[] { w, w + "s", w + "es", w + "ed", w + "d", w + "ing", EnglishStemmer.Stem(w) })
            .ToFrozenSet(StringComparer.Ordinal);
        _surfaceLookup = _surface.GetAlternateLookup<ReadOnlySpan<char>>();
        _fuzzy = new FuzzyMatcher(fuzzyWords);
        _fuzzyTargets = fuzzyTargets.ToFrozenDictionary(StringComparer.Ordinal);

        bool[] Flags(IEnumerable<string> words)
        {
            var flags = new bool[count];
            foreach (var word in words)
            {
                flags[vocabulary.IdOf(word)] = true;
            }

            return flags;
        }
    }

    /// <summary>Number of distinct word stems the triage knows.</summary>
    public int VocabularySize => _ids.Count;

    /// <summary>The body systems the signs are grouped by.</summary>
    public IReadOnlyList<string> SystemIds => [.. _signInfo.Select(s => s.Sign.SystemId).Distinct()];

    /// <summary>A sign by its id ("breathing.panting"), with its body system and tier; null for an id the content no longer has.</summary>
    public RedFlagSign? Sign(string signId) => _signInfo.FirstOrDefault(s => s.Sign.SignId == signId)?.Sign;

    /// <summary>True for a sign that only says how grave the owner feels it is ("dying", "an emergency").</summary>
    public bool RestatesAlarm(string signId) => _restates.Contains(signId);

    /// <summary>Number of sign patterns.</summary>
    public int PatternCount => _signs.Count;

    /// <summary>Builds the triage from its content, the recognizer's contractions, shorthand and emoji, and texts whose words are known to be harmless.</summary>
    public static RedFlagTriage Build(RedFlagContent content, GlobalSettings? global, IEnumerable<string> knownTexts)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(knownTexts);
        return new RedFlagTriage(content, global, knownTexts);
    }

    /// <summary>
    /// Builds the triage for the bot's content: its red flags, the recognizer's contractions and emoji, and every
    /// word of the coaching content as a known word that is never corrected into a red flag.
    /// </summary>
    public static RedFlagTriage FromContent(BotContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var topics = content.Understanding.Topics ?? [];
        var known = topics.SelectMany(t => (t.Examples ?? []).Concat((t.Keywords ?? []).Select(k => k.Text)))
            .Concat(content.Faq.Answers.SelectMany(a => new[] { a.Title, a.Answer }))
            .Concat(content.Faq.Stories.Select(s => s.Text))
            .Concat(content.Troubleshooting.Struggles.SelectMany(s => new[] { s.Title, s.Why, s.WhatToDo, s.AnotherIdea }))
            .Concat(content.Plan.Steps.SelectMany(s => new[] { s.Title, s.Goal, s.Tip ?? "" }))
            .Concat(content.Checklist.Questions.Select(q => q.Text))
            // Everyday words of the other languages ("demasiado") are words, not typos of a red-flag word ("desmayado").
            .Concat(content.RedFlags.LanguageWords.Values.Select(words => string.Join(' ', words)));
        return Build(content.RedFlags, content.Understanding.Global, known);
    }

    /// <summary>
    /// Reads the whole message for red flags. <paramref name="catNames"/> are the owner's own cats: a cat called
    /// by a red-flag word ("Lily ate her dinner") is read as the cat.
    /// </summary>
    public RedFlagResult Read(string text, IReadOnlyCollection<string>? catNames = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokenize(text, catNames, out var typos);
        List<RedFlagSign>? found = null;
        var tier = RedFlagTier.None;
        var calmed = false;
        var start = 0;
        Span<int> positions = stackalloc int[PatternSet.MaxElements];
        for (var i = 0; i <= tokens.Count; i++)
        {
            if (i < tokens.Count && (!IsEnd(tokens[i]) || IsFragment(tokens, start, i)))
            {
                continue;
            }

            var end = i;
            if (end > start && !IsDeniedQuestion(tokens, start, end))
            {
                ReadSentence(tokens, start, end, positions, ref found, ref tier, ref calmed);
            }
            else if (end > start)
            {
                calmed = true;
            }

            start = i + 1;
        }

        if (found is not null)
        {
            return Softened(tokens, found) is { } softer ? new RedFlagResult(softer.Max(s => s.Tier), softer) : new RedFlagResult(tier, found);
        }

        // Only words written as health words make a remark about health: a word read as a typo of one ("rapida",
        // "olio") is enough to catch a red flag, never to call an ordinary message a health remark.
        return (calmed || (MentionsHealth(tokens) && !ToUsNotTheCat(tokens))) && !OnlyTypos(tokens, typos) ? (calmed ? RedFlagResult.Calmed : RedFlagResult.HealthOnly) : RedFlagResult.None;
    }

    /// <summary>
    /// True when the message says a vet has seen the cat and all is well ("the vet saw her, gave fluids and says
    /// she's fine now"): after a red flag, that ends the alarm.
    /// </summary>
    public bool ReadsAllClear(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Only a denial inside it undoes an all-clear ("the vet said she's not fine"), even one that is no denial in
        // a sign; one before it is about something else ("nothing broken, the vet says she's ok"). A question is no
        // all-clear ("should i go to the vet or is he fine?").
        return AnySentenceMatches(_allClears, Tokenize(text), denialInsideUndoes: true, statementsOnly: true);
    }

    /// <summary>True when a pattern of the set matches within one sentence of the message (with <paramref name="statementsOnly"/>, one that is no question).</summary>
    private bool AnySentenceMatches(PatternSet set, List<int> tokens, bool denialInsideUndoes, bool statementsOnly = false)
    {
        Span<int> positions = stackalloc int[PatternSet.MaxElements];
        var start = 0;
        for (var i = 0; i <= tokens.Count; i++)
        {
            if (i < tokens.Count && !IsEnd(tokens[i]))
            {
                continue;
            }

            if (statementsOnly && i < tokens.Count && tokens[i] == QuestionEnd)
            {
                start = i + 1;
                continue;
            }

            for (var p = start; p < i; p++)
            {
                foreach (var (pattern, _) in set.StartingWith(tokens[p]))
                {
                    var length = Match(pattern, tokens, p, i, positions);
                    if (length > 0 && !(denialInsideUndoes && HasDenialInside(tokens, positions[0], positions[length - 1])))
                    {
                        return true;
                    }
                }
            }

            start = i + 1;
        }

        return false;
    }

    private bool HasDenialInside(List<int> tokens, int first, int last)
    {
        for (var k = first + 1; k < last; k++)
        {
            if (tokens[k] > 0 && _negation[tokens[k]])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The language of a red flag written mostly in another language's everyday words, or null (see <see cref="RedFlagLanguage"/>).</summary>
    public string? LanguageOf(string text) => _language.Of(text);

    /// <summary>
    /// True when the message has words the rules calm a sign with, wherever they stand: a denial ("no", "not"), a vet's
    /// all-clear, a time long past ("last year"), a what-if, or "fine now". Where the rules found no sign, a reading by
    /// meaning can't tell "no vomiting" from "vomiting": such a message is left to the rules.
    /// </summary>
    public bool ReadsCalming(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokenize(text);
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens[k] > 0 && _negation[tokens[k]] && !IsNotNegation(tokens, k))
            {
                return true;
            }
        }

        return AnySentenceMatches(_clearances, tokens, denialInsideUndoes: false) || AnySentenceMatches(_resolved, tokens, denialInsideUndoes: false)
            || AnySentenceMatches(_allClears, tokens, denialInsideUndoes: false);
    }

    /// <summary>True when some words were read as typos of red-flag words and no health word is written as such.</summary>
    private bool OnlyTypos(List<int> tokens, List<int>? typos)
    {
        if (typos is null)
        {
            return false;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] > 0 && !typos.Contains(i) && _healthWord[tokens[i]])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Emergency signs with a cause that makes them less pressing ("panting with his mouth open after play"), when the
    /// message also says the sign has stopped ("fine after"), are read as see a vet soon; null when none is.
    /// </summary>
    private List<RedFlagSign>? Softened(List<int> tokens, List<RedFlagSign> found)
    {
        List<RedFlagSign>? softened = null;
        for (var i = 0; i < found.Count; i++)
        {
            if (_softerAfter.TryGetValue(found[i].SignId, out var softer) && AnySentenceMatches(softer.Cause, tokens, denialInsideUndoes: true)
                && AnySentenceMatches(softer.Stopped, tokens, denialInsideUndoes: true))
            {
                softened ??= [.. found];
                softened[i] = found[i] with { Tier = RedFlagTier.Soon };
            }
        }

        return softened;
    }

    /// <summary>
    /// A question to the shop or clinic ("what time do you shut", "do you sell cat flaps") that says nothing of the cat
    /// ("she", "his", "my cat"): a word it shares with a sign ("shut", "flap") is no remark about health.
    /// </summary>
    private bool ToUsNotTheCat(List<int> tokens)
    {
        var toUs = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var id = tokens[i];
            if (id > 0 && (_catWord[id] || (id == _cat && i > 0 && tokens[i - 1] > 0 && _catOwner[tokens[i - 1]])))
            {
                return false;
            }

            toUs |= id > 0 && _toUs[id];
        }

        return toUs;
    }

    /// <summary>A word red flags are made of ("gums", "breathing", "vet"), though no sign was found.</summary>
    private bool MentionsHealth(List<int> tokens)
    {
        foreach (var id in tokens)
        {
            if (id > 0 && _healthWord[id])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How the triage reads a message, word by word: the stems it knows, "?" for others. For checking a new pattern.</summary>
    public string Explain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = _ids.ToDictionary(kv => kv.Value, kv => kv.Key);
        return string.Join(' ', Tokenize(text).Select(id => id switch { SentenceEnd => "|", QuestionEnd => "?|", Comma => ",", Unknown => "?", _ => names[id] }));
    }

    /// <summary>True when the message asks about health or what to do ("is it heatstroke?", "can it wait till morning?").</summary>
    public bool AsksAboutHealth(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AnySentenceMatches(_followUps, Tokenize(text), denialInsideUndoes: false);
    }

    private void ReadSentence(List<int> tokens, int start, int end, Span<int> positions, ref List<RedFlagSign>? found, ref RedFlagTier tier, ref bool calmed)
    {
        var calmSegment = -1;     // the last segment with a vet's all-clear or a long-ago time: calms every sign up to it
        var resolvedSegment = -1; // the last segment with "fine now", "healed": calms see-a-vet-soon signs up to it
        var calmChecked = false;
        for (var i = start; i < end; i++)
        {
            var id = tokens[i];
            if (id <= 0)
            {
                continue;
            }

            foreach (var (pattern, sign) in _signs.StartingWith(id))
            {
                var info = _signInfo[sign];
                if (found?.Contains(info.Sign) == true)
                {
                    continue;
                }

                var length = Match(pattern, tokens, i, end, positions);
                if (length == 0)
                {
                    continue;
                }

                if (IsNegated(tokens, start, positions[..length]) || (info.Unless is not null && AnyMatch(info.Unless, tokens, start, UnlessEnd(tokens, positions[length - 1], end))))
                {
                    calmed = true;
                    continue;
                }

                if (!calmChecked)
                {
                    calmChecked = true;
                    (calmSegment, resolvedSegment) = CalmingSegments(tokens, start, end);
                }

                var segment = SegmentOf(tokens, start, i);
                if (segment <= calmSegment || (info.Sign.Tier == RedFlagTier.Soon && segment <= resolvedSegment))
                {
                    calmed = true;
                    continue;
                }

                (found ??= []).Add(info.Sign);
                if (info.Sign.Tier > tier)
                {
                    tier = info.Sign.Tier;
                }
            }
        }
    }

    private (int Calm, int Resolved) CalmingSegments(List<int> tokens, int start, int end)
    {
        Span<int> positions = stackalloc int[PatternSet.MaxElements];
        int calm = -1, resolved = -1;
        for (var i = start; i < end; i++)
        {
            foreach (var (pattern, _) in _clearances.StartingWith(tokens[i]))
            {
                var length = Match(pattern, tokens, i, end, positions);
                if (length > 0 && !IsNegated(tokens, start, positions[..length]))
                {
                    calm = Math.Max(calm, SegmentOf(tokens, start, positions[length - 1]));
                }
            }

            foreach (var (pattern, _) in _resolved.StartingWith(tokens[i]))
            {
                var length = Match(pattern, tokens, i, end, positions);
                if (length > 0 && !IsNegated(tokens, start, positions[..length]))
                {
                    resolved = Math.Max(resolved, SegmentOf(tokens, start, positions[length - 1]));
                }
            }
        }

        return (calm, resolved);
    }

    /// <summary>Segments of a sentence are separated by contrast words ("but", "now", "still"); a contrast word opens the next one.</summary>
    private int SegmentOf(List<int> tokens, int start, int position)
    {
        var segment = 0;
        for (var i = start + 1; i <= position; i++)
        {
            if (tokens[i] > 0 && _contrast[tokens[i]])
            {
                segment++;
            }
        }

        return segment;
    }

    /// <summary>Where a sign's <c>unless</c> stops being about it: the first word of <c>unlessStopsAt</c> after the sign.</summary>
    private int UnlessEnd(List<int> tokens, int last, int end)
    {
        for (var k = last + 1; k < end; k++)
        {
            if (tokens[k] > 0 && _unlessStop[tokens[k]])
            {
                return k;
            }
        }

        return end;
    }

    private bool AnyMatch(PatternSet set, List<int> tokens, int start, int end)
    {
        Span<int> positions = stackalloc int[PatternSet.MaxElements];
        for (var i = start; i < end; i++)
        {
            foreach (var (pattern, _) in set.StartingWith(tokens[i]))
            {
                if (Match(pattern, tokens, i, end, positions) > 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Matches a pattern whose first word is at <paramref name="first"/>; returns how many words matched
    /// (the pattern's length) with their positions, or 0.
    /// </summary>
    private int Match(Pattern pattern, List<int> tokens, int first, int end, Span<int> positions)
    {
        positions[0] = first;
        return Extend(pattern, 1, tokens, first, end, positions) ? pattern.Elements.Length : 0;
    }

    private bool Extend(Pattern pattern, int element, List<int> tokens, int previous, int end, Span<int> positions)
    {
        if (element == pattern.Elements.Length)
        {
            return true;
        }

        var words = pattern.Elements[element];
        var adjacent = pattern.Adjacent[element];
        var anywhere = pattern.Anywhere[element];
        var gap = 0;
        for (var j = previous + 1; j < end; j++)
        {
            var id = tokens[j];
            if (id > 0 && Array.IndexOf(words, id) >= 0)
            {
                positions[element] = j;
                if (Extend(pattern, element + 1, tokens, j, end, positions))
                {
                    return true;
                }
            }

            if (adjacent || (!anywhere && id > 0 && _gapStop[id]))
            {
                return false;
            }

            if (id == Comma || (id > 0 && _skip[id]))
            {
                continue;
            }

            if (!anywhere && ++gap > _maxGap)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// A denial inside the matched words ("gums are not pale"), or a few words before them in the same clause
    /// ("no vomiting or anything"). "Not sure", "can't stop" and the like are not denials.
    /// </summary>
    private bool IsNegated(List<int> tokens, int sentenceStart, ReadOnlySpan<int> matched)
    {
        for (var k = matched[0] + 1; k < matched[^1]; k++)
        {
            if (tokens[k] > 0 && _negation[tokens[k]] && !matched.Contains(k) && !IsNotNegation(tokens, k))
            {
                return true;
            }
        }

        if (_negation[tokens[matched[0]]])
        {
            // A sign that starts with its own denial ("hasn't touched his bowl") is not undone by another before it ("won't eat, hasn't touched…").
            return false;
        }

        var counted = 0;
        for (var k = matched[0] - 1; k >= sentenceStart; k--)
        {
            var id = tokens[k];
            if (id == Comma)
            {
                if (k + 1 < tokens.Count && tokens[k + 1] > 0 && _subject[tokens[k + 1]])
                {
                    return false;
                }

                continue;
            }

            if (id <= 0)
            {
                if (++counted > _negationWindow)
                {
                    return false;
                }

                continue;
            }

            if (_negation[id])
            {
                return !IsNotNegation(tokens, k);
            }

            if (_clauseBreak[id])
            {
                return false;
            }

            if (_subject[id] && !AfterCarrier(tokens, sentenceStart, k))
            {
                // A new subject starts a new clause ("not limping, she's dragging her legs") unless a verb like
                // "think" carries the denial over it ("I don't think she's in pain").
                return false;
            }

            if (!_skip[id] && ++counted > _negationWindow)
            {
                return false;
            }
        }

        return false;
    }

    private bool AfterCarrier(List<int> tokens, int sentenceStart, int subject)
    {
        for (var k = subject - 1; k >= sentenceStart; k--)
        {
            var id = tokens[k];
            if (id > 0 && _carrier[id])
            {
                return true;
            }

            if (id <= 0 || !_skip[id])
            {
                return false;
            }
        }

        return false;
    }

    private bool IsNotNegation(List<int> tokens, int at)
    {
        foreach (var phrase in _notNegations)
        {
            if (phrase[0] != tokens[at])
            {
                continue;
            }

            var k = at + 1;
            var matched = 1;
            while (matched < phrase.Length && k < tokens.Count && !IsEnd(tokens[k]))
            {
                if (tokens[k] == phrase[matched])
                {
                    matched++;
                }
                else if (tokens[k] <= 0 || !_skip[tokens[k]])
                {
                    break;
                }

                k++;
            }

            if (matched == phrase.Length)
            {
                return true;
            }
        }

        return false;
    }

    private List<int> Tokenize(string text, IReadOnlyCollection<string>? catNames = null) => Tokenize(text, catNames, out _);

    /// <summary>The message as word ids; <paramref name="typos"/> holds the positions of words read as a typo of a red-flag word.</summary>
    private List<int> Tokenize(string text, IReadOnlyCollection<string>? catNames, out List<int>? typos)
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
                if (tokens.Count > 0 && !IsEnd(tokens[^1]))
                {
                    tokens.Add(c == '?' ? QuestionEnd : SentenceEnd);
                }

                i++;
                continue;
            }

            if (c == ',')
            {
                tokens.Add(Comma);
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
                tokens.Add(Unknown);
                continue;
            }

            if (catNames is { Count: > 0 } && IsCatName(buffer[..length], catNames) && (tokens.Count == 0 || tokens[^1] <= 0 || !_notANameAfter[tokens[^1]]))
            {
                tokens.Add(_cat);
                continue;
            }

            var before = tokens.Count;
            var opensSentence = before == 0 || IsEnd(tokens[before - 1]);
            var opensClause = opensSentence || tokens[before - 1] == Comma || tokens[before - 1] == _cat || (tokens[before - 1] > 0 && _clauseBreak[tokens[before - 1]]);
            AddWord(buffer[..length], tokens, ref typos);
            if (tokens.Count == before + 1 && opensClause && _namesToo.Count > 0 && IsNameToo(buffer[..length]))
            {
                (namesToo ??= []).Add(before);
            }
            else if (tokens.Count == before + 1 && tokens[before] == Unknown && !opensSentence && char.IsUpper(text[wordStart]) && length > 1)
            {
                // A capitalised word the triage doesn't know, mid-sentence, is a name: most often the cat's ("and Ziggy licked it off").
                tokens[before] = _cat;
            }
        }

        foreach (var at in namesToo ?? [])
        {
            // Opening a clause or right after "cat" ("my cat Lily has…"), "daisy chewed the strap": the cat. "lily pollen", "lily, she ate a leaf", "lily.": the thing.
            var next = at + 1 < tokens.Count ? tokens[at + 1] : SentenceEnd;
            if (next != Comma && !IsEnd(next) && (next <= 0 || !_thingAfterName[next]))
            {
                tokens[at] = _cat;
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

        if (_surfaceLookup.TryGetValue(word, out var known) && known == Unknown)
        {
            // A word the bot's content uses that is not a red-flag word in any form.
            tokens.Add(Unknown);
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
        if (_ids.TryGetValue(stem, out var id))
        {
            // A health word in a form the content never writes ("puse", "rapide") is only a look-alike: it still
            // counts for a sign, but not as a remark about health.
            corrected = _healthWord[id] && !_healthForms.Contains(word);
            return id;
        }

        if (word.Length < FuzzyMatcher.MinLength || _surface.ContainsKey(word) || _knownStems.Contains(stem))
        {
            return Unknown;
        }

        corrected = true;
        if (_corrections.TryGetValue(word, out id))
        {
            return id;
        }

        // A typo keeps its first letter: "leeds" is no "bleeds", "deliver" no "shiver".
        var correction = _fuzzy.Find(word);
        id = correction is null || correction[0] != word[0] ? Unknown : _fuzzyTargets.GetValueOrDefault(correction);
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

    private static bool IsEnd(int id) => id is SentenceEnd or QuestionEnd;

    /// <summary>
    /// A few words ending in a full stop ("grapes.", "garlic butter.") name the thing the next sentence is about
    /// ("she ate like 3"): they are read with it.
    /// </summary>
    private bool IsFragment(List<int> tokens, int start, int end)
    {
        if (tokens[end] != SentenceEnd)
        {
            return false;
        }

        var words = 0;
        var known = false;
        for (var i = start; i < end; i++)
        {
            var id = tokens[i];
            if (id == Comma || (id > 0 && _skip[id]))
            {
                continue;
            }

            known |= id > 0 && !_negation[id]; // "no." answers a question; it names nothing
            words++;
        }

        return known && words <= FragmentWords;
    }

    /// <summary>A short question answered with a denial right after it: "panting? no, just purring".</summary>
    private bool IsDeniedQuestion(List<int> tokens, int start, int end)
    {
        if (end + 1 >= tokens.Count || tokens[end] != QuestionEnd || tokens[end + 1] <= 0 || !_negation[tokens[end + 1]] || IsNotNegation(tokens, end + 1))
        {
            return false;
        }

        var words = 0;
        for (var i = start; i < end; i++)
        {
            words += tokens[i] > 0 && _skip[tokens[i]] ? 0 : 1;
        }

        return words <= ShortQuestion;
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

    /// <summary>"comió" reads as "comio" (see <see cref="ChatLexer.WithoutAccent"/>).</summary>
    internal static char WithoutAccent(char c) => ChatLexer.WithoutAccent(c);

    /// <summary>Lower-case words of a text, for the list of known words (see <see cref="ChatLexer.LetterWords"/>).</summary>
    internal static IEnumerable<string> Words(string text) => ChatLexer.LetterWords(text);

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
    }

    private sealed record SignInfo(RedFlagSign Sign, PatternSet? Unless);

    /// <summary>The ids of word stems, handed out as words are first seen.</summary>
    private sealed class Vocabulary(Dictionary<string, int> ids)
    {
        public int Count => ids.Count;

        public int IdOf(string word)
        {
            var stem = EnglishStemmer.Stem(word.Trim().ToLowerInvariant());
            if (!ids.TryGetValue(stem, out var id))
            {
                ids[stem] = id = ids.Count + 1;
            }

            return id;
        }
    }

    private sealed class PatternCompiler(Vocabulary vocabulary, Dictionary<string, List<string>> groups, RedFlagTriage triage)
    {
        public HashSet<string> SurfaceWords { get; } = new(StringComparer.Ordinal);

        /// <summary>A pattern's words, each a set of alternative ids; "+" before a word means it must follow directly.</summary>
        public Pattern Pattern(string text)
        {
            var parts = text.Replace("+", " + ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var elements = new List<int[]>();
            var adjacent = new List<bool>();
            var anywhere = new List<bool>();
            var next = false;
            foreach (var part in parts)
            {
                if (part == "+")
                {
                    next = true;
                    continue;
                }

                var far = part.StartsWith('~');
                var words = part.TrimStart('~').Split('|').SelectMany(w => Expand(w, 0));
                elements.Add([.. words.SelectMany(Ids).Distinct()]);
                adjacent.Add(next);
                anywhere.Add(far);
                next = false;
            }

            return new Pattern([.. elements], [.. adjacent], [.. anywhere]);
        }

        /// <summary>A word, or the words of a group; a group may name other groups ("@poison" = "@toxicPlant" and more).</summary>
        private IEnumerable<string> Expand(string word, int depth)
        {
            if (!word.StartsWith('@'))
            {
                return [word];
            }

            if (depth > 4 || !groups.TryGetValue(word[1..], out var members))
            {
                throw new InvalidOperationException($"Unknown or circular word group '{word}'.");
            }

            return members.SelectMany(m => Expand(m, depth + 1));
        }

        /// <summary>A phrase compared word for word (fillers, words that only look like denials).</summary>
        public int[] Phrase(string text) => [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(Ids)];

        private IEnumerable<int> Ids(string word)
        {
            word = word.ToLowerInvariant();
            if (triage._expansions.TryGetValue(word, out var expansion))
            {
                // A contraction inside a pattern alternative stands for its last word ("can't" -> "not").
                word = expansion[^1];
            }

            SurfaceWords.Add(word);
            yield return vocabulary.IdOf(word);
        }
    }

    /// <summary>Words in order; <c>Adjacent</c>: right after the previous word; <c>Anywhere</c>: anywhere later in the sentence ("~word").</summary>
    private sealed record Pattern(int[][] Elements, bool[] Adjacent, bool[] Anywhere);

    /// <summary>Patterns indexed by the ids their first word may have.</summary>
    private sealed class PatternSet
    {
        public const int MaxElements = 8;

        private static readonly (Pattern, int)[] NoPatterns = [];
        private readonly Dictionary<int, (Pattern, int)[]> _byFirst;

        public PatternSet(IEnumerable<(Pattern Pattern, int Tag)> patterns)
        {
            var list = patterns.ToList();
            Count = list.Count;
            _byFirst = list
                .SelectMany(p => p.Pattern.Elements[0].Select(id => (id, p)))
                .GroupBy(x => x.id)
                .ToDictionary(g => g.Key, g => g.Select(x => (x.p.Pattern, x.p.Tag)).ToArray());
        }

        public int Count { get; }

        public (Pattern, int)[] StartingWith(int id) => id > 0 && _byFirst.TryGetValue(id, out var list) ? list : NoPatterns;
    }
}
