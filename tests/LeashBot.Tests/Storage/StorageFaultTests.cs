using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LeashBot.Storage;
using LeashBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Storage;

/// <summary>
/// Storage that breaks while the host runs, through the real host: a database that turns read-only and back, a database
/// file deleted under the host, records of the wrong shape, a relative SQLite path, and a Blob store that accepts
/// connections and never answers (a loopback listener standing in for a hung Azure Storage account).
/// </summary>
public sealed class StorageFaultTests : IDisposable
{
    private const string CantSaveNow = "I can't save right now";
    private readonly string _dir = Directory.CreateTempSubdirectory("leashbot-faults-").FullName;

    [Fact]
    public async Task Healthz_sees_a_store_that_reads_but_cannot_write_and_writes_recover_the_moment_it_can_again()
    {
        var db = Path.Combine(_dir, "state.db");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = CounterBot.Host(new BotHostOptions { Storage = TestStorage.Sqlite, SqlitePath = db, Clock = clock });
        Assert.Equal(["sessions=1 turns=1"], await host.SayAsync("conv", "owner", "one"));
        Assert.Equal(200, (await host.HealthAsync()).Status);

        await using (ReadOnly.Make(db))
        {
            // Connections opened from now on can only read.
            SqliteConnection.ClearAllPools();
            var refused = await host.SayAsync("conv", "owner", "two");
            Assert.StartsWith(CantSaveNow, Assert.Single(refused));

            clock.Advance(TimeSpan.FromSeconds(1.1)); // past the probe's one-second reuse
            var (status, body) = await host.HealthAsync();
            Assert.Equal(503, status);
            Assert.Equal("degraded", (string?)body["status"]);
        }

        // Writable again: the very next turn is saved (no pooled read-only connection lingers).
        Assert.Equal(["sessions=2 turns=2"], await host.SayAsync("conv", "owner", "two again"));
        clock.Advance(TimeSpan.FromSeconds(1.1));
        Assert.Equal(200, (await host.HealthAsync()).Status);
    }

    [Fact]
    public async Task A_database_file_deleted_while_running_is_noticed_and_later_turns_are_kept()
    {
        var db = Path.Combine(_dir, "state.db");
        await using (var host = CounterBot.OnSqlite(db))
        {
            Assert.Equal(["sessions=1 turns=1"], await host.SayAsync("conv", "owner", "one"));
            File.Delete(db);

            Assert.Equal(["sessions=1 turns=1"], await host.SayAsync("conv", "owner", "after the delete"));
            Assert.True(File.Exists(db), "The database file was not recreated.");
            Assert.Equal(["sessions=2 turns=2"], await host.SayAsync("conv", "owner", "and again"));
        }

        // What was said after the delete is on disk: a new host on the same path continues from it.
        SqliteConnection.ClearAllPools();
        await using var restarted = CounterBot.OnSqlite(db);
        Assert.Equal(["sessions=3 turns=3"], await restarted.SayAsync("conv", "owner", "after a restart"));
    }

    public static TheoryData<string, string> WrongShapes => new()
    {
        { "users", "{\"owner\": 42}" },
        { "users", "{\"owner\": {\"cats\": \"Milo\"}}" },
        { "users", "{\"owner\": {\"cats\": [{\"name\": \"Milo\", \"step\": \"ten\"}]}}" },
        { "users", "{\"owner\": {\"cats\": [{\"name\": \"Milo\", \"sessions\": [{\"mood\": \"purple\"}]}]}}" },
        { "users", "{\"conversations\": [1, 2]}" },
        { "users", "{\"conversations\": {\"x\": 1}, \"owner\": {\"cats\": 3}}" },
        { "conversations", "{\"dialogState\": \"broken\"}" },
        { "conversations", "{\"dialogState\": {\"dialogStack\": {\"id\": 1}}}" },
        { "conversations", "{\"flags\": [1, 2, 3]}" },
        { "conversations", "{\"dialogState\": {\"dialogStack\": [{\"id\": \"coaching\", \"state\": [1]}]}}" },
    };

