namespace LeashBot.Channels.DirectLine;

/// <summary>Frees idle conversations once a minute.</summary>
public sealed class ConversationSweeper(ConversationStore store, TimeProvider time, ILogger<ConversationSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var removed = store.Sweep();
                store.EnforceBudget();
                if (removed > 0)
                {
                    logger.LogInformation("Forgot {Count} idle Direct Line conversations", removed);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
