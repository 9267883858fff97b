using LeashBot.Dialogs;
using Microsoft.Bot.Builder;

namespace LeashBot.State;

/// <summary>The state property accessors, created once for the life of the host.</summary>
public sealed class BotAccessors(ConversationState conversationState, UserState userState)
{
    public ConversationState ConversationState { get; } = conversationState;
    public UserState UserState { get; } = userState;
    public IStatePropertyAccessor<DialogState> DialogState { get; } = conversationState.CreateProperty<DialogState>("dialogState");
    public IStatePropertyAccessor<ConversationFlags> Flags { get; } = conversationState.CreateProperty<ConversationFlags>("flags");
    public IStatePropertyAccessor<OwnerProfile> Owner { get; } = userState.CreateProperty<OwnerProfile>("owner");

    public Task<OwnerProfile> OwnerAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Owner.GetAsync(turnContext, () => new OwnerProfile(), cancellationToken);
}
