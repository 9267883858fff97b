using Newtonsoft.Json.Linq;

namespace LeashBot.Storage;

/// <summary>
/// What <c>GET /healthz</c> asks the store: write a small record and read it back. A store that answers reads but
/// refuses writes (a read-only disk, a revoked key) is degraded, and so is a store that does not answer within
/// <see cref="Deadline"/>: the health check answers within that time whatever the store does. One probe runs at a time
/// (callers share it), and a result is reused for a second so frequent health checks don't load the store (a good
/// result only while no read or write has failed since).
/// </summary>
public sealed class StorageProbe(IRecordStore storage, StorageHealth health, TimeProvider time)
{
    public const string Key = "leashbot/healthz-probe";

    /// <summary>How long the health check waits for the store.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(1.5);

    private static readonly TimeSpan Reuse = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private Task<string?>? _running;
    private (DateTimeOffset At, string? Problem)? _last;

    /// <summary>Null when the store was written and read back in time; otherwise what went wrong.</summary>
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        Task<string?> probe;
        lock (_gate)
        {
            // A failure reported since (a turn's read or write) outdates a good result: the store is probed again.
            if (_last is { } last && time.GetUtcNow() - last.At < Reuse && (last.Problem is not null || health.IsHealthy))
            {
                return last.Problem;
            }

            probe = _running ??= Task.Run(RunAsync, CancellationToken.None);
        }

        var finished = await Task.WhenAny(probe, Task.Delay(Deadline, time, cancellationToken));
        if (finished == probe)
        {
            return await probe;
        }

        var problem = $"{Provider} storage did not answer within {Deadline.TotalSeconds:0.#} s";
        health.ReportFailure(problem);
        return problem;
    }

    private string Provider => storage.ProviderName;

    private async Task<string?> RunAsync()
    {
        string? problem;
        try
        {
            var stamp = time.GetUtcNow().ToString("O");
            var record = new JObject { [JsonStorage.ETagProperty] = "*", ["at"] = stamp };
            await storage.WriteAsync(new Dictionary<string, object> { [Key] = record });
            var read = await storage.ReadAsync([Key]);
            problem = read.TryGetValue(Key, out var value) && value is JObject back && (string?)back["at"] == stamp
                ? null
                : $"{Provider} storage did not return what was just written";
            if (problem is not null)
            {
                health.ReportFailure(problem);
            }
        }
        catch (StorageUnavailableException)
        {
            problem = health.Problem ?? $"{Provider} storage unreachable";
        }
        catch (StorageCorruptRecordException)
        {
            problem = $"{Provider} storage did not return what was just written";
            health.ReportFailure(problem);
        }

        lock (_gate)
        {
            _last = (time.GetUtcNow(), problem);
            _running = null;
        }

        return problem;
    }
}
