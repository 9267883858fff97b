using System.Text;
using LeashBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Storage;

/// <summary>
/// The same behaviour from every store: Memory, SQLite on a real temp file, Blob on a real Azurite. One class per store,
/// so that only the Blob class needs Azurite.
/// </summary>
public abstract class StorageContract : IDisposable
{
    private readonly List<JsonStorage> _stores = [];

    protected string Folder { get; } = Directory.CreateTempSubdirectory("leashbot-storage-").FullName;

    /// <summary>A new, empty store of the kind under test.</summary>
    protected abstract JsonStorage NewStore();

    private JsonStorage Create()
    {
        var store = NewStore();
        _stores.Add(store);
        return store;
    }

    [SkippableFact]
    public async Task Round_trip_returns_a_JObject_with_Int64_numbers_and_an_eTag()
    {
        var store = Create();
        var state = new Dictionary<string, object> { ["cat"] = new { name = "Milo", step = 3, sessions = new[] { 10, 12 } }, ["when"] = "2026-11-24T10:00:00+01:00" };
        await store.WriteAsync(new Dictionary<string, object> { ["test/users/u1"] = state });

        var read = (JObject)(await store.ReadAsync(["test/users/u1", "test/users/missing"]))["test/users/u1"];
        Assert.Equal("Milo", (string?)read["cat"]!["name"]);
        Assert.Equal(JTokenType.Integer, read["cat"]!["step"]!.Type);
        Assert.IsType<long>(((JValue)read["cat"]!["step"]!).Value);
        Assert.Equal("2026-11-24T10:00:00+01:00", (string?)read["when"]);
        Assert.False(string.IsNullOrEmpty((string?)read[JsonStorage.ETagProperty]));
        Assert.Equal((string?)read[JsonStorage.ETagProperty], (string)state[JsonStorage.ETagProperty]);
        Assert.Null(read["$type"]);
    }

    [SkippableFact]
    public async Task A_write_with_a_stale_eTag_is_refused()
    {
        var store = Create();
        await store.WriteAsync(new Dictionary<string, object> { ["k"] = new JObject { ["n"] = 1 } });
        var first = (JObject)(await store.ReadAsync(["k"]))["k"];
        var second = (JObject)(await store.ReadAsync(["k"]))["k"];

        first["n"] = 2;
        await store.WriteAsync(new Dictionary<string, object> { ["k"] = first });
        second["n"] = 3;
        var ex = await Assert.ThrowsAsync<StorageConflictException>(() => store.WriteAsync(new Dictionary<string, object> { ["k"] = second }));
        Assert.Equal("k", ex.Key);

        Assert.Equal(2L, (long)((JObject)(await store.ReadAsync(["k"]))["k"])["n"]!);

        // "*" overwrites whatever is there.
        second[JsonStorage.ETagProperty] = "*";
        await store.WriteAsync(new Dictionary<string, object> { ["k"] = second });
        Assert.Equal(3L, (long)((JObject)(await store.ReadAsync(["k"]))["k"])["n"]!);
    }

    [SkippableFact]
    public async Task A_write_without_eTag_only_creates()
    {
        var store = Create();
        await store.WriteAsync(new Dictionary<string, object> { ["k"] = new JObject { ["n"] = 1 } });
        await Assert.ThrowsAsync<StorageConflictException>(() => store.WriteAsync(new Dictionary<string, object> { ["k"] = new JObject { ["n"] = 2 } }));
        await store.DeleteAsync(["k"]);
        Assert.Empty(await store.ReadAsync(["k"]));
    }

    [SkippableFact]
    public async Task BotState_refuses_a_stale_save()
    {
        // Two turns of one conversation load the same state; the second to save must not overwrite the first.
        var store = Create();
        var state = new ConversationState(store);
        var counter = state.CreateProperty<int>("count");
        var (first, second) = (NewContext(), NewContext());
        await state.LoadAsync(first);
        await state.LoadAsync(second);

        await counter.SetAsync(first, 1);
        await state.SaveChangesAsync(first);
        await counter.SetAsync(second, 1);
        await Assert.ThrowsAsync<StorageConflictException>(() => state.SaveChangesAsync(second));

        // After a forced reload the write goes through, and a second save in the same turn is not a conflict.
        await state.LoadAsync(second, force: true);
        await counter.SetAsync(second, await counter.GetAsync(second, () => 0) + 1);
        await state.SaveChangesAsync(second);
        await counter.SetAsync(second, 5);
        await state.SaveChangesAsync(second);

        var third = NewContext();
        await state.LoadAsync(third);
        Assert.Equal(5, await counter.GetAsync(third, () => 0));
    }

    [SkippableFact]
    public async Task Nasty_ids_are_stored_and_kept_apart()
    {
        var store = Create();
        string[] keys =
        [
            "msteams/conversations/a:1/b/../c?x=1#frag",
            "msteams/conversations/a:1/b/../c?x=1#frag2",
            "sms/users/+1 (555) 010-0000",
            "webchat/conversations/ÄÖÜ-猫-🐈‍⬛-\u0000-\\",
            "test/users/" + new string('x', 5000),
            "test/users/" + new string('x', 5000) + "y",
            "test/conversations/%2F%2e%2e",
            "Test/Users/CASE",
            "test/users/case",
        ];
        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            await store.WriteAsync(new Dictionary<string, object> { [key] = new JObject { ["i"] = i } });
        }

