using LeashBot.Bot;
using LeashBot.Channels.DirectLine;
using LeashBot.Channels.Sms;
using LeashBot.Coaching;
using LeashBot.Dialogs;
using LeashBot.Safety;
using LeashBot.Understanding;
using LeashBot.Content;
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

        services.AddOptions<BotAuthenticationOptions>().Bind(config).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OrganizationOptions>().Bind(config.GetSection(OrganizationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ContentOptions>().Bind(config.GetSection(ContentOptions.Section));
        services.AddOptions<AnonymousCallersOptions>().Bind(config.GetSection(AnonymousCallersOptions.Section));
        services.AddSingleton<AnonymousCallers>();

        // Content is loaded and validated before the host starts listening: a broken file stops start-up.
        var contentOptions = config.GetSection(ContentOptions.Section).Get<ContentOptions>() ?? new ContentOptions();
        services.AddSingleton(BotContent.Load(contentOptions.ResolveDirectory()));
        services.AddSingleton<Phrasebook>();

        services.AddSingleton<BotFrameworkAuthentication>(sp =>
            new OnDemandClientsAuthentication(ActivatorUtilities.CreateInstance<ConfigurationBotFrameworkAuthentication>(sp)));
        services.AddSingleton<LeashBotAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<LeashBotAdapter>());

        services.AddLeashBotStorage(config);
        services.AddSingleton<KeyedLock>();
        services.AddSingleton<ConversationState, TypedConversationState>();
        services.AddSingleton<UserState, TypedUserState>();
        services.AddSingleton<BotAccessors>();
        services.AddSingleton<TurnRunner>();

        // Understanding: the topic index and the number/duration models are built once, at start-up.
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => TopicRecognizer.Build(sp.GetRequiredService<BotContent>().Understanding));
        services.AddSingleton<TextRecognizers>();
        services.AddHostedService<WarmUp>();

        // Health red flags: read from dialogs/redflags.json once, checked on every message before anything else.
        services.AddSingleton(sp => RedFlagTriage.FromContent(sp.GetRequiredService<BotContent>()));
        services.AddSingleton<VetReply>();

        services.AddSingleton<Replies>();
        services.AddSingleton<Router>();
        services.AddSingleton<CoachingDialog>();
        services.AddSingleton<IBot, CoachBot>();

        builder.AddDirectLine();
        builder.AddTwilioSms();
        return builder;
    }

    public static WebApplication MapLeashBot(this WebApplication app)
    {
        // Static files, CORS, rate limiting, WebSockets, Direct Line at /v3/directline and the widget's routes.
        app.UseDirectLine();
        var anonymousCallers = app.Services.GetRequiredService<AnonymousCallers>();
        anonymousCallers.WarnIfOpen();
        app.MapPost("/api/messages", async (HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken ct) =>
        {
            // Without an app id Bot Framework authenticates nobody: only this machine may post as an owner.
            if (!anonymousCallers.Admits(context))
            {
                return AnonymousCallers.Refusal();
            }

            await adapter.ProcessAsync(context.Request, context.Response, bot, ct);
            return Results.Empty;
        });
        app.MapTwilioSms();
        app.MapGet("/healthz", async (StorageHealth health, IStorage storage, CancellationToken ct) =>
        {
            if (!health.IsHealthy)
            {
                // Nobody may be chatting while storage is down: probe it, so recovery shows without waiting for a turn.
                try
                {
                    await storage.ReadAsync(["leashbot/healthz-probe"], ct);
                }
                catch (StorageUnavailableException)
                {
                }
            }

            return health.IsHealthy
                ? Results.Ok(new { status = "ok", storage = "ok" })
                : Results.Json(new { status = "degraded", storage = health.Problem, since = health.Since }, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
