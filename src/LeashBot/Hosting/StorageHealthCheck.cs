using LeashBot.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeashBot.Hosting;

/// <summary>
/// The state store's part of <c>GET /healthz</c>, on ASP.NET Core's health checks: healthy when the store took a small
/// record and gave it back in time (<see cref="StorageProbe"/>), otherwise unhealthy with what went wrong and since when.
/// </summary>
public sealed class StorageHealthCheck(StorageProbe probe, StorageHealth health) : IHealthCheck
{
    public const string Name = "storage";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await probe.ProblemAsync(cancellationToken) is { } problem
            ? HealthCheckResult.Unhealthy(problem, data: new Dictionary<string, object> { ["since"] = health.Since! })
            : HealthCheckResult.Healthy();
}

/// <summary>
/// What <c>GET /healthz</c> answers, the shape the deployment templates and the container's own check rely on:
/// 200 <c>{"status":"ok","storage":"ok"}</c>, or 503 <c>{"status":"degraded","storage":"(the problem)","since":"(when)"}</c>.
/// </summary>
public static class HealthEndpoint
{
    public const string Path = "/healthz";

    public static IServiceCollection AddLeashBotHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StorageHealthCheck>(StorageHealthCheck.Name);
        return services;
    }

    public static IEndpointConventionBuilder MapLeashBotHealthChecks(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks(Path, new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteAsync,
        });

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var storage = report.Entries.TryGetValue(StorageHealthCheck.Name, out var entry) ? entry : default;
        object body = report.Status == HealthStatus.Healthy
            ? new { status = "ok", storage = "ok" }
            : new { status = "degraded", storage = storage.Description ?? "unknown", since = storage.Data?.GetValueOrDefault("since") };
        return context.Response.WriteAsJsonAsync(body);
    }
}
