using LeashBot.Storage;

namespace LeashBot.State;

/// <summary>
/// What a turn loaded from, and last wrote to, its one stored record (see <see cref="TurnRecords"/>): the turn runner
/// puts <see cref="RestoreJson"/> back (conditional on <see cref="ETag"/>) when the turn's replies could not be delivered.
/// </summary>
public sealed class StoredRecord(string key, string? loadedJson, string? loadedETag)
{
    public string Key { get; } = key;

    /// <summary>Gets the record's text as loaded (null when there was no record).</summary>
    public string? LoadedJson { get; } = loadedJson;

    /// <summary>Gets the eTag the record had when loaded (null when there was no record).</summary>
    public string? LoadedETag { get; } = loadedETag;

    /// <summary>
    /// Gets the text that puts the turn's state back as it was loaded: the loaded text, or, when the conversation's part
    /// came from a record of the old shape (or was given up), the loaded state written in the one-record shape.
    /// </summary>
    public string? RestoreJson { get; internal set; } = loadedJson;

    /// <summary>Gets the text as last loaded or saved, to tell whether the turn changed anything.</summary>
    public string? Json { get; internal set; } = loadedJson;

    /// <summary>Gets the record's eTag as last loaded or saved.</summary>
    public string? ETag { get; internal set; } = loadedETag;
}

/// <summary>Creating typed state properties.</summary>
public static class StateProperty
{
    /// <summary>
    /// Creates a property accessor; on a typed scope (<see cref="TypedBotState"/>) the property is then read straight
    /// into <typeparamref name="T"/> when the record loads, and Bot Framework's accessor hands back that object as it is.
    /// </summary>
    public static IStatePropertyAccessor<T> Create<T>(BotState state, string name)
    {
        ArgumentNullException.ThrowIfNull(state);
        (state as TypedBotState)?.UseType(name, typeof(T));
        return state.CreateProperty<T>(name);
    }
}

/// <summary>
/// A state scope of the turn's one record (<see cref="TurnRecords"/>): the owner's part or the conversation's part.
/// Loading or saving either scope loads or saves the whole record; Bot Framework's accessors, <see cref="BotState.Get"/>
/// and <see cref="BotState.ClearStateAsync"/> work as on any scope.
/// </summary>
public abstract class TypedBotState : BotState
{
    private readonly TurnRecords _records;

    private protected TypedBotState(TurnRecords records, string scope)
        : base(records.Store, scope)
    {
        _records = records;
        Part = records.Attach(this);
    }

    private protected TurnRecords.Part Part { get; }

    public override Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        _records.LoadAsync(turnContext, force, discardConversation: false, cancellationToken);

    public override Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        _records.SaveAsync(turnContext, cancellationToken);

    /// <summary>
    /// Deletes this scope's state for good ("forget me"): the owner's part deletes the whole record (every conversation
    /// of the person on the channel with it), the conversation's part only this conversation's; with quarantined copies
    /// and records of the old two-record shape (see <see cref="IRecordStore.ForgetAsync"/>).
    /// </summary>
    public override Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        _records.DeleteAsync(turnContext, Part, cancellationToken);

    /// <summary>Reads the property <paramref name="name"/> as <paramref name="type"/> straight from the stored text from now on.</summary>
    public void UseType(string name, Type type) => TurnRecords.UseType(Part, name, type);
}

/// <summary>Conversation state: the dialog stack and flags, kept in the person's record per conversation (see <see cref="TurnRecords"/>).</summary>
public sealed class TypedConversationState(TurnRecords records) : TypedBotState(records, nameof(TypedConversationState))
{
    /// <summary>The conversation's own record of the old two-record shape (and Bot Framework's key for it).</summary>
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return StateKeys.Conversation(turnContext.Activity)
            ?? throw new InvalidOperationException("An activity without a conversation id has no conversation state.");
    }
}

/// <summary>User state: the owner's profile (cats, steps, sessions), stored under <see cref="StateKeys.Owner"/>.</summary>
public sealed class TypedUserState(TurnRecords records) : TypedBotState(records, nameof(TypedUserState))
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return StateKeys.Owner(turnContext.Activity)
            ?? throw new InvalidOperationException("An activity without a channel and a sender has no user state.");
    }
}
