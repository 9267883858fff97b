using System.Collections.Frozen;
using LeashBot.Understanding;

namespace LeashBot.Safety;

/// <summary>
/// Reads every message, whole, for health red flags before anything else happens. Built once from
/// <c>dialogs/redflags.json</c>; immutable afterwards and safe to share between turns.
/// <para>
/// A small composer over its parts: the lexicon (<see cref="TriageLexicon"/>: a message becomes sentences of word ids,
/// contractions and shorthand expanded, words stemmed and typos of red-flag words corrected unless the word is one the
/// bot's content already knows), the patterns (<see cref="TriagePatternCompiler"/>, <see cref="TriageMatcher"/>: a
/// sign's words in order with a few others in between) and the denials (<see cref="TriageDenials"/>). A match does not
/// count when a denial reaches it ("no vomiting", "she isn't limping"), when the sentence shows the words are harmless
/// (the sign's <c>unless</c>), or when a vet's all-clear or a long-ago time ("years ago") comes with it or after it in
/// the same sentence before any "but". "Fine now" and the like calm only the see-a-vet-soon signs: an emergency that
/// seems over still goes to a vet. When in doubt the rules lean towards a vet: denials reach only a few words and stop
/// at a new clause.
/// </para>
/// </summary>
public sealed partial class RedFlagTriage
{
    private const int FragmentWords = 3;

    private readonly TriageVocabulary _vocabulary;
    private readonly TriageWordClasses _words;
    private readonly TriageLexicon _lexicon;
    private readonly TriageMatcher _matcher;
    private readonly TriageDenials _denials;
    private readonly TriageCalming _calming;
    private readonly TriageHealthRemarks _remarks;
    private readonly RedFlagLanguage _language;

    private readonly TriagePatternSet _signs;
    private readonly TriagePatternSet _clearances;
    private readonly TriagePatternSet _resolved;
    private readonly TriagePatternSet _followUps;
    private readonly TriagePatternSet _allClears;
    private readonly TriagePatternSet _whatIfMarkers;
    private readonly TriagePatternSet _tellTheVet;
    private readonly TriagePatternSet _notHappening;
    private readonly TriagePatternSet _falseAlarm;
    private readonly TriagePatternSet _stillWorry;
    private readonly TriagePatternSet _firstAid;
    private readonly FrozenSet<string> _poisonNames;
    private readonly FrozenSet<int> _poisonIds;
    private readonly FrozenSet<int> _backReferenceVerbs;
    private readonly TriagePatternSet[] _mildSigns;
    private readonly TriageWhatIf _whatIf;
    private readonly SignInfo[] _signInfo;
    private readonly FrozenDictionary<string, (TriagePatternSet Cause, TriagePatternSet Stopped)> _softerAfter;
    private readonly FrozenSet<string> _restates;

