using LeashBot.Content;
using LeashBot.Dialogs;
using LeashBot.Hosting;
using LeashBot.Safety;
using LeashBot.Tests.Support;
using LeashBot.Understanding;
using LeashBot.Hosting.StaffConsole;
using LeashBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LeashBot.Tests.Hosting;

/// <summary>
/// The start-up warm-up builds the red-flag triage on a background thread: the host's start does not wait for it (it
/// was a quarter of the CPU before the first greeting), it is built once, and whoever needs it gets that same build.
/// </summary>
public sealed class WarmUpTests
{
    [Fact]
    public async Task The_red_flag_triage_is_built_in_the_background_once_and_start_up_does_not_wait_for_it()
    {
        var content = BotContent.Load(Path.Combine(RepoRoot.Path, "dialogs"));
        using var gate = new ManualResetEventSlim(false);
        using var entered = new ManualResetEventSlim(false);
        var builds = 0;
        var services = new ServiceCollection();
        services.AddSingleton(content);
        services.AddSingleton(TopicRecognizer.Build(content.Understanding));
        services.AddSingleton<TextRecognizers>();
        services.AddSingleton(_ =>
        {
            Interlocked.Increment(ref builds);
            entered.Set();
            gate.Wait(TimeSpan.FromMinutes(1));
            return RedFlagTriage.FromContent(content);
        });
        await using var provider = services.BuildServiceProvider();

        // Start-up returns while the triage's build is still held at the gate: it never waited for it.
        await new WarmUp(provider).StartAsync(CancellationToken.None);
        Assert.True(entered.Wait(TimeSpan.FromMinutes(1)), "the warm-up never started building the triage");
        Assert.False(gate.IsSet);

        gate.Set();
        var triage = provider.GetRequiredService<RedFlagTriage>();
        Assert.Same(triage, provider.GetRequiredService<RedFlagTriage>());
        Assert.Equal(1, builds);
        Assert.True(triage.Read("she ate a lily leaf and is drooling").IsRedFlag);
    }

    [Fact]
    public async Task A_fresh_host_runs_a_warm_up_conversation_through_the_whole_turn_path_and_keeps_nothing_of_it()
    {
        var logs = new LogCapture();
        var db = Path.Combine(TempFolder.Create(), "leashbot.db");
        using var host = BotHost.Create(new BotHostOptions { SqlitePath = db, Settings = new Dictionary<string, string?> { ["WarmUp:Turns"] = "true" } })
            .WithServices(services => services.AddSingleton<ILoggerProvider>(logs));
        var warmUp = host.Services.GetServices<IHostedService>().OfType<WarmUp>().Single();
        await warmUp.Turns.WaitAsync(TimeSpan.FromMinutes(3));

        // Every turn went through: the join and one message per topic example, none of them failed.
        var turns = 1 + WarmUpTurns.Messages(host.Services.GetRequiredService<BotContent>()).Count;
        Assert.True(turns > 20, $"only {turns} warm-up turns");
        Assert.Contains(logs.Entries, e => e.Message.StartsWith($"The start-up warm-up ran {turns} turns", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);

        // It used the SQLite file (its table is there), left no record in it and nothing in the staff console's log.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM state";
            Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
        }

        Assert.Equal(0L, (long)host.Services.GetRequiredService<EventLog>().Rows("SELECT count(*) FROM events")[0][0]!);

        // The first owner meets the bot as always.
        (await host.NewOwner().SaysAsync("ugh she froze on the leash again 😩")).Says("Did that help?");
    }

    [Fact]
    public void Test_hosts_run_no_warm_up_conversation_unless_asked()
    {
        using var host = BotHost.Create(new BotHostOptions { Storage = TestStorage.Memory });
        Assert.Same(Task.CompletedTask, host.Services.GetServices<IHostedService>().OfType<WarmUp>().Single().Turns);
    }
}
