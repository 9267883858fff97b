using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LeashBot.LoadTest;

internal static class Bots
{
    public const string LeashBot = "leashbot";
    public const string Echo = "echo";
}

/// <summary>Starts hosts, drives them and collects results; each run gets a fresh host process and fresh storage.</summary>
internal sealed class Benchmark(Options options, Action<string> log) : IAsyncDisposable
{
    private readonly string _leashBotDll = HostDlls.Find("LeashBot", options.LeashBotDll);
    private readonly string? _echoDll = options.Echo ? HostDlls.Find("LeashBot.EchoBaseline", options.EchoDll) : null;
    private Azurite? _azurite;
    private ReplyCheck? _replyCheck;

    public string LeashBotDll => _leashBotDll;

    /// <summary>How LeashBot's replies are judged (its error messages come from the built host's content).</summary>
    public ReplyCheck LeashBotReplies => _replyCheck ??= ReplyCheck.ForHost(_leashBotDll);

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    /// <summary>Starts Azurite if a Blob run needs it; fails with a clear message when it is not installed.</summary>
    public async Task EnsureAzuriteAsync()
    {
        if (_azurite is not null)
        {
            return;
        }

        var executable = Azurite.Find(out var problem) ?? throw new SetupException(problem);
        log("starting Azurite (in-memory)");
        _azurite = await Azurite.StartAsync(executable);
    }

    public string DllOf(string bot) => bot == Bots.LeashBot ? _leashBotDll : _echoDll ?? throw new InvalidOperationException("The echo bot is off.");

    /// <summary>One load run: a fresh host on a fresh store, warm-up, measured window, drain, then the store is measured.</summary>
    public async Task<RunResult> RunLoadAsync(string bot, Mix mix, string provider, int round, int concurrency, TimeSpan warmUp, TimeSpan duration)
    {
        var tag = $"{bot}-{mix.Name}-{provider}-{round}-{Guid.NewGuid().ToString("N")[..6]}";
        var folder = TempFolder();
        try
        {
            var (settings, sqlitePath, container) = await StorageSettingsAsync(provider, folder, tag);
            long? peak;
            LoadOutcome outcome;
            await using (var host = HostProcess.Start(bot, DllOf(bot), settings))
            {
                await host.WaitReadyAsync(TimeSpan.FromSeconds(60));
                using var http = LoadDriver.NewClient(host.BaseAddress);
                outcome = await LoadDriver.RunAsync(http, mix, bot == Bots.LeashBot ? LeashBotReplies : null, concurrency, warmUp, duration, tag, host.CpuSeconds);
                peak = host.PeakRssBytes();
                await host.StopAsync(TimeSpan.FromSeconds(15));
                if (outcome.ErrorCount > 0)
                {
                    log($"  {bot}/{mix.Name}/{provider}: {outcome.ErrorCount} errors; host output:\n{Indent(host.Tail())}");
                }
            }

            StoredState? stored = provider switch
            {
                "sqlite" => await StoredState.FromSqliteAsync(sqlitePath!),
                "blob" => await StoredState.FromBlobAsync(_azurite!.ConnectionString, container!),
                _ => null,
            };
            var latency = Percentiles.Of(outcome.Latencies);
            var result = new RunResult(bot, mix.Name, provider, round, concurrency, outcome.MeasuredSeconds, outcome.Latencies.Length,
                Math.Round(outcome.TurnsPerSecond, 1), latency, outcome.TotalTurns, outcome.ConversationsCompleted, outcome.ErrorCount,
                outcome.Errors, outcome.ErrorExamples, peak, stored, outcome.HostCpuMsPerTurn)
            {
                Latencies = outcome.Latencies,
            };
            log($"  {bot,-8} {mix.Name,-9} {provider,-6} round {round}: {result.TurnsPerSecond,7:0.0} turns/s  p50 {latency.P50:0.0} ms  p99 {latency.P99:0.0} ms  host CPU {result.HostCpuMsPerTurn:0.00} ms/turn  " +
                $"errors {result.Errors}  peak RSS {Mb(peak)}{(stored?.MaxConversationBytes is { } max ? $"  largest conversation record {max} B" : "")}");
            foreach (var example in outcome.ErrorExamples)
            {
                log("    " + example);
            }

            return result;
        }
        finally
        {
            DeleteFolder(folder);
        }
    }

