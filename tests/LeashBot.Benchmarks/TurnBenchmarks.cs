using System.Text;
using BenchmarkDotNet.Attributes;
using LeashBot.LoadTest;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using HostAssembly = LeashBot.State.TurnRunner;

namespace LeashBot.Benchmarks;

/// <summary>
/// Whole turns through the real host: the load test's scripted and free-text conversations posted to
/// <c>/api/messages</c> with <c>expectReplies</c> (ASP.NET Core, the Bot Framework adapter, the turn runner, the
/// state record on the memory store, the console's event log), in process on the test server, so the memory
/// diagnoser counts everything a turn allocates. Each invocation is one whole conversation of each kind with a new
/// owner, so every turn meets the state it would meet in the load test; the figures are per turn.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TurnBenchmarks
{
    // Any type of the host's assembly names its entry point (this project's own Program hides the host's).
    private WebApplicationFactory<HostAssembly> _host = null!;
    private HttpClient _http = null!;
    private long _owners;
    private long _turns;
    private TimeSpan _cpuAtStart;

    [GlobalSetup]
    public void Setup()
    {
        // The host's content root (its wwwroot) is src/LeashBot, wherever this assembly was built or copied to.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_LEASHBOT", RepoRoot.PathOf("src", "LeashBot"));
        _host = new WebApplicationFactory<HostAssembly>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Urls", "");
            builder.UseSetting("Storage:Provider", "Memory");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        _http = _host.CreateClient();

        // Compiles every path once, so the measured turns are warm.
        for (var i = 0; i < 3; i++)
        {
            Scripted().GetAwaiter().GetResult();
            FreeText().GetAwaiter().GetResult();
        }

        (_turns, _cpuAtStart) = (0, Environment.CpuUsage.TotalTime);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        // The process's CPU time (every thread: the turns, the console log's writer, the GC, the JIT's later tiers) per
        // turn over the whole measured run; steadier than wall-clock time on a machine shared with other work.
        var cpu = Environment.CpuUsage.TotalTime - _cpuAtStart;
        Console.WriteLine($"// TurnBenchmarks: {_turns:N0} turns, process CPU {cpu.TotalMilliseconds / Math.Max(1, _turns):0.000} ms per turn");
        _http.Dispose();
        _host.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ScriptedTurns)]
    public Task<int> Scripted() => RunAsync(Scenarios.Scripted);

    [Benchmark(OperationsPerInvoke = FreeTextTurns)]
    public Task<int> FreeText() => RunAsync(Scenarios.FreeText);

    private const int ScriptedTurns = 26;
    private const int FreeTextTurns = 42;

    private async Task<int> RunAsync(IReadOnlyList<Scenario> scenarios)
    {
        var replies = 0;
        foreach (var scenario in scenarios)
        {
            var n = Interlocked.Increment(ref _owners);
            var (user, conversation) = ("owner-" + n, "conv-" + n);
            var (cat, cat2) = (Scenarios.CatNames[n % Scenarios.CatNames.Length], Scenarios.CatNames[(n + 1) % Scenarios.CatNames.Length]);
            foreach (var step in scenario.Steps)
            {
                using var content = new StringContent(Activity(step, user, conversation, cat, cat2), Encoding.UTF8, "application/json");
                using var response = await _http.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
                var body = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"POST /api/messages answered {(int)response.StatusCode}: {body}");
                }

                replies += body.Length;
                _turns++;
            }
        }

        return replies;
    }

    /// <summary>Checks the per-turn divisors against the conversations, so a change to the load test's mixes can't skew the figures.</summary>
    internal static void CheckTurnCounts()
    {
        var (scripted, freeText) = (Scenarios.Scripted.Sum(s => s.Steps.Count), Scenarios.FreeText.Sum(s => s.Steps.Count));
        if (scripted != ScriptedTurns || freeText != FreeTextTurns)
        {
            throw new InvalidOperationException($"The mixes have {scripted} and {freeText} turns; TurnBenchmarks divides by {ScriptedTurns} and {FreeTextTurns}.");
        }
    }

    private static string Activity(Step step, string user, string conversation, string cat, string cat2)
    {
        var activity = new Dictionary<string, object>
        {
            ["type"] = step.IsJoin ? "conversationUpdate" : "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "webchat",
            ["serviceUrl"] = "http://127.0.0.1:1/",
            ["deliveryMode"] = "expectReplies",
            ["locale"] = "en-US",
            ["from"] = new { id = user, name = "Owner" },
            ["recipient"] = new { id = "bot", name = "Bot" },
            ["conversation"] = new { id = conversation },
        };
        if (step.IsJoin)
        {
            activity["membersAdded"] = new[] { new { id = user }, new { id = "bot" } };
        }
        else
        {
            activity["text"] = step.Text!.Replace("{cat2}", cat2, StringComparison.Ordinal).Replace("{cat}", cat, StringComparison.Ordinal);
        }

        return System.Text.Json.JsonSerializer.Serialize(activity);
    }
}