    private RedFlagTriage(RedFlagContent content, GlobalSettings? global, IEnumerable<string> knownTexts)
    {
        var expansions = TriageLexicon.ExpansionsOf(global);
        _vocabulary = new TriageVocabulary();
        TriageWordClasses.Register(content, _vocabulary);

        var groups = content.WordGroups.ToDictionary(g => g.Key, g => g.Value, StringComparer.Ordinal);
        foreach (var list in content.Knowledge)
        {
            groups[list.Id] = list.Words;
        }

        var compile = new TriagePatternCompiler(_vocabulary, groups, expansions);
        int[][] fillers = [.. content.Fillers.Select(compile.Phrase)];
        int[][] notNegations = [.. content.NotNegations.Select(compile.Phrase)];

        var signs = new List<(TriagePattern Pattern, int Sign)>();
        var info = new List<SignInfo>();
        var softerAfter = new Dictionary<string, (TriagePatternSet, TriagePatternSet)>(StringComparer.Ordinal);
        foreach (var system in content.Systems)
        {
            foreach (var sign in system.Signs)
            {
                var tier = sign.Tier == "emergency" ? RedFlagTier.Emergency : RedFlagTier.Soon;
                var unless = sign.Unless is { Count: > 0 } u ? compile.Set(u) : null;
                info.Add(new SignInfo(new RedFlagSign(sign.Id, system.Id, tier), unless));
                if (sign.SofterAfter is { Count: > 0 } softer)
                {
                    softerAfter[sign.Id] = (compile.Set(softer), compile.Set(content.Resolved.Concat(sign.StoppedWhen ?? [])));
                }

                signs.AddRange(sign.Patterns.Select(p => (compile.Pattern(p), info.Count - 1)));
            }
        }

        _signInfo = [.. info];
        _softerAfter = softerAfter.ToFrozenDictionary(StringComparer.Ordinal);
        _restates = content.Systems.SelectMany(s => s.Signs).Where(s => s.RestatesAlarm).Select(s => s.Id).ToFrozenSet(StringComparer.Ordinal);
        _clearances = compile.Set(content.Clearances.Concat(content.LongAgo));
        _resolved = compile.Set(content.Resolved);
        _followUps = compile.Set(content.FollowUps);
        _allClears = compile.Set(content.AllClears);
        _whatIfMarkers = compile.Set(content.WhatIf.Markers);
        _tellTheVet = compile.Set(content.TellTheVet);
        _notHappening = compile.Set(content.WhatIf.NotHappening);
        _falseAlarm = compile.Set(content.FalseAlarm);
        _stillWorry = compile.Set(content.StillWorry);
        _firstAid = compile.Set(content.FirstAidAsks);
        _mildSigns = [.. content.MildSigns.Select(m => compile.Set(m.Patterns))];
        _poisonNames = content.Knowledge.Where(k => content.NamedPoisons.Contains(k.Id)).SelectMany(k => k.Words).Select(w => w.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
        _signs = new TriagePatternSet(signs);
        _poisonIds = groups.ContainsKey("poison") ? compile.Pattern("@poison").Elements[0].ToFrozenSet() : FrozenSet<int>.Empty;
        _backReferenceVerbs = content.BackReferenceVerbs is { } verbs ? compile.Pattern(verbs).Elements[0].ToFrozenSet() : FrozenSet<int>.Empty;
        var healthIds = signs.SelectMany(s => s.Pattern.Elements[0]).Concat(groups.GetValueOrDefault("vet", []).Select(_vocabulary.IdOf)).ToHashSet();

        _words = TriageWordClasses.Of(content, _vocabulary);
        _language = new RedFlagLanguage(content);
        _lexicon = new TriageLexicon(_vocabulary, _words, expansions, new EmojiWords(global?.Emoji), content.NamesToo, fillers, healthIds, compile.SurfaceWords, knownTexts);
        _denials = new TriageDenials(_words, notNegations, content.NegationWindow);
        _matcher = new TriageMatcher(_words, content.MaxGap, _denials);
        _calming = new TriageCalming(_words, _matcher, _denials, _clearances, _resolved);
        _remarks = new TriageHealthRemarks(_words, _lexicon.HealthWord);
        _whatIf = new TriageWhatIf(_matcher, _whatIfMarkers, _words.Conditional, _words.Present, content.WhatIf);
    }

    /// <summary>Number of distinct word stems the triage knows.</summary>
    public int VocabularySize => _vocabulary.Count;

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
            // Everyday words of the other languages ("demasiado") are words, not typos of a red-flag word ("desmayado"),
            // and neither are the everyday English words the name reading knows ("investigate" is no "investito").
            .Concat(content.RedFlags.LanguageWords.Values.Select(words => string.Join(' ', words)))
            .Append(string.Join(' ', content.Reading.EverydayWords));
        return Build(content.RedFlags, content.Understanding.Global, known);
    }

