using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace LeashBot.Storage;

/// <summary>
/// The one way LeashBot opens a SQLite database (the state store, the reminders' due queue and the console's event
/// log): pooled connections to one file, the file put in WAL mode on first use (readers never block the writer), and
/// on every connection, pooled ones included, the settings SQLite keeps per connection:
/// <list type="bullet">
/// <item><c>synchronous = NORMAL</c>: in WAL mode the log is synced at checkpoints, not on every commit; still safe
/// from corruption and from an application crash, only the last commits before a power loss can be lost;</item>
/// <item><c>busy_timeout</c>: another writer's lock (another instance on the file) is waited for by SQLite itself, in
/// steps of a few milliseconds, instead of the driver's fixed 150 ms sleeps on SQLITE_BUSY;</item>
/// <item><c>secure_delete</c> where asked: what a delete or an update frees is zeroed, so a forgotten owner's words don't
/// stay readable in free pages of the file.</item>
/// </list>
/// A pooled connection keeps its SQLite handle, and the handle keeps these settings: they are sent once per handle, not
/// on every open (a turn opens two connections, and the three statements were parsed and run each time).
/// </summary>
public sealed class SqliteConnections
{
    private readonly string _pragmas;
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = [];
    private volatile bool _walSet;

    /// <param name="path">The database file (created with its folder if missing), or null for a private database in memory
    /// that lives as long as this object's <see cref="KeepAlive"/> connection.</param>
    /// <param name="busyTimeout">How long a statement waits for another writer's lock.</param>
    /// <param name="secureDelete">Whether freed bytes are zeroed (files that hold owners' words).</param>
    public SqliteConnections(string? path, TimeSpan busyTimeout, bool secureDelete)
    {
        if (path is null)
        {
            ConnectionString = $"Data Source=file:leashbot-{Guid.NewGuid():N}?mode=memory&cache=shared";
            KeepAlive = new SqliteConnection(ConnectionString);
            KeepAlive.Open();
        }
        else
        {
            Path = System.IO.Path.GetFullPath(path);
            ConnectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Cache = SqliteCacheMode.Private,
                Pooling = true,
                DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds) + 5, // the driver's own limit, past SQLite's wait
            }.ToString();
        }

        _pragmas = $"PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds};"
            + (secureDelete ? " PRAGMA secure_delete = ON;" : "");
    }

    /// <summary>The database file's full path; null for a database in memory.</summary>
    public string? Path { get; }

    public string ConnectionString { get; }

    /// <summary>For a database in memory, the connection that keeps it alive; null for a file.</summary>
    public SqliteConnection? KeepAlive { get; }

    /// <summary>Opens a connection with the settings above (the file and its folder are created if missing).</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            CreateFolder();
            connection.Open();
            if (NeedsSettings(connection))
            {
                using var command = connection.CreateCommand();
                command.CommandText = Settings();
                command.ExecuteNonQuery();
                Configured(connection);
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc cref="Open"/>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            CreateFolder();
            await connection.OpenAsync(cancellationToken);
            if (NeedsSettings(connection))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = Settings();
                await command.ExecuteNonQueryAsync(cancellationToken);
                Configured(connection);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Drops the pooled connections and sets the file up again on next use: a connection opened while the file was
    /// read-only stays read-only for as long as the pool keeps it, and one opened on a file deleted since goes on
    /// writing to the deleted file.
    /// </summary>
    public void Reset()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
        _configured.Clear();
        _walSet = false;
    }

    // A handle new to this object (a new connection, or any after a reset), or the file not yet in WAL mode.
    private bool NeedsSettings(SqliteConnection connection) => !_walSet || connection.Handle is not { } handle || !_configured.TryGetValue(handle, out _);

    private void Configured(SqliteConnection connection)
    {
        _walSet = true;
        if (connection.Handle is { } handle)
        {
            _configured.AddOrUpdate(handle, this);
        }
    }

        // journal_mode is kept in the file itself: set once, and again after a reset (the file may be a new one).
    private string Settings() => _walSet || Path is null ? _pragmas : "PRAGMA journal_mode = WAL; " + _pragmas;

    private void CreateFolder()
    {
        if (!_walSet && System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }
}
