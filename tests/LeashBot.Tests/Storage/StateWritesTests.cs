using System.Text;
using LeashBot.Storage;
using LeashBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;
using Xunit.Abstractions;

namespace LeashBot.Tests.Storage;

/// <summary>
/// What a turn writes, measured on the real bot and a real SQLite file: after each turn of a mixed conversation the
/// store's rows are compared with those before it (a row written = its eTag changed, or it appeared or went). Beside
/// it, in the same run, what the same turns would have written as two records (the owner's part and the
/// conversation's part, each written when it changed, as the store was laid out before).
/// </summary>
public sealed class StateWritesTests(ITestOutputHelper output)
{
    private static readonly string[] Day =
    [
        "hi", "how do i check the fit?", "we did 10 minutes today, he was relaxed", "my cat froze, what now?", "yes",
        "menu", "2", "which leash should i get?", "thanks!", "we did 15 minutes, he seemed a bit unsure", "how's Milo doing?", "bye",
    ];

    [Fact]
    public async Task A_turn_writes_at_most_one_record_and_no_conversation_record()
    {
        using var host = new BotHost();
        var storage = (JsonStorage)host.Storage;
        var path = ((SqliteStorage)storage).Path;
        var owner = host.NewOwner(userId: "writes-owner", conversationId: "writes-conv");
        string[] script = ["start training", "Milo", .. Day, .. Day, .. Day];

        var rows = await RowsAsync(path);
        var before = await StoredParts.ReadAsync(storage, "webchat", "writes-owner", "writes-conv");
        long writes = 0, bytes = 0, twoRecordWrites = 0, twoRecordBytes = 0, mostInOneTurn = 0;
        foreach (var text in script)
        {
            (await owner.SaysAsync(text)).DoesNotSay("something went wrong").DoesNotSay("can't save");
            var after = await RowsAsync(path);
            var written = after.Where(r => !rows.TryGetValue(r.Key, out var was) || was.ETag != r.Value.ETag).ToList();
            var gone = rows.Keys.Count(k => !after.ContainsKey(k));
            writes += written.Count + gone;
            bytes += written.Sum(r => r.Value.Bytes);
            mostInOneTurn = Math.Max(mostInOneTurn, written.Count + gone);
            rows = after;

            var parts = await StoredParts.ReadAsync(storage, "webchat", "writes-owner", "writes-conv");
            if (Json(parts.Owner) != Json(before.Owner))
            {
                twoRecordWrites++;
                twoRecordBytes += parts.OwnerBytes;
            }

            var state = Json(parts.Conversation?["state"]);
            if (state != Json(before.Conversation?["state"]))
            {
                twoRecordWrites++;
                twoRecordBytes += Encoding.UTF8.GetByteCount(state);
            }

            before = parts;
        }

        var turns = script.Length;
        output.WriteLine($"{turns} turns on SQLite: {writes} records written ({(double)writes / turns:0.00} a turn, at most {mostInOneTurn} in one), " +
                         $"{bytes} B ({(double)bytes / turns:0} B a turn); as two records the same turns would have been " +
                         $"{twoRecordWrites} writes ({(double)twoRecordWrites / turns:0.00} a turn), {twoRecordBytes} B ({(double)twoRecordBytes / turns:0} B a turn); " +
                         $"the record is {before.RecordBytes} B at the end (owner's part {before.OwnerBytes} B, conversation's part {before.ConversationBytes} B)");

        Assert.Equal(1, mostInOneTurn);
        Assert.All(rows.Keys, k => Assert.DoesNotContain("/conversations/", k, StringComparison.Ordinal));
        Assert.True(writes < twoRecordWrites, $"{writes} writes in one record against {twoRecordWrites} in two");
    }

    private static string Json(Newtonsoft.Json.Linq.JToken? token) => token?.ToString(Formatting.None) ?? "";

    private static async Task<Dictionary<string, (string ETag, long Bytes)>> RowsAsync(string path)
    {
        var rows = new Dictionary<string, (string, long)>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return rows;
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();

        // The store creates its table with its first operation; before that there are no rows.
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'state'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return rows;
        }

        command.CommandText = "SELECT key, etag, length(CAST(json AS BLOB)) FROM state";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = (reader.GetString(1), reader.GetInt64(2));
        }

        return rows;
    }
}
