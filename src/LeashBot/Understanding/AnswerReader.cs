namespace LeashBot.Understanding;

/// <summary>What an owner's reply to a yes/no question says.</summary>
public enum AnswerPolarity
{
    /// <summary>Neither: "not sure", "what do you mean", or nothing that answers.</summary>
    Unclear,
    Yes,
    No,

    /// <summary>Half a yes: "kinda", "a veces", "yes for brushing but not nails".</summary>
    Partly,
}

/// <summary>What a reply to a yes/no question says, and whether its yes is only an "ok" ("ok", "k", "vale").</summary>
public readonly record struct AnswerReading(AnswerPolarity Polarity, bool OnlyAccepts)
{
    /// <summary>A yes said as a yes: not half a yes, not only an "ok".</summary>
    public bool IsPlainYes => Polarity == AnswerPolarity.Yes && !OnlyAccepts;
}

/// <summary>
/// Reads the answer in a reply to a yes/no question the way owners type it, with the words in dialogs/answers.json.
/// Every word of a short reply counts, not just the first: "nah dont need the nudge", "sure... actually no", "ya no" and
/// "mejor no" are no; "she loves it", "no problem" and "claro que sí" are yes; a yes and a no on either side of a "but"
/// ("brushing yes, nails no") is partly. What the owner says about the thing asked counts too: "he doesnt like it" is a
/// no, "le encantan" a yes. A long message is read for its plain answer words only ("ok cool ty! and nah dont need the
/// daily nudge…" is a no: the "ok" is chat). Accents, case, apostrophes and letters typed three times ("siii") don't matter.
/// </summary>
public sealed partial class AnswerReader
{
    /// <summary>A reply longer than this is read for its plain answer words only, the first of them deciding.</summary>
    private const int ShortReplyWords = 12;

    /// <summary>A negation this many words before a word about the cat turns it round ("doesnt really like it").</summary>
    private const int NegationReach = 3;

    private readonly Dictionary<string, List<(string[] Words, Kind Kind)>> _byFirstWord = new(StringComparer.Ordinal);

    /// <summary>The answer words that also negate what follows ("no le gusta"); "nah she'd hate that" is no "not hate".</summary>
    private readonly HashSet<string> _negators = new(StringComparer.Ordinal);

    /// <summary>Words that say nothing beside an "ok" ("k thx", "ok cool lol"): chat words and acceptances.</summary>
    private readonly HashSet<string> _chat = new(StringComparer.Ordinal);

    public AnswerReader(BotContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var words = content.Answers.Words;

        // Earlier lists win a tie of the same length at the same place: "not sure" is unsure, "no" an answer before a negation.
        Add(words.Lookalikes, Kind.Lookalike);
        Add(words.Unsure, Kind.Unsure);
        Add(words.No, Kind.No);
        Add(words.Partly, Kind.Partly);
        Add(words.Yes, Kind.Yes);
        Add(words.Acceptance, Kind.Acceptance);
        Add(words.Positive, Kind.Positive);
        Add(words.Negative, Kind.Negative);
        Add(words.Negations, Kind.Negation);
        Add(words.Contrasts, Kind.Contrast);
        Add(words.Exceptions, Kind.Exception);
        Add(words.SelfCorrections, Kind.SelfCorrection);
        Add(words.Reported, Kind.Reported);
        Add(words.Targets, Kind.Target);
        _chat.UnionWith(words.Chat.Concat(words.Acceptance).SelectMany(Words));
        _negators.UnionWith(words.Negations.SelectMany(Words));
    }

    private enum Kind
    {
        /// <summary>"ya te dije" (already), "yes or no?": an answer word that answers nothing.</summary>
        Lookalike,
        Unsure,
        No,
        Partly,
        Yes,

        /// <summary>"ok", "k", "vale": a yes only when nothing else is said.</summary>
        Acceptance,
        Positive,
        Negative,
        Negation,
        Contrast,
        Exception,
        SelfCorrection,
        Reported,
        Target,
    }

