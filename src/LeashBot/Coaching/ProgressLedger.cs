using LeashBot.State;

namespace LeashBot.Coaching;

/// <summary>
/// The one place that changes a cat's step and sessions, or the owner's list of cats. Each change starts with
/// <see cref="Begin"/>, which makes it the owner's <see cref="OwnerProfile.LastChange"/>; every cat it touches is
/// noted as it was (step, sessions added and taken away) the first time it is touched, so <see cref="Undo"/> can put
/// back exactly what the change did and nothing else: undoing a step move never takes a session, undoing a deleted
/// session brings it back.
/// </summary>
public sealed class ProgressLedger(BotContent content, TimeProvider clock)
{
    /// <summary>
    /// Starts a change; once it touches a cat it replaces the owner's last change (only the last one can be undone), and
    /// a change that ends up touching nothing leaves the last one as it was.
    /// </summary>
    public static ProgressChange Begin(OwnerProfile owner, ChangeKind kind)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return new ProgressChange { Kind = kind, Of = owner };
    }

    /// <summary>Logs a session at the cat's current step and judges it; the cat stays where it is.</summary>
    public SessionResult LogSession(ProgressChange change, CatProfile cat, double minutes, Mood mood, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(cat);
        AddSession(change, cat, new TrainingSession { At = at ?? clock.GetUtcNow(), Step = cat.Step, Minutes = minutes, Mood = mood });
        return TrainingPlan.Judge(cat, content.Plan, minutes, mood);
    }

    /// <summary>Puts a session in the cat's list, in time order.</summary>
    public static void AddSession(ProgressChange change, CatProfile cat, TrainingSession session)
    {
        ArgumentNullException.ThrowIfNull(cat);
        ArgumentNullException.ThrowIfNull(session);
        var before = Touch(change, cat);
        Insert(cat, session);
        (before.Added ??= []).Add(Copy(session));
    }

    /// <summary>Takes a session out of the cat's list.</summary>
    public static void RemoveSession(ProgressChange change, CatProfile cat, TrainingSession session)
    {
        ArgumentNullException.ThrowIfNull(cat);
        ArgumentNullException.ThrowIfNull(session);
        var before = Touch(change, cat);
        if (!cat.Sessions.Remove(session))
        {
            return;
        }

        // A session this same change added and now takes away again was never there before it.
        if (before.Added?.FindLastIndex(session.SameAs) is { } index and >= 0)
        {
            before.Added.RemoveAt(index);
        }
        else
        {
            (before.Removed ??= []).Add(Copy(session));
        }
    }

    /// <summary>Gives a session a new length and mood; it keeps its moment and its step.</summary>
    public static TrainingSession EditSession(ProgressChange change, CatProfile cat, TrainingSession session, double minutes, Mood mood)
    {
        RemoveSession(change, cat, session);
        var edited = new TrainingSession { At = session.At, Step = session.Step, Minutes = minutes, Mood = mood };
        AddSession(change, cat, edited);
        return edited;
    }

    /// <summary>Puts the cat on a step (1 to the plan's last); false when it was already there.</summary>
    public bool MoveTo(ProgressChange change, CatProfile cat, int step)
    {
        ArgumentNullException.ThrowIfNull(cat);
        step = Math.Clamp(step, 1, content.Plan.Steps.Count);
        if (cat.Step == step && !cat.Finished)
        {
            return false;
        }

        Touch(change, cat);
        cat.Step = step;
        cat.Finished = false;

        // Back on a step it was on before, the cat keeps that step's sessions: a step move never drops history.
        var now = clock.GetUtcNow();
        cat.StepStarted = cat.Sessions.Where(s => s.Step == step && s.At < now).Select(s => s.At).DefaultIfEmpty(now).Min();
        return true;
    }

    /// <summary>Moves the cat on from its step: to the next one, or, at the last step, the plan is finished.</summary>
    public void MoveOn(ProgressChange change, CatProfile cat)
    {
        ArgumentNullException.ThrowIfNull(cat);
        if (cat.Step < content.Plan.Steps.Count)
        {
            MoveTo(change, cat, cat.Step + 1);
            return;
        }

        Touch(change, cat);
        cat.Finished = true;
    }

    /// <summary>Meets a new cat: it joins the owner's cats at step 1 and becomes the cat being talked about.</summary>
    public CatProfile AddCat(ProgressChange change, OwnerProfile owner, string name, string? pronoun)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(owner);
        var cat = new CatProfile { Name = name, StepStarted = clock.GetUtcNow(), Pronoun = pronoun };
        owner.Cats.Add(cat);
        Touch(change, cat).New = true;
        return cat;
    }

    /// <summary>Takes a cat off the owner's list, with its sessions; "undo" brings it back as it was.</summary>
    public static void RemoveCat(ProgressChange change, OwnerProfile owner, CatProfile cat)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(cat);
        var before = Touch(change, cat);
        before.Gone = true;
        before.Pronoun = cat.Pronoun;
        before.Removed = [.. cat.Sessions.Select(Copy)];
        owner.Cats.Remove(cat);
        if (OwnerProfile.SameName(owner.CurrentCat ?? "", cat.Name))
        {
            owner.CurrentCat = owner.Cats.Count == 1 ? owner.Cats[0].Name : null;
        }
    }

    /// <summary>Gives a cat a new name; the cat being talked about keeps being this cat.</summary>
    public static void Rename(ProgressChange change, OwnerProfile owner, CatProfile cat, string name)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(cat);
        var before = Touch(change, cat);
        before.OldName ??= cat.Name;
        var wasCurrent = owner.Current == cat;
        cat.Name = name;
        before.Name = name;
        if (wasCurrent)
        {
            owner.CurrentCat = name;
        }
    }

    /// <summary>
    /// Reverses the owner's last change (only the part about <paramref name="only"/>, when a cat is named and the change
    /// is about several). Returns each part reversed, as the change found that cat, and whether the cat's step went
    /// back; null when there was nothing (for that cat) to undo. A change undone stays as an empty record, so a second
    /// "undo" can say there is nothing more to undo.
    /// </summary>
    public static IReadOnlyList<(CatBefore Part, bool StepMoved)>? Undo(OwnerProfile owner, CatProfile? only = null)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (owner.LastChange is not { } change || change.Cats.Count == 0)
        {
            return null;
        }

        // A session moved between cats is one thing: it goes back whole.
        var parts = only is null || change.Kind == ChangeKind.SessionMoved ? [.. change.Cats]
            : change.Cats.Where(c => OwnerProfile.SameName(c.Name, only.Name)).ToList();
        if (parts.Count == 0)
        {
            return null;
        }

        var undone = new List<(CatBefore, bool)>();
        foreach (var before in parts)
        {
            undone.Add((before, Reverse(owner, before)));
            change.Cats.Remove(before);
        }

        return undone;
    }

    /// <summary>Puts one cat back as the change found it; true when its step (or finishing) went back.</summary>
    private static bool Reverse(OwnerProfile owner, CatBefore before)
    {
        if (before.Gone)
        {
            if (owner.FindCat(before.Name) is null)
            {
                owner.Cats.Add(new CatProfile
                {
                    Name = before.Name, Pronoun = before.Pronoun, Step = before.Step, StepStarted = before.StepStarted, Finished = before.Finished,
                    Sessions = [.. (before.Removed ?? []).Select(Copy)],
                });
            }

            return false;
        }

        if (owner.FindCat(before.Name) is not { } cat)
        {
            return false;
        }

        if (before.New)
        {
            owner.Cats.Remove(cat);
            if (OwnerProfile.SameName(owner.CurrentCat ?? "", cat.Name))
            {
                owner.CurrentCat = owner.Cats.Count > 0 ? owner.Cats[^1].Name : null;
            }

            return false;
        }

        if (before.OldName is { } old)
        {
            var wasCurrent = owner.Current == cat;
            cat.Name = old;
            if (wasCurrent)
            {
                owner.CurrentCat = old;
            }
        }

        foreach (var added in before.Added ?? [])
        {
            var index = cat.Sessions.FindLastIndex(added.SameAs);
            if (index >= 0)
            {
                cat.Sessions.RemoveAt(index);
            }
        }

        foreach (var removed in before.Removed ?? [])
        {
            Insert(cat, Copy(removed));
        }

        var stepMoved = cat.Step != before.Step || cat.Finished != before.Finished;
        cat.Step = before.Step;
        cat.StepStarted = before.StepStarted;
        cat.Finished = before.Finished;
        return stepMoved;
    }

    /// <summary>The cat as the change found it, noted the first time the change touches it.</summary>
    private static CatBefore Touch(ProgressChange change, CatProfile cat)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Of is { } owner)
        {
            owner.LastChange = change;
        }

        var before = change.Cats.Find(c => OwnerProfile.SameName(c.Name, cat.Name));
        if (before is null)
        {
            before = new CatBefore { Name = cat.Name, Step = cat.Step, StepStarted = cat.StepStarted, Finished = cat.Finished };
            change.Cats.Add(before);
        }

        return before;
    }

    private static void Insert(CatProfile cat, TrainingSession session)
    {
        var index = cat.Sessions.FindLastIndex(s => s.At <= session.At);
        cat.Sessions.Insert(index + 1, session);
    }

    private static TrainingSession Copy(TrainingSession session) =>
        new() { At = session.At, Step = session.Step, Minutes = session.Minutes, Mood = session.Mood };
}
