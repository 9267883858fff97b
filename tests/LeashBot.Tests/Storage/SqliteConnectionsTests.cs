using LeashBot.Storage;
using LeashBot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LeashBot.Tests.Storage;

/// <summary>
/// Every connection SqliteConnections hands out has the settings (WAL, busy timeout, secure delete), pooled ones
/// included; they are sent once per SQLite handle, not on every open (a turn opens two connections).
/// </summary>
public sealed class SqliteConnectionsTests
{
    [Fact]
    public async Task A_pooled_connection_keeps_its_settings_and_they_are_sent_once_per_handle()
    {
        var connections = new SqliteConnections(Path.Combine(TempFolder.Create(), "state.db"), TimeSpan.FromSeconds(3), secureDelete: true);
        await using (var first = await connections.OpenAsync(CancellationToken.None))
        {
            Assert.Equal("wal", Pragma(first, "journal_mode"));
            Assert.Equal(3000L, Pragma(first, "busy_timeout"));
            Assert.Equal(1L, Pragma(first, "secure_delete"));

            // Changed on this handle behind the settings' back: a reopen that sent them again would put it back.
            Pragma(first, "busy_timeout = 1234");
        }

        await using (var again = await connections.OpenAsync(CancellationToken.None))
        {
            Assert.Equal(1234L, Pragma(again, "busy_timeout"));
            Assert.Equal(1L, Pragma(again, "secure_delete"));
        }

        // After a reset the pool's handles are new ones, and they get the settings again.
        connections.Reset();
        using var afterReset = connections.Open();
        Assert.Equal(3000L, Pragma(afterReset, "busy_timeout"));
        Assert.Equal("wal", Pragma(afterReset, "journal_mode"));
    }

    private static object? Pragma(SqliteConnection connection, string pragma)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        return command.ExecuteScalar();
    }
}