    /// <summary>The answer a reply gives to a yes/no question.</summary>
    public AnswerPolarity Read(string? text) => Read(text, changing: false, AnswerPolarity.Unclear);

    /// <summary>
    /// The new value in a change of an earlier answer ("i said yes but nail trims he absolutely does NOT… change that to
    /// no??", "treats = SÍ", "esa es un no"): a value the owner points at ("to no", "= sí", "es un no") decides; an answer
    /// they say they gave before ("i said yes", "te dije que sí") is not the new one, unless it isn't what was
    /// <paramref name="stored"/>: then the bot misread it ("yo dije CLARO QUE SÍ" after a no was kept), and it is the one meant.
    /// </summary>
    public AnswerPolarity ReadChange(string? text, AnswerPolarity stored = AnswerPolarity.Unclear) => Read(text, changing: true, stored);

    /// <summary>The reply's yes is only an "ok" ("ok", "vale 👍"): beside a question of the owner's it accepts nothing.</summary>
    public bool OnlyAccepts(string? text) => ReadAnswer(text).OnlyAccepts;

    /// <summary>The answer a reply gives, read once, and whether its yes is only an "ok".</summary>
    public AnswerReading ReadAnswer(string? text)
    {
        var polarity = Read(text, changing: false, AnswerPolarity.Unclear, out var onlyAccepts);
        return new AnswerReading(polarity, onlyAccepts);
    }

    private AnswerPolarity Read(string? text, bool changing, AnswerPolarity stored) => Read(text, changing, stored, out _);

    private AnswerPolarity Read(string? text, bool changing, AnswerPolarity stored, out bool onlyAccepts)
    {
        onlyAccepts = false;
        var sentences = Sentences(text);
        var count = sentences.Sum(s => s.Count(w => w != ","));
        if (count == 0)
        {
            return AnswerPolarity.Unclear;
        }

        if (count == 1 && sentences.SelectMany(s => s).Single(w => w != ",") is ("y" or "n") and var letter)
        {
            return letter == "y" ? AnswerPolarity.Yes : AnswerPolarity.No;
        }

        var hits = new List<Hit>();
        var tokens = new List<string>();
        foreach (var sentence in sentences)
        {
            hits.AddRange(HitsIn(sentence, tokens.Count));
            tokens.AddRange(sentence);
            tokens.Add(".");
        }

        if (changing && Pointed(hits) is { } pointed)
        {
            return pointed;
        }

        // A change is read all through (it is only the sentence about the question changed). "te dije que sí": with
        // nothing else said, the answer the owner says they gave is the one they mean.
        // A reply with a number in it ("sorry typo, 15 not 50", "we did 8 min, she was calm") reports or corrects: only
        // its plain answer words count.
        var whole = changing || (count <= ShortReplyWords && !sentences.Exists(s => s.Exists(w => char.IsAsciiDigit(w[0]) && w != "100")));
        var answers = Answers(hits, tokens, changing ? stored : null, whole);
        if (changing && answers.Count == 0)
        {
            answers = Answers(hits, tokens, null, whole);
        }

        if (answers.Count == 0)
        {
            onlyAccepts = AcceptsOnly(text!, tokens, hits);
            return onlyAccepts ? AnswerPolarity.Yes : AnswerPolarity.Unclear;
        }

        if (!whole)
        {
            // A long message: its first plain answer, unless the owner takes it back ("yes! … wait no").
            var first = answers[0];
            var takenBack = answers.FindLast(a => a.Kind != first.Kind && SelfCorrectionBetween(hits, first.At, a.At));
            return Polarity((takenBack ?? first).Kind);
        }

        if (answers.Exists(a => a.Kind == Kind.Partly))
        {
            return AnswerPolarity.Partly;
        }

        var yes = answers.FindAll(a => a.Kind == Kind.Yes);
        var no = answers.FindAll(a => a.Kind == Kind.No);
        if (yes.Count > 0 && no.Count > 0)
        {
            // "sure... actually no": taken back; "brushing yes, nails no", "yes but not nails": half and half.
            var last = answers[^1];
            var before = answers.FindLast(a => a.Kind != last.Kind && a.At < last.At)!;
            if (SelfCorrectionBetween(hits, before.At, last.At))
            {
                return Polarity(last.Kind);
            }

            var plain = answers.Where(a => a.Plain).Select(a => a.Kind).Distinct().ToList();
            return plain.Count == 1 && !hits.Exists(h => h.Kind == Kind.Contrast) ? Polarity(plain[0]) : AnswerPolarity.Partly;
        }

        // "mostly yes, except hoovers": a yes with an exception is half a yes.
        if (yes.Count > 0 && hits.Exists(h => h.Kind == Kind.Exception && h.At > yes[0].At))
        {
            return AnswerPolarity.Partly;
        }

        return yes.Count > 0 ? AnswerPolarity.Yes : AnswerPolarity.No;
    }

