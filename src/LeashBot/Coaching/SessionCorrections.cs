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
    private readonly PhraseList _eachLength;
    private readonly PhraseList _twoCats;
    private readonly Dictionary<string, int> _numberWords;
    private readonly HashSet<string> _joins;
    private readonly SessionMoodFixes _moods;
    private readonly SessionDayFixes _days;
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
        _eachLength = new(words.EachLength);
        _twoCats = new(words.TwoCats);
        _numberWords = words.NumberWords;
        _joins = [.. words.NameListJoins];
        _moods = new(replies, reader, clock);
        _days = new(replies, clock);
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

    /// <summary>Moves the sessions just logged to the day the owner says they were (see <see cref="SessionDayFixes"/>); false when the message is no day fix.</summary>
    public Task<bool> FixDayAsync(ITurnContext turn, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken) =>
        _days.AnswerAsync(turn, reading, owner, cancellationToken);

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

    /// <summary>The message's sentences, each with its end mark.</summary>
    private static List<string> Sentences(string text) =>
        [.. SentenceEnd().Split(text).Where(p => p.Any(char.IsLetterOrDigit))];

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial System.Text.RegularExpressions.Regex SentenceEnd();

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
