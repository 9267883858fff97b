using System.ComponentModel.DataAnnotations;

namespace LeashBot.Coaching.Reminders;

/// <summary>Practice reminders (section <c>Reminders</c>): off until a clinic or shop turns them on.</summary>
public sealed class ReminderOptions : IValidatableObject
{
    public const string Section = "Reminders";

    /// <summary>Owners may ask for reminders and the sender runs.</summary>
    public bool Enabled { get; set; }

    /// <summary>This instance runs the sender in the background (false: only another instance, or a test, sends).</summary>
    public bool SendInBackground { get; set; } = true;

    /// <summary>No reminder before this hour of the owner's day (8 at the earliest: the law's and carriers' quiet hours).</summary>
    public int EarliestHour { get; set; } = 8;

    /// <summary>No reminder at or after this hour of the owner's day (21 at the latest).</summary>
    public int LatestHour { get; set; } = 21;

    /// <summary>Reminders one instance sends at the same time.</summary>
    [Range(1, 256)]
    public int SendersPerHost { get; set; } = 32;

    /// <summary>Tries of one reminder on a channel that answers 429 or 5xx, before that day's is given up.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>How long an instance holds a reminder it is sending before another may take it (after a crash).</summary>
    [Range(5, 3600)]
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>How often an instance looks for due reminders.</summary>
    [Range(1, 300)]
    public int PollSeconds { get; set; } = 2;

    /// <summary>
    /// A send a crash left unconfirmed, on Teams or Azure's SMS channel (which can't be asked what they took): skipped
    /// for that day (default: never twice, at most one a day) or sent again with the same delivery id (never lost, but
    /// possibly twice). The direct Twilio route asks Twilio's message log instead, so it needs neither.
    /// </summary>
    public UnconfirmedSends WhenUnconfirmed { get; set; } = UnconfirmedSends.Skip;

    /// <summary>
    /// A folder every instance shares (App Service: under /home) where each notes the sends it is about to make and the
    /// ones the channel took (<see cref="SendJournal"/>), so an instance taking up a send a crash interrupted knows
    /// whether it ever left; only a post in flight at the very moment of the crash is left to <see cref="WhenUnconfirmed"/>.
    /// Empty (the default): no journal.
    /// </summary>
    public string? SendJournalFolder { get; set; }

    /// <summary>First wait before a retry; it doubles each try, with jitter.</summary>
    [Range(1, 3600)]
    public int RetrySeconds { get; set; } = 5;

    /// <summary>
    /// Reminders of an owner not heard from for this many months are removed (0: kept). Not a setting of its own: the
    /// host sets it from <c>Retention:OwnerIdleMonths</c>, so reminders go when the rest of the owner's data would.
    /// </summary>
    public int ForgetAfterIdleMonths { get; internal set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EarliestHour < 8 || EarliestHour > 20)
        {
            yield return new ValidationResult($"Reminders:EarliestHour {EarliestHour} must be between 8 and 20: reminders never go before 8:00.", [nameof(EarliestHour)]);
        }

        if (LatestHour < 9 || LatestHour > 21 || LatestHour <= EarliestHour)
        {
            yield return new ValidationResult($"Reminders:LatestHour {LatestHour} must be after Reminders:EarliestHour and 21 at the latest: reminders never go at or after 21:00.", [nameof(LatestHour)]);
        }
    }
}
