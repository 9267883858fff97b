using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace LeashBot.Channels.DirectLine;

/// <summary>
/// The limit on <c>POST /api/directline/token</c>: <see cref="WebChatOptions.TokenRequestsPerMinute"/> per client
/// (<see cref="ClientKey"/>: an IPv4 address, or an IPv6 /64) in a fixed one-minute window. A refusal is a Direct Line error (429, a reason and Retry-After), answered
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
        return RateLimitPartition.GetFixedWindowLimiter(ClientKey(httpContext.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    /// <summary>
    /// Who a client is, for limits: an IPv4 address as it is, and an IPv6 address by its /64, the smallest network one
    /// subscriber is normally given (a single host can use all 2^64 addresses in it). IPv4-mapped IPv6 counts as IPv4.
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
