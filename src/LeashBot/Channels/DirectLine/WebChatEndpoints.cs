using System.Net;
using static LeashBot.Channels.DirectLine.DirectLineHttp;

namespace LeashBot.Channels.DirectLine;

/// <summary>The widget's own routes: the page token route, the widget settings and the demo page.</summary>
public static class WebChatEndpoints
{
    public const string TokenRateLimitPolicy = "webchat-token";

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder app)
    {
        // A page never holds the secret: it asks here for a token. The widget sends the visitor key it keeps (the host
        // made it) and the conversation it had; the user id comes from the key, never from the page, and the
        // conversation is rejoined while it is alive and belongs to that visitor, else a new one starts.
        app.MapPost("/api/directline/token", async (HttpRequest request, DirectLineTokens tokens, ConversationStore store) =>
            {
                var (asked, refusal) = await DirectLineBody.ReadPageTokenRequestAsync(request);
                if (refusal is not null)
                {
                    return refusal;
                }

                var visitor = WebChatVisitors.IsKey(asked!.Visitor) ? asked.Visitor! : WebChatVisitors.NewKey();
                var userId = WebChatVisitors.UserId(visitor, WebChatVisitors.SiteOrigin(request));
                var resumed = asked.ConversationId is { Length: > 0 } had
                    && store.Find(had) is { } conversation
                    && string.Equals(conversation.UserId, userId, StringComparison.Ordinal);
                var conversationId = resumed ? asked.ConversationId! : ConversationStore.NewConversationId();
                request.HttpContext.Response.Headers.CacheControl = "no-store";
                return Results.Json(
                    new DirectLineWire.PageToken(conversationId, tokens.Issue(conversationId, userId), (int)tokens.TokenLifetime.TotalSeconds, userId, visitor, resumed),
                    DirectLineWireJson.Default.PageToken);
            })
            .RequireCors(CorsPolicy)
            .RequireRateLimiting(TokenRateLimitPolicy)
            .AddEndpointFilter(RequireAllowedOrigin);

        app.MapGet("/api/webchat/settings", (HttpRequest request, HttpResponse response, IOptions<WebChatOptions> webChat, Sites sites) =>
            {
                // On a deployment with several sites, the page's origin picks the site: its name and accent colour.
                var options = webChat.Value;
                var site = sites.ByOrigin(WebChatVisitors.SiteOrigin(request)) ?? Sites.Main;
                var organization = sites.OrganizationOf(site);
                response.Headers.CacheControl = "public, max-age=300";
                response.Headers.Vary = "Origin";
                return Results.Json(new
                {
                    title = string.IsNullOrWhiteSpace(options.Title) || site != Sites.Main ? organization.Name : options.Title,
                    organizationName = organization.Name,
                    accentColor = sites.AccentOf(site) ?? options.AccentColor,
                    botAvatarInitials = options.BotAvatarInitials,
                });
            })
            // Readable from any site (nothing in it is private), so on a site that is not allowed the widget can read
            // the refusal's reason, log it and show no launcher.
            .RequireCors(policy => policy.AllowAnyOrigin().WithMethods("GET"))
            .AddEndpointFilter(RequireAllowedOrigin);

        app.MapGet("/", async (HttpResponse response, IWebHostEnvironment env, IOptions<WebChatOptions> webChat, IOptions<OrganizationOptions> organization) =>
        {
            var file = env.WebRootFileProvider.GetFileInfo("demo.html");
            if (!file.Exists)
            {
                return Results.NotFound();
            }

            string html;
            using (var reader = new StreamReader(file.CreateReadStream()))
            {
                html = await reader.ReadToEndAsync();
            }

            var name = organization.Value.Name;
            var title = string.IsNullOrWhiteSpace(webChat.Value.Title) ? name : webChat.Value.Title!;
            html = html.Replace("{{org.name}}", WebUtility.HtmlEncode(name), StringComparison.Ordinal)
                .Replace("{{webchat.title}}", WebUtility.HtmlEncode(title), StringComparison.Ordinal)
                .Replace("{{webchat.accent}}", WebUtility.HtmlEncode(webChat.Value.AccentColor), StringComparison.Ordinal);
            response.Headers.CacheControl = "no-cache";
            return Results.Content(html, "text/html; charset=utf-8");
        });

        return app;
    }

    /// <summary>
    /// The widget's files (embed.js, Web Chat's bundle, the demo page's icon), served by <c>MapStaticAssets</c> from the
    /// build's manifest: precompressed with Brotli or gzip for browsers that accept either (Web Chat's 3.9 MB bundle is
    /// about 0.64 MB in Brotli), with ETags. Files at their plain address are cached for a while rather than revalidated
    /// on every page: Web Chat's bundle for a day (its version changes only with a new build), embed.js and the rest
    /// for five minutes, so a new widget reaches sites soon; fingerprinted addresses keep their immutable caching.
    /// </summary>
    public static IEndpointConventionBuilder MapWidgetFiles(this IEndpointRouteBuilder app, string? manifestPath = null)
    {
        var files = app.MapStaticAssets(manifestPath);
        files.Add(endpoint =>
        {
            if (endpoint.RequestDelegate is not { } serve)
            {
                return;
            }

            endpoint.RequestDelegate = context =>
            {
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    if (headers.CacheControl == "no-cache")
                    {
                        headers.CacheControl = context.Request.Path.StartsWithSegments("/lib", StringComparison.OrdinalIgnoreCase)
                            ? "public, max-age=86400"
                            : "public, max-age=300";
                    }

                    return Task.CompletedTask;
                });
                return serve(context);
            };
        });
        return files;
    }
}
