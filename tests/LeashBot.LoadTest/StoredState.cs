using Azure.Storage.Blobs;
using Microsoft.Data.Sqlite;

namespace LeashBot.LoadTest;

/// <summary>
/// What a run left in storage. Every simulated conversation has its own owner. LeashBot keeps a conversation's state
/// (the dialog stack and flags) inside its person's one record, under <c>conversations</c>; the echo bot keeps a
/// conversation record. <see cref="Conversations"/> counts both, and <see cref="BytesPerConversation"/> is all stored
/// JSON divided by it. <see cref="MaxConversationBytes"/> is the largest conversation's state alone: in the long mix it
/// shows whether a conversation's state stays flat (on Blob only for conversation records, whose size is listed without
/// reading them). Not available for the Memory store, which lives inside the host.
/// </summary>
internal sealed record StoredState(long Records, long Conversations, long JsonBytes, long? FileBytes, long? MaxConversationBytes)
{
    public double? BytesPerConversation => Conversations > 0 ? (double)JsonBytes / Conversations : null;

    public double? FileBytesPerConversation => Conversations > 0 && FileBytes is { } f ? (double)f / Conversations : null;

    /// <summary>Reads the SQLite file after the host has stopped (so the WAL is checkpointed and the file closed).</summary>
    public static async Task<StoredState> FromSqliteAsync(string path)
    {
        var fileBytes = new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT COUNT(*), " +
            "COALESCE(SUM(CASE WHEN key LIKE '%/conversations/%' THEN 1 ELSE (SELECT COUNT(*) FROM json_each(state.json, '$.conversations')) END), 0), " +
            "COALESCE(SUM(length(CAST(json AS BLOB))), 0), " +
            "MAX(CASE WHEN key LIKE '%/conversations/%' THEN length(CAST(json AS BLOB)) " +
            "ELSE (SELECT MAX(length(CAST(value AS BLOB))) FROM json_each(state.json, '$.conversations')) END) FROM state";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new StoredState(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), fileBytes, reader.IsDBNull(3) ? null : reader.GetInt64(3));
    }

    /// <summary>Lists the run's container: blob names start with a readable copy of the key ('/' as '_').</summary>
    public static async Task<StoredState> FromBlobAsync(string connectionString, string container)
    {
        var client = new BlobContainerClient(connectionString, container);
        long records = 0, conversations = 0, bytes = 0, largest = 0;
        await foreach (var blob in client.GetBlobsAsync(cancellationToken: CancellationToken.None))
        {
            records++;
            bytes += blob.Properties.ContentLength ?? 0;
            if (blob.Name.Contains("_conversations_", StringComparison.Ordinal))
            {
                conversations++;
                largest = Math.Max(largest, blob.Properties.ContentLength ?? 0);
            }
            else if (blob.Name.Contains("_users_", StringComparison.Ordinal))
            {
                conversations++; // one simulated owner, one conversation, kept in the owner's record
            }
        }

        return new StoredState(records, conversations, bytes, null, conversations > 0 ? largest : null);
    }
}
