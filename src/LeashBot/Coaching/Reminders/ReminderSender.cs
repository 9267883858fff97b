using LeashBot.Storage;

namespace LeashBot.Coaching.Reminders;

/// <summary>
/// Works through the due queue on every instance: claims due reminders a few at a time (each for a lease) and sends
/// them with bounded parallelism, as workers free up; each one is <see cref="ReminderDelivery"/>'s. On a stop (a
/// deploy, a scale-in) no new reminder is claimed and the sends under way get a moment to be marked. Each round logs
/// how long its sends were in doubt (claimed, not yet marked sent): the window in which a crash leaves a send's
/// outcome unknown.
/// </summary>
public sealed class ReminderSender(
    IDueQueue queue,
    ReminderDelivery delivery,
    IOptions<ReminderOptions> options,
    TimeProvider clock,
    ILogger<ReminderSender> logger) : BackgroundService
{
    /// <summary>How long sends already under way may finish when the host stops, before they are abandoned.</summary>
    private static readonly TimeSpan FinishOnStop = TimeSpan.FromSeconds(10);

    /// <summary>Reminders this instance has sent (or kept for a Web Chat visitor) since it started.</summary>
    public long Sent => delivery.Sent;

    /// <summary>Sends every reminder due now, until none is left to claim; returns how many entries were handled.</summary>
    public Task<int> SendDueAsync(CancellationToken cancellationToken) => SendDueAsync(cancellationToken, cancellationToken);

    /// <param name="stopClaiming">Stops taking more reminders.</param>
    /// <param name="abandon">Abandons the ones under way (later than <paramref name="stopClaiming"/>, so they can finish).</param>
    private async Task<int> SendDueAsync(CancellationToken stopClaiming, CancellationToken abandon)
    {
        var settings = options.Value;
        var lease = TimeSpan.FromSeconds(settings.LeaseSeconds);
        var work = new Work();
        var started = clock.GetUtcNow();
        await Parallel.ForEachAsync(ClaimAsync(settings.SendersPerHost, lease, work, stopClaiming), new ParallelOptions { MaxDegreeOfParallelism = settings.SendersPerHost, CancellationToken = abandon },
            async (item, ct) =>
            {
                try
                {
                    if (!stopClaiming.IsCancellationRequested)
                    {
                        // (Claimed but not started when the host began to stop: it comes back to an instance after its lease.)
                        await delivery.HandleAsync(item, lease, work.InDoubt, ct);
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
        if (work.InDoubt.Summary() is { } inDoubt)
        {
            // The window in which a crash makes a send's outcome unknown, per reminder sent (see WhenUnconfirmed).
            logger.LogInformation(
                "Reminders sent in the round from {Started:HH:mm:ss}: {Sent}; in doubt (claimed, not yet marked sent) median {InDoubtMedianMs} ms, 99th percentile {InDoubtP99Ms} ms, longest {InDoubtLongestMs} ms; after the channel's answer median {AfterAnswerMedianMs} ms, 99th percentile {AfterAnswerP99Ms} ms, longest {AfterAnswerLongestMs} ms",
                started, inDoubt.Sends, inDoubt.MedianMs, inDoubt.P99Ms, inDoubt.LongestMs, inDoubt.AfterAnswerMedianMs, inDoubt.AfterAnswerP99Ms, inDoubt.AfterAnswerLongestMs);
        }

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
            IReadOnlyList<DueItem> items;
            try
            {
                items = await queue.ClaimAsync(clock.GetUtcNow(), batch, lease, cancellationToken);
            }
            catch (StorageUnavailableException ex)
            {
                // The queue is busy or away: the round ends after the sends under way, never by abandoning them.
                logger.LogWarning("Claiming due reminders failed ({Problem}); the round ends after the sends under way", ex.Message);
                items = [];
                if (Volatile.Read(ref work.Unfinished) == 0)
                {
                    yield break;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                continue;
            }

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

    /// <summary>One round's counts: entries handed to workers and not finished yet, and entries handled; how long sends were in doubt.</summary>
    private sealed class Work
    {
        public int Unfinished;
        public int Handled;
        public readonly InDoubtTimes InDoubt = new();
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
}
