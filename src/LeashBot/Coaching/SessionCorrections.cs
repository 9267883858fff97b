using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>
/// Session reports that aren't one plain session: a fix of the last one ("ugh sorry that was pepper actually",
/// "i meant 15 not 50", "fix the time to 10", "that was the same session") and one report about several cats, each
/// with its own mood ("did both, 4 min each. biscuit relaxed, pepper kinda stressed"). A fix edits the session it is
/// about and says "Updated"; it never logs another one. Only sessions logged in the last few hours can be fixed, so a
/// report of a new session is never taken for a fix.
/// </summary>
public sealed partial class SessionCorrections
{
    /// <summary>How long after a session a message can still fix it.</summary>
    private static readonly TimeSpan FixableFor = TimeSpan.FromHours(3);

    /// <summary>Fixes are short: a long sentence is a new report or a question.</summary>
    private const int LongestFix = 20;

    private readonly Replies _replies;
    private readonly MessageReader _reader;
    private readonly TimeProvider _clock;
    private readonly ProgressLedger _ledger;
    private readonly StepChanges _stepChanges;
    private readonly PhraseList _sameSession;
    private readonly HashSet<string> _stepWords;
    private readonly PhraseList _markers;
    private readonly PhraseList _pointers;
    private readonly PhraseList _eachCat;
    private readonly PhraseList _twoCats;
    private readonly Dictionary<string, int> _numberWords;
    private readonly HashSet<string> _joins;
    private readonly SessionMoodFixes _moods;
    private readonly SessionReferences _references;
    private readonly HashSet<string> _wordsAfterALength;

    public SessionCorrections(Replies replies, MessageReader reader, ProgressLedger ledger, StepChanges stepChanges, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(replies);
        _replies = replies;
        _reader = reader;
        _clock = clock;
        _ledger = ledger;
        _stepChanges = stepChanges;
        var words = replies.Content.Reading;
        _sameSession = new(words.StepCommands.SameSession);
        _stepWords = [.. words.StepWords.Step];
        _markers = new(words.Corrections);
        _pointers = new(words.SessionPointers);
        _eachCat = new(words.EachCat);
        _twoCats = new(words.TwoCats);
        _numberWords = words.NumberWords;
        _joins = [.. words.NameListJoins];
        _moods = new(replies, reader, clock);
        _references = new(replies.Content);
        _wordsAfterALength = [.. words.CommandReading.TimeUnits, .. words.LengthAfterNumberWord];
    }

    /// <summary>
    /// "that was pepper, not biscuit", "ugh sorry that was pepper actually": a fix that names the cat the last
    /// session belongs to (a cat other than the one it was logged for) and gives no new length of time.
    /// </summary>
    public bool MovesLastSession(MessageReading reading, OwnerProfile owner)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(owner);
        if (owner.Cats.Count < 2 || !LooksLikeAFix(reading) || Recent(owner) is not [.., var last])
        {
            return false;
        }

