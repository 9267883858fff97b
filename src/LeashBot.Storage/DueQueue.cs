using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LeashBot.Storage;

/// <summary>One entry of a <see cref="IDueQueue"/>, claimed by one worker until its lease ends.</summary>
/// <param name="Key">The record the entry is about.</param>
/// <param name="Version">The record's version when the entry was made; an entry older than its record is stale.</param>
/// <param name="Due">When the entry came due.</param>
/// <param name="Receipt">What proves this claim (a later claim of the same entry has another).</param>
/// <param name="Attempt">How many times the entry was retried before.</param>
/// <param name="Record">
/// The record as it was when the entry was made, where the queue keeps it (Blob): the entry's work can then start
/// without reading it, its first write conditional on the kept eTag (a changed record fails that write and is read).
/// </param>
public sealed record DueItem(string Key, long Version, DateTimeOffset Due, string Receipt, int Attempt, KeptRecord? Record = null);

/// <summary>A record's text and eTag as a due entry keeps them.</summary>
public sealed record KeptRecord(string Json, string ETag);

/// <summary>
/// Work that comes due at a moment, shared by every instance: an entry is handed to one worker at a time for a lease;
/// a worker that dies mid-way loses the lease and the entry comes back to someone else. Nothing is held in memory.
/// </summary>
public interface IDueQueue
{
    /// <summary>Puts an entry for <paramref name="key"/> due at <paramref name="due"/>.</summary>
    Task ScheduleAsync(string key, long version, DateTimeOffset due, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="max"/> entries due by <paramref name="now"/>, each for <paramref name="lease"/>.</summary>
    Task<IReadOnlyList<DueItem>> ClaimAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Gives a claimed entry back, to come due again at <paramref name="at"/> with its attempt counted.</summary>
    Task RetryAsync(DueItem item, DateTimeOffset at, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Removes a claimed entry (nothing happens when it was claimed again or replaced since).</summary>
    Task DoneAsync(DueItem item, CancellationToken cancellationToken);

    /// <summary>
    /// Turns a claimed entry into the record's next one, due at <paramref name="due"/>, in one step: done and scheduled
    /// again at once (nothing happens when it was claimed again or replaced since: whoever holds it now moves it on).
    /// </summary>
    Task RescheduleAsync(DueItem item, long version, DateTimeOffset due, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="ScheduleAsync(string, long, DateTimeOffset, DateTimeOffset, CancellationToken)"/>, keeping the record as
    /// written with the entry where the queue can (<see cref="DueItem.Record"/>); other queues drop it.
    /// </summary>
    Task ScheduleAsync(string key, long version, DateTimeOffset due, KeptRecord? record, DateTimeOffset now, CancellationToken cancellationToken) =>
        ScheduleAsync(key, version, due, now, cancellationToken);

    /// <summary><see cref="RescheduleAsync(DueItem, long, DateTimeOffset, DateTimeOffset, CancellationToken)"/>, keeping the record where the queue can.</summary>
    Task RescheduleAsync(DueItem item, long version, DateTimeOffset due, KeptRecord? record, DateTimeOffset now, CancellationToken cancellationToken) =>
        RescheduleAsync(item, version, due, now, cancellationToken);
}

/// <summary>
/// The due queue in a table of the SQLite file (the embedded default); every process on the file shares it. Entries
/// done or moved on at about the same time go together in one transaction (<see cref="GroupCommit{TChange, TResult}"/>).
/// </summary>
public sealed class SqliteDueQueue : IDueQueue
{
    private readonly SqliteConnections _connections;
    private readonly GroupCommit<(DueItem Item, long Version, DateTimeOffset? Due), bool> _together;
    private int _created;

    public SqliteDueQueue(string path)
    {
        _together = new(FinishTogetherAsync);
        _connections = new SqliteConnections(path, TimeSpan.FromSeconds(10), secureDelete: false);
    }

    public async Task ScheduleAsync(string key, long version, DateTimeOffset due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO due_queue (key, version, due, visible, receipt, attempt) VALUES ($key, $version, $due, $due, '', 0) " +
            "ON CONFLICT(key) DO UPDATE SET version = excluded.version, due = excluded.due, visible = excluded.visible, receipt = '', attempt = 0";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$version", version);
        command.Parameters.AddWithValue("$due", due.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DueItem>> ClaimAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE due_queue SET visible = $until, receipt = $token || '-' || rowid " +
            "WHERE key IN (SELECT key FROM due_queue WHERE visible <= $now ORDER BY visible LIMIT $max) " +
            "RETURNING key, version, due, receipt, attempt";
        command.Parameters.AddWithValue("$until", (now + lease).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$max", max);
        command.Parameters.AddWithValue("$token", Guid.NewGuid().ToString("N"));
        var items = new List<DueItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new DueItem(reader.GetString(0), reader.GetInt64(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), reader.GetString(3), reader.GetInt32(4)));
        }

        return items;
    }

    public async Task RetryAsync(DueItem item, DateTimeOffset at, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE due_queue SET visible = $at, receipt = '', attempt = attempt + 1 WHERE key = $key AND receipt = $receipt";
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$key", item.Key);
        command.Parameters.AddWithValue("$receipt", item.Receipt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task DoneAsync(DueItem item, CancellationToken cancellationToken) => _together.WriteAsync((item, item.Version, null));

    public Task RescheduleAsync(DueItem item, long version, DateTimeOffset due, DateTimeOffset now, CancellationToken cancellationToken) =>
        _together.WriteAsync((item, version, due));

    /// <summary>Entries done (no next due) or moved on to their next due, in one transaction; each only if still claimed by that receipt.</summary>
    private async Task<IReadOnlyList<bool>> FinishTogetherAsync(IReadOnlyList<(DueItem Item, long Version, DateTimeOffset? Due)> changes)
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var results = new bool[changes.Count];
        for (var i = 0; i < changes.Count; i++)
        {
            var (item, version, due) = changes[i];
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = due is null
                ? "DELETE FROM due_queue WHERE key = $key AND receipt = $receipt"
                : "UPDATE due_queue SET version = $version, due = $due, visible = $due, receipt = '', attempt = 0 WHERE key = $key AND receipt = $receipt";
            command.Parameters.AddWithValue("$key", item.Key);
            command.Parameters.AddWithValue("$receipt", item.Receipt);
            command.Parameters.AddWithValue("$version", version);
            command.Parameters.AddWithValue("$due", due?.ToUnixTimeMilliseconds() ?? 0);
            results[i] = await command.ExecuteNonQueryAsync() == 1;
        }

        await transaction.CommitAsync();
        return results;
    }

    /// <summary>How many entries the table holds (for tests and the benchmark).</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM due_queue";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _connections.OpenAsync(cancellationToken);
        if (Interlocked.CompareExchange(ref _created, 1, 0) == 0)
        {
            await using var command = connection.CreateCommand();
            command.CommandText =
                "CREATE TABLE IF NOT EXISTS due_queue (key TEXT PRIMARY KEY, version INTEGER NOT NULL, due INTEGER NOT NULL, " +
                "visible INTEGER NOT NULL, receipt TEXT NOT NULL, attempt INTEGER NOT NULL); " +
                "CREATE INDEX IF NOT EXISTS due_queue_visible ON due_queue (visible);";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return connection;
    }
}

/// <summary>The due queue in memory (the Memory store, for tests and benchmarks: lost with the process).</summary>
public sealed class MemoryDueQueue : IDueQueue
{
    private readonly Dictionary<string, (long Version, DateTimeOffset Due, DateTimeOffset Visible, string Receipt, int Attempt)> _entries = [];
    private long _claims;

    public Task ScheduleAsync(string key, long version, DateTimeOffset due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_entries)
        {
            _entries[key] = (version, due, due, "", 0);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DueItem>> ClaimAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        lock (_entries)
        {
            var items = new List<DueItem>();
            foreach (var (key, entry) in _entries.Where(e => e.Value.Visible <= now).OrderBy(e => e.Value.Visible).Take(max).ToList())
            {
                var receipt = (++_claims).ToString(CultureInfo.InvariantCulture);
                _entries[key] = entry with { Visible = now + lease, Receipt = receipt };
                items.Add(new DueItem(key, entry.Version, entry.Due, receipt, entry.Attempt));
            }

            return Task.FromResult<IReadOnlyList<DueItem>>(items);
        }
    }

    public Task RetryAsync(DueItem item, DateTimeOffset at, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_entries)
        {
            if (_entries.TryGetValue(item.Key, out var entry) && entry.Receipt == item.Receipt)
            {
                _entries[item.Key] = entry with { Visible = at, Receipt = "", Attempt = entry.Attempt + 1 };
            }
        }

        return Task.CompletedTask;
    }

    public Task DoneAsync(DueItem item, CancellationToken cancellationToken)
    {
        lock (_entries)
        {
            if (_entries.TryGetValue(item.Key, out var entry) && entry.Receipt == item.Receipt)
            {
                _entries.Remove(item.Key);
            }
        }

        return Task.CompletedTask;
    }

    public Task RescheduleAsync(DueItem item, long version, DateTimeOffset due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_entries)
        {
            if (_entries.TryGetValue(item.Key, out var entry) && entry.Receipt == item.Receipt)
            {
                _entries[item.Key] = (version, due, due, "", 0);
            }
        }

        return Task.CompletedTask;
    }
}
