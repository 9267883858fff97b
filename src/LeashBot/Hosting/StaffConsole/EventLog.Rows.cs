using LeashBot.State;
using Microsoft.Data.Sqlite;

namespace LeashBot.Hosting.StaffConsole;

// The event log's rows: how a turn, its events and kept words are written, and the names of event kinds.
public sealed partial class EventLog
{
    /// <summary>Writes a turn; returns the id of its red-flag event, if it had one.</summary>
    private static long? InsertTurn(BatchStatements rows, TurnRecord turn)
    {
        var at = turn.At.ToUnixTimeMilliseconds();
        long? redFlag = null;
        rows.For("INSERT OR IGNORE INTO conversations (id, site, channel, owner, started) VALUES ($c, $s, $ch, $o, $at)",
            ("$c", turn.Conversation), ("$s", turn.Site), ("$ch", turn.Channel), ("$o", turn.Owner), ("$at", at)).ExecuteNonQuery();

        InsertEvent(rows, turn, at, MessageKind, null);
        foreach (var (e, texts) in turn.Events)
        {
            var id = InsertEvent(rows, turn, at, KindName(e.Kind), e);
            if (e.Kind == TurnEventKind.RedFlag)
            {
                redFlag = id;
            }

            foreach (var text in texts)
            {
                InsertText(rows, id, turn.Owner, at, text.Role, text.Text);
            }
        }

        foreach (var cat in turn.Cats)
        {
            rows.For("INSERT OR IGNORE INTO cats (owner, cat, site, first_at) VALUES ($o, $c, $s, $at)",
                ("$o", turn.Owner), ("$c", cat.Cat), ("$s", turn.Site), ("$at", Math.Min(at, cat.StepStarted.ToUnixTimeMilliseconds()))).ExecuteNonQuery();
            rows.For("INSERT OR IGNORE INTO steps (owner, cat, step, at) VALUES ($o, $c, $n, $at)",
                ("$o", turn.Owner), ("$c", cat.Cat), ("$n", cat.Step), ("$at", cat.Step == 1 ? Math.Min(at, cat.StepStarted.ToUnixTimeMilliseconds()) : cat.StepStarted.ToUnixTimeMilliseconds())).ExecuteNonQuery();
        }

        return redFlag;
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

    private static long InsertEvent(BatchStatements rows, TurnRecord turn, long at, string kind, TurnEvent? e) =>
        (long)rows.For("""
            INSERT INTO events (at, site, channel, conversation, owner, kind, topic, fallback, tier, signs, systems, helped)
            VALUES ($at, $s, $ch, $c, $o, $k, $t, $f, $tier, $signs, $systems, $h) RETURNING id
            """,
            ("$at", at), ("$s", turn.Site), ("$ch", turn.Channel), ("$c", turn.Conversation), ("$o", turn.Owner), ("$k", kind),
            ("$t", e?.Topic), ("$f", e?.Fallback is { } f ? FallbackName(f) : null), ("$tier", e?.Tier),
            ("$signs", e is { Signs.Count: > 0 } ? string.Join(',', e.Signs) : null),
            ("$systems", e is { BodySystems.Count: > 0 } ? string.Join(',', e.BodySystems) : null),
            ("$h", e?.Helped is { } h ? (h ? 1 : 0) : null)).ExecuteScalar()!;

    private static void InsertText(BatchStatements rows, long eventId, string owner, long at, string role, string text) =>
        rows.For("INSERT INTO texts (event_id, at, owner, role, text) VALUES ($e, $at, $o, $r, $t)",
            ("$e", eventId), ("$at", at), ("$o", owner), ("$r", role), ("$t", text)).ExecuteNonQuery();

    private static void Checkpoint(SqliteConnection connection) => Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");

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

    /// <summary>
    /// A batch's statements: each one prepared once for the batch and run for every row with that row's values, so a
    /// batch of hundreds of turns parses its five statements five times, not once per row.
    /// </summary>
    private sealed class BatchStatements(SqliteConnection connection, SqliteTransaction tx) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        /// <summary>The statement for <paramref name="sql"/> with <paramref name="values"/> bound (always given in the same order).</summary>
        public SqliteCommand For(string sql, params (string Name, object? Value)[] values)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = Command(connection, tx, sql, values);
                command.Prepare();
                _commands.Add(sql, command);
                return command;
            }

            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i].Value ?? DBNull.Value;
            }

            return command;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }
        }
    }
}
