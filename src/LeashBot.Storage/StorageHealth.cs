namespace LeashBot.Storage;

/// <summary>
/// Whether the last storage operation succeeded. Any failed read or write marks storage degraded; the next
/// operation that succeeds marks it healthy again. <c>GET /healthz</c> reports it.
/// </summary>
public sealed class StorageHealth(TimeProvider time)
{
    private volatile Status _status = new(true, null, null);

    public bool IsHealthy => _status.Healthy;

    /// <summary>A short description of the last failure (provider and exception type, never a connection string).</summary>
    public string? Problem => _status.Problem;

    public DateTimeOffset? Since => _status.Since;

    public void ReportSuccess()
    {
        if (!_status.Healthy)
        {
            _status = new Status(true, null, null);
        }
    }

    public void ReportFailure(string problem)
    {
        var current = _status;
        _status = new Status(false, problem, current.Healthy ? time.GetUtcNow() : current.Since);
    }

    private sealed record Status(bool Healthy, string? Problem, DateTimeOffset? Since);
}
