using LeashBot.State;

namespace LeashBot.Hosting.StaffConsole;

/// <summary>Owner's words kept with an event: the message itself, or one before or after a red flag.</summary>
public sealed record KeptText(string Role, string Text)
{
    public const string Message = "message";
    public const string Before = "before";
    public const string After = "after";
}

/// <summary>One event of a turn with the words kept for it (none unless <see cref="ConsoleOptions.KeepMessages"/>).</summary>
public sealed record LoggedEvent(TurnEvent Event, IReadOnlyList<KeptText> Texts);

/// <summary>A cat's place in the plan after a turn, for the step funnel (the cat is a pseudonym, never its name).</summary>
public sealed record CatStep(string Cat, int Step, DateTimeOffset StepStarted);

/// <summary>
/// One completed message turn as the console logs it. <see cref="Owner"/> and <see cref="Conversation"/> are
/// pseudonyms (hashes of the stored keys), never a phone number or a channel's own id.
/// </summary>
public sealed record TurnRecord(DateTimeOffset At, string Site, string Channel, string Conversation, string Owner)
{
    public IReadOnlyList<LoggedEvent> Events { get; init; } = [];

    public IReadOnlyList<CatStep> Cats { get; init; } = [];
}

/// <summary>
/// A turn queued for the event log. Once it is written, <see cref="RedFlagEventId"/> names its red-flag event (if it
/// had one), so messages after the red flag can be kept with it; the background writer sets it and reads it.
/// </summary>
public sealed class LoggedTurn(TurnRecord turn)
{
    public TurnRecord Turn { get; } = turn;

    /// <summary>The id of the turn's red-flag event once written; null before, without one, or when the write failed.</summary>
    public long? RedFlagEventId { get; internal set; }
}

/// <summary>Where the turn's events go: the small interface the turn's recorder writes through. Nothing here waits for the disk but forgetting.</summary>
public interface IEventLog
{
    /// <summary>Queues a turn to be written in the background; returns at once (the turn never waits for the log).</summary>
    LoggedTurn Queue(TurnRecord turn);

    /// <summary>Queues a message sent after a red flag, to be kept with that red flag (written after it).</summary>
    void QueueKeptAfter(LoggedTurn redFlagTurn, string owner, DateTimeOffset at, string text);

    /// <summary>Removes everything about an owner (events, kept words, cats, conversations), after whatever was queued before; completes when it is gone.</summary>
    Task ForgetOwnerAsync(string owner, CancellationToken cancellationToken);
}
