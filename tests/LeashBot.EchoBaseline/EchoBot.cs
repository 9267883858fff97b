using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace LeashBot.EchoBaseline;

/// <summary>CloudAdapter with a one-line turn-error handler, as in the Bot Framework samples.</summary>
public sealed class EchoAdapter : CloudAdapter
{
    public EchoAdapter(BotFrameworkAuthentication auth, ILogger<EchoAdapter> logger)
        : base(auth, logger)
    {
        OnTurnError = async (turnContext, exception) =>
        {
            logger.LogError("Turn failed with {ExceptionType}", exception.GetType().Name);
            await turnContext.SendActivityAsync("Sorry, something went wrong.");
        };
    }
}

/// <summary>Greets new members, echoes every message with the conversation's message count, saves state each turn.</summary>
public sealed class EchoBot(ConversationState conversationState) : ActivityHandler
{
    private readonly IStatePropertyAccessor<int> _count = conversationState.CreateProperty<int>("messageCount");

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var count = await _count.GetAsync(turnContext, () => 0, cancellationToken) + 1;
        await _count.SetAsync(turnContext, count, cancellationToken);
        await turnContext.SendActivityAsync(MessageFactory.Text($"Echo #{count}: {turnContext.Activity.Text}"), cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        foreach (var member in membersAdded)
        {
            if (member.Id != turnContext.Activity.Recipient?.Id)
            {
                await turnContext.SendActivityAsync(MessageFactory.Text("Hello and welcome!"), cancellationToken);
            }
        }
    }
}
