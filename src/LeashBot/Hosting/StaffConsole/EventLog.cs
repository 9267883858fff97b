using System.Collections.Concurrent;
using LeashBot.State;
using LeashBot.Storage;
using Microsoft.Data.Sqlite;

namespace LeashBot.Hosting.StaffConsole;

/// <summary>
/// The console's event log in SQLite: a file of its own beside the state (or in memory with the memory store). Counts
/// come from events that hold ids and kinds only; the owner's words sit in their own table so retention and "forget me"
/// remove them outright (<c>secure_delete</c> zeroes the freed bytes, a checkpoint empties the write-ahead log).
/// <para>
/// Turns never write here themselves: they queue their records (<see cref="Queue"/>), and one background writer
/// writes whatever has queued up in one transaction per batch. This process then uses the database one connection at a
/// time (the writer, a console query, the retention sweep), so its own writers never meet each other's lock: SQLite
/// would answer SQLITE_BUSY and Microsoft.Data.Sqlite retries by putting the thread to sleep for 150 ms, which is what
/// made 1–5 % of turns under load wait about 300 ms. Queries and the sweep first write what is queued, so the console
/// always sees every turn that has completed. If the writer falls behind by <see cref="MaxPending"/> turns, further
/// turns are not logged (counted in <see cref="Dropped"/> and warned about) rather than held in memory without bound.
/// </para>
/// </summary>
public sealed partial class EventLog : IEventLog, IDisposable
{
    /// <summary>Turns that may wait for the writer before further turns go unlogged.</summary>
    public const int DefaultMaxPending = 20_000;

    /// <summary>Turns written in one transaction at most.</summary>
    private const int BatchSize = 500;