    /// <summary>
    /// The answers in the message, in order: plain answer words (a yes negated straight after, "of course not", is a no),
    /// and in a short reply also what it says about the cat ("loves it", "doesnt like it", "hates it"), turned round by a
    /// negation just before it; a negation left over ("he doesnt", "i dont think she would") is a no.
    /// </summary>
    private List<Answer> Answers(List<Hit> hits, List<string> tokens, AnswerPolarity? changingFrom, bool whole)
    {
        var answers = new List<Answer>();
        var usedNegations = new HashSet<int>();
        var commas = tokens.Select((w, i) => (w, i)).Where(x => x.w == ",").Select(x => x.i).ToHashSet();
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            if (changingFrom is { } stored && ((hit.Kind is Kind.Yes or Kind.No && i > 0 && IsReported(hits, i) && WasKept(stored, hit.Kind)) || IsRebuttal(hits, i, commas)))
            {
                continue;
            }

            // "claro que sí, no hay prisa", "yes, no rush": after a yes, a "no" that goes on in its clause negates what
            // follows it; it is no second answer.
            if (hit is { Kind: Kind.No, Words: ["no"] } && hit.End < tokens.Count && char.IsLetter(tokens[hit.End][0])
                && answers.Exists(a => a.Kind == Kind.Yes && a.Plain && !hits.Exists(h => h.Kind == Kind.Contrast && h.At > a.At && h.At < hit.At)))
            {
                continue;
            }

            switch (hit.Kind)
            {
                case Kind.Yes:
                    var negated = i + 1 < hits.Count && hits[i + 1].Kind == Kind.Negation && hits[i + 1].At == hit.End && hits[i + 1].Words[0] == "not";
                    if (negated)
                    {
                        usedNegations.Add(hits[i + 1].At);
                    }

                    answers.Add(new Answer(negated ? Kind.No : Kind.Yes, hit.At, Plain: true));
                    break;
                case Kind.No or Kind.Partly:
                    answers.Add(new Answer(hit.Kind, hit.At, Plain: true));
                    break;
                case Kind.Positive or Kind.Negative when whole:
                    var negation = hits.FindLast(h => (h.Kind == Kind.Negation || (h.Kind == Kind.No && h.Words.Length == 1 && _negators.Contains(h.Words[0]))) && h.At < hit.At && hit.At - h.End < NegationReach
                        && h.Sentence == hit.Sentence && !usedNegations.Contains(h.At) && !commas.Any(c => c >= h.End && c < hit.At));
                    if (negation is not null)
                    {
                        usedNegations.Add(negation.At);
                        answers.RemoveAll(a => a.At == negation.At);
                    }

                    answers.Add(new Answer((hit.Kind == Kind.Positive) == (negation is null) ? Kind.Yes : Kind.No, hit.At, Plain: false));
                    break;
            }
        }

