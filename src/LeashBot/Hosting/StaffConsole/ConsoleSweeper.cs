namespace LeashBot.Hosting.StaffConsole;

/// <summary>
/// Retention for the console: kept message text goes after <see cref="ConsoleOptions.KeepMessagesDays"/> (at once, at
/// start-up, when <see cref="ConsoleOptions.KeepMessages"/> is off), events after <see cref="ConsoleOptions.KeepEventsDays"/>.
/// Runs at start-up and every hour.
/// </summary>
public sealed class ConsoleSweeper(EventLog log, IOptions<ConsoleOptions> options, TimeProvider time, ILogger<ConsoleSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public (int Texts, int Events) Sweep()
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var swept = log.Sweep(settings.KeepMessages ? now.AddDays(-settings.KeepMessagesDays) : DateTimeOffset.MaxValue, now.AddDays(-settings.KeepEventsDays));
        if (swept.Texts + swept.Events > 0)
        {
            logger.LogInformation("Console retention removed {Texts} kept messages and {Events} events", swept.Texts, swept.Events);
        }

        return swept;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                Sweep();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Console retention sweep failed ({ExceptionType}); trying again in an hour", ex.GetType().Name);
            }
        }
        while (await RetentionSweeper.WaitAsync(timer, stoppingToken));
    }
}
