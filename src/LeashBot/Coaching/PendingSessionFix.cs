using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>
/// A correction while a session is being logged ("wait sorry that was ziggy not pip lol", "its not pip!! it was
/// ziggy", "oops 8 not 18", or a report naming only another cat at the length question): the session still waiting for its length or mood changes, the owner hears what changed,
/// and the question is asked again about it. Nothing is dropped; a mood in the same message ("it was ziggy, he was
/// chill") answers the question at once. After logging, the same words move or fix the logged session instead (the
/// router's commands).
/// </summary>
public sealed class PendingSessionFix(Replies replies, StepChanges commands)
{
    /// <summary>
    /// Whether the message corrected the pending session (then the question was asked again), and whether a mood in
    /// the same message still goes on to the mood question as its answer.
    /// </summary>
    public async Task<SessionFix> TryAsync(DialogContext innerDc, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(owner);
        if (innerDc.ActiveDialog?.Id is not (Prompts.Mood or Prompts.Duration) || innerDc.Stack.Count < 2 || innerDc.Stack[1].Id != LogSessionDialog.DialogId
            || WaterfallValues.Of<LogSessionValues>(innerDc.Stack[1]) is not { } pending || owner.FindCat(pending.CatName) is not { } cat)
        {
            return SessionFix.None;
        }

        var command = commands.CommandIn(reading, owner);
        var others = reading.Cats.Where(c => !c.Negated).Select(c => owner.FindCat(c.Name)).OfType<CatProfile>().Where(c => c != cat).Distinct().ToList();

        // "biscut 4 min he was fine" while Pepper's length is asked: a report naming only another cat is that cat's session.
        var reportsAnother = pending.Minutes is null && command.Is(CommandKind.LogSession) && reading.Duration is not null && others.Count == 1
            && !reading.Cats.Any(c => OwnerProfile.SameName(c.Name, cat.Name));
        // "biscuit seemed fine" while Pepper's mood is asked: a mood said of another cat only is that cat's session.
        var moodOfAnother = innerDc.ActiveDialog.Id == Prompts.Mood && reading.Mood is not null && reading.Duration is null && others.Count == 1
            && !reading.Cats.Any(c => OwnerProfile.SameName(c.Name, cat.Name));
        var correcting = reportsAnother || moodOfAnother || command.Is(CommandKind.MoveSession, CommandKind.FixSession) || reading.Cats.Any(c => c.Negated && OwnerProfile.SameName(c.Name, cat.Name));
        if (!correcting)
        {
            return SessionFix.None;
        }

        var lines = new List<string>();
        if (others.Count == 1)
        {
            // "that was ziggy not pip": the session is Ziggy's, and every question about it says so.
            var to = others[0];
            PendingQuestion.RenameOnStack(innerDc.Stack.Take(1), cat.Name, to.Name);
            pending.CatName = to.Name;
            owner.CurrentCat = to.Name;
            lines.Add(pending.Minutes is { } minutes
                ? replies.Text(c => c.Plan.SessionMoved, ("cat", to.Name), ("name", cat.Name), ("minutes", replies.Minutes(minutes)))
                : replies.Text(c => c.Messages.CatSwitched, to));
        }

        if (pending.Minutes is { } old && NewLength(reading, old) is { } fresh)
        {
            // "oops 8 not 18": the length waiting for its mood is the one the owner meant.
            pending.Minutes = fresh;
            lines.Add(replies.Text(c => c.Plan.LengthFixed, ("cat", pending.CatName), ("minutes", replies.Minutes(fresh)), ("old", replies.Minutes(old))));
        }

        if (lines.Count == 0)
        {
            return SessionFix.None;
        }

        WaterfallValues.Save(innerDc.Stack[1], pending);
        await replies.SendAsync(innerDc.Context, lines, cancellationToken);
        // The report's length answers the length question about the cat it names.
        var moodFollows = innerDc.ActiveDialog!.Id == Prompts.Mood && reading.Mood is not null || reportsAnother;
        if (!moodFollows)
        {
            await innerDc.RepromptDialogAsync(cancellationToken);
        }

        return new SessionFix(true, moodFollows);
    }

    /// <summary>The one length in the message other than the pending one, when it is a sensible session's.</summary>
    private static double? NewLength(MessageReading reading, double old)
    {
        var fresh = PhraseList.Words(reading.Text).Where(w => w.All(char.IsAsciiDigit) && w.Length <= 3)
            .Select(w => double.Parse(w, CultureInfo.InvariantCulture)).Where(v => Math.Abs(v - old) >= 0.01).Distinct().ToList();
        return fresh is [var minutes] && minutes > 0 && minutes <= TrainingPlan.LongestSessionMinutes ? minutes : null;
    }
}

/// <summary>Whether a correction changed the session being logged, and whether the mood said with it still answers the mood question.</summary>
public sealed record SessionFix(bool Fixed, bool MoodFollows)
{
    public static SessionFix None { get; } = new(false, false);
}
