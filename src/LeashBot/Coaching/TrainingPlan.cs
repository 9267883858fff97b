using LeashBot.State;

namespace LeashBot.Coaching;

public enum SessionOutcome
{
    /// <summary>The cat was relaxed and met the step's goal: it may move on, once the owner says so.</summary>
    ReadyToMoveOn,

    /// <summary>Relaxed, but the step is about building time and the session was shorter than its goal.</summary>
    NeedMoreTime,

    StayUnsure,

    /// <summary>Distress: stay at the step with a shorter session next time.</summary>
    StayStressed,

    AlreadyFinished,
}

public readonly record struct SessionResult(SessionOutcome Outcome, int Step, int TargetMinutes, int ShorterMinutes);

/// <summary>
/// The rules of the 10-step plan: a session is ready to move the cat on only when the owner reports it relaxed at
/// the current step (and, where the step is about building time, after a session of at least the step's minimum
/// length); distress keeps it at the step with a shorter session. Judging never moves the cat: the owner does.
/// </summary>
public static class TrainingPlan
{
    /// <summary>Sessions longer than this are taken as a typo rather than recorded.</summary>
    public const double LongestSessionMinutes = 240;

    /// <summary>What a session of this length and mood at the cat's step means for the cat.</summary>
    public static SessionResult Judge(CatProfile cat, PlanContent plan, double minutes, Mood mood)
    {
        ArgumentNullException.ThrowIfNull(cat);
        ArgumentNullException.ThrowIfNull(plan);
        var step = plan.Steps[Math.Clamp(cat.Step, 1, plan.Steps.Count) - 1];
        if (cat.Finished)
        {
            return new SessionResult(SessionOutcome.AlreadyFinished, cat.Step, 0, 0);
        }

        return mood switch
        {
            Mood.Stressed => new SessionResult(SessionOutcome.StayStressed, cat.Step, 0, Math.Max(1, (int)Math.Round(minutes / 2))),
            Mood.Unsure => new SessionResult(SessionOutcome.StayUnsure, cat.Step, 0, 0),
            _ when step.SessionMinutes is { } range && minutes < range.Min => new SessionResult(SessionOutcome.NeedMoreTime, cat.Step, range.Min, 0),
            _ => new SessionResult(SessionOutcome.ReadyToMoveOn, cat.Step, 0, 0),
        };
    }
}
