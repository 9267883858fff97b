using Microsoft.Bot.Builder;

namespace LeashBot.State;

/// <summary>
/// Runs one turn's logic between loading and saving the conversation's and the owner's state.
/// State is saved only when the logic finishes, so a failed turn never half-writes progress.
/// </summary>
public sealed class TurnRunner(ConversationState conversationState, UserState userState)
{
    public async Task RunAsync(ITurnContext turnContext, Func<ITurnContext, CancellationToken, Task> turnLogic, CancellationToken cancellationToken)
    {
        await conversationState.LoadAsync(turnContext, false, cancellationToken);
        await userState.LoadAsync(turnContext, false, cancellationToken);
        await turnLogic(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await userState.SaveChangesAsync(turnContext, false, cancellationToken);
    }
}
