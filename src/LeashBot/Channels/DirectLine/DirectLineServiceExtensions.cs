using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LeashBot.Channels.DirectLine;

/// <summary>Registers and maps the Direct Line endpoint and the web chat widget.</summary>
public static class DirectLineServiceExtensions
{
    public static WebApplicationBuilder AddDirectLine(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddOptions<DirectLineOptions>().Bind(config.GetSection(DirectLineOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebChatOptions>().Bind(config.GetSection(WebChatOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<DirectLineBotBridge>();
        services.AddSingleton<AllowedOrigins>();
        services.AddHostedService<ConversationSweeper>();

        // The policy is built per request (it needs the request's own host), by WebChatCorsPolicyProvider.
        services.AddCors();
        services.AddSingleton<Microsoft.AspNetCore.Cors.Infrastructure.ICorsPolicyProvider, WebChatCorsPolicyProvider>();

        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(WebChatEndpoints.TokenRateLimitPolicy, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebChatOptions>>().Value.TokenRequestsPerMinute;
                var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                await DirectLineHttp.Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many chat tokens requested from this address; try again in a minute.", retryAfter)
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return builder;
    }

    /// <summary>Middleware and routes; call before other endpoints are mapped.</summary>
    public static WebApplication UseDirectLine(this WebApplication app)
    {
        app.UseStaticFiles(WebChatEndpoints.StaticFiles());
        app.UseRouting();
        app.UseCors();
        app.UseRateLimiter();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.MapDirectLine();
        app.MapWebChat();
        return app;
    }
}
