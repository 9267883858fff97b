using LeashBot.Content;
using LeashBot.State;

namespace LeashBot.Coaching;

public enum SessionOutcome
{
    /// <summary>The cat was relaxed and moves to the next step.</summary>
    Advanced,

    /// <summary>Relaxed, but the step is about building time and the session was shorter than its goal.</summary>
    NeedMoreTime,

    StayUnsure,

    /// <summary>Distress: stay at the step with a shorter session next time.</summary>
    StayStressed,

    /// <summary>Relaxed at the last step: the plan is complete.</summary>
    Finished,

    AlreadyFinished,
}

public readonly record struct SessionResult(SessionOutcome Outcome, int Step, int TargetMinutes, int ShorterMinutes);

/// <summary>
/// The rules of the 10-step plan: a cat moves on only when the owner reports it relaxed at the current step
/// (and, where the step is about building time, after a session of at least the step's minimum length);
/// distress keeps it at the step with a shorter session.
/// </summary>
public static class TrainingPlan
{
    /// <summary>Sessions longer than this are taken as a typo rather than recorded.</summary>
    public const double LongestSessionMinutes = 240;

    public static SessionResult LogSession(CatProfile cat, PlanContent plan, double minutes, Mood mood, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cat);
        ArgumentNullException.ThrowIfNull(plan);
        var step = plan.Steps[Math.Clamp(cat.Step, 1, plan.Steps.Count) - 1];
        var session = new TrainingSession { At = now, Step = cat.Step, Minutes = minutes, Mood = mood };
        cat.Sessions.Add(session);
        if (cat.Finished)
        {
            return new SessionResult(SessionOutcome.AlreadyFinished, cat.Step, 0, 0);
        }

        switch (mood)
        {
            case Mood.Stressed:
                return new SessionResult(SessionOutcome.StayStressed, cat.Step, 0, Math.Max(1, (int)Math.Round(minutes / 2)));
            case Mood.Unsure:
                return new SessionResult(SessionOutcome.StayUnsure, cat.Step, 0, 0);
        }

        if (step.SessionMinutes is { } range && minutes < range.Min)
        {
            return new SessionResult(SessionOutcome.NeedMoreTime, cat.Step, range.Min, 0);
        }

        if (cat.Step >= plan.Steps.Count)
        {
            cat.Finished = true;
            session.Finished = true;
            return new SessionResult(SessionOutcome.Finished, cat.Step, 0, 0);
        }

        session.AdvancedFrom = cat.StepStarted;
        cat.Step++;
        cat.StepStarted = now;
        return new SessionResult(SessionOutcome.Advanced, cat.Step, 0, 0);
    }

    /// <summary>
    /// Takes a logged session back: removes it and, if it moved the cat on (or finished the plan), puts the cat
    /// back where it was.
    /// </summary>
    public static void Undo(CatProfile cat, TrainingSession session)
    {
        ArgumentNullException.ThrowIfNull(cat);
        ArgumentNullException.ThrowIfNull(session);
        if (!cat.Sessions.Remove(session))
        {
            return;
        }

        if (session.Finished && cat.Finished)
        {
            cat.Finished = false;
        }
        else if (session.AdvancedFrom is { } started && cat.Step == session.Step + 1)
        {
            cat.Step = session.Step;
            cat.StepStarted = started;
        }
    }

    /// <summary>Moves the cat back one step; false when it is already at step 1.</summary>
    public static bool StepBack(CatProfile cat, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cat);
        if (cat.Step <= 1)
        {
            return false;
        }

        cat.Step--;
        cat.Finished = false;
        cat.StepStarted = now;
        return true;
    }
}
