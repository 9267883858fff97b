using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

// The route table's answers that change the owner's sessions: undo, delete and move.
public sealed partial class RouteTable
{
    /// <summary>
    /// "undo", "undo that delete", "put it back": reverses the owner's last change, whatever it was, and says what it
    /// put back. "delete the 10 min session", "undo ziggys 10 minute one": takes out the session named instead (which
    /// is a change of its own, so "undo" brings it back).
    /// </summary>
    private async Task UndoAsync(RouteTurn turn, CancellationToken cancellationToken)
    {
        var words = PhraseList.Words(turn.Reading.Text);
        var minutes = turn.Reading.Duration?.TotalMinutes
            ?? (words.Where(w => w.All(char.IsAsciiDigit)).ToList() is [var bare] ? double.Parse(bare, System.Globalization.CultureInfo.InvariantCulture) : null);
        if (minutes is not null || turn.Command.Is(CommandKind.DeleteSession))
        {
            await DeleteSessionAsync(turn, minutes, cancellationToken);
            return;
        }

        var owner = turn.Owner;
        var only = turn.Reading.CatsMeant.Count > 0 ? turn.Cat : null;
        var undone = ProgressLedger.Undo(owner, only);
        if (undone is null)
        {
            await _replies.SendAsync(turn.Context, owner.LastChange switch
            {
                null => _replies.Text(c => c.Plan.Undo.Nothing),
                { Cats.Count: 0 } => _replies.Text(c => c.Plan.Undo.NothingMore),
                { } other => _replies.Text(c => c.Plan.Undo.OtherCat, ("cat", only?.Name ?? ""), ("cats", string.Join(", ", other.Cats.Select(c => c.Name)))),
            }, cancellationToken);
            return;
        }

        var plan = _replies.Content.Plan;
        var lines = new List<string>();
        foreach (var (part, stepMoved) in undone)
        {
            if (part.New || part.Gone)
            {
                lines.Add(_replies.Text(part.New ? c => c.Plan.Undo.CatRemoved : c => c.Plan.Undo.CatBack, ("cat", part.Name)));
                continue;
            }

            var name = part.OldName ?? part.Name;
            if (part.OldName is { } old)
            {
                lines.Add(_replies.Text(c => c.Plan.Undo.NameRestored, ("cat", old), ("old", part.Name)));
            }

            if (part is { Added: [var edited], Removed: [var was] })
            {
                lines.Add(_replies.Text(c => c.Plan.Undo.SessionRestored, ("cat", name), ("minutes", _replies.Minutes(was.Minutes))));
            }
            else
            {
                lines.AddRange((part.Added ?? []).Select(s => SessionLine(plan.Undo.SessionTakenBack, name, s)));
                lines.AddRange((part.Removed ?? []).Select(s => SessionLine(plan.Undo.SessionBack, name, s)));
            }

            if (stepMoved && owner.FindCat(name) is { } cat)
            {
                lines.Add(cat.Finished ? _replies.Text(c => c.Plan.Undo.FinishedRestored, cat) : _replies.StepText(plan.Undo.StepRestored, cat, _replies.Content.Step(cat.Step)));
            }
        }

        await _replies.SendAsync(turn.Context, lines, cancellationToken);
        var still = undone.Select(u => owner.FindCat(u.Part.OldName ?? u.Part.Name)).OfType<CatProfile>().Distinct().ToList();
        if (still.Count > 0)
        {
            owner.CurrentCat = still[^1].Name;
            await _replies.ProgressAsync(turn.Context, still, cancellationToken);
        }
    }

    private string SessionLine(string template, string cat, TrainingSession session) =>
        _replies.Fill(template, ("cat", cat), ("minutes", _replies.Minutes(session.Minutes)), ("step", session.Step.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Takes out the session of the length named (for the cat named, or any cat), else the last one logged.</summary>
    private async Task DeleteSessionAsync(RouteTurn turn, double? minutes, CancellationToken cancellationToken)
    {
        var cats = turn.Reading.CatsMeant.Count > 0 ? turn.Cats : turn.Owner.Cats;
        var sessions = cats.SelectMany(c => c.Sessions.Select(s => (Cat: c, Session: s))).OrderBy(x => x.Session.At).ToList();
        var last = minutes is { } length ? sessions.FindLast(x => Math.Abs(x.Session.Minutes - length) < 0.01) : sessions.LastOrDefault();
        if (last.Cat is null)
        {
            await _replies.SayAsync(turn.Context, c => c.Plan.NothingToDelete, cancellationToken);
            return;
        }

        ProgressLedger.RemoveSession(ProgressLedger.Begin(turn.Owner, ChangeKind.SessionDeleted), last.Cat, last.Session);
        turn.Owner.CurrentCat = last.Cat.Name;
        await _replies.SendAsync(turn.Context, SessionLine(_replies.Content.Plan.SessionDeleted, last.Cat.Name, last.Session), cancellationToken);
        await _replies.ProgressAsync(turn.Context, [last.Cat], cancellationToken);
    }

    /// <summary>"that was pickle not milo!!": moves the last session to the cat named; what it means there is said (and asked) as for a new one.</summary>
    private async Task<DialogTurnResult> MoveSessionAsync(RouteTurn turn, CancellationToken cancellationToken)
    {
        var content = _replies.Content;
        var owner = turn.Owner;
        var step = turn.FlowStep;
        var mentions = turn.Reading.Cats;
        var to = mentions.FirstOrDefault(m => !m.Negated) is { } named ? owner.FindCat(named.Name) : null;
        var from = mentions.FirstOrDefault(m => m.Negated) is { } notIt ? owner.FindCat(notIt.Name) : null;
        var candidates = from is not null ? [from] : owner.Cats.Where(c => c != to).ToList();
        var last = candidates.SelectMany(c => c.Sessions.Select(s => (Cat: c, Session: s))).OrderBy(x => x.Session.At).LastOrDefault();
        if (last.Cat is null)
        {
            await _replies.SayAsync(turn.Context, c => c.Plan.NothingToMove, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        // "wrong cat!" with two cats can only mean the other one.
        to ??= owner.Cats.Count == 2 ? owner.Cats.Find(c => c != last.Cat) : null;
        if (to is null || to == last.Cat)
        {
            var names = owner.Cats.Select(c => c.Name).ToList();
            var or = " " + content.Messages.OrWord + " ";
            var list = names.Count > 1 ? string.Join(", ", names[..^1]) + or + names[^1] : string.Join("", names);
            await _replies.SendAsync(turn.Context, _replies.Text(c => c.Messages.WhichCatOf, ("cats", list)), cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        var session = last.Session;
        var change = ProgressLedger.Begin(owner, ChangeKind.SessionMoved);
        ProgressLedger.RemoveSession(change, last.Cat, session);
        ProgressLedger.AddSession(change, to, new TrainingSession { At = session.At, Step = to.Step, Minutes = session.Minutes, Mood = session.Mood });
        owner.CurrentCat = to.Name;
        await _replies.SendAsync(turn.Context, _replies.Text(c => c.Plan.SessionMoved, ("cat", to.Name), ("name", last.Cat.Name), ("minutes", _replies.Minutes(session.Minutes))), cancellationToken);
        var result = TrainingPlan.Judge(to, content.Plan, session.Minutes, session.Mood);
        return await _stepChanges.AfterSessionAsync(turn.Context, change, to, session.Minutes, result, StepWish.None, cancellationToken, logged: false) is { } offer
            ? await step.BeginDialogAsync(StepOfferDialog.DialogId, offer, cancellationToken)
            : await step.EndDialogAsync(null, cancellationToken);
    }
}
