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
    Task<(DeliveryResult Result, string? Problem)> SendAsync(ReminderRecord record, string text, string deliveryId, CancellationToken cancellationToken);
}

/// <summary>
/// Works through the due queue on every instance: claims due reminders for a lease, checks the rules (inside the allowed
/// hours of the owner's day, one a day, not when the owner practised or wrote that day, not after STOP), marks the day
/// as being sent with a conditional write (so only one instance sends it), sends, marks it sent and puts the next one on
/// the queue. A crash between the two marks leaves the day "sending": whoever takes the reminder next sends it again
/// with the same delivery id. A 429 or 5xx is tried again with backoff and jitter; a refusal for good stops the
/// owner's reminders and is recorded.
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
    private readonly Dictionary<string, IReminderRoute> _routes = routes.ToDictionary(r => r.Route, StringComparer.Ordinal);
    private long _sent;

    /// <summary>Reminders this instance has sent (or kept for a Web Chat visitor) since it started.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Sends every reminder due now, until none is left to claim; returns how many entries were handled.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var handled = 0;
        while (true)
        {
            var items = await queue.ClaimAsync(clock.GetUtcNow(), settings.SendersPerHost * 4, TimeSpan.FromSeconds(settings.LeaseSeconds), cancellationToken);
            if (items.Count == 0)
            {
                return handled;
            }

            await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = settings.SendersPerHost, CancellationToken = cancellationToken },
                async (item, ct) =>
                {
                    try
                    {
                        await HandleAsync(item, ct);
                    }
                    catch (Exception ex) when (ex is StorageUnavailableException or StorageConflictException or HttpRequestException or TimeoutException)
                    {
                        // Left claimed: the lease runs out and it comes back.
                        logger.LogWarning("A reminder was left for later: {ExceptionType}", ex.GetType().Name);
                    }
                });
            handled += items.Count;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || !options.Value.SendInBackground)
        {
            return;
        }

        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
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

    private async Task HandleAsync(DueItem item, CancellationToken cancellationToken)
    {
        var (record, eTag) = await store.ReadAsync(item.Key, cancellationToken);
        if (record?.Plan is null || record.Version != item.Version)
        {
            // Stopped, forgotten, or changed since (the change put its own entry on the queue).
            await queue.DoneAsync(item, cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        var zone = ReminderSchedule.Zone(record.TimeZone);
        var day = ReminderSchedule.LocalDay(item.Due, zone);
        var dayText = ReminderSchedule.DayText(day);
        if (record.LastDay == dayText && record.LastState is ReminderStates.Sent or ReminderStates.Skipped or ReminderStates.GaveUp)
        {
            await NextAsync(item, record, day, now, cancellationToken);
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
            record.LastState = ReminderStates.Skipped;
            await store.WriteAsync(item.Key, record, eTag, cancellationToken);
            await NextAsync(item, record, day, now, cancellationToken);
            return;
        }

        // Claim the day: only one instance gets past this write.
        var resend = record.LastDay == dayText && record.LastState == ReminderStates.Sending;
        record.LastDay = dayText;
        record.LastState = ReminderStates.Sending;
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
            record.HeldDay = dayText;
            await MarkSentAsync(item, record, eTag, index, day, now, cancellationToken);
            return;
        }

        if (!_routes.TryGetValue(record.Route, out var route))
        {
            await StopAsync(item, record, eTag, "no-route-" + record.Route, now, cancellationToken);
            return;
        }

        if (resend)
        {
            logger.LogInformation("Sending a reminder again after an interrupted send (delivery {DeliveryId})", deliveryId);
        }

        var (result, problem) = await route.SendAsync(record, text, deliveryId, cancellationToken);
        switch (result)
        {
            case DeliveryResult.Sent:
                record.TextedBefore = true;
                await MarkSentAsync(item, record, eTag, index, day, now, cancellationToken);
                break;
            case DeliveryResult.TryAgain:
                var wait = Backoff(item.Attempt);
                if (item.Attempt + 1 >= options.Value.MaxAttempts || now + wait >= schedule.EndOf(day, zone))
                {
                    logger.LogWarning("A reminder gave up for the day after {Attempts} tries: {Problem}", item.Attempt + 1, problem);
                    record.LastState = ReminderStates.GaveUp;
                    await store.WriteAsync(item.Key, record, eTag, cancellationToken);
                    await NextAsync(item, record, day, now, cancellationToken);
                }
                else
                {
                    await queue.RetryAsync(item, now + wait, now, cancellationToken);
                }

                break;
            case DeliveryResult.OptedOut:
                record.OptedOut = true;
                record.LastState = ReminderStates.Skipped;
                await store.WriteAsync(item.Key, record, eTag, cancellationToken);
                await NextAsync(item, record, day, now, cancellationToken);
                break;
            default:
                await StopAsync(item, record, eTag, problem ?? result.ToString(), now, cancellationToken);
                break;
        }
    }

    private async Task MarkSentAsync(DueItem item, ReminderRecord record, string eTag, int index, DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        record.LastState = ReminderStates.Sent;
        record.LastNudge = index;
        Interlocked.Increment(ref _sent);
        await store.WriteAsync(item.Key, record, eTag, cancellationToken);
        await NextAsync(item, record, day, now, cancellationToken);
    }

    private async Task StopAsync(DueItem item, ReminderRecord record, string eTag, string problem, DateTimeOffset now, CancellationToken cancellationToken)
    {
        logger.LogWarning("Reminders stopped for good for one owner: {Problem}", problem);
        record.Plan = null;
        record.Address = null;
        record.LastState = null;
        record.StoppedBecause = problem;
        record.StoppedAt = now;
        record.Version++;
        await store.WriteAsync(item.Key, record, eTag, cancellationToken);
        await queue.DoneAsync(item, cancellationToken);
    }

    /// <summary>The next reminder after <paramref name="day"/> goes on the queue, and this entry is done.</summary>
    private async Task NextAsync(DueItem item, ReminderRecord record, DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (record.Plan is { } plan && schedule.NextAfter(plan, ReminderSchedule.Zone(record.TimeZone), day, now) is { } next)
        {
            await queue.ScheduleAsync(item.Key, record.Version, next, now, cancellationToken);
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
