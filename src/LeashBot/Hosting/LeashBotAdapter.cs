using LeashBot.Bot;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace LeashBot.Hosting;

/// <summary>
/// The Bot Framework adapter for every channel. Its turn-error handler logs the failure without the
/// owner's words, tells the owner in one sentence that something went wrong, and leaves saved state alone:
/// the turn's changes were never saved, so progress from earlier turns is intact.
/// </summary>
public sealed class LeashBotAdapter : CloudAdapter
{
    public LeashBotAdapter(BotFrameworkAuthentication auth, Phrasebook say, ILogger<LeashBotAdapter> logger)
        : base(auth, logger)
    {
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
}
