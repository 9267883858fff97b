using System.Text.RegularExpressions;
using LeashBot.Storage;
using LeashBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace LeashBot.Tests.Storage;

/// <summary>
/// No lost turns, through the real host: concurrency, several hosts, restarts, corrupt records. The same tests run on
/// every durable store (<see cref="SqliteHostStateTests"/>, <see cref="BlobHostStateTests"/>), each in its own class so
/// that only the Blob ones need Azurite.
/// </summary>
public abstract partial class HostStateContract(ITestOutputHelper output) : IDisposable
{
    protected const string CantSaveNow = "I can't save right now";

    protected string Folder { get; } = Directory.CreateTempSubdirectory("leashbot-host-").FullName;

    /// <summary>Hosts of one "deployment": each call gives a new host on the same store.</summary>
    protected abstract Func<BotHost> Deployment();

    [SkippableFact]
    public async Task Twenty_simultaneous_messages_in_one_conversation_are_all_applied()
    {
        await using var host = Deployment()();
        var replies = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => host.SayAsync("conv", "owner", $"session {i}")));

        // Every turn answered once, from the run that saved: the counts 1..20 each appear exactly once.
        Assert.All(replies, r => Assert.Single(r));
        Assert.Equal(Enumerable.Range(1, 20), replies.Select(r => Count(r[0]).Sessions).Order());
        Assert.Equal(["sessions=21 turns=21"], await host.SayAsync("conv", "owner", "one more"));
    }

    [SkippableFact]
    public async Task Two_hosts_taking_turns_on_shared_storage_lose_no_increment()
    {
        var deployment = Deployment();
        await using var a = deployment();
        await using var b = deployment();

        for (var i = 0; i < 6; i++)
        {
            var count = Count(Assert.Single(await (i % 2 == 0 ? a : b).SayAsync("conv", "owner", $"alt {i}")));
            Assert.Equal((i + 1, i + 1), (count.Sessions, count.Turns));
        }

        Assert.Equal(["sessions=7 turns=7"], await b.SayAsync("conv", "owner", "check"));
    }

    /// <summary>
    /// Two hosts answering one conversation at the same time: every turn counted once in the owner's part and once in
    /// the conversation's, each reply sent once, from the run that saved. A turn's state is one record written once,
    /// conditional on the eTag it was read with, so a run that lost the race stored nothing and reruns on fresh state.
    /// </summary>
    protected async Task Two_hosts_at_once_lose_no_increment()
    {
        var deployment = Deployment();
        await using var a = deployment();
        await using var b = deployment();
        var replies = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => (i % 2 == 0 ? a : b).SayAsync("conv", "owner", $"both {i}")));
        Assert.All(replies, r => Assert.Single(r));
        var counts = replies.Select(r => Count(r[0])).ToArray();
        Assert.Equal(Enumerable.Range(1, 24), counts.Select(c => c.Sessions).Order());
        Assert.Equal(Enumerable.Range(1, 24), counts.Select(c => c.Turns).Order());
        Assert.Equal(["sessions=25 turns=25"], await b.SayAsync("conv", "owner", "check"));
        output.WriteLine($"{GetType().Name}: {Reruns(a) + Reruns(b)} runs were thrown away after an eTag conflict and rerun");
    }

    [SkippableFact]
    public async Task A_restart_loses_nothing()
    {
        var deployment = Deployment();
        await using (var before = deployment())
        {
            for (var i = 0; i < 3; i++)
            {
                await before.SayAsync("conv", "owner", "session");
            }

            await before.SayAsync("other-conv", "owner", "session");
        }

        await using var after = deployment();
        Assert.Equal(["sessions=5 turns=4"], await after.SayAsync("conv", "owner", "session"));
    }

    [SkippableFact]
    public async Task A_conversation_part_of_the_wrong_shape_affects_only_that_conversation()
    {
        await using var host = Deployment()();
        await host.SayAsync("broken", "owner", "one");
        await host.SayAsync("broken", "owner", "two");
        await host.SayAsync("fine", "owner", "one");

        // The conversation's part inside the person's record no longer fits (a counter that is a word).
        var store = (JsonStorage)host.Storage;
        var record = JObject.Parse((await store.ReadTextAsync("test/users/owner"))!.Value.Json);
        record.SelectToken("conversations.broken.state")!["turns"] = "two";
        await store.WriteTextAsync("test/users/owner", record.ToString(Formatting.None), "*");

        var replies = await host.SayAsync("broken", "owner", "three");
        Assert.Equal(2, replies.Length);
        Assert.StartsWith("I've had a small update since we last talked", replies[0]);
        Assert.Equal("sessions=4 turns=1", replies[1]); // fresh conversation state; the owner's own part is untouched

        Assert.Equal(["sessions=5 turns=2"], await host.SayAsync("fine", "owner", "two"));
        Assert.Equal(["sessions=6 turns=2"], await host.SayAsync("broken", "owner", "four"));
        Assert.Equal(200, (await host.HealthAsync()).Status);
    }

    [SkippableFact]
    public async Task A_corrupt_conversation_record_of_the_old_shape_affects_only_that_conversation()
    {
        await using var host = Deployment()();
        await host.SayAsync("fine", "owner", "one");
        var store = (JsonStorage)host.Storage;
        await store.WriteTextAsync("test/conversations/broken", "{\"turns\": {\"Value\": 2,", "*");

        var replies = await host.SayAsync("broken", "owner", "two");
        Assert.Equal(2, replies.Length);
        Assert.StartsWith("I've had a small update since we last talked", replies[0]);
        Assert.Equal("sessions=2 turns=1", replies[1]);
        Assert.Null(await store.ReadTextAsync("test/conversations/broken")); // quarantined, then moved into the person's record
        Assert.Equal(["sessions=3 turns=2"], await host.SayAsync("broken", "owner", "three"));
    }

    /// <summary>
    /// What an earlier version stored, two records a turn: the owner's record and each conversation's own. Each
    /// conversation moves into the person's record with its first turn (its own record is then deleted); one not
    /// visited yet keeps its record and moves later, and nothing is lost on the way.
    /// </summary>
    [SkippableFact]
    public async Task State_stored_as_two_records_by_the_earlier_version_loads_and_moves_into_one()
    {
        await using var host = Deployment()();
        var store = (JsonStorage)host.Storage;
        await store.WriteTextAsync("test/users/owner", """{"sessions":{"Value":3,"Log":["a","b","c"]}}""", "*");
        await store.WriteTextAsync("test/conversations/conv", """{"turns":{"Value":2,"Log":[]}}""", "*");
        await store.WriteTextAsync("test/conversations/other", """{"turns":{"Value":7,"Log":[]}}""", "*");

        Assert.Equal(["sessions=4 turns=3"], await host.SayAsync("conv", "owner", "after the upgrade"));
        Assert.Null(await store.ReadTextAsync("test/conversations/conv"));
        Assert.NotNull(await store.ReadTextAsync("test/conversations/other"));
        var record = JObject.Parse((await store.ReadTextAsync("test/users/owner"))!.Value.Json);
        Assert.Equal(4, (int?)record.SelectToken("sessions.Value"));
        Assert.Equal(3, (int?)record.SelectToken("conversations.conv.state.turns.Value"));

        Assert.Equal(["sessions=5 turns=8"], await host.SayAsync("other", "owner", "the other conversation"));
        Assert.Null(await store.ReadTextAsync("test/conversations/other"));
        Assert.Equal(["sessions=6 turns=4"], await host.SayAsync("conv", "owner", "back here"));
    }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static long Reruns(BotHost host) =>
        ((LeashBot.State.TurnRunner)host.Services.GetService(typeof(LeashBot.State.TurnRunner))!).Reruns;

    internal static (int Sessions, int Turns) Count(string reply)
    {
        var match = CountPattern().Match(reply);
        Assert.True(match.Success, $"Unexpected reply: {reply}");
        return (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value));
    }

    [GeneratedRegex(@"^sessions=(\d+) turns=(\d+)$")]
    private static partial Regex CountPattern();
}

