using System.Globalization;
using LeashBot.State;
using Microsoft.Data.Sqlite;

namespace LeashBot.Hosting.StaffConsole;

/// <summary>Owner's words kept with an event: the message itself, or one before or after a red flag.</summary>
public sealed record KeptText(string Role, string Text)
{
    public const string Message = "message";
    public const string Before = "before";
    public const string After = "after";
}

/// <summary>One event of a turn with the words kept for it (none unless <see cref="ConsoleOptions.KeepMessages"/>).</summary>
public sealed record LoggedEvent(TurnEvent Event, IReadOnlyList<KeptText> Texts);

/// <summary>A cat's place in the plan after a turn, for the step funnel (the cat is a pseudonym, never its name).</summary>
public sealed record CatStep(string Cat, int Step, DateTimeOffset StepStarted);

/// <summary>
/// One completed message turn as the console logs it. <see cref="Owner"/> and <see cref="Conversation"/> are
/// pseudonyms (hashes of the stored keys), never a phone number or a channel's own id.
/// </summary>
public sealed record TurnRecord(DateTimeOffset At, string Site, string Channel, string Conversation, string Owner)
{
    public IReadOnlyList<LoggedEvent> Events { get; init; } = [];

    public IReadOnlyList<CatStep> Cats { get; init; } = [];
}

/// <summary>Where the turn's events go: the small interface the turn's recorder writes through.</summary>
public interface IEventLog
{
    /// <summary>Writes a turn; returns the id of its red-flag event, if it had one (later messages may be kept with it).</summary>
    Task<long?> WriteAsync(TurnRecord turn, CancellationToken cancellationToken);

    /// <summary>Keeps a message sent after a red flag with that red flag.</summary>
    Task KeepAfterAsync(long redFlagEventId, string owner, DateTimeOffset at, string text, CancellationToken cancellationToken);

    /// <summary>Removes everything about an owner: events, kept words, cats, conversations.</summary>
    Task ForgetOwnerAsync(string owner, CancellationToken cancellationToken);
}

