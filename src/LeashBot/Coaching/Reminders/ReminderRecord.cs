using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeashBot.Coaching.Reminders;

/// <summary>
/// Everything LeashBot keeps about one owner's practice reminders, in the state store beside the owner's profile
/// (key <c>{channel}/reminders/{owner}</c>): the plan they asked for, where to reach them, their consent, and what was
/// sent on which day. Written with eTags, so two instances never both claim the same day.
/// </summary>
public sealed class ReminderRecord
{
    /// <summary>Makes a change because the owner wrote: it also notes when they were last heard from (for retention).</summary>
    public ReminderRecord ChangedBy(Action<ReminderRecord> change, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        change(this);
        HeardAt = now;
        return this;
    }

    /// <summary>Raised on every change of the plan; a due entry made for an older version is dropped.</summary>
    public long Version { get; set; }

    /// <summary>Where the owner's profile is (user state), for the cat, step and streak the reminder names.</summary>
    public string OwnerKey { get; set; } = "";

    /// <summary>
    /// What the reminder says about the owner's training and whether they practised on its day, as of their last turn
    /// that changed it: sending reads no profile. Null on records from before (the profile is read then).
    /// </summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public NudgeFacts? Facts { get; set; }

    /// <summary>The owner's IANA time zone; null until the channel gave it or the owner told us.</summary>
    public string? TimeZone { get; set; }

    /// <summary>The reminders asked for; null when there are none (never set, or stopped).</summary>
    public ReminderPlan? Plan { get; set; }

    /// <summary>A plan waiting for the owner's time zone (SMS without the clinic's zone).</summary>
    public ReminderPlan? WaitingForZone { get; set; }

    /// <summary>How reminders reach the owner: <see cref="ReminderRoutes"/>.</summary>
    public string Route { get; set; } = ReminderRoutes.Connector;

    /// <summary>The conversation to continue (Bot Framework's ConversationReference as JSON).</summary>
    public JObject? Conversation { get; set; }

    /// <summary>On the direct Twilio route: the owner's number, sealed (encrypted) with the host's key; removed with the plan.</summary>
    public string? Address { get; set; }

    /// <summary>What the owner agreed to and when, in their own words.</summary>
    public ReminderConsent? Consent { get; set; }

    /// <summary>True once the owner was offered reminders (once, after their first session).</summary>
    public bool Offered { get; set; }

    /// <summary>When the bot last offered reminders or asked for a time; a bare "7pm" soon after is the answer.</summary>
    public DateTimeOffset? OfferedAt { get; set; }

    /// <summary>True when the bot's last reminder question was "What time suits you?" rather than the offer: "evenings" then answers too.</summary>
    public bool TimeAsked { get; set; }

    /// <summary>Places given at the time-zone question that the bot couldn't place: after one, it asks with an example; after two, it lets go.</summary>
    public int ZoneTries { get; set; }

    /// <summary>The owner's local day (yyyy-MM-dd) they last wrote to the bot, other than about reminders.</summary>
    public string? HeardDay { get; set; }

    /// <summary>When the owner last wrote to the bot (any message that reached their reminders, at most once a day).</summary>
    public DateTimeOffset? HeardAt { get; set; }

    /// <summary>The local day of the last reminder handled, and how: sending, sent, skipped or failed.</summary>
    public string? LastDay { get; set; }

    public string? LastState { get; set; }

    /// <summary>
    /// While <see cref="LastState"/> is sending: until when the instance that claimed the day holds it. Nobody else sends
    /// that day's reminder before then; after it, an unconfirmed send is presumed interrupted (the instance died).
    /// </summary>
    public DateTimeOffset? SendingUntil { get; set; }

    /// <summary>When the claim of the day was first taken (kept across a resend), to ask a channel what it already took.</summary>
    public DateTimeOffset? SendingSince { get; set; }

    /// <summary>A fresh id for each claim of a day: a claim whose write got no answer is known as its writer's when read back.</summary>
    public string? ClaimId { get; set; }

