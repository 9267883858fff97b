using LeashBot.Channels.Sms;
using LeashBot.Coaching.Reminders;
using LeashBot.Storage;
using Newtonsoft.Json.Linq;

namespace LeashBot.Hosting;

/// <summary>Registers practice reminders: the conversation side, the due queue on the configured store, the sender and its routes.</summary>
public static class ReminderServices
{
    public const string DueContainer = "leashbot-reminders";

    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration config)
    {
        services.AddSettings<ReminderOptions>(config, ReminderOptions.Section)
            .Configure<IOptions<RetentionOptions>>((reminders, retention) => reminders.ForgetAfterIdleMonths = retention.Value.OwnerIdleMonths);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ReminderOptions>>().Value);
        services.AddSingleton<ReminderSchedule>();
        services.AddSingleton<ReminderReader>();
        services.AddSingleton<ReminderStore>();
        services.AddSingleton<ReminderWording>();
        services.AddSingleton<ReminderQuestions>();
        services.AddSingleton<HeldNudges>();
        services.AddSingleton<RemindersOff>();
        services.AddSingleton<ReminderConversation>();
        services.AddSingleton<IDueQueue>(sp => DueQueue(sp.GetRequiredService<IOptions<StorageOptions>>().Value, config));
        services.AddSingleton<IReminderRoute, ConnectorReminderRoute>();
        services.AddSingleton<SendJournal>();
        services.AddSingleton<ReminderDelivery>();
        services.AddSingleton<ReminderSender>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderSender>());
        return services;
    }

    /// <summary>
    /// SQLite: a table in the same file. Blob: due blobs in the container <c>leashbot-reminders</c> of the same account
    /// (<c>Reminders:DueContainer</c> names another). Memory: in memory.
    /// </summary>
    private static IDueQueue DueQueue(StorageOptions storage, IConfiguration config)
    {
        if (storage.IsProvider(StorageOptions.BlobProvider))
        {
            return BlobDueQueue.On(storage.Blob, config["Reminders:DueContainer"] is { Length: > 0 } configured ? configured : DueContainer);
        }

        return storage.IsProvider(StorageOptions.MemoryProvider) ? new MemoryDueQueue() : new SqliteDueQueue(Path.GetFullPath(storage.Sqlite.Path));
    }
}

/// <summary>
/// Reminders on Teams and Azure's SMS channel, the Bot Framework way: the stored conversation reference is continued
/// (<c>ContinueConversationAsync</c>) and the reminder posted to the channel's connector. 429, 412, 502, 503, 504, other
/// 5xx and no answer are tried again later; 401, 403 and 404 (the app was removed, the conversation is gone) stop.
/// </summary>
public sealed class ConnectorReminderRoute(LeashBotAdapter adapter, IOptions<BotAuthenticationOptions> credentials) : IReminderRoute
{
    /// <summary>The property each reminder activity carries with its delivery id, so a connector can tell a resend.</summary>
    public const string DeliveryIdProperty = "leashbotDeliveryId";

    public string Route => ReminderRoutes.Connector;

    public async Task<(DeliveryResult Result, string? Problem)> SendAsync(ReminderRecord record, string text, string deliveryId, CancellationToken cancellationToken)
    {
        if (record.Conversation?.ToObject<ConversationReference>() is not { } reference || string.IsNullOrEmpty(reference.ServiceUrl))
        {
            return (DeliveryResult.Refused, "no-conversation-reference");
        }

        try
        {
            await adapter.ContinueConversationAsync(credentials.Value.MicrosoftAppId ?? "", reference, async (turnContext, ct) =>
            {
                var message = MessageFactory.Text(SmsChannel.Is(turnContext.Activity) ? SmsText.ToGsm7(text) : text);
                message.Properties[DeliveryIdProperty] = JToken.FromObject(deliveryId);
                await turnContext.SendActivityAsync(message, ct);
            }, cancellationToken);
            return (DeliveryResult.Sent, null);
        }
        catch (ReplyNotDeliveredException ex) when (ex.StatusCode is null or 408 or 412 or 429 or >= 500)
        {
            return (DeliveryResult.TryAgain, ex.Message);
        }
        catch (ReplyNotDeliveredException ex)
        {
            return (DeliveryResult.Refused, ex.Message);
        }
    }
}
