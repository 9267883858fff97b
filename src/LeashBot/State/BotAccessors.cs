namespace LeashBot.State;

/// <summary>The state property accessors, created once for the life of the host.</summary>
public sealed class BotAccessors(TypedConversationState conversationState, TypedUserState userState)
{
    public TypedConversationState ConversationState { get; } = conversationState;
    public TypedUserState UserState { get; } = userState;
    public IStatePropertyAccessor<DialogState> DialogState { get; } = StateProperty.Create<DialogState>(conversationState, "dialogState");
    public IStatePropertyAccessor<ConversationFlags> Flags { get; } = StateProperty.Create<ConversationFlags>(conversationState, "flags");
    public IStatePropertyAccessor<OwnerProfile> Owner { get; } = StateProperty.Create<OwnerProfile>(userState, "owner");

    /// <summary>The turn's owner; from now on in the turn, text about one of their cats uses the pronoun that cat goes by.</summary>
    public async Task<OwnerProfile> OwnerAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var owner = await TypedAsync(turnContext, Owner, cancellationToken);
        Phrasebook.KnowCats(name => owner.FindCat(name)?.Pronoun);
        return owner;
    }

    public Task<ConversationFlags> FlagsAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        TypedAsync(turnContext, Flags, cancellationToken);

    /// <summary>
    /// Reads a typed state property and writes the typed object back. On LeashBot's typed scopes the property is
    /// already that object; on a plain Bot Framework scope state comes back from storage as JSON, which the accessor
    /// converts on every read without keeping the result, so changes made to an object that was not written back would
    /// be lost when the turn saves. Once written back, later reads in the same turn return that same object; a reload
    /// (a rerun after a storage conflict) replaces it.
    /// </summary>
    private static async Task<T> TypedAsync<T>(ITurnContext turnContext, IStatePropertyAccessor<T> accessor, CancellationToken cancellationToken)
        where T : class, new()
    {
        var value = await accessor.GetAsync(turnContext, () => new T(), cancellationToken);
        await accessor.SetAsync(turnContext, value, cancellationToken);
        return value;
    }
}
