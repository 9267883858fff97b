using LeashBot.Bot;
using LeashBot.Channels;
using LeashBot.Channels.Sms;
using LeashBot.Channels.Teams;
using LeashBot.Coaching;
using LeashBot.Safety;
using LeashBot.State;
using LeashBot.Storage;
using LeashBot.Understanding;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace LeashBot.Hosting;

/// <summary>
/// What each layer of the bot registers, one method per layer in the README's order (Content, State, Understanding,
/// Safety, Coaching, Bot with its channels' conventions and the adapter). Storage registers itself
/// (<see cref="StorageServiceCollectionExtensions.AddLeashBotStorage"/>), and so do Direct Line, Twilio SMS and the
/// staff console. Every settings section is bound and checked at start-up the same way (<see cref="SettingsSections"/>).
/// </summary>
public static class LayerServices
{
    /// <summary>The dialogs' content, loaded and validated before the host starts listening: a broken file stops start-up.</summary>
    public static IServiceCollection AddContent(this IServiceCollection services, IConfiguration config)
    {
        services.AddSettings<OrganizationOptions>(config, OrganizationOptions.Section);
        services.AddSettings<ContentOptions>(config, ContentOptions.Section);
        var contentOptions = config.GetSection(ContentOptions.Section).Get<ContentOptions>() ?? new ContentOptions();
        services.AddSingleton(BotContent.Load(contentOptions.ResolveDirectory()));
        services.AddSingleton<Phrasebook>();
        return services;
    }

    /// <summary>A turn's state: one record per person, read and written once a turn, and swept when idle.</summary>
    public static IServiceCollection AddState(this IServiceCollection services, IConfiguration config)
    {
        services.AddSettings<RetentionOptions>(config, RetentionOptions.Section);
        services.AddSingleton<RetentionSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionSweeper>());
        services.AddSingleton<KeyedLock>();
        services.AddSingleton(sp => new TurnRecords(sp.GetRequiredService<IRecordStore>(), sp.GetRequiredService<TimeProvider>())
        {
            ConversationIdleDays = sp.GetRequiredService<IOptions<RetentionOptions>>().Value.ConversationIdleDays,
        });
        services.AddSingleton<TypedConversationState>();
        services.AddSingleton<TypedUserState>();
        services.AddSingleton<BotAccessors>();
        services.AddSingleton<TurnRunner>();
        return services;
    }

    /// <summary>Reading messages: the topic index and the number/duration models are built once, at start-up.</summary>
    public static IServiceCollection AddUnderstanding(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => TopicRecognizer.Build(sp.GetRequiredService<BotContent>().Understanding));
        services.AddSingleton<TextRecognizers>();

        // The semantic reader (sentence embeddings + a trained head) beside the word lists, unless turned off.
        var semantic = config.GetSection(SemanticOptions.Section).Get<SemanticOptions>() ?? new SemanticOptions();
        if (semantic.Enabled)
        {
            services.AddSingleton(new SemanticDecision(new SemanticReader(SemanticHead.Shipped, semantic)));
        }

        services.AddSingleton(sp => new MessageReader(sp.GetRequiredService<TopicRecognizer>(), sp.GetRequiredService<TextRecognizers>(),
            sp.GetRequiredService<BotContent>(), sp.GetService<SemanticDecision>(), sp.GetRequiredService<LearnedTopics>()));
        services.AddHostedService<WarmUp>();
        return services;
    }

    /// <summary>Health red flags: read from dialogs/redflags.json once, checked on every message before anything else.</summary>
    public static IServiceCollection AddSafety(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(sp => RedFlagTriage.FromContent(sp.GetRequiredService<BotContent>()));
        var tierHead = config.GetSection(TierHeadOptions.Section).Get<TierHeadOptions>() ?? new TierHeadOptions();
        services.AddSingleton(sp => new HealthWords(sp.GetRequiredService<BotContent>()));
        services.AddSingleton(sp => new TrainingNews(sp.GetRequiredService<BotContent>().RedFlags.TrainingNews, sp.GetRequiredService<RedFlagTriage>()));
        services.AddSingleton(sp => new RedFlagReader(sp.GetRequiredService<RedFlagTriage>(), sp.GetRequiredService<HealthWords>(), sp.GetRequiredService<TrainingNews>(),
            new WellSaid(sp.GetRequiredService<BotContent>().RedFlags.WellSaid), sp.GetService<SemanticDecision>()?.Reader, tierHead.Enabled ? RedFlagTierHead.Shipped : null, tierHead));
        services.AddSingleton(sp => new SessionRequest(sp.GetRequiredService<BotContent>().RedFlags.Aftercare.SessionRequests));
        services.AddSingleton<VetReply>();
        services.AddSingleton(sp => new UnwellCheck(sp.GetRequiredService<RedFlagReader>(), sp.GetRequiredService<VetReply>(), sp.GetRequiredService<Phrasebook>(),
            sp.GetRequiredService<BotAccessors>(), sp.GetService<SemanticDecision>()));
        return services;
    }

    /// <summary>The coaching conversation: its replies, routes, dialogs and reminders.</summary>
    public static IServiceCollection AddCoaching(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<RedFlagConversation>();
        services.AddSingleton<Replies>();
        services.AddSingleton<CommandReader>();
        services.AddSingleton<PromptExits>();
        services.AddSingleton<MenuMatcher>();
        services.AddSingleton<RouteTable>();
        services.AddSingleton<SessionCorrections>();
        services.AddSingleton<RestatedSessions>();
        services.AddSingleton<ProgressLedger>();
        services.AddSingleton<StepChanges>();
        services.AddSingleton<ForeignAnswers>();
        services.AddSingleton<LanguageNote>();
        services.AddSingleton<Router>();
        services.AddSingleton<CoachingDialog>();
        services.AddReminders(config);
        return services;
    }

    /// <summary>
    /// The adapter that runs the bot on every channel, /api/messages and who may call it, and what Teams and SMS
    /// conversations do differently from a plain chat (CoachBot asks the activity's channel).
    /// </summary>
    public static IServiceCollection AddBotAndAdapter(this IServiceCollection services, IConfiguration config)
    {
        services.AddSettings<BotAuthenticationOptions>(config, section: null);
        services.AddSettings<AnonymousCallersOptions>(config, AnonymousCallersOptions.Section);
        services.AddSingleton<AnonymousCallers>();
        services.AddSettings<MessagesOptions>(config, MessagesOptions.Section);
        services.AddSettings<ForwardedHeadersSettings>(config, ForwardedHeadersSettings.Section);

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

        services.AddSingleton<ChannelConventions, TeamsConventions>();
        services.AddSingleton<SmsOptOuts>();
        services.AddSingleton<SmsWelcomeBack>();
        services.AddSingleton<SmsConventions>();
        services.AddSingleton<ChannelConventions>(sp => sp.GetRequiredService<SmsConventions>());
        return services;
    }
}
