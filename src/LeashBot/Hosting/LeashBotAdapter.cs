using System.Runtime.ExceptionServices;
using LeashBot.Channels;
using LeashBot.Bot;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace LeashBot.Hosting;

/// <summary>
/// The Bot Framework adapter for every channel. Its turn-error handler logs the failure without the
/// owner's words, tells the owner in one sentence that something went wrong, and leaves saved state alone:
/// the turn's changes were never saved, so progress from earlier turns is intact. Replies to a channel's
/// connector go through <see cref="ConnectorReplies"/> (a timeout per call, ids escaped as one path segment).
/// </summary>
public sealed class LeashBotAdapter : CloudAdapter, IInProcessAdapter
{
    private readonly string _appId;
    private readonly ConnectorReplies _replies;
    private readonly ChannelConventions[] _channels;

    public LeashBotAdapter(BotFrameworkAuthentication auth, Phrasebook say, ConnectorReplies replies, IEnumerable<ChannelConventions> channels, IOptions<BotAuthenticationOptions> credentials, ILogger<LeashBotAdapter> logger)
        : base(auth, logger)
    {
        _channels = [.. channels];
        _appId = credentials.Value.MicrosoftAppId ?? "";
        _replies = replies;
        OnTurnError = async (turnContext, exception) =>
        {
            if (exception is ReplyNotDeliveredException)
            {
                // Nothing can reach the owner through this connector: trying to say "something went wrong" would wait
                // on the same connector again. The endpoint answers the channel instead.
                ExceptionDispatchInfo.Throw(exception);
            }

            // The exception message can quote what the owner typed; keep it at Debug.
            logger.LogError("Turn failed on channel {Channel} with {ExceptionType}", IncomingActivity.ForLog(turnContext.Activity.ChannelId), exception.GetType().Name);
            logger.LogDebug(exception, "Turn failure details");
            if (turnContext.Activity.Type == ActivityTypes.Message && !turnContext.Responded)
            {
                await turnContext.SendActivityAsync(say.Text(say.Content.Messages.SomethingWentWrong));
            }
        };
    }

    /// <summary>
    /// Authenticates an activity received over HTTP the way Bot Framework does (with an app id: the channel's JWT,
    /// its issuer, audience, signature and serviceUrl claim; without: anonymous). Throws what Bot Framework throws;
    /// <see cref="MessagesEndpoint"/> turns that into 401 or 503.
    /// </summary>
    public Task<AuthenticateRequestResult> AuthenticateAsync(Activity activity, string? authHeader, CancellationToken cancellationToken) =>
        BotFrameworkAuthentication.AuthenticateRequestAsync(activity, authHeader, cancellationToken);

    /// <summary>Runs the turn for an activity that <see cref="AuthenticateAsync"/> admitted.</summary>
    public Task<InvokeResponse> ProcessAuthenticatedActivityAsync(AuthenticateRequestResult authentication, Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        activity.CallerId = authentication.CallerId;
        return ProcessActivityAsync(authentication, activity, callback, cancellationToken);
    }

    /// <summary>
    /// Runs a turn for an activity that LeashBot's own channels received and authenticated themselves (see
    /// <see cref="IInProcessAdapter"/>). The identity carries the bot's own app id (empty when none is configured),
    /// so the connector factory and user-token client are the ones a normal turn gets.
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

    /// <summary>
    /// Every reply leaves through here, once per batch (with <c>expectReplies</c> the turn context buffers replies and
    /// never gets here). Messages go to the connector through <see cref="ConnectorReplies"/>; delays, invoke responses and
    /// traces are handled by Bot Framework as usual. The turn runner releases a turn's replies as one batch after its state
    /// is saved, and the channel's conventions shape the batch (<see cref="ChannelConventions.ShapeReplies"/>: on SMS, one text).
    /// </summary>
    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var shaped = activities.Length == 0 ? activities : ChannelConventions.Of(_channels, turnContext.Activity).ShapeReplies(activities);
        var sent = await SendEachAsync(turnContext, shaped, cancellationToken);
        if (shaped.Length == activities.Length)
        {
            return sent;
        }

        // The caller expects one response per activity it sent; they all went out as the channel's fewer activities.
        var id = sent.FirstOrDefault() ?? new ResourceResponse();
        return [.. activities.Select(_ => id)];
    }

    private async Task<ResourceResponse[]> SendEachAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            if (activity.Type is ActivityTypesEx.Delay or ActivityTypesEx.InvokeResponse || activity.Type == ActivityTypes.Trace)
            {
                responses[i] = (await base.SendActivitiesAsync(turnContext, [activity], cancellationToken))[0];
                continue;
            }

            activity.Id = null;
            responses[i] = await _replies.PostAsync(turnContext.TurnState.Get<IConnectorClient>(), activity, cancellationToken);
        }

        return responses;
    }
}