        var read = await store.ReadAsync(keys);
        Assert.Equal(keys.Length, read.Count);
        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            Assert.Equal(i, (long)((JObject)read[key])["i"]!);
        }
    }

    [SkippableFact]
    public async Task A_corrupt_record_is_reported_for_its_key_only_and_can_be_replaced()
    {
        var store = Create();
        await store.WriteAsync(new Dictionary<string, object> { ["good"] = new JObject { ["n"] = 1 } });
        await store.WriteTextAsync("bad", "{\"dialogStack\": [", "*");

        Assert.Single(await store.ReadAsync(["good"]));
        var ex = await Assert.ThrowsAsync<StorageCorruptRecordException>(() => store.ReadAsync(["bad"]));
        Assert.Equal("bad", ex.Key);

        await store.ReplaceCorruptRecordAsync(ex.Key, ex.ETag);
        var fresh = (JObject)(await store.ReadAsync(["bad"]))["bad"];
        Assert.Equal([JsonStorage.ETagProperty], fresh.Properties().Select(p => p.Name));
    }

    [SkippableFact]
    public async Task Forget_deletes_a_record_and_its_quarantined_copies_and_nothing_else()
    {
        var store = Create();
        var key = "webchat/users/owner-1";
        foreach (var other in new[] { key, "webchat/users/owner-10", "webchat/users/owner-1x", "webchat/conversations/owner-1" })
        {
            await store.WriteAsync(new Dictionary<string, object> { [other] = new JObject { ["cat"] = "Milo" } });
        }

        // Two corrupt versions, each quarantined as {key}#corrupt-{ticks}.
        for (var i = 0; i < 2; i++)
        {
            await store.WriteTextAsync(key, "{\"cats\": [\"Milo\"", "*");
            var corrupt = await Assert.ThrowsAsync<StorageCorruptRecordException>(() => store.ReadAsync([key]));
            await store.ReplaceCorruptRecordAsync(corrupt.Key, corrupt.ETag);
            await Task.Delay(5);
        }

        await store.WriteTextAsync("webchat/users/owner-10#corrupt-1", "{\"quarantinedFrom\":\"webchat/users/owner-10\",\"raw\":\"Milo\"}", "*");
        await store.ForgetAsync([key]);

        Assert.Empty(await store.ReadAsync([key]));
        Assert.Equal(3, (await store.ReadAsync(["webchat/users/owner-10", "webchat/users/owner-1x", "webchat/conversations/owner-1"])).Count);
        Assert.Single(await store.ReadAsync(["webchat/users/owner-10#corrupt-1"]));
        Assert.Equal(0, await QuarantinedCopiesAsync(store, key));
    }

    /// <summary>How many quarantined copies of <paramref name="key"/> the store still holds, found as support would find them.</summary>
    protected abstract Task<int> QuarantinedCopiesAsync(JsonStorage store, string key);

    [SkippableFact]
    public async Task StoredBytes_reports_the_size_of_a_record()
    {
        var store = Create();
        var value = new JObject { ["name"] = "Mílo" };
        await store.WriteAsync(new Dictionary<string, object> { ["k"] = value });
        Assert.Equal(Encoding.UTF8.GetByteCount("{\"name\":\"Mílo\"}"), await store.StoredBytesAsync("k"));
        Assert.Null(await store.StoredBytesAsync("missing"));
    }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static TurnContext NewContext() => new(new TestAdapter(), new Activity
    {
        Type = ActivityTypes.Message,
        ChannelId = "test",
        Conversation = new ConversationAccount { Id = "conv-1" },
        From = new ChannelAccount { Id = "user-1" },
        Recipient = new ChannelAccount { Id = "bot" },
    });
}

public sealed class MemoryStorageContractTests : StorageContract
{
    protected override JsonStorage NewStore() => new MemoryJsonStorage();

    // The in-memory store can't be listed from outside (and keeps nothing past a process); the listing check runs on SQLite and Blob.
    protected override Task<int> QuarantinedCopiesAsync(JsonStorage store, string key) => Task.FromResult(0);
}

public sealed class SqliteStorageContractTests : StorageContract
{
    protected override JsonStorage NewStore() => new SqliteStorage(Path.Combine(Folder, "state.db"));

    protected override async Task<int> QuarantinedCopiesAsync(JsonStorage store, string key)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={((SqliteStorage)store).Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM state WHERE key LIKE $pattern";
        command.Parameters.AddWithValue("$pattern", key + "#corrupt-%");
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class BlobStorageContractTests(AzuriteFixture azurite) : StorageContract, IClassFixture<AzuriteFixture>
{
    protected override JsonStorage NewStore() => new BlobStorage(azurite.ConnectionString, _container);

    private readonly string _container = "c" + Guid.NewGuid().ToString("N");

    protected override async Task<int> QuarantinedCopiesAsync(JsonStorage store, string key)
    {
        var container = new Azure.Storage.Blobs.BlobContainerClient(azurite.ConnectionString, _container);
        var count = 0;
        await foreach (var blob in container.GetBlobsAsync())
        {
            var text = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString();
            count += text.Contains($"\"quarantinedFrom\":\"{key}\"", StringComparison.Ordinal) ? 1 : 0;
        }

        return count;
    }

    [SkippableFact]
    public void Blob_names_are_short_readable_and_distinct()
    {
        var name = BlobStorage.BlobName("msteams/conversations/19:abc@thread.v2;messageid=1");
        Assert.StartsWith("msteams_conversations_19_abc_thread.v2_messageid_1~", name);
        Assert.EndsWith(".json", name);
        Assert.True(BlobStorage.BlobName("test/users/" + new string('é', 10_000)).Length < 140);
        Assert.NotEqual(BlobStorage.BlobName("a/b"), BlobStorage.BlobName("a_b"));
    }
}
