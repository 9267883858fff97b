using LeashBot.Channels.DirectLine;
using LeashBot.Channels.Sms;
using LeashBot.Hosting.StaffConsole;
using LeashBot.Storage;

namespace LeashBot.Hosting;

/// <summary>
/// Everything the host registers and maps, so Program.cs stays a few lines: each layer registers its own parts
/// (<see cref="LayerServices"/>), storage, the channels and the staff console theirs; this class puts them in order.
/// </summary>
public static class HostingExtensions
{
    public static WebApplicationBuilder AddLeashBot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        // The settings shipped next to the app are the defaults wherever the host is started from
        // (`dotnet /srv/leashbot/LeashBot.dll` from another folder included); everything else overrides them.
        config.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = "appsettings.json",
            Optional = true,
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
        });

        // Locally LeashBot listens on http://localhost:3978, Bot Framework's usual port. Containers and App Service name
        // their own address (ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, --urls); the same default in appsettings.json
        // would outrank some of those when the app starts in its own folder, so it applies only when none is given.
        if (string.IsNullOrEmpty(config["urls"]) && string.IsNullOrEmpty(config["http_ports"]) && string.IsNullOrEmpty(config["https_ports"]))
        {
            builder.WebHost.UseUrls("http://localhost:3978");
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        // Bottom layer first, as the README's Layers table lists them.
        services.AddContent(config);
        services.AddLeashBotStorage(config);
        services.AddState(config);
        services.AddUnderstanding(config);
        services.AddSafety(config);
        services.AddCoaching(config);
        services.AddBotAndAdapter(config);
        services.AddLeashBotHealthChecks();
        services.AddProblemDetails();
        builder.AddStaffConsole();
        builder.AddDirectLine();
        builder.AddTwilioSms();
        return builder;
    }

    public static WebApplication MapLeashBot(this WebApplication app)
    {
        // Who the client is comes first: the anonymous-caller guard and the rate limits judge the real client
        // address, which only a configured proxy may vouch for.
        var proxies = app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value;
        if (proxies.AnyConfigured)
        {
            // Never with empty lists: ASP.NET Core then believes forwarded headers from anyone.
            app.UseForwardedHeaders(proxies.ToOptions());
        }

        app.UseSecurityHeaders();

        // CORS and the page-token limit act on the routes that ask for them (the widget's and Direct Line's), and
        // Direct Line's stream is a WebSocket, pinged every 30 s so proxies keep a quiet chat open. The widget's files
        // (embed.js, Web Chat's bundle) are endpoints too, served precompressed.
        app.UseRouting();
        app.UseEntraSignIn(app.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value);
        app.UseCors();
        app.UseRateLimiter();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });

        app.MapWidgetFiles();
        app.MapDirectLine();
        app.MapWebChat();
        app.Services.GetRequiredService<AnonymousCallers>().WarnIfOpen();
        app.MapPost("/api/messages", (HttpContext context, MessagesEndpoint endpoint) => endpoint.HandleAsync(context));
        app.MapTwilioSms();
        app.MapStaffConsole();
        app.MapLeashBotHealthChecks();
        return app;
    }
}
