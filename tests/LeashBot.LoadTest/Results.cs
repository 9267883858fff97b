using System.Text.Json.Serialization;

namespace LeashBot.LoadTest;

internal sealed record Percentiles(double P50, double P95, double P99, double Max)
{
    /// <summary>Nearest-rank percentiles of sorted latencies (ms).</summary>
    public static Percentiles Of(double[] sorted) => sorted.Length == 0
        ? new Percentiles(double.NaN, double.NaN, double.NaN, double.NaN)
        : new Percentiles(Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted[^1]);

    private static double Rank(double[] sorted, double p) =>
        Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 2);
}

internal sealed record RunResult(
    string Bot,
    string Mix,
    string Provider,
    int Round,
    int Concurrency,
    double MeasuredSeconds,
    long MeasuredTurns,
    double TurnsPerSecond,
    Percentiles LatencyMs,
    long TotalTurns,
    long ConversationsCompleted,
    long Errors,
    IReadOnlyDictionary<string, long> ErrorKinds,
    IReadOnlyList<string> ErrorExamples,
    long? PeakRssBytes,
    StoredState? Stored,
    double? HostCpuMsPerTurn)
{
    [JsonIgnore]
    public double[] Latencies { get; init; } = [];
}

internal sealed record ColdStart(string Bot, string Provider, IReadOnlyList<double> Seconds)
{
    public double Median => Seconds.Count == 0 ? double.NaN : Seconds.Order().ElementAt(Seconds.Count / 2);
}

internal sealed record BotSummary(
    double TurnsPerSecond, double? HostCpuMsPerTurn, IReadOnlyList<double> TurnsPerSecondByRound, Percentiles LatencyMs, long? PeakRssBytes,
    double? StoredBytesPerConversation, double? FileBytesPerConversation, long? MaxConversationBytes, long Errors);

internal sealed record ProviderSummary(string Mix, string Provider, BotSummary LeashBot, BotSummary? Echo, double? RatioToEcho, double? CpuPerTurnRatioToEcho)
{
    public double? PeakRssRatioToEcho => LeashBot.PeakRssBytes is { } l && Echo?.PeakRssBytes is > 0 ? Math.Round((double)l / Echo.PeakRssBytes.Value, 2) : null;
}

internal sealed record TargetResult(string Name, string Goal, string Measured, bool? Met, string? Note);

internal sealed record Machine(int Cores, string CpuModel, string Runtime, string Os);

internal sealed record Settings(
    int Concurrency, double WarmUpSeconds, double DurationSeconds, int Rounds, IReadOnlyList<string> Mixes, IReadOnlyList<string> Providers, int ColdStarts, string ColdStartProvider);

internal sealed record Report(
    Machine Machine,
    Settings Settings,
    IReadOnlyList<RunResult> Runs,
    IReadOnlyList<ProviderSummary> Providers,
    IReadOnlyList<ColdStart> ColdStarts,
    IReadOnlyList<TargetResult> Targets,
    long TotalErrors);
