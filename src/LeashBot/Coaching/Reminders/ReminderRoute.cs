namespace LeashBot.Coaching.Reminders;

/// <summary>How a channel took a reminder.</summary>
public enum DeliveryResult
{
    Sent,

    /// <summary>Throttled (429) or a server error (5xx), a timeout: try again later.</summary>
    TryAgain,

    /// <summary>Refused for good (the conversation or number is gone, the bot was removed): stop.</summary>
    Refused,

    /// <summary>The owner opted out of texts (SMS STOP): nothing more until they text START.</summary>
    OptedOut,
}

/// <summary>Sends a reminder's text into an owner's conversation on one route (<see cref="ReminderRoutes"/>).</summary>
public interface IReminderRoute
{
    string Route { get; }

    /// <param name="record">The owner's reminders: the conversation to continue, or the sealed number.</param>
    /// <param name="text">The reminder.</param>
    /// <param name="deliveryId">The same for every try of one reminder (the record's key and the day), so a resend can be recognized.</param>
    /// <param name="cancellationToken">Cancelled before the claim on the day runs out: the send is then abandoned.</param>
    Task<(DeliveryResult Result, string? Problem)> SendAsync(ReminderRecord record, string text, string deliveryId, CancellationToken cancellationToken);

    /// <summary>
    /// After an interrupted send (the instance sending it died, or the send outlived its claim): did the channel take a
    /// reminder for the owner since <paramref name="since"/>? True or false when the channel can tell; null when it
    /// can't (the reminder is then sent again, with the same delivery id).
    /// </summary>
    Task<bool?> WasDeliveredAsync(ReminderRecord record, string deliveryId, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult<bool?>(null);
}

/// <summary>
/// What happens to a reminder whose send a crash (or a channel that never answered) left unconfirmed, on a channel
/// that can't be asked whether it took it (Teams, Azure's SMS channel): the send may or may not have reached the owner.
/// </summary>
public enum UnconfirmedSends
{
    /// <summary>
    /// That day's reminder is not sent again; the day is recorded as <see cref="ReminderStates.Unconfirmed"/> (the owner
    /// got it once or not at all). Keeps "at most one a day".
    /// </summary>
    Skip,

    /// <summary>Sent again with the same delivery id (the owner gets it at least once, possibly twice).</summary>
    Resend,
}