/// <summary>
/// The console's event log in SQLite: a file of its own beside the state (or in memory with the memory store). Counts
/// come from events that hold ids and kinds only; the owner's words sit in their own table so retention and "forget me"
/// remove them outright (<c>secure_delete</c> zeroes the freed bytes, a checkpoint empties the write-ahead log).
/// </summary>
public sealed class EventLog : IEventLog, IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode=WAL;
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

    private readonly string _connectionString;
    private readonly SqliteConnection? _keepAlive;

    /// <param name="path">A SQLite file, or null for a database in memory (gone with the host, like the memory store).</param>
    public EventLog(string? path)
    {
        if (path is null)
        {
            _connectionString = $"Data Source=file:console-{Guid.NewGuid():N}?mode=memory&cache=shared";
            _keepAlive = new SqliteConnection(_connectionString);
            _keepAlive.Open();
        }
        else
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        }

        using var connection = Open();
        Execute(connection, Schema);
    }

    public void Dispose() => _keepAlive?.Dispose();

    public async Task<long?> WriteAsync(TurnRecord turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        await using var connection = Open();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var at = turn.At.ToUnixTimeMilliseconds();
        long? redFlag = null;

        Command(connection, tx, "INSERT OR IGNORE INTO conversations (id, site, channel, owner, started) VALUES ($c, $s, $ch, $o, $at)",
            ("$c", turn.Conversation), ("$s", turn.Site), ("$ch", turn.Channel), ("$o", turn.Owner), ("$at", at)).ExecuteNonQuery();

        InsertEvent(connection, tx, turn, at, MessageKind, null);
        foreach (var (e, texts) in turn.Events)
        {
            var id = InsertEvent(connection, tx, turn, at, KindName(e.Kind), e);
            if (e.Kind == TurnEventKind.RedFlag)
            {
                redFlag = id;
            }

            foreach (var text in texts)
            {
                InsertText(connection, tx, id, turn.Owner, at, text.Role, text.Text);
            }
        }

        foreach (var cat in turn.Cats)
        {
            Command(connection, tx, "INSERT OR IGNORE INTO cats (owner, cat, site, first_at) VALUES ($o, $c, $s, $at)",
                ("$o", turn.Owner), ("$c", cat.Cat), ("$s", turn.Site), ("$at", Math.Min(at, cat.StepStarted.ToUnixTimeMilliseconds()))).ExecuteNonQuery();
            Command(connection, tx, "INSERT OR IGNORE INTO steps (owner, cat, step, at) VALUES ($o, $c, $n, $at)",
                ("$o", turn.Owner), ("$c", cat.Cat), ("$n", cat.Step), ("$at", cat.Step == 1 ? Math.Min(at, cat.StepStarted.ToUnixTimeMilliseconds()) : cat.StepStarted.ToUnixTimeMilliseconds())).ExecuteNonQuery();
        }

        await tx.CommitAsync(cancellationToken);
        return redFlag;
    }

    public async Task KeepAfterAsync(long redFlagEventId, string owner, DateTimeOffset at, string text, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        InsertText(connection, null, redFlagEventId, owner, at.ToUnixTimeMilliseconds(), KeptText.After, text);
    }

    public async Task ForgetOwnerAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
        {
            foreach (var table in new[] { "texts", "events", "conversations", "cats", "steps" })
            {
                Command(connection, tx, $"DELETE FROM {table} WHERE owner = $o", ("$o", owner)).ExecuteNonQuery();
            }

            Command(connection, tx, "DELETE FROM followups WHERE event_id NOT IN (SELECT id FROM events)").ExecuteNonQuery();
            await tx.CommitAsync(cancellationToken);
        }

        Checkpoint(connection);
    }

    /// <summary>Deletes kept words older than <paramref name="textsBefore"/> and events older than <paramref name="eventsBefore"/>.</summary>
    public (int Texts, int Events) Sweep(DateTimeOffset textsBefore, DateTimeOffset eventsBefore)
    {
        using var connection = Open();
        var texts = Command(connection, null, "DELETE FROM texts WHERE at < $at", ("$at", textsBefore.ToUnixTimeMilliseconds())).ExecuteNonQuery();
        var events = Command(connection, null, "DELETE FROM events WHERE at < $at", ("$at", eventsBefore.ToUnixTimeMilliseconds())).ExecuteNonQuery();
        Command(connection, null, "DELETE FROM conversations WHERE started < $at", ("$at", eventsBefore.ToUnixTimeMilliseconds())).ExecuteNonQuery();
        Command(connection, null, "DELETE FROM texts WHERE event_id NOT IN (SELECT id FROM events)").ExecuteNonQuery();
        if (texts + events > 0)
        {
            Checkpoint(connection);
        }

        return (texts, events);
    }

    /// <summary>Marks a red flag as followed up by <paramref name="by"/>; false when there is no such red flag.</summary>
    public bool MarkFollowedUp(long eventId, string by, DateTimeOffset at, IReadOnlyCollection<string> sites)
    {
        using var connection = Open();
        var exists = Command(connection, null, $"SELECT COUNT(*) FROM events WHERE id = $id AND kind = 'redflag' AND site IN ({In(sites)})", [("$id", eventId), .. Params(sites)]).ExecuteScalar();
        if (Convert.ToInt64(exists, CultureInfo.InvariantCulture) == 0)
        {
            return false;
        }

        Command(connection, null, "INSERT OR REPLACE INTO followups (event_id, by, at) VALUES ($id, $by, $at)", ("$id", eventId), ("$by", by), ("$at", at.ToUnixTimeMilliseconds())).ExecuteNonQuery();
        return true;
    }

    public void AddLabel(string site, string text, string topic, string by, DateTimeOffset at)
    {
        using var connection = Open();
        Command(connection, null, "INSERT INTO labels (site, text, topic, by, at) VALUES ($s, $t, $topic, $by, $at)",
            ("$s", site), ("$t", text), ("$topic", topic), ("$by", by), ("$at", at.ToUnixTimeMilliseconds())).ExecuteNonQuery();
    }

    /// <summary>Rows of a query over the log, each as its column values; used by <see cref="ConsoleQueries"/>.</summary>
    internal List<object?[]> Rows(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
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
    }

    internal static string In(IReadOnlyCollection<string> values) => string.Join(", ", Enumerable.Range(0, values.Count).Select(i => "$in" + i));

    internal static (string, object?)[] Params(IReadOnlyCollection<string> values) => [.. values.Select((v, i) => ("$in" + i, (object?)v))];

    public const string MessageKind = "message";

    public const string ReminderOptInKind = "reminder-opt-in";

    public const string ReminderOptOutKind = "reminder-opt-out";

    public static string KindName(TurnEventKind kind) => kind switch
    {
        TurnEventKind.TopicAnswered => "answered",
        TurnEventKind.Fallback => "fallback",
        TurnEventKind.RedFlag => "redflag",
        TurnEventKind.Helped => "helped",
        TurnEventKind.ReminderOptIn => ReminderOptInKind,
        TurnEventKind.ReminderOptOut => ReminderOptOutKind,
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string FallbackName(FallbackKind kind) => kind switch
    {
        FallbackKind.NotSure => "not-sure",
        FallbackKind.DidYouMean => "did-you-mean",
        FallbackKind.OutOfScope => "out-of-scope",
        _ => "did-not-help",
    };

    private static long InsertEvent(SqliteConnection connection, SqliteTransaction tx, TurnRecord turn, long at, string kind, TurnEvent? e) =>
        (long)Command(connection, tx, """
            INSERT INTO events (at, site, channel, conversation, owner, kind, topic, fallback, tier, signs, systems, helped)
            VALUES ($at, $s, $ch, $c, $o, $k, $t, $f, $tier, $signs, $systems, $h) RETURNING id
            """,
            ("$at", at), ("$s", turn.Site), ("$ch", turn.Channel), ("$c", turn.Conversation), ("$o", turn.Owner), ("$k", kind),
            ("$t", e?.Topic), ("$f", e?.Fallback is { } f ? FallbackName(f) : null), ("$tier", e?.Tier),
            ("$signs", e is { Signs.Count: > 0 } ? string.Join(',', e.Signs) : null),
            ("$systems", e is { BodySystems.Count: > 0 } ? string.Join(',', e.BodySystems) : null),
            ("$h", e?.Helped is { } h ? (h ? 1 : 0) : null)).ExecuteScalar()!;

    private static void InsertText(SqliteConnection connection, SqliteTransaction? tx, long eventId, string owner, long at, string role, string text) =>
        Command(connection, tx, "INSERT INTO texts (event_id, at, owner, role, text) VALUES ($e, $at, $o, $r, $t)",
            ("$e", eventId), ("$at", at), ("$o", owner), ("$r", role), ("$t", text)).ExecuteNonQuery();

    private static void Checkpoint(SqliteConnection connection) => Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA secure_delete=ON; PRAGMA busy_timeout=5000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
