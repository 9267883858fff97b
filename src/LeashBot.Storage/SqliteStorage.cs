using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace LeashBot.Storage;

/// <summary>
/// State in one SQLite file: table <c>state(key, json, etag, updated_utc)</c>. The file and table are created on
/// first use (not at start-up, so an unwritable file degrades the bot instead of stopping it), in WAL mode so
/// readers do not block the writer. Every statement is parameterized; a batch of writes is one transaction, so
/// several hosts can share the file and conditional writes stay atomic.
/// </summary>
public sealed class SqliteStorage : JsonStorage
{
    private readonly SqliteConnections _connections;
    private readonly SemaphoreSlim _initGate = new(1, 1);

    // SQLite has one writer at a time. Without this gate, this host's concurrent turns meet each other's write lock
    // as SQLITE_BUSY, and Microsoft.Data.Sqlite retries after sleeping (150 ms), which showed as p99 latencies of
    // hundreds of milliseconds under load. Queuing them here costs nothing; other processes are still handled by
    // the busy timeout.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ILogger? _logger;
    private volatile bool _initialized;

    public SqliteStorage(string path, StorageHealth? health = null, ILogger<SqliteStorage>? logger = null, TimeProvider? time = null)
        : base(StorageOptions.SqliteProvider, health, time)
    {
        _logger = logger;
        _connections = new SqliteConnections(path, TimeSpan.FromSeconds(5), secureDelete: true);
    }

    public string Path => _connections.Path!;

    /// <summary>A batch of writes is one transaction.</summary>
    public override bool WritesBatchesAtomically => true;

    protected override async Task<(string Json, string ETag)?> ReadRecordAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json, etag FROM state WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return (reader.GetString(0), reader.GetString(1));
    }

    protected override async Task<IReadOnlyList<string>> WriteRecordsAsync(IReadOnlyList<RecordWrite> writes, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            return await WriteRecordsLockedAsync(writes, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<IReadOnlyList<string>> WriteRecordsLockedAsync(IReadOnlyList<RecordWrite> writes, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);

        // BEGIN IMMEDIATE takes the write lock up front, so the conditions and the writes see one consistent file.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var eTags = new string[writes.Count];
        var now = Time.GetUtcNow().UtcDateTime.ToString("O");
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            eTags[i] = NewETag();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = write.IfMatch switch
            {
                null => "INSERT INTO state (key, json, etag, updated_utc) VALUES ($key, $json, $etag, $now) ON CONFLICT (key) DO NOTHING",
                "*" => "INSERT INTO state (key, json, etag, updated_utc) VALUES ($key, $json, $etag, $now) " +
                       "ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, updated_utc = excluded.updated_utc",
                _ => "UPDATE state SET json = $json, etag = $etag, updated_utc = $now WHERE key = $key AND etag = $ifMatch",
            };
            command.Parameters.AddWithValue("$key", write.Key);
            command.Parameters.AddWithValue("$json", write.Json);
            command.Parameters.AddWithValue("$etag", eTags[i]);
            command.Parameters.AddWithValue("$now", now);
            command.Parameters.AddWithValue("$ifMatch", (object?)write.IfMatch ?? DBNull.Value);
            if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                throw new StorageConflictException(write.Key);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return eTags;
    }

    protected override async Task DeleteRecordAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM state WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// One transaction deletes the records and their quarantined copies; <c>secure_delete</c> (on for every connection)
    /// has SQLite zero the freed bytes, and a truncating checkpoint then moves the pages into the database file and
    /// empties the write-ahead log, whose older page images would otherwise still hold the text.
    /// </summary>
    protected override async Task ForgetRecordsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using (var transaction = connection.BeginTransaction(deferred: false))
            {
                foreach (var key in keys)
                {
                    await using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = "DELETE FROM state WHERE key = $key OR (substr(key, 1, length($copies)) = $copies AND length(key) > length($copies))";
                    command.Parameters.AddWithValue("$key", key);
                    command.Parameters.AddWithValue("$copies", key + RecordQuarantine.Mark);
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await using var reader = await checkpoint.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken) && reader.GetInt32(0) != 0)
            {
                // Another process is reading an older snapshot: the log is emptied at the next checkpoint it allows.
                _logger?.LogWarning("The SQLite write-ahead log could not be emptied after forgetting an owner (another reader was busy); it will be at the next checkpoint");
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    protected override async Task<int> DeleteIdleRecordsAsync(string kind, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();

            // Keys are {channel}/{kind}/{id} and channel ids hold no '/' (the activity endpoint refuses them), so the kind is
            // what follows the first '/'. Quarantined copies ({key}#corrupt-...) go with their kind. updated_utc is
            // ISO 8601 UTC text, so text order is time order.
            command.CommandText = "DELETE FROM state WHERE substr(key, instr(key, '/') + 1, length($prefix)) = $prefix AND updated_utc < $cutoff";
            command.Parameters.AddWithValue("$prefix", kind + "/");
            command.Parameters.AddWithValue("$cutoff", cutoff.UtcDateTime.ToString("O"));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    protected internal override bool IsServiceFailure(Exception exception) =>
        exception is SqliteException or IOException or UnauthorizedAccessException;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connections.Reset();
            _initGate.Dispose();
            _writeGate.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// After any failure the pooled connections are dropped and the file is set up again on next use: a connection
    /// opened while the file was read-only stays read-only for as long as the pool keeps it, so without this, writes
    /// would go on failing for minutes after the disk came back.
    /// </summary>
    protected internal override void OnServiceFailure()
    {
        _connections.Reset();
        _initialized = false;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_initialized && !File.Exists(Path))
        {
            // The file was deleted while the host runs. Pooled connections would go on writing to the deleted file,
            // and every later turn would be lost silently: start a new file instead, and say so.
            _logger?.LogError("The SQLite database file {Path} disappeared; creating a new, empty one. Saved progress from before is gone unless restored from a backup", Path);
            OnServiceFailure();
        }

        if (!_initialized)
        {
            await InitializeAsync(cancellationToken);
        }

        return await _connections.OpenAsync(cancellationToken);
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initGate.WaitAsync(cancellationToken);
        try
        {
            if (_initialized)
            {
                return;
            }

            await using var connection = await _connections.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText =
                "CREATE TABLE IF NOT EXISTS state (" +
                " key TEXT NOT NULL PRIMARY KEY," +
                " json TEXT NOT NULL," +
                " etag TEXT NOT NULL," +
                " updated_utc TEXT NOT NULL" +
                ") WITHOUT ROWID;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            _initialized = true;
        }
        finally
        {
            _initGate.Release();
        }
    }
}
