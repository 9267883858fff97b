using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeashBot.LoadTest;

/// <summary>Summaries, targets and the two renderings (table and JSON) of a full run.</summary>
internal static class ReportBuilder
{
    public const double RatioTarget = 0.8;
    public const double P99TargetMs = 25;
    public const int P99TargetConcurrency = 32;
    public const double ColdStartTargetSeconds = 1.5;
    public const double SqliteRatioTarget = 0.5;
    public const double PeakMemoryRatioTarget = 1.5;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static Report Build(Options options, Machine machine, IReadOnlyList<RunResult> runs, IReadOnlyList<ColdStart> coldStarts)
    {
        var summaries = new List<ProviderSummary>();
        foreach (var mix in options.Mixes)
        {
            foreach (var provider in options.Providers)
            {
                var leashRuns = runs.Where(r => r.Mix == mix && r.Provider == provider && r.Bot == Bots.LeashBot).ToList();
                if (leashRuns.Count == 0)
                {
                    continue;
                }

                var leash = Summarize(leashRuns);
                var echoRuns = runs.Where(r => r.Mix == mix && r.Provider == provider && r.Bot == Bots.Echo).ToList();
                var echo = echoRuns.Count > 0 ? Summarize(echoRuns) : null;
                double? ratio = echo is { TurnsPerSecond: > 0 } ? Math.Round(leash.TurnsPerSecond / echo.TurnsPerSecond, 2) : null;
                double? cpuRatio = echo?.HostCpuMsPerTurn is > 0 && leash.HostCpuMsPerTurn is { } c ? Math.Round(c / echo.HostCpuMsPerTurn.Value, 2) : null;
                summaries.Add(new ProviderSummary(mix, provider, leash, echo, ratio, cpuRatio));
            }
        }

        var targets = Targets(options, summaries, coldStarts);
        var settings = new Settings(options.Concurrency, options.WarmUp.TotalSeconds, options.Duration.TotalSeconds, options.Rounds,
            options.Mixes, options.Providers, options.ColdStarts, options.ColdStartProvider);
        return new Report(machine, settings, runs, summaries, coldStarts, targets, runs.Sum(r => r.Errors));
    }

    /// <summary>LeashBot's turns/s on a store relative to Memory, for one mix.</summary>
    public static double? RatioToMemory(IReadOnlyList<ProviderSummary> summaries, string mix, string provider)
    {
        var memory = summaries.FirstOrDefault(s => s.Mix == mix && s.Provider == "memory")?.LeashBot.TurnsPerSecond;
        var other = summaries.FirstOrDefault(s => s.Mix == mix && s.Provider == provider)?.LeashBot.TurnsPerSecond;
        return memory is > 0 && other is not null ? Math.Round(other.Value / memory.Value, 2) : null;
    }

    public static string ToJson(Report report) => JsonSerializer.Serialize(report, JsonOptions);