        var named = reading.Cats.FirstOrDefault(c => !c.Negated) is { } mention ? owner.FindCat(mention.Name) : null;
        var tokens = PhraseList.Words(reading.Text);
        return named is not null && named != last.Cat && (reading.Cats.Any(c => c.Negated) || _markers.IsIn(tokens) || _pointers.IsIn(tokens));
    }

    /// <summary>Fixes the moods of the sessions just logged (see <see cref="SessionMoodFixes"/>); false when the message is no mood fix.</summary>
    public Task<bool> FixMoodsAsync(ITurnContext turn, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken) =>
        _moods.AnswerAsync(turn, reading, owner, cancellationToken);

    /// <summary>
    /// Answers a fix of the last session's length or a report about several cats; <see cref="CorrectionOutcome.None"/>
    /// when the message is neither and should be routed as usual.
    /// </summary>
    public async Task<CorrectionOutcome> AnswerAsync(ITurnContext turn, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(owner);
        return await SameSessionAsync(turn, reading, owner, cancellationToken) ?? await FixLengthAsync(turn, reading, owner, cancellationToken)
            ?? await LogEachCatAsync(turn, reading, owner, cancellationToken) ?? CorrectionOutcome.None;
    }

    /// <summary>
    /// "that was the same session", "es la misma sesion": the last report repeated the session before it, so the two
    /// become one (at the first one's moment, with what the owner said last).
    /// </summary>
    private async Task<CorrectionOutcome?> SameSessionAsync(ITurnContext turn, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken)
    {
        if (reading.Command != Command.None || reading.WordCount > LongestFix || !_sameSession.IsIn(PhraseList.Words(reading.Text)))
        {
            return null;
        }

        var named = reading.CatsMeant.Select(owner.FindCat).OfType<CatProfile>().FirstOrDefault();
        var recent = Recent(owner);
        var cat = named ?? (recent.Count > 0 ? recent[^1].Cat : null);
        var twice = recent.Where(r => r.Cat == cat).Select(r => r.Session).ToList();
        if (cat is null || twice.Count < 2)
        {
            return null;
        }

        var (first, repeat) = (twice[^2], twice[^1]);
        var change = ProgressLedger.Begin(owner, ChangeKind.SessionEdited);
        ProgressLedger.RemoveSession(change, cat, repeat);
        var kept = ProgressLedger.EditSession(change, cat, first, repeat.Minutes, repeat.Mood);
        owner.CurrentCat = cat.Name;
        await _replies.SendAsync(turn, _replies.Text(c => c.Plan.SessionMerged, ("cat", cat.Name), ("minutes", _replies.Minutes(kept.Minutes)), ("mood", _replies.MoodTitle(kept.Mood))), cancellationToken);
        return new CorrectionOutcome(true);
    }

    /// <summary>
    /// "sorry i meant 15 not 50", "fix the time to 10", "change the step 1 session to 10 min": the session gets the new
    /// length, and nothing else changes. The session is the recent one that had the old length ("not 50"), else the
    /// last one at the step named, else the last one of the cat the fix names, else the last one; the fix is one
    /// sentence of the message, and the rest ("and what about pepper??") is routed after it when it says something.
    /// </summary>
    private async Task<CorrectionOutcome?> FixLengthAsync(ITurnContext turn, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken)
    {
        if (reading.Command != Command.None || Recent(owner).Count == 0)
        {
            return null;
        }

        var sentences = Sentences(reading.Text);
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            var tokens = PhraseList.Words(sentence);
            var numbers = NumbersIn(tokens);

            // "the step 1 session": a number after a step word names the session's step, not a length.
            var atStep = numbers.Where(n => n.At > 0 && _stepWords.Contains(tokens[n.At - 1])).Select(n => (int?)n.Value).FirstOrDefault();
            numbers.RemoveAll(n => n.At > 0 && _stepWords.Contains(tokens[n.At - 1]) || _references.Counts(tokens, n.At));
            if (tokens.Length > LongestFix || sentence.TrimEnd().EndsWith('?') || numbers.Count == 0)
            {
                continue;
            }

            var saidNot = numbers.Where(n => n.At > 0 && tokens[n.At - 1] == "not").Select(n => n.Value).ToList();
            // "update: did another one today, 10 mins" is a new session; "that was 2 min not 5" points at the old one.
            if (saidNot.Count == 0 && (!_markers.IsIn(tokens) || _references.TellsOfNewSession(tokens)))
            {
                continue;
            }

            // "pips one was more like 4 min not 8, she got bored": with the old length said, a mood beside it is a remark.
            var read = _reader.Read(sentence, owner.Cats);
            if (read.Mood is not null && saidNot.Count == 0)
            {
                return null;
            }

            // "ivys one was more like 3 min not 6": a cat's name with an s names whose session it was.
            var named = read.Cats.FirstOrDefault(c => !c.Negated) is { } mention ? owner.FindCat(mention.Name)
                : tokens.Select(t => t.Length > 2 && t.EndsWith('s') ? owner.FindCat(t[..^1]) : null).FirstOrDefault(c => c is not null);
            var recent = Recent(owner);
            var last = recent.LastOrDefault(r => (named is null || r.Cat == named) && saidNot.Any(n => Math.Abs(n - r.Session.Minutes) < 0.01));
            if (last.Cat is null)
            {
                last = recent.LastOrDefault(r => (named is null || r.Cat == named) && (atStep is null || r.Session.Step == atStep));
            }

            if (last.Cat is null)
            {
                return null;
            }

            var old = last.Session.Minutes;
            var fresh = numbers.Select(n => n.Value).Where(v => Math.Abs(v - old) >= 0.01).Distinct().ToList();
            if (fresh.Count != 1 || fresh[0] <= 0 || fresh[0] > TrainingPlan.LongestSessionMinutes)
            {
                return null;
            }

            // One report about several cats logged a session for each at the same moment with the same length: the fix
            // is for all of them, unless it names one.
            var fixing = named is not null || saidNot.Count > 0 && recent.Count(r => r.Session.At == last.Session.At) == 1 ? [last]
                : owner.Cats.SelectMany(c => c.Sessions.Where(s => s.At == last.Session.At && Math.Abs(s.Minutes - old) < 0.01).Select(s => (Cat: c, Session: s))).ToList();
            var change = ProgressLedger.Begin(owner, ChangeKind.SessionEdited);
            var offer = new StepOfferOptions { MovesOn = true };
            foreach (var (cat, session) in fixing)
            {
                var edited = ProgressLedger.EditSession(change, cat, session, fresh[0], session.Mood);
                await _replies.SendAsync(turn, _replies.Text(c => c.Plan.LengthFixed, ("cat", cat.Name), ("minutes", _replies.Minutes(fresh[0])), ("old", _replies.Minutes(old))), cancellationToken);

                // The cat's latest session at its step says again what it means for the step, without a second "Logged:".
                if (edited.Step == cat.Step && cat.SessionsAtCurrentStep.LastOrDefault() == edited
                    && await _stepChanges.AfterSessionAsync(turn, change, cat, fresh[0], TrainingPlan.Judge(cat, _replies.Content.Plan, fresh[0], edited.Mood), StepWish.None, cancellationToken, logged: false) is { } ready)
                {
                    Add(offer, ready);
                }
            }

            owner.CurrentCat = fixing[^1].Cat.Name;
            var rest = string.Join(' ', sentences.Where((_, k) => k != i)).Trim();
            return new CorrectionOutcome(true, Rest: SaysSomething(rest, owner) ? rest : null, Offer: offer.Cats.Count > 0 ? offer : null);
        }

        return null;
    }

    /// <summary>The rest of a fix is routed when it asks, names a cat or a step, or is about a topic ("i checked my phone" is not).</summary>
    private bool SaysSomething(string rest, OwnerProfile owner) =>
        rest.Any(char.IsLetterOrDigit) && _reader.Read(rest, owner.Cats) is { } read
        && (read.AsksAQuestion || read.StepNumber is not null || read.CatsMeant.Count > 0 || read.Recognition.Kind == RecognitionKind.Confident);

    /// <summary>
    /// "did 10 min with luna, 5 with miso, miso hated it", "did both at dinner, 4 min each. biscuit relaxed, pepper
    /// kinda stressed": a report that names two or more cats (or "both") logs a session for each, each with the length
    /// and mood said in its own part of the message (a part that names no cat belongs to the cat before it, or to all
    /// when it comes first). A cat whose length or mood is missing is asked about afterwards.
    /// </summary>
    private async Task<CorrectionOutcome?> LogEachCatAsync(ITurnContext turn, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken)
    {
        if (owner.Cats.Count < 2 || reading.StepNumber is not null || reading.Duration is not { } duration
            || duration <= TimeSpan.Zero || duration.TotalMinutes > TrainingPlan.LongestSessionMinutes)
        {
            return null;
        }

        var named = reading.CatsMeant.Select(owner.FindCat).OfType<CatProfile>().Distinct().ToList();
        var everyCat = _eachCat.IsIn(PhraseList.Words(reading.Text));

        // "both of them did 5 mins" with three cats: which two is asked; nothing is logged for a cat it wasn't.
        if (named.Count < 2 && owner.Cats.Count > 2 && _twoCats.IsIn(PhraseList.Words(reading.Text)))
        {
            var names = owner.Cats.Select(c => c.Name).ToList();
            var list = string.Join(", ", names[..^1]) + " " + _replies.Content.Messages.OrWord + " " + names[^1];
            await _replies.SendAsync(turn, _replies.Text(c => c.Plan.WhichTwoCats, ("cats", list)), cancellationToken);
            return new CorrectionOutcome(true);
        }
        var cats = named.Count >= 2 ? named : everyCat ? owner.Cats : [];
        if (cats.Count < 2)
        {
            return null;
        }

        var shared = new List<string>();
        var own = cats.ToDictionary(c => c, _ => new List<string>());
        List<CatProfile>? group = null;
        var waiting = new List<CatProfile>();
        foreach (var part in Parts(reading.Text).SelectMany(p => CatParts.AtNames(p, cats, _joins)))
        {
            var partCats = cats.Where(c => PhraseList.Words(part).Any(t => OwnerProfile.SameName(t, c.Name) || NearName.IsSlipOf(t, c.Name))
                || (c.Name.Contains(' ', StringComparison.Ordinal) && part.Contains(c.Name, StringComparison.OrdinalIgnoreCase))).ToList();

            // "biscuit and pepper did 4 min": a part that is only names goes with the part after it.
            if (partCats.Count > 0 && PhraseList.Words(part).All(t => partCats.Any(c => OwnerProfile.SameName(t, c.Name) || NearName.IsSlipOf(t, c.Name))))
            {
                waiting.AddRange(partCats);
                continue;
            }

            if (partCats.Count > 0 || waiting.Count > 0)
            {
                group = [.. waiting.Concat(partCats).Distinct()];
                waiting.Clear();
            }

            if (group is null || group.Count == cats.Count)
            {
                shared.Add(part);
            }
            else
            {
                foreach (var cat in group)
                {
                    own[cat].Add(part);
                }
            }
        }

        var sharedReading = _reader.Read(string.Join(", ", shared), owner.Cats);

        // "both did 5 min smudge fine bella hated it": with "both" and one length said anywhere, that length is each cat's,
        // even when it sits in the part naming the first cat.
        var ownLengths = cats.Select(c => _reader.Read(string.Join(", ", own[c]), owner.Cats).Duration).OfType<TimeSpan>().ToList();
        var lengthForAll = everyCat && sharedReading.Duration is null && ownLengths.Count == 1 ? ownLengths[0].TotalMinutes : (double?)null;
        var anyOwnMood = own.Values.Any(parts => parts.Count > 0 && _reader.Read(string.Join(", ", parts), owner.Cats).Mood is not null);
        var now = _clock.GetUtcNow();
        var wish = _stepChanges.Read(reading.Text);
        var change = ProgressLedger.Begin(owner, ChangeKind.SessionLogged);
        var offer = new StepOfferOptions { MovesOn = true };
        LogSessionOptions? ask = null;
        CatProfile? lastLogged = null;
        foreach (var cat in cats)
        {
            var text = string.Join(", ", own[cat]);
            var ownReading = _reader.Read(text, owner.Cats);
            // "did 10 min with luna, 5 with miso": a bare number in a cat's own part is minutes like the rest.
            var bare = PhraseList.Words(text).Where(t => t.All(char.IsAsciiDigit)).ToList();
            var minutes = (ownReading.Duration ?? sharedReading.Duration)?.TotalMinutes
                ?? (bare.Count == 1 ? double.Parse(bare[0], CultureInfo.InvariantCulture) : lengthForAll);
            var mood = ownReading.Mood?.Mood ?? sharedReading.Mood?.Mood ?? (anyOwnMood ? null : reading.Mood?.Mood);
            if (minutes is > 0 and <= TrainingPlan.LongestSessionMinutes && mood is { } known)
            {
                var result = _ledger.LogSession(change, cat, minutes.Value, known, now);
                if (await _stepChanges.AfterSessionAsync(turn, change, cat, minutes.Value, result, wish, cancellationToken) is { } ready)
                {
                    Add(offer, ready);
                }

                lastLogged = cat;
            }
            else
            {
                // What the message said about this cat is kept, so only what's missing is asked.
                var said = string.Join(", ", shared.Concat(own[cat]));
                if (minutes is { } m && ownReading.Duration is null && sharedReading.Duration is null)
                {
                    said += ", " + _replies.Minutes(m);
                }

                ask ??= new LogSessionOptions { CatName = cat.Name, Text = said };
            }
        }

        if (lastLogged is null && ask is null)
        {
            return null;
        }

        owner.CurrentCat = (ask is not null ? owner.FindCat(ask.CatName) : lastLogged)?.Name ?? owner.CurrentCat;
        return new CorrectionOutcome(true, Ask: ask, Offer: ask is null && offer.Cats.Count > 0 ? offer : null);
    }

    /// <summary>One question about moving on, for every cat ready to.</summary>
    private static void Add(StepOfferOptions offer, StepOfferOptions ready)
    {
        offer.Cats.AddRange(ready.Cats);
        offer.Steps.AddRange(ready.Steps);
    }

    /// <summary>The message's sentences, each with its end mark.</summary>
    private static List<string> Sentences(string text) =>
        [.. SentenceEnd().Split(text).Where(p => p.Any(char.IsLetterOrDigit))];

    /// <summary>The message cut at punctuation and at "and", "but", "then", "while": the parts a several-cat report is made of.</summary>
    private static List<string> Parts(string text) =>
        [.. PartBreak().Split(text).Select(p => p.Trim()).Where(p => p.Any(char.IsLetterOrDigit))];

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial System.Text.RegularExpressions.Regex SentenceEnd();

    [System.Text.RegularExpressions.GeneratedRegex(@"[,.;:!?]+|\s[-–—]+\s|\b(?:and|but|then|while|whereas)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PartBreak();

    /// <summary>The sessions logged in the last few hours, oldest first.</summary>
    private List<(CatProfile Cat, TrainingSession Session)> Recent(OwnerProfile owner)
    {
        var now = _clock.GetUtcNow();
        return [.. owner.Cats.SelectMany(c => c.Sessions.Select(s => (Cat: c, Session: s))).Where(x => now - x.Session.At <= FixableFor).OrderBy(x => x.Session.At)];
    }

    private static bool LooksLikeAFix(MessageReading reading) =>
        reading.WordCount <= LongestFix && !reading.Text.Contains('?', StringComparison.Ordinal) && reading.Command == Command.None;

    private List<(double Value, int At)> NumbersIn(string[] tokens)
    {
        var numbers = new List<(double, int)>();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (double.TryParse(tokens[i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                numbers.Add((value, i));
            }
            // "ivys one was more like 3 min", "that one": a number word is a length only before a unit, "not" or "or", or at the end.
            else if (_numberWords.TryGetValue(tokens[i], out var word) && tokens[i] != "last"
                && (i + 1 >= tokens.Length || _wordsAfterALength.Contains(tokens[i + 1])))
            {
                numbers.Add((word, i));
            }
        }

        return numbers;
    }
}

/// <summary>
/// What <see cref="SessionCorrections.AnswerAsync"/> did: nothing (route the message as usual), or answered, with a
/// cat still to ask about (<see cref="Ask"/>), cats to ask about moving on (<see cref="Offer"/>) or the rest of the
/// message still to route (<see cref="Rest"/>).
/// </summary>
public sealed record CorrectionOutcome(bool Answered, LogSessionOptions? Ask = null, string? Rest = null, StepOfferOptions? Offer = null)
{
    public static CorrectionOutcome None { get; } = new(false);
}
