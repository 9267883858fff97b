namespace LeashBot.State;

/// <summary>What happened in a turn, as the staff console counts it.</summary>
public enum TurnEventKind
{
    /// <summary>A topic was answered or its flow started.</summary>
    TopicAnswered,

    /// <summary>The bot could not answer as asked: see <see cref="FallbackKind"/>.</summary>
    Fallback,

    /// <summary>A health red flag sent the owner to a vet.</summary>
    RedFlag,

    /// <summary>The owner answered "Did that help?" about a struggle.</summary>
    Helped,

    /// <summary>The owner asked to be forgotten: the console forgets them too.</summary>
    Forgotten,

    /// <summary>The owner turned practice reminders on (they had none).</summary>
    ReminderOptIn,

    /// <summary>The owner stopped their practice reminders.</summary>
    ReminderOptOut,
}

/// <summary>Which kind of "the bot missed it" a fallback was.</summary>
public enum FallbackKind
{
    NotSure,
    DidYouMean,
    OutOfScope,

    /// <summary>"No" to "Did that help?".</summary>
    DidNotHelp,
}

/// <summary>
/// One thing that happened in a turn. The conversation notes it (<see cref="TurnEvents.Note"/>); the host writes the
/// turn's notes to the console's event log only once the turn has completed, so a turn that was rerun or rolled back
/// never counts twice. <see cref="Topic"/> is a topic or struggle id; <see cref="Signs"/> and <see cref="BodySystems"/>
/// are red-flag sign and body-system ids. Message text is never part of an event: the host decides whether to keep it.
/// </summary>
public sealed record TurnEvent(TurnEventKind Kind)
{
    public string? Topic { get; init; }

    public FallbackKind? Fallback { get; init; }

    /// <summary>For a red flag: "soon" or "emergency".</summary>
    public string? Tier { get; init; }

    public IReadOnlyList<string> Signs { get; init; } = [];

    public IReadOnlyList<string> BodySystems { get; init; } = [];

    /// <summary>For <see cref="TurnEventKind.Helped"/>: the owner's yes or no.</summary>
    public bool? Helped { get; init; }
}

/// <summary>The notes a turn collects for the console: kept in the turn's state, never stored with the owner's records.</summary>
public static class TurnEvents
{
    private const string Key = "LeashBot.TurnEvents";

    /// <summary>Starts a run of the turn's logic afresh (a rerun after a conflict notes everything again).</summary>
    public static void Begin(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.TurnState[Key] = new List<TurnEvent>();
    }

    /// <summary>Notes that <paramref name="turnEvent"/> happened in this turn.</summary>
    public static void Note(ITurnContext turn, TurnEvent turnEvent)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(turnEvent);
        if (turn.TurnState.Get<List<TurnEvent>>(Key) is not { } events)
        {
            events = [];
            turn.TurnState[Key] = events;
        }

        events.Add(turnEvent);
    }

    /// <summary>Notes a fallback of <paramref name="kind"/>, about <paramref name="topic"/> when there is one.</summary>
    public static void Fallback(ITurnContext turn, FallbackKind kind, string? topic = null) =>
        Note(turn, new TurnEvent(TurnEventKind.Fallback) { Fallback = kind, Topic = topic });

    /// <summary>Notes that the owner turned practice reminders on (<paramref name="optedIn"/>) or stopped them.</summary>
    public static void Reminders(ITurnContext turn, bool optedIn) =>
        Note(turn, new TurnEvent(optedIn ? TurnEventKind.ReminderOptIn : TurnEventKind.ReminderOptOut));

    /// <summary>What this turn's last run noted, in order; null when the conversation never ran for it (an ignored or resent message).</summary>
    public static IReadOnlyList<TurnEvent>? Of(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.TurnState.Get<List<TurnEvent>>(Key);
    }
}
