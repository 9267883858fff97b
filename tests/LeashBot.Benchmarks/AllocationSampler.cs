using System.Diagnostics.Tracing;

namespace LeashBot.Benchmarks;

/// <summary>
/// Which types a run of whole turns allocates most, from the runtime's allocation ticks (one event about every
/// 100 KB allocated, naming the type of the object that crossed the mark), so the shares are a sample, not a count.
/// Run: <c>dotnet run -c Release --project tests/LeashBot.Benchmarks -- --allocations</c>.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytesByType = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public static void Run(int rounds)
    {
        var turns = new TurnBenchmarks();
        turns.Setup();
        using var sampler = new AllocationSampler();
        for (var i = 0; i < rounds; i++)
        {
            turns.Scripted().GetAwaiter().GetResult();
            turns.FreeText().GetAwaiter().GetResult();
        }

        sampler.Report(Console.Out);
        turns.Cleanup();
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null)
        {
            return;
        }

        var index = eventData.PayloadNames!.IndexOf("TypeName");
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64");
        var type = index >= 0 ? eventData.Payload[index] as string ?? "?" : "?";
        var bytes = amount >= 0 ? Convert.ToInt64(eventData.Payload[amount], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        lock (_gate)
        {
            _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + bytes;
        }
    }

    private void Report(TextWriter output)
    {
        lock (_gate)
        {
            var total = Math.Max(1, _bytesByType.Values.Sum());
            output.WriteLine($"Allocation ticks by type ({total / 1024:N0} KB sampled):");
            foreach (var (type, bytes) in _bytesByType.OrderByDescending(t => t.Value).Take(40))
            {
                output.WriteLine($"{100.0 * bytes / total,5:0.0} %  {type}");
            }
        }
    }
}