    /// <summary>
    /// Reads the whole message for red flags. <paramref name="catNames"/> are the owner's own cats: a cat called
    /// by a red-flag word ("Lily ate her dinner") is read as the cat.
    /// </summary>
    public RedFlagResult Read(string text, IReadOnlyCollection<string>? catNames = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = _lexicon.Tokenize(text, catNames, out var typos);
        List<RedFlagSign>? found = null;
        List<RedFlagSign>? denied = null;
        var whatIf = _whatIf.Read(tokens, text);
        var tier = RedFlagTier.None;
        var calmed = false;
        var start = 0;
        Span<int> positions = stackalloc int[TriagePatternSet.MaxElements];
        for (var i = 0; i <= tokens.Count; i++)
        {
            if (i < tokens.Count && (!TriageTokens.IsEnd(tokens[i]) || IsFragment(tokens, start, i) || CarriesOver(tokens, start, i)))
            {
                continue;
            }

            var end = i;
            if (end > start && !_denials.IsDeniedQuestion(tokens, start, end))
            {
                ReadSentence(tokens, start, end, positions, whatIf, ref found, ref denied, ref tier, ref calmed);
            }
            else if (end > start)
            {
                calmed = true;
            }

            start = i + 1;
        }

        if (found is not null)
        {
            return (Softened(tokens, found) is { } softer ? new RedFlagResult(softer.Max(s => s.Tier), softer) : new RedFlagResult(tier, found)).WithDenied(denied);
        }

        if (whatIf.Signs is { } asked)
        {
            return RedFlagResult.AsWhatIf(asked).WithDenied(denied);
        }

        // Only words written as health words make a remark about health: a word read as a typo of one ("rapida",
        // "olio") is enough to catch a red flag, never to call an ordinary message a health remark.
        return (calmed || (_remarks.MentionsHealth(tokens) && !_remarks.ToUsNotTheCat(tokens))) && !_remarks.OnlyTypos(tokens, typos) ? (calmed ? RedFlagResult.Calmed.WithDenied(denied) : RedFlagResult.HealthOnly) : RedFlagResult.None;
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
        var tokens = _lexicon.Tokenize(text);
        if (_denials.AnyDenial(tokens))
        {
            return true;
        }

        return _matcher.AnySentenceMatches(_clearances, tokens, denialInsideUndoes: false) || _matcher.AnySentenceMatches(_resolved, tokens, denialInsideUndoes: false)
            || _matcher.AnySentenceMatches(_allClears, tokens, denialInsideUndoes: false);
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
            if (_softerAfter.TryGetValue(found[i].SignId, out var softer) && _matcher.AnySentenceMatches(softer.Cause, tokens, denialInsideUndoes: true)
                && _matcher.AnySentenceMatches(softer.Stopped, tokens, denialInsideUndoes: true))
            {
                softened ??= [.. found];
                softened[i] = found[i] with { Tier = RedFlagTier.Soon };
            }
        }

        return softened;
    }

    /// <summary>How the triage reads a message, word by word: the stems it knows, "-" for a word the content uses harmlessly, "?" for others. For checking a new pattern.</summary>
    public string Explain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = _vocabulary.Ids.ToDictionary(kv => kv.Value, kv => kv.Key);
        return string.Join(' ', _lexicon.Tokenize(text).Select(id => id switch
        {
            TriageTokens.SentenceEnd => "|",
            TriageTokens.QuestionEnd => "?|",
            TriageTokens.Comma => ",",
            TriageTokens.Unknown => "?",
            TriageTokens.Harmless => "-",
            _ => names[id],
        }));
    }

    private void ReadSentence(List<int> tokens, int start, int end, Span<int> positions, WhatIfReading whatIf, ref List<RedFlagSign>? found, ref List<RedFlagSign>? denied, ref RedFlagTier tier, ref bool calmed)
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

                var length = _matcher.Match(pattern, tokens, i, end, positions);
                if (length == 0)
                {
                    continue;
                }

                if (_denials.IsNegated(tokens, start, positions[..length]))
                {
                    calmed = true;
                    (denied ??= []).Add(info.Sign);
                    continue;
                }

                if ((info.Unless is not null && _matcher.AnyMatch(info.Unless, tokens, start, _calming.UnlessEnd(tokens, positions[length - 1], end))))
                {
                    calmed = true;
                    continue;
                }

                if (!whatIf.Present && (whatIf.Marked || (!whatIf.Happened && _whatIf.AsksIf(tokens, start, i, end))))
                {
                    // "if she pants after a walk, is that ok?": information to give, not an alarm.
                    whatIf.Add(info.Sign);
                    calmed = true;
                    continue;
                }

                if (!calmChecked)
                {
                    calmChecked = true;
                    (calmSegment, resolvedSegment) = _calming.CalmingSegments(tokens, start, end);
                }

                var segment = _calming.SegmentOf(tokens, start, i);
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

    /// <summary>"comió" reads as "comio" (see <see cref="ChatLexer.WithoutAccent"/>).</summary>
    internal static char WithoutAccent(char c) => ChatLexer.WithoutAccent(c);

    /// <summary>Lower-case words of a text (see <see cref="ChatLexer.LetterWords"/>).</summary>
    internal static IEnumerable<string> Words(string text) => ChatLexer.LetterWords(text);

    private sealed record SignInfo(RedFlagSign Sign, TriagePatternSet? Unless);
}
