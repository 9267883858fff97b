using System.Globalization;
using System.Text.RegularExpressions;
using LeashBot.Content;
using LeashBot.State;
using LeashBot.Understanding;
using Microsoft.Bot.Builder;

namespace LeashBot.Coaching;

/// <summary>
/// What a message says about a cat's step, read sentence by sentence: <see cref="To"/> a step named after a command
/// word ("put her back on 2", "keep him on 4", "set mango to step 4"), <see cref="NotTo"/> a step the owner doesn't
/// want yet ("dont move mango to 5 yet"), <see cref="Keep"/> where it is ("dont move him yet"), one step
/// <see cref="Back"/> ("can u put him back a step"), or <see cref="MoveOn"/> ("move her on"). A sentence that asks
/// ("why step back??", "will you remember where he is") says nothing.
/// </summary>
public sealed record StepWish(int? To, int? NotTo, bool Keep, bool Back, bool MoveOn)
{
    public static StepWish None { get; } = new(null, null, false, false, false);

    /// <summary>True when the owner said the cat should stay at <paramref name="step"/> (not move on from it).</summary>
    public bool KeepsAt(int step) => Keep || To == step || NotTo is { } not && not > step;
}

/// <summary>
/// A cat's step changes only when the owner means it. Commands set the step and say what that skips ("she's
/// already on step 8, set her to step 8"); "dont move him yet" and "keep him on 4" keep it; a relaxed session that
/// meets the step's goal asks before moving the cat on (<see cref="AfterSessionAsync"/>), unless the same message said
/// to move on or to stay. "step 1 is done" moves on when the step's goal is the owner's word (getting the gear);
/// "can i skip to going outside?" kindly names the steps that come first. Every change goes through the
/// <see cref="ProgressLedger"/>, so "undo" can reverse it.
/// </summary>
public sealed partial class StepChanges(Replies replies, ProgressLedger ledger, TimeProvider clock)
{
    /// <summary>A step change is said in a sentence or two; a longer sentence is about something else.</summary>
    private const int LongestStepChange = 20;

    /// <summary>How far after a command word its step number may come ("put her back on step 2").</summary>
    private const int StepReach = 6;

    /// <summary>"pepper step 2": a message this short that names a cat and a step, with no command word, is asked about.</summary>
    private const int ShortStepMention = 4;

