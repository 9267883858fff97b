using LeashBot.State;
using LeashBot.Storage;
using Newtonsoft.Json.Linq;

namespace LeashBot.Coaching.Reminders;

/// <summary>
/// Reminders in the chat: setting, changing, pausing, resuming and stopping them; the owner's time zone (from the
/// channel, the clinic's for SMS, or asked once); the one offer after the first session; and, on Web Chat, the reminder
/// kept for the visitor's return (<see cref="HeldNudges"/>); where reminders are off, <see cref="RemindersOff"/> answers. Its questions (the offer, the time, the place) are left the way every question is
/// (<see cref="ReminderQuestions"/>). Each change puts the next reminder on the due queue the sender works through.
/// </summary>
public sealed class ReminderConversation(
    ReminderReader reader,
    ReminderQuestions questions,
    HeldNudges held,
    RemindersOff off,
    ReminderStore store,
    ReminderSchedule schedule,
    ReminderWording wording,
    IDueQueue queue,
    Replies replies,
    BotAccessors state,
    IOptions<ReminderOptions> options,
    TimeProvider clock)
{
    /// <summary>The key of channel data LeashBot's own SMS webhook adds to a turn: the owner's number, sealed, for reminders by Twilio.</summary>
    public const string SealedNumberData = "leashbotSealedNumber";

    private static readonly TimeSpan OfferAnswerWindow = TimeSpan.FromHours(2);
    private const string KnownRecord = "leashbot.reminderRecord";

    private bool Enabled => options.Value.Enabled;

    /// <summary>A visitor is back on Web Chat: a reminder kept for them is shown first ("Welcome back! …").</summary>
    public Task ArrivedAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Enabled ? held.ArrivedAsync(turnContext, cancellationToken) : Task.CompletedTask;

    /// <summary>
    /// Reads a message for reminders and answers what it asks of them. Returns what is left for the coaching: the whole
    /// message when it asked nothing of reminders (it then counts as the owner having written today, so that day's
    /// reminder is not sent), the sentences about something else when it was only partly about them ("remind me at 7.
    /// how long should sessions be?"), or null when nothing is left.
    /// </summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="text">The message.</param>
    /// <param name="questionPending">Another question of the coaching waits for an answer: a bare yes or no is its answer, not the offer's.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<string?> ReadAsync(ITurnContext turnContext, string text, bool questionPending, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (StateKeys.Owner(activity) is not { } ownerKey)
        {
            return text;
        }

        if (!Enabled)
        {
            return await off.ReadAsync(turnContext, text, cancellationToken);
        }

        var key = ReminderRecord.KeyOf(ownerKey);
        var (record, _) = await store.ReadAsync(key, cancellationToken);
        Known(turnContext, record);
        var now = clock.GetUtcNow();
        var waitingFor = record is { Plan: null, OfferedAt: { } offered } && now - offered < OfferAnswerWindow
            ? record.TimeAsked ? ReminderQuestion.Time : ReminderQuestion.Offer
            : ReminderQuestion.None;
        var (request, rest) = reader.ReadParts(text, waitingFor, record?.Plan is not null);

        if (record?.HeldDay is not null)
        {
            record = await held.ShowAsync(turnContext, key, record, cancellationToken);
        }

        if (record?.WaitingForZone is { } waiting && request.Kind == ReminderAsk.None)
        {
            if (reader.Zone(text) is { } zone)
            {
                await SetAsync(turnContext, key, ownerKey, waiting, zone, text, clamped: false, cancellationToken);
                return null;
            }

            return await questions.NoPlaceAsync(turnContext, key, record, text, cancellationToken) ? null : text;
        }

        if (waitingFor != ReminderQuestion.None && request.Kind == ReminderAsk.None)
        {
            return await questions.AfterQuestionAsync(turnContext, key, text, waitingFor == ReminderQuestion.Offer && !questionPending, cancellationToken) ? null : text;
        }

        switch (request.Kind)
        {
            case ReminderAsk.Set:
                await AskedForAsync(turnContext, key, ownerKey, record, request, text, cancellationToken);
                return rest;
            case ReminderAsk.NeedTime:
                await questions.AskTimeAsync(turnContext, key, ownerKey, cancellationToken);
                return rest;
            case ReminderAsk.Pause:
            case ReminderAsk.Resume:
            case ReminderAsk.Stop:
                await ChangeAsync(turnContext, key, record, request, cancellationToken);
                return rest;
            case ReminderAsk.Status:
                await replies.SendAsync(turnContext, wording.Current(record, clock.GetUtcNow()), cancellationToken);
                return rest;
        }

        // Any other message: the owner wrote today, so today's reminder is not needed.
        if (record?.Plan is not null)
        {
            var today = ReminderSchedule.DayText(ReminderSchedule.LocalDay(now, ReminderSchedule.Zone(record.TimeZone)));
            if (record.HeardDay != today)
            {
                await store.UpdateAsync(key, r => r is null ? null : Changed(r, x => x.HeardDay = today), cancellationToken);
            }
        }

        return text;
    }

    /// <summary>
    /// After the first turn with a session logged and no other question waiting: offer reminders, once, never again
    /// after that. One yes/no question at a time: while the turn ends on a question of its own ("Shall I move Pip
    /// on?"), the offer waits until that one is answered or dropped, so a "yes" always answers the question just asked.
    /// </summary>
    public async Task AfterTurnAsync(ITurnContext turnContext, bool questionPending, CancellationToken cancellationToken)
    {
        if (!Enabled || StateKeys.Owner(turnContext.Activity) is not { } ownerKey)
        {
            return;
        }

        var owner = await state.OwnerAsync(turnContext, cancellationToken);
        await KeepFactsAsync(turnContext, ownerKey, owner, cancellationToken);
        if (questionPending || !owner.Cats.Any(c => c.Sessions.Count > 0))
        {
            return;
        }

        var key = ReminderRecord.KeyOf(ownerKey);
        var now = clock.GetUtcNow();
        var offered = false;
        await store.UpdateAsync(key, r =>
        {
            if (r is { Offered: true } || r?.Plan is not null)
            {
                return null;
            }

            offered = true;
            return Changed(r ?? New(ownerKey), x =>
            {
                x.Offered = true;
                x.OfferedAt = now;
                x.TimeAsked = false;
            });
        }, cancellationToken);
        if (offered)
        {
            await replies.SayAsync(turnContext, c => c.Reminders.Offer, owner.Current, cancellationToken);
        }
    }

    /// <summary>
    /// After a turn that changed what a reminder says (a session logged, a step, another cat): the record's
    /// <see cref="NudgeFacts"/> follow, so the sender needs no read of the profile. Nothing is read or written otherwise.
    /// </summary>
    private async Task KeepFactsAsync(ITurnContext turnContext, string ownerKey, OwnerProfile owner, CancellationToken cancellationToken)
    {
        if (turnContext.TurnState.Get<ReminderRecord>(KnownRecord) is not { Plan: not null } known || NudgeFacts.Of(owner, known.TimeZone).SameAs(known.Facts))
        {
            return;
        }

        Known(turnContext, await store.UpdateAsync(ReminderRecord.KeyOf(ownerKey), r =>
        {
            if (r?.Plan is null || NudgeFacts.Of(owner, r.TimeZone) is var facts && facts.SameAs(r.Facts))
            {
                return null;
            }

            r.Facts = facts;
            return r;
        }, cancellationToken));
    }

    /// <summary>The owner's reminder record as this turn last read or wrote it.</summary>
    private static void Known(ITurnContext turnContext, ReminderRecord? record) => turnContext.TurnState[KnownRecord] = record;

    /// <summary>SMS STOP (or a carrier keyword like it) and START: reminders go quiet at once and come back with START; the plan is kept.</summary>
    public async Task SmsOptOutAsync(string? ownerKey, bool optedOut, CancellationToken cancellationToken)
    {
        if (ownerKey is not null)
        {
            await store.UpdateAsync(ReminderRecord.KeyOf(ownerKey), r => r is null || r.OptedOut == optedOut ? null : Changed(r, x => x.OptedOut = optedOut), cancellationToken);
        }
    }

    /// <summary>"Forget me": the reminders, the number kept for them and the consent go with the profile.</summary>
    public Task ForgetAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        StateKeys.Owner(turnContext.Activity) is { } ownerKey ? store.DeleteAsync(ReminderRecord.KeyOf(ownerKey), cancellationToken) : Task.CompletedTask;

    private async Task AskedForAsync(ITurnContext turnContext, string key, string ownerKey, ReminderRecord? record, ReminderRequest request, string text, CancellationToken cancellationToken)
    {
        var minute = request.Minute ?? record?.Plan?.Minute ?? 19 * 60;
        var zoneId = record?.TimeZone ?? ChannelZone(turnContext.Activity);
        var plan = new ReminderPlan { Minute = schedule.Clamp(minute), Days = request.Days ?? (request.Tomorrow ? ReminderDaysMask.EveryDay : record?.Plan?.Days ?? ReminderDaysMask.EveryDay) };
        if (request.Tomorrow)
        {
            var zone = ReminderSchedule.Zone(zoneId);
            plan.Once = ReminderSchedule.DayText(ReminderSchedule.LocalDay(clock.GetUtcNow(), zone).AddDays(1));
        }

        if (zoneId is null)
        {
            // SMS without the clinic's zone: ask once, then set what was asked for.
            await store.UpdateAsync(key, r => Changed(r ?? New(ownerKey), x =>
            {
                x.WaitingForZone = plan;
                x.ZoneTries = 0;
            }), cancellationToken);
            await replies.SayAsync(turnContext, c => c.Reminders.AskZone, cancellationToken);
            return;
        }

        await SetAsync(turnContext, key, ownerKey, plan, zoneId, text, clamped: plan.Minute != minute, cancellationToken);
    }

    private async Task SetAsync(ITurnContext turnContext, string key, string ownerKey, ReminderPlan plan, string zoneId, string text, bool clamped, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var now = clock.GetUtcNow();
        var zone = ReminderSchedule.Zone(zoneId);
        var today = ReminderSchedule.LocalDay(now, zone);
        if (plan.Once is not null && ReminderSchedule.ParseDay(plan.Once) is { } once && once <= today && !schedule.Allowed(now, zone))
        {
            plan.Once = ReminderSchedule.DayText(today.AddDays(1));
        }

        var hadPlan = false;
        var facts = NudgeFacts.Of(await state.OwnerAsync(turnContext, cancellationToken), zoneId);
        var (written, eTag) = await store.ChangeAsync(key, r => Changed(r ?? New(ownerKey), x =>
        {
            hadPlan = x.Plan is not null;
            x.Plan = plan;
            x.Facts = facts;
            x.WaitingForZone = null;
            x.ZoneTries = 0;
            x.OfferedAt = null;
            x.TimeAsked = false;
            x.TimeZone = zoneId;
            x.Route = RouteOf(activity);
            x.Conversation = JObject.FromObject(activity.GetConversationReference());
            x.Address = SealedNumber(activity) ?? (x.Route == ReminderRoutes.Twilio ? x.Address : null);
            x.Consent = new ReminderConsent { At = now, Channel = activity.ChannelId ?? "", Words = text.Length > 200 ? text[..200] : text };
            x.StoppedBecause = null;
            x.StoppedAt = null;
            x.HeardDay = null;
            x.Version++;
        }), cancellationToken);
        Known(turnContext, written);
        await ScheduleAsync(key, written!, eTag, now, cancellationToken);
        if (!hadPlan)
        {
            TurnEvents.Reminders(turnContext, optedIn: true);
        }

        var lines = new List<string>
        {
            replies.Text(c => plan.Once is null ? c.Reminders.Set : c.Reminders.SetOnce, ("days", wording.DaysOf(plan)), ("time", wording.Clock(plan.Minute)), ("zone", zoneId)),
        };
        if (clamped)
        {
            lines.Add(replies.Text(c => c.Reminders.WindowNote, ("earliest", wording.Clock(schedule.EarliestMinute)), ("latest", wording.Clock(options.Value.LatestHour * 60)),
                ("time", wording.Clock(plan.Minute))));
        }

        lines.Add(replies.Text(c => c.Reminders.HowToChange));
        await replies.SendAsync(turnContext, string.Join(" ", lines), cancellationToken);
    }

    private async Task ChangeAsync(ITurnContext turnContext, string key, ReminderRecord? record, ReminderRequest request, CancellationToken cancellationToken)
    {
        if (record?.Plan is null)
        {
            // "no reminder thanks!!", "i didn't ask for a reminder" while a reminder question waits: it is left, kindly.
            var asking = record is not null && (record.WaitingForZone is not null || (record.OfferedAt is { } offered && clock.GetUtcNow() - offered < OfferAnswerWindow));
            if (asking && request.Kind == ReminderAsk.Stop)
            {
                await questions.LeaveAsync(turnContext, key, c => c.Reminders.Declined, cancellationToken);
                return;
            }

            await replies.SayAsync(turnContext, c => c.Reminders.NothingSet, cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        var zone = ReminderSchedule.Zone(record.TimeZone);
        var today = ReminderSchedule.LocalDay(now, zone);
        var (written, eTag) = await store.ChangeAsync(key, r => r?.Plan is null ? null : Changed(r, x =>
        {
            x.Version++;
            switch (request.Kind)
            {
                case ReminderAsk.Stop:
                    x.Plan = null;
                    x.Address = null;
                    x.HeldDay = null;
                    break;
                case ReminderAsk.Pause:
                    x.Plan!.PausedUntil = ReminderSchedule.DayText(today.AddDays(request.PauseDays ?? 7));
                    break;
                default:
                    x.Plan!.PausedUntil = null;
                    break;
            }
        }), cancellationToken);
        Known(turnContext, written);
        if (written?.Plan is { } plan)
        {
            await ScheduleAsync(key, written, eTag, now, cancellationToken);
            await replies.SendAsync(turnContext, request.Kind == ReminderAsk.Pause
                ? replies.Text(c => c.Reminders.Paused, ("until", ReminderWording.Date(ReminderSchedule.ParseDay(plan.PausedUntil)!.Value)))
                : replies.Text(c => c.Reminders.Resumed, ("days", wording.DaysOf(plan)), ("time", wording.Clock(plan.Minute))), cancellationToken);
            return;
        }

        if (written is not null)
        {
            TurnEvents.Reminders(turnContext, optedIn: false);
        }

        await replies.SayAsync(turnContext, c => c.Reminders.Stopped, cancellationToken);
    }

    /// <summary>
    /// Puts the record's next reminder on the due queue (none when the plan has nothing left), with the record as written
    /// where the queue keeps it, so sending it needs no read of the record.
    /// </summary>
    private async Task ScheduleAsync(string key, ReminderRecord record, string? eTag, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (record.Plan is null)
        {
            return;
        }

        var zone = ReminderSchedule.Zone(record.TimeZone);
        var today = ReminderSchedule.LocalDay(now, zone);
        var handledToday = record.MayHaveReachedOwnerOn(ReminderSchedule.DayText(today));
        if (schedule.NextDue(record.Plan, zone, handledToday ? today.AddDays(1) : today, now) is { } due)
        {
            await queue.ScheduleAsync(key, record.Version, due, eTag is null ? null : ReminderStore.Kept(record, eTag), now, cancellationToken);
        }
    }

    /// <summary>The owner's time zone as the channel gives it: Web Chat's and Teams' <c>localTimezone</c>, Teams' clientInfo entity, or the clinic's for SMS.</summary>
    private string? ChannelZone(Activity activity)
    {
        var candidates = new List<string?> { activity.LocalTimezone };
        candidates.AddRange((activity.Entities ?? []).Where(e => string.Equals(e.Type, "clientInfo", StringComparison.OrdinalIgnoreCase))
            .Select(e => e.Properties?["timezone"]?.ToString()));
        if (string.Equals(activity.ChannelId, "sms", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(replies.Organization.TimeZone))
        {
            candidates.Add(replies.Organization.TimeZone);
        }

        return candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c) && TimeZoneInfo.TryFindSystemTimeZoneById(c, out _));
    }

    private static string RouteOf(Activity activity) =>
        activity.ChannelId is "directline" or "webchat" ? ReminderRoutes.Held
        : SealedNumber(activity) is not null ? ReminderRoutes.Twilio
        : ReminderRoutes.Connector;

    private static string? SealedNumber(Activity activity) =>
        (activity.ChannelData as JObject)?[SealedNumberData]?.ToString() is { Length: > 0 } sealedNumber ? sealedNumber : null;

    private static ReminderRecord New(string ownerKey) => new() { OwnerKey = ownerKey };

    /// <summary>A change made because the owner wrote: it also notes when they were last heard from (for retention).</summary>
    private ReminderRecord Changed(ReminderRecord record, Action<ReminderRecord> change) => record.ChangedBy(change, clock.GetUtcNow());
}
