using System.ComponentModel.DataAnnotations;
using LeashBot.Storage;

namespace LeashBot.Hosting;

/// <summary>How long stored state is kept when nobody uses it (section <c>Retention</c>). 0 keeps it forever.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>A conversation's state (where the owner is in a dialog) is removed after this many days without a turn.</summary>
    [Range(0, 3650)]
    public int ConversationIdleDays { get; set; } = 30;

    /// <summary>An owner's profile (cats, steps, sessions) is removed after this many months without a turn, or at once by "forget me".</summary>
    [Range(0, 120)]
    public int OwnerIdleMonths { get; set; } = 12;
}

/// <summary>
/// Removes idle conversation state and idle owner profiles with their reminder records (a reminder record not written
/// for as long: stopped or never set; one still sending goes when its owner has been silent that long, see
/// <c>ReminderSender</c>), at start-up and every six hours.
/// </summary>
public sealed class RetentionSweeper(IRecordStore store, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    /// <summary>One sweep; returns how many conversation and owner records (profiles and reminder records) were removed.</summary>
    public async Task<(int Conversations, int Owners)> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var conversations = settings.ConversationIdleDays > 0
            ? await store.DeleteIdleAsync(RecordKinds.Conversations, now.AddDays(-settings.ConversationIdleDays), cancellationToken)
            : 0;
        var owners = settings.OwnerIdleMonths > 0
            ? await store.DeleteIdleAsync(RecordKinds.Users, now.AddMonths(-settings.OwnerIdleMonths), cancellationToken)
              + await store.DeleteIdleAsync(RecordKinds.Reminders, now.AddMonths(-settings.OwnerIdleMonths), cancellationToken)
            : 0;
        if (conversations + owners > 0)
        {
            logger.LogInformation("Retention removed {Conversations} idle conversations and {Owners} idle owner profiles", conversations, owners);
        }

        return (conversations, owners);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (StorageUnavailableException)
            {
                logger.LogWarning("Retention sweep skipped: storage unavailable; trying again in {Hours} hours", Interval.TotalHours);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>The next tick of a sweep's timer; false once the host stops.</summary>
    internal static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
