using LeashBot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace LeashBot.Bot;

/// <summary>The bot: greets new owners and hands every message to the coaching conversation.</summary>
public sealed class CoachBot(TurnRunner runner, Phrasebook say) : IBot
{
    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        runner.RunAsync(turnContext, HandleAsync, cancellationToken);

    private async Task HandleAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.ConversationUpdate)
        {
            if (activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true)
            {
                await turnContext.SendActivityAsync(say.Text(say.Content.Messages.Greeting), cancellationToken: cancellationToken);
            }

            return;
        }

        if (activity.Type == ActivityTypes.Message)
        {
            await turnContext.SendActivityAsync(say.Text(say.Content.Messages.Help), cancellationToken: cancellationToken);
        }
    }
}
