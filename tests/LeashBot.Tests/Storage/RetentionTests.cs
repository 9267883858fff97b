using LeashBot.Hosting;
using LeashBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LeashBot.Tests.Storage;

/// <summary>
/// Idle state is removed: a conversation's dialog state after Retention:ConversationIdleDays, an owner's profile after
/// Retention:OwnerIdleMonths, on SQLite and on Blob (Azurite). The sweeper's clock is moved forward; records carry the
/// store's own write time.
/// </summary>
public sealed class RetentionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Blob")]
    public async Task Idle_conversations_go_after_N_days_and_idle_owners_after_M_months(string provider)
    {
        var settings = new Dictionary<string, string?> { ["Retention:ConversationIdleDays"] = "30", ["Retention:OwnerIdleMonths"] = "12" };
        if (provider == "Blob")
        {
            settings["Storage:Provider"] = "Blob";
            settings["Storage:Blob:ConnectionString"] = azurite.ConnectionString;
            settings["Storage:Blob:Container"] = "retention-" + Guid.NewGuid().ToString("N")[..12];
        }

        using var host = new BotHost(settings);
        var owner = host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Milo");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sweeper = new RetentionSweeper(
            host.Services.GetRequiredService<IStorage>(),
            host.Services.GetRequiredService<IOptions<RetentionOptions>>(),
            clock,
            NullLogger<RetentionSweeper>.Instance);

        clock.SetUtcNow(DateTimeOffset.UtcNow.AddDays(20));
        Assert.Equal((0, 0), await sweeper.SweepAsync(CancellationToken.None));

        clock.SetUtcNow(DateTimeOffset.UtcNow.AddDays(31));
        var (conversations, owners) = await sweeper.SweepAsync(CancellationToken.None);
        Assert.True(conversations >= 1, "No idle conversation was removed.");
        Assert.Equal(0, owners);
        (await owner.SaysAsync("how's Milo doing?")).Says("step 1 of 10").DoesNotSay("Lovely to meet"); // the profile stays

        clock.SetUtcNow(DateTimeOffset.UtcNow.AddMonths(13));
        (_, owners) = await sweeper.SweepAsync(CancellationToken.None);
        Assert.True(owners >= 1, "No idle owner profile was removed.");
        // The profile is gone: the bot meets Milo afresh (a name mid-sentence is taken as a new cat).
        (await owner.SaysAsync("how's Milo doing?")).Says("Lovely to meet Milo");
    }
}
