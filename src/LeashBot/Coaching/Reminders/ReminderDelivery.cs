using LeashBot.Storage;

namespace LeashBot.Coaching.Reminders;

/// <summary>
/// One due reminder, from the rules to the mark: inside the allowed hours of the owner's day, one a day, not when the
/// owner practised or wrote that day, not after STOP; then the day claimed in the owner's record with a conditional
/// write (state "sending", held until <see cref="ReminderRecord.SendingUntil"/>), the send with the delivery id, and
/// one more conditional write marking it sent; the queue entry then becomes the next reminder in one step. A send left
/// unconfirmed is taken up only once its claim has run out, and only after asking the channel whether it took it, when
/// the channel can tell; otherwise <see cref="ReminderOptions.WhenUnconfirmed"/> decides. A 429 or 5xx is tried again
/// with backoff and jitter; a refusal for good stops the owner's reminders and is recorded. What the reminder says about
/// the owner comes from the record (<see cref="NudgeFacts"/>), so a sent reminder costs the claim and the mark (with
/// the record its due entry kept, on Blob, nothing is read).
/// </summary>
public sealed class ReminderDelivery(
    IDueQueue queue,
    ReminderStore store,
    ReminderSchedule schedule,
    ReminderWording wording,
    IEnumerable<IReminderRoute> routes,
    SendJournal journal,
    IOptions<ReminderOptions> options,
    TimeProvider clock,
    ILogger<ReminderDelivery> logger)
{
    private readonly Dictionary<string, IReminderRoute> _routes = routes.ToDictionary(r => r.Route, StringComparer.Ordinal);
    private long _sent;

    /// <summary>Reminders sent (or kept for a Web Chat visitor) since the host started.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>
    /// Handles one claimed entry; <paramref name="inDoubt"/> gets how long its send was in doubt. An entry that kept its
    /// record (the Blob queue) starts from it without a read: the claim is conditional on the kept eTag. When the record
    /// changed since (the owner wrote, stopped, or another instance had it), that first write fails and the entry is
    /// handled again from the record as it is. Only writes before a send can fail so: the mark after one never throws a
    /// conflict.
    /// </summary>
    public async Task HandleAsync(DueItem item, TimeSpan lease, InDoubtTimes inDoubt, CancellationToken cancellationToken)
    {
        if (item.Record is { } kept)
        {
            var (keptRecord, keptETag) = ReminderStore.Parse(kept);
            try
            {
                if (keptRecord is not null)
                {
                    await HandleAsync(item, keptRecord, keptETag, lease, inDoubt, cancellationToken);
                    return;
                }
            }
            catch (StorageConflictException)
            {
            }

            item = item with { Record = null };
        }

        var (record, eTag) = await store.ReadAsync(item.Key, cancellationToken);
        await HandleAsync(item, record, eTag, lease, inDoubt, cancellationToken);
    }

    private async Task HandleAsync(DueItem item, ReminderRecord? record, string? eTag, TimeSpan lease, InDoubtTimes inDoubt, CancellationToken cancellationToken)
    {
        if (record?.Plan is null || record.Version != item.Version)
        {
            // Stopped, forgotten, or changed since (the change put its own entry on the queue).
            await queue.DoneAsync(item, cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        if (options.Value.ForgetAfterIdleMonths > 0 && record.LastHeard is { } heard && heard < now.AddMonths(-options.Value.ForgetAfterIdleMonths))
        {
            if (item.Record is not null)
            {
                // A kept record may be older than the owner's last message: nothing is deleted before the record is read.
                throw new StorageConflictException(item.Key);
            }

            // Retention: nothing heard from the owner for as long as profiles are kept; their reminders go too.
            logger.LogInformation("Reminders removed for an owner not heard from in {Months} months", options.Value.ForgetAfterIdleMonths);
            await store.DeleteAsync(item.Key, cancellationToken);
            await queue.DoneAsync(item, cancellationToken);
            return;
        }

        var zone = ReminderSchedule.Zone(record.TimeZone);
        var day = ReminderSchedule.LocalDay(item.Due, zone);
        var dayText = ReminderSchedule.DayText(day);
        if (record.LastDay == dayText && record.LastState is ReminderStates.Sent or ReminderStates.Skipped or ReminderStates.GaveUp or ReminderStates.Unconfirmed)
        {
            await NextAsync(item, record, eTag, day, now, cancellationToken);
            return;
        }

        if (record.LastDay == dayText && record.LastState == ReminderStates.Sending && record.SendingUntil > now)
        {
            // Another instance is sending it right now (its claim holds): it marks it and moves the entry on. If it
            // dies, this entry comes back after its lease and finds the claim run out.
            return;
        }

        if (ReminderSchedule.LocalDay(now, zone) != day || !schedule.Allowed(now, zone))
        {
            // Due while nobody could send it (the host was down) and that day's allowed hours are over: never late.
            logger.LogInformation("A reminder due {Due} was not sent: its day's allowed hours had passed", item.Due);
            await NextAsync(item, record, eTag, day, now, cancellationToken);
            return;
        }

        // The facts the conversation kept in the record when they tell this day; else the owner's profile, read.
        var facts = record.Facts is { } kept && kept.Tell(record.TimeZone, day)
            ? kept
            : NudgeFacts.Of(await store.OwnerAsync(record.OwnerKey, cancellationToken), record.TimeZone, day);
        if (record.OptedOut || record.HeardDay == dayText || facts.PractisedOn(day))
        {
            record.LastDay = dayText;
            await MoveOnAsync(item, record, eTag, ReminderStates.Skipped, day, now, cancellationToken);
            return;
        }

        // Everything the send needs is ready before the day is claimed: from the claim on, a crash leaves it in doubt.
        var (text, index) = wording.Nudge(facts, day, record.LastNudge, day.DayNumber);
        if (!record.TextedBefore && record.IsSms)
        {
            // The first reminder by text says how to stop them.
            text += " " + wording.HowToStopTexts;
        }

        var deliveryId = item.Key + "@" + dayText;

        // Claim the day: only one instance gets past this write, and it holds the day until SendingUntil.
        var interrupted = record.LastDay == dayText && record.LastState == ReminderStates.Sending && record.SendingUntil is not null;
        var since = interrupted ? record.SendingSince ?? now : now;
        var interruptedClaim = record.ClaimId;
        record.LastDay = dayText;
        record.LastState = ReminderStates.Sending;
        record.SendingSince = since;
        record.SendingUntil = now + lease;
        record.ClaimId = Guid.NewGuid().ToString("N");
        eTag = await store.WriteAsync(item.Key, record, eTag, cancellationToken);
        var claimed = inDoubt.Now();
        if (record.Route == ReminderRoutes.Held)
        {
            Interlocked.Increment(ref _sent);
            await ConfirmAsync(item, record, eTag, day, index, now, cancellationToken);
            return;
        }

        if (!_routes.TryGetValue(record.Route, out var route))
        {
            await StopAsync(item, record, eTag, "no-route-" + record.Route, now, cancellationToken);
            return;
        }

        if (interrupted)
        {
            // Not blindly: a channel that can tell whether it took this reminder is asked first, then the send journal.
            var taken = await route.WasDeliveredAsync(record, deliveryId, since, cancellationToken) ?? journal.WhatBecameOf(interruptedClaim);
            logger.LogWarning("An interrupted reminder send (delivery {DeliveryId}): the channel {Answer}", deliveryId,
                taken switch
                {
                    true => "had taken it; marked sent",
                    false => "had not; sending it",
                    _ when options.Value.WhenUnconfirmed == UnconfirmedSends.Skip => "can't tell; not sending it again",
                    _ => "can't tell; sending it again",
                });
            if (taken == true)
            {
                await ConfirmAsync(item, record, eTag, day, index, now, cancellationToken);
                return;
            }

            if (taken is null && options.Value.WhenUnconfirmed == UnconfirmedSends.Skip)
            {
                // The owner got it once or not at all: never a second time.
                await MoveOnAsync(item, record, eTag, ReminderStates.Unconfirmed, day, now, cancellationToken);
                return;
            }
        }

        // The claim can take a while on a busy store: the hours are checked again right before the post, and a post the
        // channel hasn't taken when they end is abandoned.
        var posting = clock.GetUtcNow();
        var windowLeft = schedule.EndOf(day, zone) - posting;
        if (ReminderSchedule.LocalDay(posting, zone) != day || !schedule.Allowed(posting, zone) || windowLeft <= TimeSpan.Zero)
        {
            logger.LogInformation("A reminder due {Due} was not sent: the allowed hours ended while its day was claimed", item.Due);
            await MoveOnAsync(item, record, eTag, interrupted ? ReminderStates.Unconfirmed : ReminderStates.Skipped, day, now, cancellationToken);
            return;
        }

        journal.Posting(record.ClaimId);
        var (result, problem, answered) = await SendWithinClaimAsync(route, record, text, deliveryId, windowLeft < lease * 0.8 ? windowLeft : lease * 0.8, cancellationToken);
        if (result == DeliveryResult.Sent)
        {
            journal.Posted(record.ClaimId);
        }

        switch (result)
        {
            case DeliveryResult.Sent:
                // Counted here, not when a send another instance made is found and marked.
                Interlocked.Increment(ref _sent);
                var channelAnswered = inDoubt.Now();
                await ConfirmAsync(item, record, eTag, day, index, now, cancellationToken, () => inDoubt.Add(claimed, channelAnswered, inDoubt.Now()));
                break;
            case DeliveryResult.TryAgain:
                var wait = Backoff(item.Attempt);
                if (item.Attempt + 1 >= options.Value.MaxAttempts || now + wait >= schedule.EndOf(day, zone))
                {
                    logger.LogWarning("A reminder gave up for the day after {Attempts} tries: {Problem}", item.Attempt + 1, problem);
                    await MoveOnAsync(item, record, eTag, ReminderStates.GaveUp, day, now, cancellationToken);
                }
                else
                {
                    // The claim is let go now, so the retry is not held up by it. A channel that answered (429, 5xx)
                    // didn't take it; a send abandoned without an answer might have gone: its retry asks first.
                    record.SendingUntil = answered ? null : now;
                    await store.WriteAsync(item.Key, record, eTag, cancellationToken);
                    await queue.RetryAsync(item, now + wait, now, cancellationToken);
                }

                break;
            case DeliveryResult.OptedOut:
                record.OptedOut = true;
                await MoveOnAsync(item, record, eTag, ReminderStates.Skipped, day, now, cancellationToken);
                break;
            default:
                await StopAsync(item, record, eTag, problem ?? result.ToString(), now, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// Sends, abandoning the send after <paramref name="within"/>: before the claim on the day runs out (after that
    /// another instance may take the reminder up) and before the day's allowed hours end. An abandoned send counts as
    /// one to try again: it may or may not have reached the channel.
    /// </summary>
    private static async Task<(DeliveryResult Result, string? Problem, bool Answered)> SendWithinClaimAsync(IReminderRoute route, ReminderRecord record, string text, string deliveryId, TimeSpan within, CancellationToken cancellationToken)
    {
        using var withinClaim = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        withinClaim.CancelAfter(within);
        try
        {
            var (result, problem) = await route.SendAsync(record, text, deliveryId, withinClaim.Token);
            return (result, problem, true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (DeliveryResult.TryAgain, "no-answer-within-the-claim", false);
        }
    }

    /// <summary>
    /// Marks the day sent (the one write after the send; <paramref name="marked"/> is told when it is durable) and makes
    /// the queue entry the next reminder.
    /// </summary>
    private async Task ConfirmAsync(DueItem item, ReminderRecord record, string eTag, DateOnly day, int index, DateTimeOffset now, CancellationToken cancellationToken, Action? marked = null)
    {
        var dayText = ReminderSchedule.DayText(day);
        void Mark(ReminderRecord r)
        {
            r.LastState = ReminderStates.Sent;
            r.LastNudge = index;
            r.SendingUntil = null;
            r.SendingSince = null;
            if (r.Route == ReminderRoutes.Held)
            {
                r.HeldDay = dayText;
            }
            else if (r.IsSms)
            {
                r.TextedBefore = true;
            }
        }

        Mark(record);
        string? markedETag;
        try
        {
            markedETag = await store.WriteAsync(item.Key, record, eTag, cancellationToken);
        }
        catch (StorageConflictException)
        {
            // The owner wrote while it was being sent: mark it on the record as it is now, if it is still this claim's.
            // Otherwise the plan changed or stopped (the change has its own entry), or another instance took the day
            // over after this claim ran out (it holds the entry now): either way this entry is done.
            var stillOurs = false;
            ReminderRecord? current;
            (current, markedETag) = await store.ChangeAsync(item.Key, r =>
            {
                stillOurs = false;
                if (r is not { LastState: ReminderStates.Sending } || r.LastDay != dayText || r.Version != item.Version)
                {
                    return null;
                }

                Mark(r);
                stillOurs = true;
                return r;
            }, cancellationToken);
            if (!stillOurs || current is null)
            {
                await queue.DoneAsync(item, cancellationToken);
                return;
            }

            record = current;
        }

        marked?.Invoke();
        await NextAsync(item, record, markedETag, day, now, cancellationToken);
    }

    /// <summary>
    /// Marks the day done without a send (skipped: practised, heard from, or opted out; given up after retries; or
    /// unconfirmed), lets go of any claim, and moves the entry on.
    /// </summary>
    private async Task MoveOnAsync(DueItem item, ReminderRecord record, string? eTag, string state, DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        record.LastState = state;
        record.SendingUntil = null;
        record.SendingSince = null;
        var written = await store.WriteAsync(item.Key, record, eTag, cancellationToken);
        await NextAsync(item, record, written, day, now, cancellationToken);
    }

    private async Task StopAsync(DueItem item, ReminderRecord record, string eTag, string problem, DateTimeOffset now, CancellationToken cancellationToken)
    {
        logger.LogWarning("Reminders stopped for good for one owner: {Problem}", problem);
        record.Plan = null;
        record.Address = null;
        record.LastState = null;
        record.SendingUntil = null;
        record.StoppedBecause = problem;
        record.StoppedAt = now;
        record.Version++;
        await store.WriteAsync(item.Key, record, eTag, cancellationToken);
        await queue.DoneAsync(item, cancellationToken);
    }

    /// <summary>
    /// The entry becomes the next reminder after <paramref name="day"/> (one step), keeping the record as last written
    /// (its <paramref name="eTag"/>, when known), or is done when there is none.
    /// </summary>
    private async Task NextAsync(DueItem item, ReminderRecord record, string? eTag, DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (record.Plan is { } plan && schedule.NextAfter(plan, ReminderSchedule.Zone(record.TimeZone), day, now) is { } next)
        {
            await queue.RescheduleAsync(item, record.Version, next, eTag is null ? null : ReminderStore.Kept(record, eTag), now, cancellationToken);
            return;
        }

        await queue.DoneAsync(item, cancellationToken);
    }

    /// <summary>Exponential backoff with full jitter: half to one and a half times base × 2^attempt, at most 10 minutes.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var seconds = Math.Min(600, options.Value.RetrySeconds * Math.Pow(2, attempt));
        return TimeSpan.FromSeconds(seconds * (0.5 + Random.Shared.NextDouble()));
    }
}
