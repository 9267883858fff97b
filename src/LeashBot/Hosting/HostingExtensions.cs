using LeashBot.Bot;
using LeashBot.Channels;
using LeashBot.Channels.DirectLine;
using LeashBot.Channels.Sms;
using LeashBot.Channels.Teams;
using LeashBot.Coaching;
using LeashBot.Dialogs;
using LeashBot.Safety;
using LeashBot.Understanding;
using LeashBot.Content;
using LeashBot.Hosting.StaffConsole;
using LeashBot.State;
using LeashBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace LeashBot.Hosting;

/// <summary>Everything the host registers and maps, in one place so Program.cs stays a few lines.</summary>
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

        services.AddOptions<BotAuthenticationOptions>().Bind(config).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OrganizationOptions>().Bind(config.GetSection(OrganizationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ContentOptions>().Bind(config.GetSection(ContentOptions.Section));
        services.AddOptions<AnonymousCallersOptions>().Bind(config.GetSection(AnonymousCallersOptions.Section));
        services.AddSingleton<AnonymousCallers>();
        services.AddOptions<MessagesOptions>().Bind(config.GetSection(MessagesOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersSettings>().Bind(config.GetSection(ForwardedHeadersSettings.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        // Content is loaded and validated before the host starts listening: a broken file stops start-up.
        var contentOptions = config.GetSection(ContentOptions.Section).Get<ContentOptions>() ?? new ContentOptions();
        services.AddSingleton(BotContent.Load(contentOptions.ResolveDirectory()));
        services.AddSingleton<Phrasebook>();

        // Every outbound call has a timeout: Bot Framework's OpenID metadata and signing keys, MSAL, and the replies
        // to a channel's connector (which also have their own, MessagesOptions.ReplyTimeoutSeconds).
        services.ConfigureHttpClientDefaults(http => http.ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(15)));
        services.AddHttpClient(ConnectorReplies.HttpClientName);
        services.AddSingleton<BotFrameworkAuthentication>(sp => new OnDemandClientsAuthentication(new ConfigurationBotFrameworkAuthentication(
            config, httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(), logger: sp.GetRequiredService<ILogger<LeashBotAdapter>>())));
        services.AddSingleton<ConnectorReplies>();
        services.AddSingleton<LeashBotAdapter>();
        services.AddSingleton<MessagesEndpoint>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<LeashBotAdapter>());
        services.AddSingleton<IInProcessAdapter>(sp => sp.GetRequiredService<LeashBotAdapter>());

        services.AddLeashBotStorage(config);
        services.AddOptions<RetentionOptions>().Bind(config.GetSection(RetentionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RetentionSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionSweeper>());
        services.AddSingleton<KeyedLock>();
        services.AddSingleton(sp => new TurnRecords(sp.GetRequiredService<IStorage>(), sp.GetRequiredService<TimeProvider>())
        {
            ConversationIdleDays = sp.GetRequiredService<IOptions<RetentionOptions>>().Value.ConversationIdleDays,
        });
        services.AddSingleton<TypedConversationState>();
        services.AddSingleton<TypedUserState>();
        services.AddSingleton<BotAccessors>();
        services.AddSingleton<TurnRunner>();

        // Understanding: the topic index and the number/duration models are built once, at start-up.
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => TopicRecognizer.Build(sp.GetRequiredService<BotContent>().Understanding));
        services.AddSingleton<TextRecognizers>();

        // The semantic reader (sentence embeddings + a trained head) beside the word lists, unless turned off.
        var semantic = config.GetSection(SemanticOptions.Section).Get<SemanticOptions>() ?? new SemanticOptions();
        if (semantic.Enabled)
        {
            services.AddSingleton(new SemanticDecision(new SemanticReader(SemanticHead.Shipped, semantic)));
        }

        services.AddHostedService<WarmUp>();

        // Health red flags: read from dialogs/redflags.json once, checked on every message before anything else.
        services.AddSingleton(sp => RedFlagTriage.FromContent(sp.GetRequiredService<BotContent>()));
        var tierHead = config.GetSection(TierHeadOptions.Section).Get<TierHeadOptions>() ?? new TierHeadOptions();
        services.AddSingleton(sp => new RedFlagReader(sp.GetRequiredService<RedFlagTriage>(), new HealthWords(sp.GetRequiredService<BotContent>()),
            sp.GetService<SemanticDecision>()?.Reader, tierHead.Enabled ? RedFlagTierHead.Shipped : null, tierHead));
        services.AddSingleton(sp => new SessionRequest(sp.GetRequiredService<BotContent>().RedFlags.Aftercare.SessionRequests));
        services.AddSingleton<VetReply>();
        services.AddSingleton<RedFlagConversation>();
        services.AddSingleton(sp => new UnwellCheck(sp.GetRequiredService<RedFlagReader>(), sp.GetRequiredService<VetReply>(), sp.GetRequiredService<Phrasebook>(),
            sp.GetRequiredService<BotAccessors>(), sp.GetService<SemanticDecision>()));

        services.AddSingleton<Replies>();
        services.AddSingleton(sp => new MessageReader(sp.GetRequiredService<TopicRecognizer>(), sp.GetRequiredService<TextRecognizers>(),
            sp.GetRequiredService<BotContent>(), sp.GetService<SemanticDecision>(), sp.GetRequiredService<LearnedTopics>()));
        services.AddSingleton<MenuMatcher>();
        services.AddSingleton<RouteTable>();
        services.AddSingleton<SessionCorrections>();
        services.AddSingleton<ProgressLedger>();
        services.AddSingleton<StepChanges>();
        services.AddSingleton<ForeignAnswers>();
        services.AddSingleton<LanguageNote>();
        services.AddSingleton<Router>();
        services.AddSingleton<CoachingDialog>();

        // What Teams and SMS conversations do differently from a plain chat; CoachBot asks the activity's channel.
        services.AddSingleton<ChannelConventions, TeamsConventions>();
        services.AddSingleton<ChannelConventions, SmsConventions>();
        services.AddReminders(config);
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
        app.MapGet("/healthz", async (StorageProbe probe, StorageHealth health, CancellationToken ct) =>
        {
            var problem = await probe.ProblemAsync(ct);
            return problem is null
                ? Results.Ok(new { status = "ok", storage = "ok" })
                : Results.Json(new { status = "degraded", storage = problem, since = health.Since }, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