    private readonly PhraseList _done = new(replies.Content.Reading.StepDone);
    private readonly PhraseList _set = new(replies.Content.Reading.StepSet);
    private readonly PhraseList _skip = new(replies.Content.Reading.StepSkip);
    private readonly PhraseList _keep = new(replies.Content.Reading.StepCommands.Keep);
    private readonly PhraseList _move = new(replies.Content.Reading.StepCommands.Move);
    private readonly PhraseList _moveOn = new(replies.Content.Reading.StepCommands.MoveOn);
    private readonly PhraseList _back = new(replies.Content.Reading.StepCommands.Back);
    private readonly PhraseList _polite = new(replies.Content.Reading.StepCommands.Polite);
    private readonly PhraseList _asking = new(replies.Content.Reading.StepCommands.Asking);
    private readonly PhraseList _sessionWords = new(replies.Content.Reading.StepCommands.SessionWords);
    private readonly PhraseList _undo = new(replies.Content.Reading.StepCommands.Undo);
    private readonly PhraseList _forbid = new(replies.Content.Reading.StepCommands.Forbid);
    private readonly PhraseList _keepAt = new(replies.Content.Reading.StepCommands.KeepAt);
    private readonly HashSet<string> _notStepAfter = [.. replies.Content.Reading.StepCommands.NotStepAfter];
    private readonly HashSet<string> _stepWords = [.. replies.Content.Reading.StepWords.Step];
    private readonly HashSet<string> _questionOpeners = [.. replies.Content.Reading.QuestionOpeners];
    private readonly HashSet<string> _negations = [.. replies.Content.Reading.Negations.Select(n => n.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal))];
    private readonly HashSet<string> _leadIns = [.. replies.Content.Understanding.Global.FillerWords.Concat(replies.Content.Reading.Social.Acknowledgements)
        .Concat(replies.Content.Reading.Social.Laughter).Concat(replies.Content.Reading.Negations).Select(w => w.ToLowerInvariant())];
    private readonly Dictionary<string, int> _numberWords = replies.Content.Reading.NumberWords;

    /// <summary>
    /// Answers a step command, or a step change question, for the cat the message is about. With a session report in
    /// the same message ("set mango to step 4 and log 25 min relaxed, dont move him to 5"), the step is set first
    /// and the session logged there. <see cref="StepAnswer.None"/> when the message is neither.
    /// </summary>
    public async Task<StepAnswer> AnswerAsync(ITurnContext turn, MessageReading reading, OwnerProfile owner, CatProfile? cat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(owner);
        if (cat is null || reading.Command != Command.None)
        {
            return StepAnswer.None;
        }

        var wish = Read(reading.Text);
        var report = reading.Duration is { } length && length > TimeSpan.Zero && length.TotalMinutes <= TrainingPlan.LongestSessionMinutes && !reading.AsksAQuestion;
        if (wish.To is { } to)
        {
            var change = ProgressLedger.Begin(owner, ChangeKind.StepMoved);
            await SetStepAsync(turn, change, cat, to, cancellationToken, quietWhenThere: report);
            if (!report)
            {
                return StepAnswer.Done;
            }

            if (reading.Mood is null)
            {
                // How it went is asked; the session is logged at the step just set.
                return new StepAnswer(true, Log: new LogSessionOptions { CatName = cat.Name, Text = reading.Text });
            }

            // The session goes with the step change: one "undo" takes back both.
            change.Kind = ChangeKind.SessionLogged;
            var minutes = reading.Duration!.Value.TotalMinutes;
            var result = ledger.LogSession(change, cat, minutes, reading.Mood!.Mood);
            return new StepAnswer(true, await AfterSessionAsync(turn, change, cat, minutes, result, wish, cancellationToken));
        }

        if (report)
        {
            // How the session report goes with the rest of the message is the session log's to say.
            return StepAnswer.None;
        }

        // "dont move mango to 5 yet" when he is already there: back to the step before it.
        if (wish.NotTo is { } notTo && cat.Step == notTo && notTo > 1)
        {
            await SetStepAsync(turn, ProgressLedger.Begin(owner, ChangeKind.StepMoved), cat, notTo - 1, cancellationToken);
            return StepAnswer.Done;
        }

        if (wish.Keep || wish.NotTo is not null)
        {
            await replies.SendAsync(turn, replies.StepText(replies.Content.Plan.KeptOnStep, cat, replies.Content.Step(cat.Step)), cancellationToken);
            return StepAnswer.Done;
        }

        if (wish.Back)
        {
            await StepBackAsync(turn, owner, cat, cancellationToken);
            return StepAnswer.Done;
        }

        var tokens = PhraseList.Words(reading.Text);
        var asks = reading.Text.Contains('?', StringComparison.Ordinal);

        // "pepper step 2": a cat and a step and nothing else could be a question or a command, so it is asked.
        if (reading.StepNumber is { } mentioned && !asks && tokens.Length <= ShortStepMention && reading.CatsMeant.Count == 1 && mentioned != cat.Step)
        {
            return new StepAnswer(true, new StepOfferOptions { Cats = [cat.Name], Steps = [mentioned], MovesOn = false });
        }

        if (reading.WordCount > LongestStepChange)
        {
            return StepAnswer.None;
        }

        var steps = replies.Content.Plan.Steps;
        if (_skip.IsIn(tokens) && (reading.StepNumber ?? StepTitled(tokens, steps)) is { } wanted && wanted > cat.Step)
        {
            await SkipAheadAsync(turn, cat, wanted, cancellationToken);
            return StepAnswer.Done;
        }

        // "she's already on step 8": a statement of where the cat is puts it there.
        if (reading.StepNumber is { } number && !asks && _set.IsIn(tokens) && number != cat.Step)
        {
            await SetStepAsync(turn, ProgressLedger.Begin(owner, ChangeKind.StepMoved), cat, number, cancellationToken);
            return StepAnswer.Done;
        }

        // "step 1 is done", "we got the harness": done names the step, by number or by what it is about.
        if ((reading.StepNumber ?? StepTitled(tokens, steps)) == cat.Step && !cat.Finished && !asks && _done.IsIn(tokens)
            && !tokens.Any(_negations.Contains) && reading.Duration is null && reading.Social != SocialAct.Goodbye)
        {
            await StepDoneAsync(turn, owner, cat, cancellationToken);
            return StepAnswer.Done;
        }

        return StepAnswer.None;
    }

    /// <summary>
    /// Says what a logged session means. A session that meets the step's goal moves the cat on only when the owner
    /// already said so ("move her on", "step 4 is done"); "keep him on 4" keeps it; otherwise the offer to ask is
    /// returned. With <paramref name="logged"/> false the "Logged:" line is left out (the session was already there).
    /// </summary>
    public async Task<StepOfferOptions?> AfterSessionAsync(ITurnContext turn, ProgressChange change, CatProfile cat, double minutes, SessionResult result, StepWish wish, CancellationToken cancellationToken, bool logged = true)
    {
        ArgumentNullException.ThrowIfNull(cat);
        ArgumentNullException.ThrowIfNull(wish);
        await replies.SessionOutcomeAsync(turn, cat, minutes, result, cancellationToken, logged);
        if (result.Outcome != SessionOutcome.ReadyToMoveOn)
        {
            return null;
        }

        if (wish.KeepsAt(cat.Step))
        {
            await replies.SendAsync(turn, replies.StepText(replies.Content.Plan.KeptOnStep, cat, replies.Content.Step(cat.Step)), cancellationToken);
            return null;
        }

        if (wish.MoveOn)
        {
            ledger.MoveOn(change, cat);
            await replies.MovedOnAsync(turn, cat, cancellationToken);
            return null;
        }

        return new StepOfferOptions { Cats = [cat.Name], Steps = [cat.Step + 1], MovesOn = true };
    }

    /// <summary>What the text says about a cat's step, sentence by sentence (see <see cref="StepWish"/>).</summary>
    public StepWish Read(string text)
    {
        int? to = null, notTo = null;
        bool keep = false, back = false, moveOn = false;
        foreach (var sentence in Sentences(text))
        {
            var tokens = PhraseList.Words(sentence);
            if (tokens.Length == 0 || tokens.Length > LongestStepChange || Asks(sentence, tokens) || SaysUndo(tokens))
            {
                continue;
            }

            moveOn |= _moveOn.Find(tokens) is var on and >= 0 && !Forbidden(tokens, on);
            for (var i = 0; i < tokens.Length; i++)
            {
                var isKeep = _keep.StartsAt(tokens, i);
                if (!isKeep && !_move.StartsAt(tokens, i))
                {
                    continue;
                }

                var number = StepNamedAfter(tokens, i);
                // "move him back a step", "can u put him back": back from the step, not "put the harness back on".
                var backAfter = Near(tokens, i, _back);
                if (Forbidden(tokens, i))
                {
                    // "dont move mango to 5 yet", "no dont move him back": the owner wants the cat where it is.
                    if (number is { } not)
                    {
                        notTo = not;
                    }
                    else
                    {
                        keep = true;
                    }
                }
                else if (number is { } step)
                {
                    to = step;
                    keep = false;
                }
                else if (backAfter)
                {
                    back = true;
                }
                else if (isKeep && Near(tokens, i, _keepAt))
                {
                    // "keep him where he is", "stay on this step".
                    keep = true;
                }
            }
        }

        return to is null && notTo is null && !keep && !back && !moveOn ? StepWish.None : new StepWish(to, notTo, keep, back, moveOn);
    }

    /// <summary>The words ask for the last change to be reversed ("undo", "put it back", "scratch that").</summary>
    public bool SaysUndo(string[] words) => _undo.IsIn(words);

    /// <summary>
    /// True when a sentence of the message that speaks of going back tells rather than asks, and forbids no change:
    /// "we need to go back a step" tells; "why step back?? he was fine" and "will u remember where he is when im back" don't.
    /// </summary>
    public bool TellsToStepBack(string text) =>
        Sentences(text).Any(sentence => PhraseList.Words(sentence) is { Length: > 0 } tokens && _back.IsIn(tokens) && !Asks(sentence, tokens)
            && !Enumerable.Range(0, tokens.Length).Any(i => Forbidden(tokens, i)));

    /// <summary>"move him back a step": one step back, said back; at step 1 the cat is already at the start.</summary>
    public async Task StepBackAsync(ITurnContext turn, OwnerProfile owner, CatProfile cat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cat);
        var content = replies.Content;
        if (cat.Step <= 1)
        {
            await replies.SayAsync(turn, c => c.Plan.AlreadyFirstStep, cat, cancellationToken);
            return;
        }

        ledger.MoveTo(ProgressLedger.Begin(owner, ChangeKind.StepMoved), cat, cat.Step - 1);
        await replies.SendAsync(turn, replies.StepText(content.Plan.StepBack, cat, content.Step(cat.Step)), cancellationToken);
    }

    /// <summary>"why step back he was fine??": nothing changes, and the owner hears where the cat is and how to move it.</summary>
    public Task UnchangedAsync(ITurnContext turn, CatProfile cat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cat);
        return replies.SendAsync(turn, replies.StepText(replies.Content.Plan.StepUnchanged, cat, replies.Content.Step(cat.Step)), cancellationToken);
    }

    /// <summary>
    /// True when the cat moved to its step so recently that nothing was done there yet: "what's next?" then means
    /// this step, not the one after it.
    /// </summary>
    public bool JustArrived(CatProfile cat)
    {
        ArgumentNullException.ThrowIfNull(cat);
        return cat.Step > 1 && !cat.SessionsAtCurrentStep.Any() && clock.GetUtcNow() - cat.StepStarted < TimeSpan.FromHours(1);
    }

    /// <summary>
    /// Puts the cat on the step and says so, with what that skips; a cat already there stays, and hears so unless
    /// <paramref name="quietWhenThere"/> (a session logged with it says it).
    /// </summary>
    private async Task SetStepAsync(ITurnContext turn, ProgressChange change, CatProfile cat, int number, CancellationToken cancellationToken, bool quietWhenThere = false)
    {
        var plan = replies.Content.Plan;
        var from = cat.Step;
        if (!ledger.MoveTo(change, cat, number))
        {
            if (!quietWhenThere)
            {
                await replies.SendAsync(turn, replies.StepText(plan.KeptOnStep, cat, replies.Content.Step(cat.Step)), cancellationToken);
            }

            return;
        }

        var lines = new List<string> { replies.StepText(plan.StepSet, cat, replies.Content.Step(cat.Step)) };
        if (cat.Step > from + 1)
        {
            lines.Add(replies.Fill(replies.Text(c => cat.Step - 1 == from ? c.Plan.StepSetSkippedOne : c.Plan.StepSetSkipped, cat),
                ("first", Number(from)), ("next", Number(cat.Step - 1))));
        }

        await replies.SendAsync(turn, lines, cancellationToken);
    }

    private async Task StepDoneAsync(ITurnContext turn, OwnerProfile owner, CatProfile cat, CancellationToken cancellationToken)
    {
        var content = replies.Content;
        var step = content.Step(cat.Step);
        if (!step.DoneOnWord)
        {
            await replies.SendAsync(turn, replies.StepText(content.Plan.StepDoneNeedsRelaxed, cat, step), cancellationToken);
            return;
        }

        var done = cat.Step;
        ledger.MoveOn(ProgressLedger.Begin(owner, ChangeKind.StepMoved), cat);
        await replies.SendAsync(turn, replies.Fill(replies.StepText(content.Plan.StepDoneOnWord, cat, content.Step(cat.Step)), ("first", Number(done))), cancellationToken);
    }

    private async Task SkipAheadAsync(ITurnContext turn, CatProfile cat, int wanted, CancellationToken cancellationToken)
    {
        var content = replies.Content;
        if (wanted == cat.Step + 1)
        {
            await replies.NextAsync(turn, cat, cancellationToken);
            return;
        }

        var target = content.Step(wanted);
        var text = replies.Fill(content.Plan.SkipAhead, ("cat", cat.Name), ("title", target.Title), ("step", Number(wanted)), ("first", Number(cat.Step)), ("next", Number(wanted - 1)));
        await replies.SendAsync(turn, text, cancellationToken);
        await replies.CurrentStepAsync(turn, cat, withIntro: false, cancellationToken);
    }

    /// <summary>A sentence that asks ("why step back??", "will u remember where he is") rather than tells; "can u put him back?" tells.</summary>
    private bool Asks(string sentence, string[] tokens)
    {
        if (Polite(tokens))
        {
            return false;
        }

        var opener = tokens.FirstOrDefault(t => !_leadIns.Contains(t));
        if (sentence.TrimEnd().EndsWith('?') || (opener is not null && _questionOpeners.Contains(opener)))
        {
            return true;
        }

        // "wait so why did u move him back": a question word before the command word.
        var command = Enumerable.Range(0, tokens.Length).FirstOrDefault(i => _move.StartsAt(tokens, i) || _keep.StartsAt(tokens, i), tokens.Length);
        return _asking.Find(tokens) is var asking and >= 0 && asking < command;
    }

    /// <summary>"can u put him back", "pls move her to 2": a request worded as a question.</summary>
    private bool Polite(string[] tokens) =>
        tokens.FirstOrDefault(t => !_leadIns.Contains(t) || _polite.StartsAt([t], 0)) is { } first && _polite.StartsAt([first], 0)
        || tokens.Length > 0 && _polite.StartsAt(tokens, tokens.Length - 1);

    /// <summary>"dont move", "do not put", "dont u move": the command word at <paramref name="at"/> is forbidden, not given.</summary>
    private bool Forbidden(string[] tokens, int at) =>
        _forbid.EndsAt(tokens, at - 1) || _forbid.EndsAt(tokens, at - 2);

    /// <summary>
    /// The step named after the command word at <paramref name="at"/>: "step 4" or "stage four", or a bare number from
    /// 1 to 10 that isn't a length or a count ("keep him on 4", not "put it on for 10 min"). A step that names a session
    /// ("change the step 1 session to 10 min") is no step to go to.
    /// </summary>
    private int? StepNamedAfter(string[] tokens, int at)
    {
        var last = replies.Content.Plan.Steps.Count;
        for (var j = at + 1; j < tokens.Length && j <= at + StepReach; j++)
        {
            var afterStepWord = _stepWords.Contains(tokens[j]) && j + 1 < tokens.Length;
            var number = afterStepWord ? NumberOf(tokens[j + 1])
                : tokens[j].All(char.IsAsciiDigit) && int.TryParse(tokens[j], NumberStyles.None, CultureInfo.InvariantCulture, out var bare) ? bare : null;
            var next = afterStepWord ? j + 2 : j + 1;
            if (number is { } n && n >= 1 && n <= last && !_sessionWords.StartsAt(tokens, next) && (next >= tokens.Length || !_notStepAfter.Contains(tokens[next])))
            {
                return n;
            }
        }

        return null;
    }

    /// <summary>True when one of the phrases starts within the four words after word <paramref name="at"/>.</summary>
    private static bool Near(string[] tokens, int at, PhraseList phrases) =>
        Enumerable.Range(at + 1, 4).Any(j => phrases.StartsAt(tokens, j));

    private int? NumberOf(string token) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : _numberWords.TryGetValue(token, out var word) ? word : null;

    /// <summary>The message's sentences: cut at sentence ends and line breaks.</summary>
    private static IEnumerable<string> Sentences(string text) =>
        SentenceEnd().Split(text ?? "").Where(p => p.Any(char.IsLetterOrDigit));

    [GeneratedRegex(@"(?<=[.!?;])\s*|\n+")]
    private static partial Regex SentenceEnd();

    /// <summary>"going outside on the balcony": the step whose title shares the most words with the message, if any does.</summary>
    private static int? StepTitled(string[] tokens, IReadOnlyList<PlanStep> steps)
    {
        var words = tokens.Where(t => t.Length > 3).ToHashSet(StringComparer.Ordinal);
        var best = steps.Select(s => (s.Number, Shared: PhraseList.Words(s.Title).Count(t => t.Length > 3 && words.Contains(t))))
            .Where(s => s.Shared > 0).OrderByDescending(s => s.Shared).ThenBy(s => s.Number).FirstOrDefault();
        return best.Shared > 0 ? best.Number : null;
    }

    private static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// What <see cref="StepChanges.AnswerAsync"/> did: nothing, answered, or answered with a question to ask: a step change
/// (<see cref="Offer"/>) or how the session logged with it went (<see cref="Log"/>).
/// </summary>
public sealed record StepAnswer(bool Answered, StepOfferOptions? Offer = null, LogSessionOptions? Log = null)
{
    public static StepAnswer None { get; } = new(false);

    public static StepAnswer Done { get; } = new(true);
}
