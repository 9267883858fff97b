using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LeashBot.Channels.DirectLine;

/// <summary>
/// The limit on <c>POST /api/directline/token</c>: <see cref="WebChatOptions.TokenRequestsPerMinute"/> per client
/// address in a fixed one-minute window. A refusal is a Direct Line error (429, a reason and Retry-After), answered
/// by this policy itself so the rest of the app keeps the rate limiter's own defaults.
/// </summary>
public sealed class PageTokenRateLimit(IOptions<WebChatOptions> options) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, cancellationToken) =>
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
        await DirectLineHttp.Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many chat tokens requested from this address; try again in a minute.", retryAfter)
            .ExecuteAsync(context.HttpContext);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var perMinute = options.Value.TokenRequestsPerMinute;
        var ip = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