    /// <summary>Process start to the first reply to a conversationUpdate (the greeting), on a fresh store.</summary>
    public async Task<double> ColdStartAsync(string bot, string provider)
    {
        var tag = $"cold-{bot}-{Guid.NewGuid().ToString("N")[..6]}";
        var folder = TempFolder();
        try
        {
            var (settings, _, _) = await StorageSettingsAsync(provider, folder, tag);
            var body = LoadDriver.Activity(Step.Join(""), LoadDriver.CatsFor(0), "cold-owner", "cold-conv");
            var clock = Stopwatch.StartNew();
            await using var host = HostProcess.Start(bot, DllOf(bot), settings);
            using var http = LoadDriver.NewClient(host.BaseAddress);
            while (true)
            {
                try
                {
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                    using var response = await http.PostAsync(new Uri("api/messages", UriKind.Relative), content);
                    var reply = LoadDriver.ReplyText(await response.Content.ReadAsByteArrayAsync());
                    var elapsed = clock.Elapsed.TotalSeconds;
                    if (!response.IsSuccessStatusCode || reply.Length == 0)
                    {
                        throw new InvalidOperationException($"{bot} answered its first greeting with HTTP {(int)response.StatusCode} and \"{reply}\".\n{host.Tail()}");
                    }

                    return elapsed;
                }
                catch (HttpRequestException) when (!host.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
                {
                    await Task.Delay(5);
                }
                catch (HttpRequestException ex)
                {
                    throw new InvalidOperationException($"{bot} never answered its first greeting ({ex.Message}).\n{host.Tail()}", ex);
                }
            }
        }
        finally
        {
            DeleteFolder(folder);
        }
    }

    public static Machine DescribeMachine()
    {
        var model = "unknown";
        try
        {
            model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? model;
        }
        catch (IOException)
        {
        }

        return new Machine(Environment.ProcessorCount, model, RuntimeInformation.FrameworkDescription, RuntimeInformation.OSDescription);
    }

    public static string Mb(long? bytes) => bytes is { } b ? $"{b / 1048576.0:0} MB" : "n/a";

    private async Task<(List<string> Settings, string? SqlitePath, string? Container)> StorageSettingsAsync(string provider, string folder, string tag)
    {
        switch (provider)
        {
            case "memory":
                return (["--Storage:Provider=Memory"], null, null);
            case "sqlite":
                var path = Path.Combine(folder, "state.db");
                return (["--Storage:Provider=Sqlite", "--Storage:Sqlite:Path=" + path], path, null);
            case "blob":
                await EnsureAzuriteAsync();
                var container = tag.ToLowerInvariant().Replace("_", "-", StringComparison.Ordinal);
                return (["--Storage:Provider=Blob", "--Storage:Blob:ConnectionString=" + _azurite!.ConnectionString, "--Storage:Blob:Container=" + container], null, container);
            default:
                throw new ArgumentException($"Unknown provider {provider}.");
        }
    }

    private static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "leashbot-loadtest", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static void DeleteFolder(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>
    /// Drives a host that is already running (for profiling it): no process, store or CPU figures of ours, just the
    /// client side of the load, judged like any other run.
    /// </summary>
    public async Task<RunResult> RunAgainstAsync(Uri target, Mix mix, int concurrency, TimeSpan warmUp, TimeSpan duration)
    {
        var tag = $"attached-{mix.Name}-{Guid.NewGuid().ToString("N")[..6]}";
        using var http = LoadDriver.NewClient(target);
        var outcome = await LoadDriver.RunAsync(http, mix, LeashBotReplies, concurrency, warmUp, duration, tag);
        var latency = Percentiles.Of(outcome.Latencies);
        log($"  {target} {mix.Name}: {outcome.TurnsPerSecond:0.0} turns/s  p50 {latency.P50:0.0} ms  p99 {latency.P99:0.0} ms  errors {outcome.ErrorCount}");
        foreach (var example in outcome.ErrorExamples)
        {
            log("    " + example);
        }

        return new RunResult(Bots.LeashBot, mix.Name, "attached", 1, concurrency, outcome.MeasuredSeconds, outcome.Latencies.Length,
            Math.Round(outcome.TurnsPerSecond, 1), latency, outcome.TotalTurns, outcome.ConversationsCompleted, outcome.ErrorCount,
            outcome.Errors, outcome.ErrorExamples, null, null, null);
    }

    private static string Indent(string text) => string.Join('\n', text.Split('\n').TakeLast(15).Select(l => "    | " + l));
}

/// <summary>Something the tool needs is missing (Azurite, a built host): reported as one clear line.</summary>
internal sealed class SetupException(string message) : Exception(message);
