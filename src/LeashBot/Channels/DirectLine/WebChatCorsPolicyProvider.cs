using Microsoft.AspNetCore.Cors.Infrastructure;

namespace LeashBot.Channels.DirectLine;

/// <summary>
/// CORS for the widget's routes: origins from WebChat:AllowedOrigins plus the host's own origin; the
/// Authorization, Content-Type and x-ms-bot-agent headers Web Chat sends, and x-requested-with, which
/// directlinejs's rxjs ajax adds to every cross-origin call (without it the browser blocks the preflight);
/// no cookies. Any other policy name is looked up in CorsOptions, as ASP.NET Core's own provider does.
/// </summary>
public sealed class WebChatCorsPolicyProvider(AllowedOrigins allowed, IOptions<CorsOptions> options) : ICorsPolicyProvider
{
    public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        if (policyName != DirectLineHttp.CorsPolicy)
        {
            return Task.FromResult(options.Value.GetPolicy(policyName ?? options.Value.DefaultPolicyName));
        }

        var host = context.Request.Host.Value;
        var policy = new CorsPolicyBuilder()
            .SetIsOriginAllowed(origin => allowed.Contains(origin)
                || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, host, StringComparison.OrdinalIgnoreCase)))
            .WithMethods("GET", "POST")
            .WithHeaders("Authorization", "Content-Type", "x-ms-bot-agent", "x-requested-with")
            .WithExposedHeaders("Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))
            .Build();
        return Task.FromResult<CorsPolicy?>(policy);
    }
}