/// <summary>The host-state tests on a SQLite file, plus what only SQLite (or no store at all) can show.</summary>
public sealed class SqliteHostStateTests(ITestOutputHelper output) : HostStateContract(output)
{
    protected override Func<BotHost> Deployment()
    {
        var db = Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".db");
        return () => CounterBot.OnSqlite(db);
    }

    [Fact]
    public Task Two_hosts_at_once_on_shared_SQLite_lose_no_increment() => Two_hosts_at_once_lose_no_increment();

    [Fact]
    public async Task A_SQLite_file_that_becomes_unwritable_after_start_up_gets_a_polite_reply_and_a_degraded_health_check()
    {
        var folder = Path.Combine(Folder, "state");
        await using var host = CounterBot.OnSqlite(Path.Combine(folder, "leashbot.db"));
        Assert.Equal(200, (await host.HealthAsync()).Status); // started: the folder was writable then

        // The folder turns into a regular file: nothing can be created below it, even by root.
        Directory.Delete(folder, recursive: true);
        await File.WriteAllTextAsync(folder, "");

        var replies = await host.SayAsync("conv", "owner", "session");
        Assert.Single(replies);
        Assert.StartsWith(CantSaveNow, replies[0]);

        var (status, body) = await host.HealthAsync();
        Assert.Equal(503, status);
        Assert.Equal("degraded", (string?)body["status"]);
        Assert.Contains("Sqlite", (string?)body["storage"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_is_ok_when_storage_works()
    {
        await using var host = Deployment()();
        await host.SayAsync("conv", "owner", "session");
        var (status, body) = await host.HealthAsync();
        Assert.Equal(200, status);
        Assert.Equal("ok", (string?)body["status"]);
    }

    [Fact]
    public async Task Idle_conversations_leave_no_locks_behind()
    {
        await using var host = Deployment()();
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => host.SayAsync($"conv-{i}", $"owner-{i}", "session")));
        var locks = (LeashBot.State.KeyedLock)host.Services.GetService(typeof(LeashBot.State.KeyedLock))!;
        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public async Task Managed_identity_storage_without_an_identity_gets_a_polite_reply_and_names_the_problem_no_identity_on_this_machine()
    {
        // This machine has no managed identity, no Azure CLI sign-in and no Azure at all: the configured store must
        // degrade the way an outage does, never answer 500.
        await using var host = CounterBot.Host(new BotHostOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Blob",
                ["Storage:Blob:AccountUrl"] = "https://leashbotstate.blob.core.windows.net/",
                ["Storage:Blob:ManagedIdentityClientId"] = "00000000-0000-0000-0000-000000000abc",
            },
        });
        var replies = await host.SayAsync("conv", "owner", "hello");
        Assert.Single(replies);
        Assert.StartsWith("I can't save right now", replies[0]);
        var (status, body) = await host.HealthAsync();
        Assert.Equal(503, status);
        Assert.Contains("Blob storage unreachable", (string?)body["storage"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stored_bytes_of_an_owner_record_can_be_measured()
    {
        await using var host = Deployment()();
        await host.SayAsync("conv", "owner", "we did 10 minutes today, she was relaxed");
        var bytes = await ((JsonStorage)host.Storage).StoredBytesAsync("test/users/owner");
        Assert.InRange(bytes ?? 0, 10, 1000);
    }
}

/// <summary>The host-state tests on a Blob container of a real Azurite.</summary>
public sealed class BlobHostStateTests(AzuriteFixture azurite, ITestOutputHelper output) : HostStateContract(output), IClassFixture<AzuriteFixture>
{
    protected override Func<BotHost> Deployment()
    {
        var container = "c" + Guid.NewGuid().ToString("N");
        return () => CounterBot.OnBlob(azurite.ConnectionString, container);
    }

    /// <summary>
    /// Blob Storage has no transaction across two blobs; a turn's whole state is one blob, written once, conditional on
    /// its eTag, so a conflicting turn was not stored at all and reruns on fresh state (before, with two blobs a turn,
    /// a refused rollback could count a conversation's turn twice).
    /// </summary>
    [SkippableFact]
    public Task Two_hosts_at_once_on_shared_Blob_storage_lose_no_increment() => Two_hosts_at_once_lose_no_increment();
}

/// <summary>Stops Azurite mid-conversation and starts it again; has its own Azurite so other tests are not disturbed.</summary>
public sealed class BlobOutageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [SkippableFact]
    public async Task Storage_outage_gets_a_polite_reply_and_degraded_health_then_the_conversation_continues()
    {
        await using var host = CounterBot.OnBlob(azurite.ConnectionString, "outage");
        Assert.Equal(["sessions=1 turns=1"], await host.SayAsync("conv", "owner", "one"));
        Assert.Equal(["sessions=2 turns=2"], await host.SayAsync("conv", "owner", "two"));

        await azurite.StopAsync();
        var replies = await host.SayAsync("conv", "owner", "three");
        Assert.Single(replies);
        Assert.StartsWith("I can't save right now", replies[0]);

        var (status, body) = await host.HealthAsync();
        Assert.Equal(503, status);
        Assert.Equal("degraded", (string?)body["status"]);
        Assert.Contains("Blob", (string?)body["storage"], StringComparison.Ordinal);

        await azurite.StartAsync();

        // Each health check answers within 2 s; the first ones after the restart may still find the old connections dead.
        var after = await host.HealthAsync();
        for (var i = 0; i < 10 && after.Status != 200; i++)
        {
            await Task.Delay(500);
            after = await host.HealthAsync();
        }

        Assert.True(after.Status == 200, after.Body.ToString());
        Assert.Equal(["sessions=3 turns=3"], await host.SayAsync("conv", "owner", "three again"));
    }
}
