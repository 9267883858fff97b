using LeashBot.Bot;
using LeashBot.Channels.Sms;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace LeashBot.Hosting;

/// <summary>
/// The Bot Framework adapter for every channel. Its turn-error handler logs the failure without the
/// owner's words, tells the owner in one sentence that something went wrong, and leaves saved state alone:
/// the turn's changes were never saved, so progress from earlier turns is intact.
/// </summary>
public sealed class LeashBotAdapter : CloudAdapter
{
    private readonly string _appId;

    public LeashBotAdapter(BotFrameworkAuthentication auth, Phrasebook say, IOptions<BotAuthenticationOptions> credentials, ILogger<LeashBotAdapter> logger)
        : base(auth, logger)
    {
        _appId = credentials.Value.MicrosoftAppId ?? "";
        OnTurnError = async (turnContext, exception) =>
        {
            // The exception message can quote what the owner typed; keep it at Debug.
            logger.LogError("Turn failed on channel {Channel} with {ExceptionType}", turnContext.Activity.ChannelId, exception.GetType().Name);
            logger.LogDebug(exception, "Turn failure details");
            if (turnContext.Activity.Type == Microsoft.Bot.Schema.ActivityTypes.Message && !turnContext.Responded)
            {
                await turnContext.SendActivityAsync(say.Text(say.Content.Messages.SomethingWentWrong));
            }
        };
    }

    /// <summary>
    /// Every reply leaves through here, once per batch. The turn runner releases a turn's replies as one batch
    /// after its state is saved, so on SMS the batch becomes one text (see <see cref="SmsReplies"/>).
    /// </summary>
    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!SmsChannel.Is(turnContext.Activity) || activities is not { Length: > 0 })
        {
            return await base.SendActivitiesAsync(turnContext, activities, cancellationToken);
        }

        var sent = await base.SendActivitiesAsync(turnContext, SmsReplies.OneText(activities), cancellationToken);

        // The caller expects one response per activity it sent; they all went out as the one text.
        var id = sent.FirstOrDefault() ?? new ResourceResponse();
        return [.. activities.Select(_ => id)];
    }

    /// <summary>
    /// Runs a turn for an activity that LeashBot's own channels (Direct Line) received and authenticated
    /// themselves: no HTTP call and no Bot Framework JWT. The identity carries the bot's own app id (empty
    /// when none is configured), so the connector factory and user-token client are the ones a normal turn
    /// gets. Middleware and the turn-error handler apply as usual. With <c>deliveryMode: expectReplies</c>
    /// the replies come back in the result's <see cref="ExpectedReplies"/> body.
    /// </summary>
    public Task<InvokeResponse> ProcessInProcessActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        var identity = CreateClaimsIdentity(_appId);
        var result = new AuthenticateRequestResult
        {
            ClaimsIdentity = identity,
            Audience = null,
            CallerId = null,
            ConnectorFactory = BotFrameworkAuthentication.CreateConnectorFactory(identity),
        };
        return ProcessActivityAsync(result, activity, callback, cancellationToken);
    }
}