    /// <summary>Index into the pool of reminders last used, so the next one is different.</summary>
    public int LastNudge { get; set; } = -1;

    /// <summary>True once a reminder went by SMS (the first one says how to stop).</summary>
    public bool TextedBefore { get; set; }

    /// <summary>SMS: the owner texted STOP (or a carrier keyword like it); nothing is sent until START.</summary>
    public bool OptedOut { get; set; }

    /// <summary>Web Chat: a reminder kept for when the visitor comes back (the local day it came due).</summary>
    public string? HeldDay { get; set; }

    /// <summary>Why reminders stopped without the owner asking (a channel refusing them for good), and when.</summary>
    public string? StoppedBecause { get; set; }

    public DateTimeOffset? StoppedAt { get; set; }

    /// <summary>When the owner was last heard from: their last message, else when they agreed to reminders.</summary>
    [JsonIgnore]
    public DateTimeOffset? LastHeard => HeardAt ?? Consent?.At;

    /// <summary>True when the owner is reached by text (Azure's SMS channel or the direct Twilio route).</summary>
    [JsonIgnore]
    public bool IsSms => Route == ReminderRoutes.Twilio || string.Equals((string?)Conversation?["channelId"], "sms", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True when that local day's reminder went, is going, or may have gone (a send a crash left unconfirmed): no other
    /// reminder that day.
    /// </summary>
    public bool MayHaveReachedOwnerOn(string dayText) =>
        LastDay == dayText && LastState is ReminderStates.Sent or ReminderStates.Sending or ReminderStates.Unconfirmed;

    public static string KeyOf(string ownerKey)
    {
        var cut = ownerKey.IndexOf("/users/", StringComparison.Ordinal);
        return cut < 0 ? "reminders/" + ownerKey : ownerKey[..cut] + "/reminders/" + ownerKey[(cut + "/users/".Length)..];
    }
}

/// <summary>When an owner wants reminding.</summary>
public sealed class ReminderPlan
{
    /// <summary>Minutes after local midnight.</summary>
    public int Minute { get; set; }

    /// <summary>The days of the week, one bit per <see cref="DayOfWeek"/>; ignored for a one-off.</summary>
    public int Days { get; set; } = ReminderDaysMask.EveryDay;

    /// <summary>A one-off on this local date (yyyy-MM-dd), instead of a weekly pattern.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Once { get; set; }

    /// <summary>No reminders before this local date (yyyy-MM-dd).</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? PausedUntil { get; set; }
}

public sealed class ReminderConsent
{
    public DateTimeOffset At { get; set; }
    public string Channel { get; set; } = "";

    /// <summary>The owner's message that asked for reminders.</summary>
    public string Words { get; set; } = "";
}

/// <summary>What happened to the reminder of <see cref="ReminderRecord.LastDay"/> (<see cref="ReminderRecord.LastState"/>).</summary>
public static class ReminderStates
{
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Skipped = "skipped";
    public const string GaveUp = "gave-up";

    /// <summary>
    /// A send a crash left unconfirmed, on a channel that can't tell whether it took it, not sent again
    /// (<see cref="UnconfirmedSends.Skip"/>): the owner got it once or not at all.
    /// </summary>
    public const string Unconfirmed = "unconfirmed";
}

public static class ReminderRoutes
{
    /// <summary>Bot Framework's ContinueConversationAsync through the channel's connector (Teams, Azure's SMS).</summary>
    public const string Connector = "connector";

    /// <summary>Twilio's Messages API, for owners on LeashBot's own Twilio webhook.</summary>
    public const string Twilio = "twilio";

    /// <summary>Web Chat: a page can't be reached while closed, so the reminder waits for the visitor's return.</summary>
    public const string Held = "held";
}

public static class ReminderDaysMask
{
    public const int EveryDay = 0b111_1111;
    public const int Weekdays = 0b011_1110;
    public const int Weekends = 0b100_0001;

    public static bool Has(int mask, DayOfWeek day) => (mask & (1 << (int)day)) != 0;
}
