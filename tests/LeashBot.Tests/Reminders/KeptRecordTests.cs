using LeashBot.Coaching.Reminders;
using LeashBot.Storage;
using LeashBot.Tests.Storage;
using LeashBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Reminders;

/// <summary>
/// On the scale-out path (Blob for the records and for what is due, on a real Azurite) a due entry keeps its record as
/// written, with what the reminder says about the owner, so sending one reads nothing: the claim is conditional on the kept
/// eTag, then the mark (two calls, not four). A record changed since (the owner wrote that day) fails the claim and is read, and the
/// rules see it as it is. Simulated Teams connector; the calls are counted around the real Blob store.
/// </summary>
public sealed class KeptRecordTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string NewYork = "America/New_York";
    private SimulatedChannel _connector = null!;

    public async Task InitializeAsync() => _connector = await SimulatedChannel.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    /// <summary>The real host on Blob (records and due blobs on Azurite), the calls to its store counted.</summary>
    private (BotHost Host, ObservedStore Store) Host()
    {
        var container = "c" + Guid.NewGuid().ToString("N");
        var store = new ObservedStore(new BlobStorage(azurite.ConnectionString, container));
        var host = BotHost.Create(new BotHostOptions
        {
            Storage = TestStorage.Blob,
            BlobConnectionString = azurite.ConnectionString,
            BlobContainer = container,
            Settings = ReminderHost.Settings(new() { ["Reminders:DueContainer"] = "d" + Guid.NewGuid().ToString("N") }),
            Services = s => s.AddSingleton<IRecordStore>(store),
        });
        return (host, store);
    }

    [SkippableFact]
    public async Task A_reminder_is_sent_with_one_read_the_owners_profile_and_a_record_changed_since_is_read_before_anything_is_decided_Simulated_Teams_connector()
    {
        var (host, store) = Host();
        using var _ = host;
        var owner = host.NewOwner("msteams");
        JObject Says(string text) => owner.Activity("message", text, new JObject { ["serviceUrl"] = _connector.Url, ["localTimezone"] = NewYork });
        (await owner.PostAsync(Says("nudge me every evening at 7 pls"))).Says("Done!");
        var key = ReminderRecord.KeyOf($"msteams/users/{owner.UserId}");
        var ownerKey = $"msteams/users/{owner.UserId}";

        // Day one and day two: nothing is read (the record is the one its entry kept, and it carries what the reminder
        // says about the owner); claim and mark are written.
        for (var day = 1; day <= 2; day++)
        {
            host.MoveTo(NewYork, 19, 0);
            store.ResetCounts();
            await host.SendDueAsync();
            Assert.Equal(day, _connector.Requests.Count);
            Assert.Equal(0, store.Reads.GetValueOrDefault(key));
            Assert.Equal(0, store.Reads.GetValueOrDefault(ownerKey));
            Assert.Equal(2, store.Writes.GetValueOrDefault(key));
        }

        // Day three the owner writes before 7pm: the kept record is out of date, its claim fails, the record is read and
        // that day's reminder is not sent (the owner was here).
        host.MoveTo(NewYork, 12, 0);
        (await owner.PostAsync(Says("how long should a session be?"))).DoesNotSay("Done!");
        host.MoveTo(NewYork, 19, 0);
        store.ResetCounts();
        await host.SendDueAsync();
        Assert.Equal(2, _connector.Requests.Count);
        Assert.Equal(1, store.Reads.GetValueOrDefault(key));
        Assert.Equal(ReminderStates.Skipped, (await host.RecordAsync("msteams", owner.UserId))!.LastState);

        // Day four is sent again, from the record kept by the skip.
        host.MoveTo(NewYork, 19, 0);
        store.ResetCounts();
        await host.SendDueAsync();
        Assert.Equal(3, _connector.Requests.Count);
        Assert.Equal(0, store.Reads.GetValueOrDefault(key));
    }

    [SkippableFact]
    public async Task A_reminder_sent_without_reading_the_profile_still_names_the_cats_step_and_the_days_practised_since_Simulated_Teams_connector()
    {
        var (host, store) = Host();
        using var _ = host;
        var owner = host.NewOwner("msteams");
        var ownerKey = $"msteams/users/{owner.UserId}";
        JObject Says(string text) => owner.Activity("message", text, new JObject { ["serviceUrl"] = _connector.Url, ["localTimezone"] = NewYork });
        string LastSent() => (string)JObject.Parse(_connector.Requests.Last().Body)["text"]!;
        (await owner.PostAsync(Says("remind me at 7pm pls"))).Says("Done!");

        // No cat yet: "your cat", step 1, no streak.
        host.MoveTo(NewYork, 19, 0);
        store.ResetCounts();
        await host.SendDueAsync();
        Assert.Single(_connector.Requests);
        Assert.Contains("step 1", LastSent(), StringComparison.Ordinal);
        Assert.Contains("Even two minutes counts.", LastSent(), StringComparison.Ordinal);
        Assert.Equal(0, store.Reads.GetValueOrDefault(ownerKey));

        // The next morning the owner names the cat and logs a session: that day's reminder is not sent (they were here).
        host.MoveTo(NewYork, 10, 0);
        await owner.PostAsync(Says("start training"));
        await owner.PostAsync(Says("Mochi"));
        await owner.PostAsync(Says("we did 5 mins and she was pretty chill tbh"));
        host.MoveTo(NewYork, 19, 0);
        await host.SendDueAsync();
        Assert.Single(_connector.Requests);

        // The day after, the reminder knows the cat and yesterday's session without reading the profile.
        host.MoveTo(NewYork, 19, 0);
        store.ResetCounts();
        await host.SendDueAsync();
        Assert.Equal(2, _connector.Requests.Count);
        Assert.Contains("Mochi", LastSent(), StringComparison.Ordinal);
        Assert.Contains("You practised yesterday", LastSent(), StringComparison.Ordinal);
        Assert.Equal(0, store.Reads.GetValueOrDefault(ownerKey));
    }
}