        if (whole)
        {
            foreach (var negation in hits.Where(h => h.Kind == Kind.Negation && !usedNegations.Contains(h.At)))
            {
                answers.Add(new Answer(Kind.No, negation.At, Plain: false));
            }
        }

        answers.Sort((a, b) => a.At.CompareTo(b.At));
        return answers;
    }

    /// <summary>
    /// "k", "ok thx", "vale 👍", "sounds good": a reply that accepts and says nothing else is a yes; an "ok" beside
    /// anything more ("ok idk", "ok whats the next step?") answers nothing.
    /// </summary>
    private bool AcceptsOnly(string text, List<string> tokens, List<Hit> hits)
    {
        if (text.Contains('?', StringComparison.Ordinal) || !hits.Exists(h => h.Kind == Kind.Acceptance) || hits.Exists(h => h.Kind is Kind.Unsure or Kind.Lookalike))
        {
            return false;
        }

        var accepted = hits.Where(h => h.Kind == Kind.Acceptance).SelectMany(h => Enumerable.Range(h.At, h.End - h.At)).ToHashSet();
        var words = tokens.Select((w, i) => (w, i)).Where(x => char.IsLetterOrDigit(x.w[0])).ToList();
        return words.TrueForAll(x => accepted.Contains(x.i) || _chat.Contains(x.w));
    }

    private static bool SelfCorrectionBetween(List<Hit> hits, int from, int to) =>
        hits.Exists(h => h.Kind == Kind.SelfCorrection && h.At > from && h.At < to);

    private static AnswerPolarity Polarity(Kind kind) => kind switch
    {
        Kind.Yes => AnswerPolarity.Yes,
        Kind.No => AnswerPolarity.No,
        Kind.Partly => AnswerPolarity.Partly,
        _ => AnswerPolarity.Unclear,
    };

    /// <summary>The phrases found in one sentence, longest first at each place, each word used once.</summary>
    private List<Hit> HitsIn(List<string> sentence, int offset)
    {
        var hits = new List<Hit>();
        for (var i = 0; i < sentence.Count;)
        {
            (string[] Words, Kind Kind)? best = null;
            if (sentence[i] != "," && _byFirstWord.TryGetValue(sentence[i], out var phrases))
            {
                foreach (var phrase in phrases)
                {
                    if (i + phrase.Words.Length <= sentence.Count && (best is null || phrase.Words.Length > best.Value.Words.Length)
                        && sentence.Skip(i).Take(phrase.Words.Length).SequenceEqual(phrase.Words, StringComparer.Ordinal))
                    {
                        best = phrase;
                    }
                }
            }

            if (best is { } found)
            {
                hits.Add(new Hit(found.Kind, found.Words, offset + i, offset + i + found.Words.Length, offset));
                i += found.Words.Length;
            }
            else
            {
                i++;
            }
        }

        return hits;
    }

    private void Add(IEnumerable<string> phrases, Kind kind)
    {
        foreach (var phrase in phrases)
        {
            var words = Sentences(phrase).SelectMany(s => s).ToArray();
            if (words.Length == 0)
            {
                continue;
            }

            if (!_byFirstWord.TryGetValue(words[0], out var list))
            {
                _byFirstWord[words[0]] = list = [];
            }

            // The first list a phrase is in decides its kind.
            if (!list.Exists(p => p.Words.SequenceEqual(words, StringComparer.Ordinal)))
            {
                list.Add((words, kind));
            }
        }
    }

    /// <summary>A phrase found: its kind, its words, where it starts and ends in the message, and the start of its sentence.</summary>
    private sealed record Hit(Kind Kind, string[] Words, int At, int End, int Sentence);

    /// <summary>A yes, no or partly the message gives, where; <see cref="Plain"/> for answer words, not words about the cat.</summary>
    private sealed record Answer(Kind Kind, int At, bool Plain);
}
