using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using LeashBot.Storage;
using LeashBot.Tests.Support;

namespace LeashBot.Tests.Storage;

/// <summary>
/// "Forget me" leaves no byte of the owner's words in the store, through the real host: a cat's name and a message
/// the owner wrote are looked for, byte by byte, in the real SQLite files (the database, its write-ahead log and its
/// shared-memory file) and in every blob and snapshot of a real Azurite container. Before forgetting, both are there
/// (in the owner's record, older page images, and a quarantined copy of a corrupt record); afterwards, nowhere.
/// </summary>
public sealed class ForgetMeTests
{
    internal const string CatName = "Pumpernickel";
    internal const string Message = "chewed through the blue leash at the vet";

    [Fact]
    public async Task After_forget_me_no_byte_of_the_owners_words_is_in_the_SQLite_files()
    {
        var folder = TempFolder.Create();
        var db = Path.Combine(folder, "leashbot.db");
        using var host = BotHost.Create(new BotHostOptions { Storage = TestStorage.Sqlite, SqlitePath = db });
        var owner = await TrainAndQuarantineAsync(host);
        string[] files = [db, db + "-wal", db + "-shm"];
        Assert.True(Occurrences(files, CatName) > 0, "the cat's name should be in the files before forgetting");
        Assert.True(Occurrences(files, Message) > 0, "the message should be in the files before forgetting");

        await ForgetAsync(owner);

        Assert.Equal(0, Occurrences(files, CatName));
        Assert.Equal(0, Occurrences(files, Message));
        (await owner.SaysAsync("how is my cat doing")).DoesNotSay(CatName);
    }

    /// <summary>
    /// An owner with a cat and sessions, many turns long (older versions of the record pile up in SQLite's pages and
    /// log), whose record once went corrupt with their words in it and was quarantined as <c>key#corrupt-…</c>.
    /// </summary>
    internal static async Task<Owner> TrainAndQuarantineAsync(BotHost host)
    {
        var owner = host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync(CatName);
        var storage = (JsonStorage)host.Storage;
        var key = $"webchat/users/{owner.UserId}";
        await storage.WriteTextAsync(key, $"{{\"owner\": {{\"cats\": [{{\"name\": \"{CatName}\", \"note\": \"{Message}\"}}", "*");
        await owner.SaysAsync("hi");
        Assert.Contains(await QuarantineKeysAsync(host, key), k => k.StartsWith(key + RecordQuarantine.Mark, StringComparison.Ordinal));

        await owner.SaysAsync("start training");
        await owner.SaysAsync(CatName);
        foreach (var session in new[] { "we did 5 minutes, she was relaxed", "3 min today, a bit nervous", "10 minutes and she was happy", "we did 4 min", "relaxed" })
        {
            await owner.SaysAsync(session);
        }

        return owner;
    }

    internal static async Task ForgetAsync(Owner owner)
    {
        (await owner.SaysAsync("forget me")).Says("Are you sure");
        (await owner.SaysAsync("yes")).Says("deleted your profile");
    }

    private static async Task<List<string>> QuarantineKeysAsync(BotHost host, string key)
    {
        // The quarantined copy's key is the record's with a time after it; look for it the way support would.
        var found = new List<string>();
        if (host.Storage is SqliteStorage sqlite)
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={sqlite.Path}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT key FROM state";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                found.Add(reader.GetString(0));
            }
        }
        else
        {
            found.Add(key + RecordQuarantine.Mark); // Blob names are hashed; the blob check below covers it by content.
        }

        return found;
    }

    private static int Occurrences(IEnumerable<string> files, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        var count = 0;
        foreach (var file in files.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray().AsSpan();
            for (var at = bytes.IndexOf(needle); at >= 0; at = bytes[(at + 1)..].IndexOf(needle) is var next and >= 0 ? at + 1 + next : -1)
            {
                count++;
            }
        }

        return count;
    }
}

/// <summary>The same on a real Azurite container: every blob and every snapshot is read.</summary>
public sealed class BlobForgetMeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string CatName = ForgetMeTests.CatName;
    private const string Message = ForgetMeTests.Message;

    [SkippableFact]
    public async Task After_forget_me_no_blob_or_snapshot_in_the_container_holds_the_owners_words()
    {
        var containerName = "c" + Guid.NewGuid().ToString("N");
        using var host = BotHost.Create(new BotHostOptions { Storage = TestStorage.Blob, BlobConnectionString = azurite.ConnectionString, BlobContainer = containerName });
        var owner = await ForgetMeTests.TrainAndQuarantineAsync(host);
        var container = new BlobContainerClient(azurite.ConnectionString, containerName);

        // A snapshot of the owner's record, as a backup job would take one.
        await container.GetBlobClient(BlobStorage.BlobName($"webchat/users/{owner.UserId}")).CreateSnapshotAsync();
        Assert.True(await BlobOccurrencesAsync(container, CatName) >= 2, "the record and its snapshot should hold the cat's name");
        Assert.True(await BlobOccurrencesAsync(container, Message) > 0, "the quarantined copy should hold the message");

        await ForgetMeTests.ForgetAsync(owner);

        Assert.Equal(0, await BlobOccurrencesAsync(container, CatName));
        Assert.Equal(0, await BlobOccurrencesAsync(container, Message));
    }

    private static async Task<int> BlobOccurrencesAsync(BlobContainerClient container, string text)
    {
        var count = 0;
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { States = BlobStates.Snapshots | BlobStates.Uncommitted }))
        {
            var client = container.GetBlobClient(blob.Name);
            if (blob.Snapshot is not null)
            {
                client = client.WithSnapshot(blob.Snapshot);
            }

            var content = (await client.DownloadContentAsync()).Value.Content.ToString();
            count += content.Split(text).Length - 1;
        }

        return count;
    }
}
