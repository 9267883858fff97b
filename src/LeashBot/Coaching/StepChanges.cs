using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>
/// A cat's step changes only when the owner means it. Commands set the step and say what that skips ("she's
/// already on step 8, set her to step 8"); "dont move him yet" and "keep him on 4" keep it; a relaxed session that
/// meets the step's goal asks before moving the cat on (<see cref="AfterSessionAsync"/>), unless the same message said
/// to move on or to stay. "step 1 is done" moves on when the step's goal is the owner's word (getting the gear);
/// "can i skip to going outside?" offers that step with what it skips (<see cref="FastTrack"/>). Every change goes through the
/// <see cref="ProgressLedger"/>, so "undo" can reverse it.
/// </summary>
public sealed class StepChanges(Replies replies, ProgressLedger ledger, CommandReader commands, TimeProvider clock)
{
    /// <summary>A step change is said in a sentence or two; a longer sentence is about something else.</summary>
    private const int LongestStepChange = 20;

    /// <summary>"she already has a harness and wears it round the house, been months. can we skip to…": a wish to skip ahead comes with a story.</summary>
    private const int LongestFastTrack = 45;

    private readonly PhraseList _done = new(replies.Content.Reading.StepDone);
    private readonly PhraseList _confirmTags = new(replies.Content.Reading.ConfirmTags);
    private readonly FastTrack _fastTrack = new(replies);
    private readonly HashSet<string> _negations = [.. replies.Content.Reading.Negations.Select(n => n.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal))];

    /// <summary>
    /// Answers a step command, or a step change question, for the cat the message is about. With a session report in
    /// the same message ("set mango to step 4 and log 25 min relaxed, dont move him to 5"), the step is set first
    /// and the session logged there. <see cref="StepAnswer.None"/> when the message is neither.
    /// </summary>
    public async Task<StepAnswer> AnswerAsync(ITurnContext turn, MessageReading reading, OwnerProfile owner, OwnerCommand command, CatProfile? talkedAbout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(command);
        var cat = owner.FindCat(command.Cat) ?? talkedAbout;
        if (cat is null || reading.Command != Command.None)
        {
            return StepAnswer.None;
        }

        // What the message says about this cat's step: only a part that tells it (never a question, a negation of
        // another command, someone else's words or a what-if).
        var wish = command.IsStep || command.Is(CommandKind.LogSession) ? command.Wish : StepWish.None;
        var report = command.Is(CommandKind.LogSession, CommandKind.SetStep) && reading.Duration is { } length && length > TimeSpan.Zero
            && length.TotalMinutes <= TrainingPlan.LongestSessionMinutes;

        // "pepper step 2": a cat and a step and nothing else could be a question or a command, so it is asked.
        if (command is { Kind: CommandKind.SetStep, Certainty: Certainty.Likely, Wish.To: { } asked } && !report)
        {
            return new StepAnswer(true, new StepOfferOptions { Cats = [cat.Name], Steps = [asked], MovesOn = false });
        }

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
        // "step 1 is done yeah?": a statement that only asks for a nod still tells.
        var asks = reading.Text.Contains('?', StringComparison.Ordinal) && !(tokens.Length > 2 && _confirmTags.EndsAt(tokens, tokens.Length - 1));

        // "she's walked on a harness for a year, skip the basics", "can we skip to the going outside bit": the step that fits is offered.
        if (reading.WordCount <= LongestFastTrack && _fastTrack.AsksToSkip(tokens)
            && await _fastTrack.AnswerAsync(turn, reading, cat, tokens, cancellationToken) is { Answered: true } skipped)
        {
            return skipped;
        }

        if (reading.WordCount > LongestStepChange)
        {
            return StepAnswer.None;
        }

        var steps = replies.Content.Plan.Steps;

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

    /// <summary>What the text says about the step of the cat being talked about (see <see cref="CommandReader.WishIn"/>).</summary>
    public StepWish Read(string text) => commands.WishIn(text);

    /// <summary>The one command a message gives (see <see cref="CommandReader.Read"/>).</summary>
    public OwnerCommand CommandIn(MessageReading reading, OwnerProfile owner) => commands.Read(reading, owner);

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
