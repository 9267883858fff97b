using LeashBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LeashBot.Channels.DirectLine;

/// <summary>
/// The services of Direct Line and the web chat widget. Their routes are <see cref="DirectLineEndpoints.MapDirectLine"/>
/// and <see cref="WebChatEndpoints.MapWebChat"/>; the middleware they need (static files, routing, CORS, the rate
/// limiter, WebSockets) is the host's to put in its pipeline.
/// </summary>
public static class DirectLineServiceExtensions
{
    public static WebApplicationBuilder AddDirectLine(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddSettings<DirectLineOptions>(config, DirectLineOptions.Section);
        services.AddSettings<WebChatOptions>(config, WebChatOptions.Section);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<StreamLimits>();
        services.AddSingleton<DirectLineBotBridge>();
        services.AddSingleton<AllowedOrigins>();
        services.AddSingleton<LeashBot.Bot.ChannelConventions, DirectLineConventions>();
        services.AddHostedService<ConversationSweeper>();

        // The widget's policy is built per request (it needs the request's own host), by WebChatCorsPolicyProvider.
        services.AddCors();
        services.AddSingleton<Microsoft.AspNetCore.Cors.Infrastructure.ICorsPolicyProvider, WebChatCorsPolicyProvider>();
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, PageTokenRateLimit>(WebChatEndpoints.TokenRateLimitPolicy));
        return builder;
    }
}