    /// <summary>How long the writer lets a batch gather after the first turn of it was queued.</summary>
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(25);

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, site TEXT NOT NULL, channel TEXT NOT NULL,
          conversation TEXT NOT NULL, owner TEXT NOT NULL, kind TEXT NOT NULL, topic TEXT, fallback TEXT, tier TEXT, signs TEXT,
          systems TEXT, helped INTEGER);
        CREATE INDEX IF NOT EXISTS events_site_at ON events(site, at);
        CREATE INDEX IF NOT EXISTS events_owner ON events(owner);
        CREATE TABLE IF NOT EXISTS texts (id INTEGER PRIMARY KEY, event_id INTEGER NOT NULL, at INTEGER NOT NULL, owner TEXT NOT NULL,
          role TEXT NOT NULL, text TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS texts_event ON texts(event_id);
        CREATE TABLE IF NOT EXISTS conversations (id TEXT PRIMARY KEY, site TEXT NOT NULL, channel TEXT NOT NULL, owner TEXT NOT NULL, started INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS cats (owner TEXT NOT NULL, cat TEXT NOT NULL, site TEXT NOT NULL, first_at INTEGER NOT NULL, PRIMARY KEY (owner, cat));
        CREATE TABLE IF NOT EXISTS steps (owner TEXT NOT NULL, cat TEXT NOT NULL, step INTEGER NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (owner, cat, step));
        CREATE TABLE IF NOT EXISTS followups (event_id INTEGER PRIMARY KEY, by TEXT NOT NULL, at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS labels (id INTEGER PRIMARY KEY, site TEXT NOT NULL, text TEXT NOT NULL, topic TEXT NOT NULL, by TEXT NOT NULL, at INTEGER NOT NULL);
        """;

    private readonly SqliteConnections _connections;
    private readonly ILogger? _logger;

    // What turns have queued, in order: LoggedTurn, KeptAfter and Forget items. Only the holder of _database takes from it.
    private readonly ConcurrentQueue<object> _pending = new();
    private readonly Lock _database = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Thread _writer;
    private int _wakeRequested;
    private int _pendingTurns;
    private long _dropped;
    private volatile bool _stopping;
    private bool _disposed;

    /// <param name="path">A SQLite file, or null for a database in memory (gone with the host, like the memory store).</param>
    /// <param name="logger">Where a failed write is reported (it never fails a turn).</param>
    /// <param name="maxPending">Turns that may wait for the writer; see <see cref="DefaultMaxPending"/>.</param>
    public EventLog(string? path, ILogger<EventLog>? logger = null, int maxPending = DefaultMaxPending)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPending, 1);
        _logger = logger;
        MaxPending = maxPending;
        _connections = new SqliteConnections(path, TimeSpan.FromSeconds(5), secureDelete: true);
        using (var connection = Open())
        {
            Execute(connection, Schema);
        }

        // A thread of its own: waiting for SQLite (another process's lock, a slow disk) never takes a thread the turns need.
        _writer = new Thread(WriteInBackground) { IsBackground = true, Name = "Console event log writer" };
        _writer.Start();
    }

    /// <summary>Turns that may wait for the writer before further turns go unlogged.</summary>
    public int MaxPending { get; }

    /// <summary>Turns queued and not yet written.</summary>
    public int Pending => Volatile.Read(ref _pendingTurns);

    /// <summary>Turns never logged because the writer was <see cref="MaxPending"/> turns behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public LoggedTurn Queue(TurnRecord turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var logged = new LoggedTurn(turn);
        if (Interlocked.Increment(ref _pendingTurns) > MaxPending)
        {
            Interlocked.Decrement(ref _pendingTurns);
            if (Interlocked.Increment(ref _dropped) % 1000 == 1)
            {
                _logger?.LogWarning("The console's event log is {Pending} turns behind; turns are not logged until it catches up ({Dropped} so far)", MaxPending, Dropped);
            }

            return logged;
        }

        Enqueue(logged);
        return logged;
    }

    public void QueueKeptAfter(LoggedTurn redFlagTurn, string owner, DateTimeOffset at, string text)
    {
        ArgumentNullException.ThrowIfNull(redFlagTurn);
        Enqueue(new KeptAfter(redFlagTurn, owner, at.ToUnixTimeMilliseconds(), text));
    }

    public Task ForgetOwnerAsync(string owner, CancellationToken cancellationToken)
    {
        var forget = new Forget(owner);
        Enqueue(forget);
        return forget.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Writes what is queued, then stops the writer. Whatever is queued later is written by the next query, if any.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stopping = true;
        _wake.Release();
        _writer.Join(TimeSpan.FromSeconds(30));
        lock (_database)
        {
            WritePending();
        }

        _connections.KeepAlive?.Dispose();
    }

    /// <summary>Deletes kept words older than <paramref name="textsBefore"/> and events older than <paramref name="eventsBefore"/>.</summary>
    public (int Texts, int Events) Sweep(DateTimeOffset textsBefore, DateTimeOffset eventsBefore) => WithDatabase(connection =>
    {
        var texts = Command(connection, null, "DELETE FROM texts WHERE at < $at", ("$at", textsBefore.ToUnixTimeMilliseconds())).ExecuteNonQuery();
        var events = Command(connection, null, "DELETE FROM events WHERE at < $at", ("$at", eventsBefore.ToUnixTimeMilliseconds())).ExecuteNonQuery();
        Command(connection, null, "DELETE FROM conversations WHERE started < $at", ("$at", eventsBefore.ToUnixTimeMilliseconds())).ExecuteNonQuery();
        Command(connection, null, "DELETE FROM texts WHERE event_id NOT IN (SELECT id FROM events)").ExecuteNonQuery();
        if (texts + events > 0)
        {
            Checkpoint(connection);
        }

        return (texts, events);
    });

    /// <summary>Marks a red flag as followed up by <paramref name="by"/>; false when there is no such red flag.</summary>
    public bool MarkFollowedUp(long eventId, string by, DateTimeOffset at, IReadOnlyCollection<string> sites) => WithDatabase(connection =>
    {
        var exists = Command(connection, null, $"SELECT COUNT(*) FROM events WHERE id = $id AND kind = 'redflag' AND site IN ({In(sites)})", [("$id", eventId), .. Params(sites)]).ExecuteScalar();
        if (Convert.ToInt64(exists, CultureInfo.InvariantCulture) == 0)
        {
            return false;
        }

        Command(connection, null, "INSERT OR REPLACE INTO followups (event_id, by, at) VALUES ($id, $by, $at)", ("$id", eventId), ("$by", by), ("$at", at.ToUnixTimeMilliseconds())).ExecuteNonQuery();
        return true;
    });

    public void AddLabel(string site, string text, string topic, string by, DateTimeOffset at) => WithDatabase(connection =>
        Command(connection, null, "INSERT INTO labels (site, text, topic, by, at) VALUES ($s, $t, $topic, $by, $at)",
            ("$s", site), ("$t", text), ("$topic", topic), ("$by", by), ("$at", at.ToUnixTimeMilliseconds())).ExecuteNonQuery());

    /// <summary>Rows of a query over the log, each as its column values, with every completed turn written; used by <see cref="ConsoleQueries"/>.</summary>
    internal List<object?[]> Rows(string sql, params (string Name, object? Value)[] parameters) => WithDatabase(connection =>
    {
        using var command = Command(connection, null, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    });

    /// <summary>Writes what is queued, then uses the database alone (this process's only connection to it meanwhile).</summary>
    private T WithDatabase<T>(Func<SqliteConnection, T> use)
    {
        lock (_database)
        {
            WritePending();
            using var connection = Open();
            return use(connection);
        }
    }

    private void Enqueue(object item)
    {
        _pending.Enqueue(item);
        if (Interlocked.Exchange(ref _wakeRequested, 1) == 0)
        {
            _wake.Release();
        }
    }

    private void WriteInBackground()
    {
        while (!_stopping)
        {
            _wake.Wait();

            // Turns that complete meanwhile join this batch: under load, one transaction carries many turns.
            if (!_stopping)
            {
                Thread.Sleep(BatchWindow);
            }

            Volatile.Write(ref _wakeRequested, 0);
            lock (_database)
            {
                WritePending();
            }
        }
    }

    /// <summary>Writes everything queued, in order: turns in batches of one transaction each, a forget on its own. The caller holds <see cref="_database"/>.</summary>
    private void WritePending()
    {
        var batch = new List<object>();
        while (!_pending.IsEmpty)
        {
            batch.Clear();
            while (batch.Count < BatchSize && _pending.TryPeek(out var next) && next is not Forget && _pending.TryDequeue(out next))
            {
                batch.Add(next);
            }

            if (batch.Count > 0)
            {
                WriteBatch(batch);
            }

            if (_pending.TryPeek(out var first) && first is Forget && _pending.TryDequeue(out first))
            {
                ForgetNow((Forget)first);
            }
        }
    }

    private void WriteBatch(List<object> batch)
    {
        var turns = batch.Count(b => b is LoggedTurn);
        try
        {
            using var connection = Open();
            using var tx = connection.BeginTransaction();
            using var rows = new BatchStatements(connection, tx);
            foreach (var item in batch)
            {
                switch (item)
                {
                    case LoggedTurn turn:
                        turn.RedFlagEventId = InsertTurn(rows, turn.Turn);
                        break;
                    case KeptAfter { RedFlag.RedFlagEventId: { } redFlag } after:
                        InsertText(rows, redFlag, after.Owner, after.At, KeptText.After, after.Text);
                        break;
                }
            }

            tx.Commit();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever went wrong (a full disk, a damaged file), it stays here: the writer goes on with the next batch.
            foreach (var turn in batch.OfType<LoggedTurn>())
            {
                turn.RedFlagEventId = null;
            }

            _logger?.LogWarning("The console's event log could not write {Turns} turns ({ExceptionType}); the turns themselves went through", turns, ex.GetType().Name);
        }
        finally
        {
            Interlocked.Add(ref _pendingTurns, -turns);
        }
    }

    private void ForgetNow(Forget forget)
    {
        try
        {
            using var connection = Open();
            using (var tx = connection.BeginTransaction())
            {
                foreach (var table in new[] { "texts", "events", "conversations", "cats", "steps" })
                {
                    Command(connection, tx, $"DELETE FROM {table} WHERE owner = $o", ("$o", forget.Owner)).ExecuteNonQuery();
                }

                Command(connection, tx, "DELETE FROM followups WHERE event_id NOT IN (SELECT id FROM events)").ExecuteNonQuery();
                tx.Commit();
            }

            Checkpoint(connection);
            forget.Done.TrySetResult();
        }
        catch (Exception ex)
        {
            forget.Done.TrySetException(ex);
        }
    }

    private SqliteConnection Open() => _connections.Open();

    /// <summary>A message after a red flag, queued to be kept with it.</summary>
    private sealed record KeptAfter(LoggedTurn RedFlag, string Owner, long At, string Text);

    /// <summary>A forget-me, queued behind the owner's turns so none of them is written after it.</summary>
    private sealed class Forget(string owner)
    {
        public string Owner { get; } = owner;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