    public static string ToTable(Report report)
    {
        var s = report.Settings;
        var m = report.Machine;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"LeashBot load test: {m.Cores} cores, {m.CpuModel}, {m.Runtime}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{s.Concurrency} concurrent conversations, {s.WarmUpSeconds:0} s warm-up + {s.DurationSeconds:0} s measured per run, " +
                                                      $"{s.Rounds} round(s) alternating LeashBot and echo; closed loop, no think time");
        text.AppendLine();
        text.AppendLine("Runs");
        text.AppendLine("  bot       mix        store   round  turns/s   p50 ms   p95 ms   p99 ms   max ms  errors  peak RSS  stored B/conv  host CPU ms/turn");
        foreach (var r in report.Runs)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {r.Bot,-9} {r.Mix,-10} {r.Provider,-7} {r.Round,5}  {r.TurnsPerSecond,7:0.0}  {r.LatencyMs.P50,7:0.0}  {r.LatencyMs.P95,7:0.0}  {r.LatencyMs.P99,7:0.0}  {r.LatencyMs.Max,7:0.0}  {r.Errors,6}  {Benchmark.Mb(r.PeakRssBytes),8}  {Bytes(r.Stored?.BytesPerConversation),13}  {Num(r.HostCpuMsPerTurn, "0.00"),16}");
        }

        text.AppendLine();
        text.AppendLine("Per mix and store (LeashBot vs echo; turns/s = mean of rounds, latency percentiles over all measured turns)");
        text.AppendLine("  mix        store   LeashBot t/s  echo t/s  ratio  LeashBot p50/p95/p99 ms  echo p50/p95/p99 ms  peak RSS LB/echo  stored B/conv LB/echo (file)");
        foreach (var p in report.Providers)
        {
            var l = p.LeashBot;
            var e = p.Echo;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {p.Mix,-10} {p.Provider,-7} {l.TurnsPerSecond,12:0.0}  {Num(e?.TurnsPerSecond),8}  {Num(p.RatioToEcho, "0.00"),5}  {Pct(l.LatencyMs),23}  {(e is null ? "n/a" : Pct(e.LatencyMs)),19}  " +
                $"{Benchmark.Mb(l.PeakRssBytes) + " / " + Benchmark.Mb(e?.PeakRssBytes),16}  {Bytes(l.StoredBytesPerConversation)} / {Bytes(e?.StoredBytesPerConversation)} ({Bytes(l.FileBytesPerConversation)} / {Bytes(e?.FileBytesPerConversation)})");
        }

        text.AppendLine();
        text.AppendLine("  host CPU per turn (less sensitive to other load on the machine than turns/s), and the largest conversation record");
        foreach (var p in report.Providers)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {p.Mix,-10} {p.Provider,-7} LeashBot {Num(p.LeashBot.HostCpuMsPerTurn, "0.00")} ms, echo {Num(p.Echo?.HostCpuMsPerTurn, "0.00")} ms " +
                $"({Num(p.CpuPerTurnRatioToEcho, "0.00", "x")} the echo bot's); largest conversation record {Bytes(p.LeashBot.MaxConversationBytes)} B");
        }

        foreach (var mix in report.Settings.Mixes)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {mix,-10} LeashBot SQLite/Memory turns/s: {Num(RatioToMemory(report.Providers, mix, "sqlite"), "0.00")}   Blob/Memory: {Num(RatioToMemory(report.Providers, mix, "blob"), "0.00")}");
        }

        text.AppendLine("  stored B/conv: stored JSON of the conversation record + its owner's record, per conversation (SQLite rows, Blob sizes);");
        text.AppendLine("  (file) is the SQLite file size per conversation. Memory keeps its records inside the host: not measured.");
        text.AppendLine();
        if (report.ColdStarts.Count > 0)
        {
            text.AppendLine("Cold start (process start to the first greeting reply)");
            foreach (var c in report.ColdStarts)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  {c.Bot,-9} on {c.Provider,-7} median {c.Median:0.000} s   ({string.Join(", ", c.Seconds.Select(x => x.ToString("0.000", CultureInfo.InvariantCulture)))})");
            }

            text.AppendLine();
        }

        text.AppendLine("Targets");
        foreach (var t in report.Targets)
        {
            var verdict = t.Met switch { true => "MET   ", false => "MISSED", null => "n/a   " };
            text.AppendLine(CultureInfo.InvariantCulture, $"  {verdict} {t.Name}: {t.Measured} (goal {t.Goal}){(t.Note is null ? "" : "  " + t.Note)}");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"errors: {report.TotalErrors}");
        return text.ToString();
    }

    private static BotSummary Summarize(List<RunResult> runs)
    {
        var latencies = runs.SelectMany(r => r.Latencies).ToArray();
        Array.Sort(latencies);
        var stored = runs.Where(r => r.Stored?.BytesPerConversation is not null).ToList();
        return new BotSummary(
            Math.Round(runs.Average(r => r.TurnsPerSecond), 1),
            runs.All(r => r.HostCpuMsPerTurn is not null) ? Math.Round(runs.Average(r => r.HostCpuMsPerTurn!.Value), 3) : null,
            runs.Select(r => r.TurnsPerSecond).ToList(),
            Percentiles.Of(latencies),
            runs.Max(r => r.PeakRssBytes),
            stored.Count > 0 ? Math.Round(stored.Average(r => r.Stored!.BytesPerConversation!.Value)) : null,
            stored.Count > 0 && stored.All(r => r.Stored!.FileBytesPerConversation is not null) ? Math.Round(stored.Average(r => r.Stored!.FileBytesPerConversation!.Value)) : null,
            runs.Max(r => r.Stored?.MaxConversationBytes),
            runs.Sum(r => r.Errors));
    }

    private static List<TargetResult> Targets(Options options, List<ProviderSummary> summaries, IReadOnlyList<ColdStart> coldStarts)
    {
        var targets = new List<TargetResult>();
        foreach (var memory in summaries.Where(s => s.Provider == "memory"))
        {
            // The long mix is there to show flat state; its speed is reported, the goals are for the everyday mixes.
            var judged = memory.Mix != Scenarios.LongMix;
            targets.Add(new($"LeashBot turns/s vs the echo bot on Memory, {memory.Mix} mix", $">= {RatioTarget:0.0}x",
                Num(memory.RatioToEcho, "0.00", "x"), judged && memory.RatioToEcho is { } r ? r >= RatioTarget : null, judged ? null : "for reference"));

            var p99 = memory.LeashBot.LatencyMs.P99;
            var atTarget = options.Concurrency == P99TargetConcurrency;
            targets.Add(new($"LeashBot p99 latency at {options.Concurrency} concurrent conversations on Memory, {memory.Mix} mix", $"<= {P99TargetMs:0} ms",
                double.IsNaN(p99) ? "n/a" : $"{p99:0.0} ms",
                judged && atTarget && !double.IsNaN(p99) ? p99 <= P99TargetMs : null,
                !judged ? "for reference" : atTarget ? null : $"measured at concurrency {options.Concurrency}, not judged"));

            targets.Add(new($"LeashBot peak memory vs the echo bot on Memory, {memory.Mix} mix", $"<= {PeakMemoryRatioTarget:0.0}x",
                memory.PeakRssRatioToEcho is { } m ? $"{m:0.00}x ({Benchmark.Mb(memory.LeashBot.PeakRssBytes)} / {Benchmark.Mb(memory.Echo?.PeakRssBytes)})" : "n/a",
                judged && memory.PeakRssRatioToEcho is { } n ? n <= PeakMemoryRatioTarget : null, judged ? null : "for reference"));

            var sqlite = RatioToMemory(summaries, memory.Mix, "sqlite");
            targets.Add(new($"LeashBot turns/s on SQLite vs Memory, {memory.Mix} mix", $">= {SqliteRatioTarget:0.0}x",
                Num(sqlite, "0.00", "x"), judged && sqlite is { } q ? q >= SqliteRatioTarget : null, judged ? null : "for reference"));
        }

        var cold = coldStarts.FirstOrDefault(c => c.Bot == Bots.LeashBot);
        targets.Add(new($"LeashBot cold start, median of {cold?.Seconds.Count ?? 0} ({cold?.Provider ?? "-"})", $"<= {ColdStartTargetSeconds:0.0} s",
            cold is null ? "n/a" : $"{cold.Median:0.000} s", cold is null ? null : cold.Median <= ColdStartTargetSeconds, null));
        return targets;
    }

    private static string Pct(Percentiles p) => double.IsNaN(p.P50) ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{p.P50:0.0}/{p.P95:0.0}/{p.P99:0.0}");

    private static string Num(double? value, string format = "0.0", string unit = "") => value is { } v && !double.IsNaN(v) ? v.ToString(format, CultureInfo.InvariantCulture) + unit : "n/a";

    private static string Bytes(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "n/a";
}