    [Theory, MemberData(nameof(WrongShapes))]
    public async Task A_record_of_the_wrong_shape_is_quarantined_so_forget_me_and_start_over_work(string kind, string json)
    {
        using var host = new BotHost();
        var owner = host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Milo");
        var storage = (JsonStorage)host.Services.GetRequiredService<Microsoft.Bot.Builder.IStorage>();
        var key = $"webchat/users/{owner.UserId}";
        if (kind == "conversations")
        {
            // The conversation's part of the person's record, of the wrong shape.
            var record = JObject.Parse((await storage.ReadTextAsync(key))!.Value.Json);
            var conversations = record["conversations"] as JObject ?? [];
            conversations[owner.ConversationId] = new JObject { ["at"] = "2026-03-02", ["state"] = JObject.Parse(json) };
            record["conversations"] = conversations;
            json = record.ToString(Newtonsoft.Json.Formatting.None);
        }

        await storage.WriteTextAsync(key, json, "*");

        (await owner.SaysAsync("start over")).DoesNotSay("something went wrong");
        (await owner.SaysAsync("hi")).DoesNotSay("something went wrong");
        (await owner.SaysAsync("forget me")).Says("Are you sure");
        (await owner.SaysAsync("yes")).Says("deleted your profile");
        (await owner.SaysAsync("how do I pick a harness?")).DoesNotSay("something went wrong");
    }

    [Fact]
    public void A_relative_SQLite_path_is_relative_to_the_working_directory()
    {
        var relative = Path.Combine("leashbot-relative-" + Guid.NewGuid().ToString("N")[..8], "state.db");
        var folder = Path.GetDirectoryName(Path.GetFullPath(relative))!;
        try
        {
            // The host is stopped before its folder goes: its background services may still be writing the journal.
            using (var host = new BotHost(new() { ["Storage:Sqlite:Path"] = relative }))
            {
                var storage = (SqliteStorage)host.Services.GetRequiredService<Microsoft.Bot.Builder.IStorage>();
                Assert.Equal(Path.GetFullPath(relative, Environment.CurrentDirectory), storage.Path);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>How long each takes is the deadlines' part, clock-driven in <see cref="StorageDeadlineTests"/>.</summary>
    [Fact]
    public async Task A_hung_Blob_store_gives_the_turn_a_cant_save_reply_and_healthz_a_503()
    {
        using var hung = new TcpListener(IPAddress.Loopback, 0);
        hung.Start(512); // accepts connections (the kernel completes the handshake) and never answers
        var port = ((IPEndPoint)hung.LocalEndpoint).Port;
        var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
        await using var host = CounterBot.OnBlob(connection, "hung");

        Assert.StartsWith(CantSaveNow, Assert.Single(await host.SayAsync("conv", "owner", "one")));
        var (status, body) = await host.HealthAsync();
        Assert.Equal(503, status);
        Assert.Equal("degraded", (string?)body["status"]);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>
    /// Makes the database and its WAL read-only for as long as it is held: with the immutable attribute when running as
    /// root (root ignores permission bits), with permission bits otherwise.
    /// </summary>
    private sealed class ReadOnly : IAsyncDisposable
    {
        private readonly string[] _files;

        private ReadOnly(string[] files) => _files = files;

        public static ReadOnly Make(string db)
        {
            var files = new[] { db, db + "-wal" }.Where(File.Exists).ToArray();
            foreach (var file in files)
            {
                if (Environment.UserName == "root")
                {
                    Run("chattr", "+i", file);
                }
                else
                {
                    Run("chmod", "444", file);
                }
            }

            return new ReadOnly(files);
        }

        public ValueTask DisposeAsync()
        {
            foreach (var file in _files)
            {
                if (Environment.UserName == "root")
                {
                    Run("chattr", "-i", file);
                }
                else
                {
                    Run("chmod", "644", file);
                }
            }

            return ValueTask.CompletedTask;
        }

        private static void Run(string tool, string flag, string file)
        {
            using var process = Process.Start(tool, [flag, file]);
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{tool} {flag} {file} failed: the read-only fault needs the immutable attribute when the tests run as root.");
        }
    }
}
