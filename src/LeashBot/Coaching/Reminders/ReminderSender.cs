using LeashBot.Storage;
using Microsoft.Extensions.Options;

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
/// Works through the due queue on every instance: claims due reminders a few at a time (each for a lease) and sends
/// them with bounded parallelism, as workers free up. For each it checks the rules (inside the allowed hours of the
/// owner's day, one a day, not when the owner practised or wrote that day, not after STOP), then claims the day in the
/// owner's record with a conditional write (state "sending", held until <see cref="ReminderRecord.SendingUntil"/>, so
/// only one instance sends it and nobody else touches it while it is in flight), sends with the delivery id, and in
/// one more conditional write marks it sent; the queue entry then becomes the next reminder in one step.
/// A send left unconfirmed (the instance died between the send and the mark) is taken up only once its claim has run
/// out, and only after asking the channel whether it took it, when the channel can tell; otherwise it is sent again
/// with the same delivery id. A 429 or 5xx is tried again with backoff and jitter; a refusal for good stops the
/// owner's reminders and is recorded. Owners not heard from for as long as profiles are kept lose their reminders.
/// </summary>
public sealed class ReminderSender(
    IDueQueue queue,
    ReminderStore store,
    ReminderSchedule schedule,
    ReminderWording wording,
    IEnumerable<IReminderRoute> routes,
    IOptions<ReminderOptions> options,
    TimeProvider clock,
    ILogger<ReminderSender> logger) : BackgroundService
{
    /// <summary>How long sends already under way may finish when the host stops, before they are abandoned.</summary>
    private static readonly TimeSpan FinishOnStop = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, IReminderRoute> _routes = routes.ToDictionary(r => r.Route, StringComparer.Ordinal);
    private long _sent;

    /// <summary>Reminders this instance has sent (or kept for a Web Chat visitor) since it started.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Sends every reminder due now, until none is left to claim; returns how many entries were handled.</summary>
    public Task<int> SendDueAsync(CancellationToken cancellationToken) => SendDueAsync(cancellationToken, cancellationToken);

    /// <param name="stopClaiming">Stops taking more reminders.</param>
    /// <param name="abandon">Abandons the ones under way (later than <paramref name="stopClaiming"/>, so they can finish).</param>
    private async Task<int> SendDueAsync(CancellationToken stopClaiming, CancellationToken abandon)
    {
        var settings = options.Value;
        var lease = TimeSpan.FromSeconds(settings.LeaseSeconds);
        var work = new Work();
        await Parallel.ForEachAsync(ClaimAsync(settings.SendersPerHost, lease, work, stopClaiming), new ParallelOptions { MaxDegreeOfParallelism = settings.SendersPerHost, CancellationToken = abandon },
            async (item, ct) =>
            {
                try
                {
                    if (!stopClaiming.IsCancellationRequested)
                    {
                        // (Claimed but not started when the host began to stop: it comes back to an instance after its lease.)
                        await HandleAsync(item, lease, ct);
                        Interlocked.Increment(ref work.Handled);
                    }
                }
                catch (Exception ex) when (ex is StorageUnavailableException or StorageConflictException or HttpRequestException or TimeoutException)
                {
                    // Left claimed: the lease runs out and it comes back.
                    logger.LogWarning("A reminder was left for later: {ExceptionType}", ex.GetType().Name);
                }
                finally
                {
                    Interlocked.Decrement(ref work.Unfinished);
                }
            });
        return work.Handled;
    }

    /// <summary>
    /// Due entries, claimed a worker's worth at a time when the workers ask for more (so none waits long on its lease).
    /// Ends when a claim finds nothing and nothing is under way: an entry moved on to a next reminder that is already
    /// due (one missed while the host was down) is claimed in the same round.
    /// </summary>
    private async IAsyncEnumerable<DueItem> ClaimAsync(int batch, TimeSpan lease, Work work, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var items = await queue.ClaimAsync(clock.GetUtcNow(), batch, lease, cancellationToken);
            if (items.Count == 0)
            {
                if (Volatile.Read(ref work.Unfinished) == 0)
                {
                    yield break;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
                continue;
            }

            foreach (var item in items)
            {
                Interlocked.Increment(ref work.Unfinished);
                yield return item;
            }
        }
    }

    /// <summary>One round's counts: entries handed to workers and not finished yet, and entries handled.</summary>
    private sealed class Work
    {
        public int Unfinished;
        public int Handled;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || !options.Value.SendInBackground)
        {
            return;
        }

        // On a stop (a deploy, a scale-in) no new reminder is claimed, and the sends under way get a moment to be marked.
        using var abandon = new CancellationTokenSource();
        await using var stopping = stoppingToken.Register(() => abandon.CancelAfter(FinishOnStop));
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken, abandon.Token);
                await Task.Delay(poll, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError("Sending reminders failed with {ExceptionType}; trying again shortly", ex.GetType().Name);
                logger.LogDebug(ex, "Reminder sender failure details");
                await Task.Delay(poll, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task HandleAsync(DueItem item, TimeSpan lease, CancellationToken cancellationToken)
    {
        var (record, eTag) = await store.ReadAsync(item.Key, cancellationToken);
        if (record?.Plan is null || record.Version != item.Version)
        {
            // Stopped, forgotten, or changed since (the change put its own entry on the queue).
            await queue.DoneAsync(item, cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        if (options.Value.ForgetAfterIdleMonths > 0 && record.LastHeard is { } heard && heard < now.AddMonths(-options.Value.ForgetAfterIdleMonths))
        {
            // Retention: nothing heard from the owner for as long as profiles are kept; their reminders go too.
            logger.LogInformation("Reminders removed for an owner not heard from in {Months} months", options.Value.ForgetAfterIdleMonths);
            await store.DeleteAsync(item.Key, cancellationToken);
            await queue.DoneAsync(item, cancellationToken);
            return;
        }

        var zone = ReminderSchedule.Zone(record.TimeZone);
        var day = ReminderSchedule.LocalDay(item.Due, zone);
        var dayText = ReminderSchedule.DayText(day);
        if (record.LastDay == dayText && record.LastState is ReminderStates.Sent or ReminderStates.Skipped or ReminderStates.GaveUp)
        {
            await NextAsync(item, record, day, now, cancellationToken);
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
            await NextAsync(item, record, day, now, cancellationToken);
            return;
        }

        var owner = await store.OwnerAsync(record.OwnerKey, cancellationToken);
        if (record.OptedOut || record.HeardDay == dayText || ReminderWording.PractisedOn(owner, zone, day))
        {
            record.LastDay = dayText;
            await SkipAsync(item, record, eTag, day, now, cancellationToken);
            return;
        }

        // Claim the day: only one instance gets past this write, and it holds the day until SendingUntil.
        var interrupted = record.LastDay == dayText && record.LastState == ReminderStates.Sending && record.SendingUntil is not null;
        var since = interrupted ? record.SendingSince ?? now : now;
        record.LastDay = dayText;
        record.LastState = ReminderStates.Sending;
        record.SendingSince = since;
        record.SendingUntil = now + lease;
        eTag = await store.WriteAsync(item.Key, record, eTag, cancellationToken);

        var (text, index) = wording.Nudge(owner, zone, day, record.LastNudge, day.DayNumber);
        if (!record.TextedBefore && record.IsSms)
        {
            // The first reminder by text says how to stop them.
            text += " " + wording.HowToStopTexts;
        }

        var deliveryId = item.Key + "@" + dayText;
        if (record.Route == ReminderRoutes.Held)
        {
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
            // Not blindly: a channel that can tell whether it took this reminder is asked first.
            var taken = await route.WasDeliveredAsync(record, deliveryId, since, cancellationToken);
            logger.LogInformation("An interrupted reminder send (delivery {DeliveryId}): the channel {Answer}", deliveryId,
                taken switch { true => "had taken it; marked sent", false => "had not; sending it", _ => "can't tell; sending it again" });
            if (taken == true)
            {
                await ConfirmAsync(item, record, eTag, day, index, now, cancellationToken);
                return;
            }
        }

        var (result, problem, answered) = await SendWithinClaimAsync(route, record, text, deliveryId, lease, cancellationToken);
        switch (result)
        {
            case DeliveryResult.Sent:
                await ConfirmAsync(item, record, eTag, day, index, now, cancellationToken);
                break;
            case DeliveryResult.TryAgain:
                var wait = Backoff(item.Attempt);
                if (item.Attempt + 1 >= options.Value.MaxAttempts || now + wait >= schedule.EndOf(day, zone))
                {
                    logger.LogWarning("A reminder gave up for the day after {Attempts} tries: {Problem}", item.Attempt + 1, problem);
                    record.LastState = ReminderStates.GaveUp;
                    record.SendingUntil = null;
                    await store.WriteAsync(item.Key, record, eTag, cancellationToken);
                    await NextAsync(item, record, day, now, cancellationToken);
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
                await SkipAsync(item, record, eTag, day, now, cancellationToken);
                break;
            default:
                await StopAsync(item, record, eTag, problem ?? result.ToString(), now, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// Sends, abandoning the send before the claim on the day runs out (after that another instance may take the
    /// reminder up). An abandoned send counts as one to try again: it may or may not have reached the channel.
    /// </summary>
    private static async Task<(DeliveryResult Result, string? Problem, bool Answered)> SendWithinClaimAsync(IReminderRoute route, ReminderRecord record, string text, string deliveryId, TimeSpan lease, CancellationToken cancellationToken)
    {
        using var withinClaim = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        withinClaim.CancelAfter(lease * 0.8);
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

    /// <summary>Marks the day sent (the one write after the send) and makes the queue entry the next reminder.</summary>
    private async Task ConfirmAsync(DueItem item, ReminderRecord record, string eTag, DateOnly day, int index, DateTimeOffset now, CancellationToken cancellationToken)
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

        Interlocked.Increment(ref _sent);
        Mark(record);
        try
        {
            await store.WriteAsync(item.Key, record, eTag, cancellationToken);
        }
        catch (StorageConflictException)
        {
            // The owner wrote while it was being sent: mark it on the record as it is now, if it is still this claim's.
            // Otherwise the plan changed or stopped (the change has its own entry), or another instance took the day
            // over after this claim ran out (it holds the entry now): either way this entry is done.
            var stillOurs = false;
            record = (await store.UpdateAsync(item.Key, r =>
            {
                stillOurs = false;
                if (r is not { LastState: ReminderStates.Sending } || r.LastDay != dayText || r.Version != item.Version)
                {
                    return null;
                }

                Mark(r);
                stillOurs = true;
                return r;
            }, cancellationToken))!;
            if (!stillOurs)
            {
                await queue.DoneAsync(item, cancellationToken);
                return;
            }
        }

        await NextAsync(item, record, day, now, cancellationToken);
    }

    /// <summary>Marks the day skipped (practised, heard from, or opted out), lets go of any claim, and moves the entry on.</summary>
    private async Task SkipAsync(DueItem item, ReminderRecord record, string? eTag, DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        record.LastState = ReminderStates.Skipped;
        record.SendingUntil = null;
        await store.WriteAsync(item.Key, record, eTag, cancellationToken);
        await NextAsync(item, record, day, now, cancellationToken);
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

    /// <summary>The entry becomes the next reminder after <paramref name="day"/> (one step), or is done when there is none.</summary>
    private async Task NextAsync(DueItem item, ReminderRecord record, DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (record.Plan is { } plan && schedule.NextAfter(plan, ReminderSchedule.Zone(record.TimeZone), day, now) is { } next)
        {
            await queue.RescheduleAsync(item, record.Version, next, now, cancellationToken);
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
