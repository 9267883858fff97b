using LeashBot.Hosting;
using LeashBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LeashBot.Tests.Storage;

/// <summary>
/// Idle state is removed: a conversation's dialog state after Retention:ConversationIdleDays (it lives in the person's
/// record: the turn no longer uses it and drops it), an owner's whole record after Retention:OwnerIdleMonths (the
/// sweeper, by the store's own write time), on SQLite and on Blob (Azurite). One class per store, so that only the Blob
/// one needs Azurite.
/// </summary>
public abstract class RetentionTests
{
    /// <summary>The store under test; the retention settings are added to it.</summary>
    protected abstract BotHostOptions Store();

    [SkippableFact]
    public async Task Idle_conversations_go_after_N_days_and_idle_owners_after_M_months()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Retention:ConversationIdleDays"] = "30", ["Retention:OwnerIdleMonths"] = "12", ["Reminders:Enabled"] = "true", ["Reminders:SendInBackground"] = "false",
        };
        using var host = BotHost.Create(Store() with { Settings = settings });
        var owner = host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Milo");
        (await owner.SaysAsync("we did 10 minutes today")).Says("How did Milo seem");
        // Reminders asked for and stopped again: the record (consent, the stop) stays until the owner's data goes.
        var reminders = host.Services.GetRequiredService<LeashBot.Coaching.Reminders.ReminderStore>();
        var reminderKey = LeashBot.Coaching.Reminders.ReminderRecord.KeyOf($"webchat/users/{owner.UserId}");
        (await owner.PostAsync(owner.Activity("message", "remind me at 7pm pls", new Newtonsoft.Json.Linq.JObject { ["localTimezone"] = "Europe/London" }))).Says("Done!");
        (await owner.SaysAsync("stop reminders")).Says("no more reminders");
        Assert.NotNull((await reminders.ReadAsync(reminderKey, CancellationToken.None)).Record);

        var storage = (LeashBot.Storage.JsonStorage)host.Storage;
        var pending = await StoredParts.ReadAsync(storage, "webchat", owner.UserId, owner.ConversationId);
        Assert.True(LeashBot.Tests.Conversations.LongConversationStateTests.StackDepth(pending.Conversation ?? []) > 0, "the mood question is not stored as pending");

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sweeper = new RetentionSweeper(
            host.Services.GetRequiredService<LeashBot.Storage.IRecordStore>(),
            host.Services.GetRequiredService<IOptions<RetentionOptions>>(),
            clock,
            NullLogger<RetentionSweeper>.Instance);

        clock.SetUtcNow(DateTimeOffset.UtcNow.AddDays(20));
        Assert.Equal((0, 0), await sweeper.SweepAsync(CancellationToken.None));

        // A month later the pending question is over; the profile stays.
        clock.SetUtcNow(DateTimeOffset.UtcNow.AddDays(31));
        host.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(0, (await sweeper.SweepAsync(CancellationToken.None)).Owners);
        (await owner.SaysAsync("how's Milo doing?")).Says("step 1 of 10").DoesNotSay("How did Milo seem").DoesNotSay("Lovely to meet");

        clock.SetUtcNow(DateTimeOffset.UtcNow.AddMonths(13));
        var (_, owners) = await sweeper.SweepAsync(CancellationToken.None);
        Assert.True(owners >= 2, "The idle owner's profile (and reminder record) were not removed.");
        Assert.Null((await reminders.ReadAsync(reminderKey, CancellationToken.None)).Record);
        // The profile is gone: the bot meets Milo afresh (a name mid-sentence is taken as a new cat).
        (await owner.SaysAsync("how's Milo doing?")).Says("Lovely to meet Milo");
    }
}

public sealed class SqliteRetentionTests : RetentionTests
{
    protected override BotHostOptions Store() => new() { Storage = TestStorage.Sqlite };
}

public sealed class BlobRetentionTests(AzuriteFixture azurite) : RetentionTests, IClassFixture<AzuriteFixture>
{
    protected override BotHostOptions Store() => new()
    {
        Storage = TestStorage.Blob,
        BlobConnectionString = azurite.ConnectionString,
        BlobContainer = "retention-" + Guid.NewGuid().ToString("N")[..12],
    };
}
