using System.Collections.Concurrent;
using LeashBot.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeashBot.State;

/// <summary>
/// A turn's whole state is one stored record, read once and written at most once, conditional on the eTag it was read
/// with: the person's record (<see cref="StateKeys.Owner"/>), which holds the owner's values (profile, handled messages)
/// at the top and each of the person's conversations on that channel under <c>conversations</c>, with the day it last
/// changed and its values (dialog stack, flags):
/// <code>{"owner":{…},"handled":{…},"conversations":{"&lt;conversation id&gt;":{"at":"2026-12-06","state":{"dialogState":{…},"flags":{…}}}}}</code>
/// So two turns that touch the same owner, in one conversation or two, on one host or two, contend for one eTag: the
/// loser's write is refused as a whole and it reruns on fresh state; nothing is half-written and nothing needs rolling
/// back (Blob Storage has no transaction across two blobs).
/// <list type="bullet">
/// <item>A value that is its type's new, empty instance is left out, and a record that never existed is not written while
/// it would be empty: a visitor who only asks questions has a record with the conversation's part alone, as small as a
/// conversation record was. This conversation's entry is written with the record even when its state is empty, so the
/// next turn knows there is no record of the old shape to look for.</item>
/// <item>A conversation's part untouched for <see cref="ConversationIdleDays"/> days (<c>Retention:ConversationIdleDays</c>)
/// is not used any more (the conversation starts afresh) and is dropped when the record is next written; at most
/// <see cref="MaxConversations"/> are kept (the most recently changed), so the record does not grow with the
/// conversations a person ever had. The whole record goes after <c>Retention:OwnerIdleMonths</c> without a turn.</item>
/// <item>Records of the old two-record shape load: an owner's record without <c>conversations</c> is the owner's part, and
/// a conversation that has no entry yet is read from its own record (<see cref="StateKeys.Conversation"/>), which is
/// deleted once the person's record holds it.</item>
/// <item>A record that is not a JSON object of the right shape is reported as corrupt
/// (<see cref="StorageCorruptRecordException"/>) so the turn runner quarantines it; one conversation's entry of the wrong
/// shape is given up alone (<see cref="ConversationDiscarded"/>), the owner's part stays.</item>
/// </list>
/// Each value registered with <see cref="StateProperty.Create{T}"/> is read straight into its type; Bot Framework's
/// turn cache of each scope (<see cref="BotState.GetCachedState"/>) holds the values, so its accessors work as before.
/// </summary>
public sealed partial class TurnRecords(IRecordStore store, TimeProvider clock)
{
    /// <summary>The property of the person's record that holds their conversations.</summary>
    public const string ConversationsProperty = "conversations";

    /// <summary>How many conversations a person's record keeps at most (the most recently changed).</summary>
    public const int MaxConversations = 16;

    private const string AtProperty = "at";
    private const string StateProperty = "state";
    private const string TurnStateKey = "LeashBot.State.TurnRecord";

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(JsonStorage.SerializerSettings);

    private Part? _owner;
    private Part? _conversation;

    /// <summary>Gets how many days a conversation's part is kept without a change (0: until <see cref="MaxConversations"/> pushes it out).</summary>
    public int ConversationIdleDays { get; init; } = 30;

    /// <summary>The store the records live in.</summary>
    public IRecordStore Store => store;

    internal Part Attach(TypedBotState scope)
    {
        var part = new Part(scope);
        if (scope is TypedConversationState)
        {
            _conversation = part;
        }
        else
        {
            _owner = part;
        }

        return part;
    }

    internal static void UseType(Part part, string name, Type type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(type);
        if (part.Types.GetOrAdd(name, type) != type)
        {
            throw new InvalidOperationException($"State property '{name}' already has the type {part.Types[name].Name}; one property has one type.");
        }
    }

    /// <summary>What this turn loaded and last wrote; null before it was loaded or after "forget me" (which stays deleted).</summary>
    public StoredRecord? Record(ITurnContext turnContext) => Current(turnContext) is { Forgotten: false } turn ? turn.Stored : null;

    /// <summary>True when the conversation's part was stored but could not be used, or was given up on request, so it starts afresh.</summary>
    public bool ConversationDiscarded(ITurnContext turnContext) => Current(turnContext)?.ConversationDiscarded == true;

    /// <summary>True when the conversation's part came from storage (so there is something to give up when it does not fit).</summary>
    public bool ConversationLoaded(ITurnContext turnContext) => Current(turnContext)?.ConversationLoaded == true;

    /// <summary>
    /// Loads the turn's record into both scopes (unless already loaded, or <paramref name="force"/>). With
    /// <paramref name="discardConversation"/> the conversation's stored part is left out, so it starts afresh.
    /// </summary>
    public async Task LoadAsync(ITurnContext turnContext, bool force, bool discardConversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var ownerKey = StateKeys.Owner(activity) ?? throw new InvalidOperationException("An activity without a channel and a sender has no user state.");
        var conversationKey = StateKeys.Conversation(activity) ?? throw new InvalidOperationException("An activity without a conversation id has no conversation state.");
        if (!force && Current(turnContext) is { } loaded && loaded.Stored.Key == ownerKey && loaded.ConversationKey == conversationKey
            && Owner.Scope.GetCachedState(turnContext) is not null && Conversation.Scope.GetCachedState(turnContext) is not null)
        {
            return;
        }

        var stored = await store.ReadTextAsync(ownerKey, cancellationToken);
        Turn NewTurn() => new(new StoredRecord(ownerKey, stored?.Json, stored?.ETag), activity.Conversation.Id, conversationKey);
        var turn = NewTurn();
        if (stored is { } found)
        {
            try
            {
                Parse(turn, found.Json, found.ETag, discardConversation, carefully: false);
            }
            catch (EntryNotAsWritten)
            {
                // This conversation's entry is not laid out as Compose writes it, or a value in it does not fit its type:
                // read the record again, the entry as a whole first, so only that entry is given up if it must be.
                turn = NewTurn();
                Parse(turn, found.Json, found.ETag, discardConversation, carefully: true);
            }
        }

        if (!turn.EntryFound && await store.ReadTextAsync(conversationKey, cancellationToken) is { } old)
        {
            // The old two-record shape: this conversation's part still has its own record.
            turn.LegacyETag = old.ETag;
            if (discardConversation)
            {
                turn.ConversationDiscarded = true;
            }
            else
            {
                ParseObject(conversationKey, old.Json, old.ETag, reader => ReadValues(reader, Conversation, turn.Conversation));
                turn.ConversationLoaded = true;
            }
        }

        Prune(turn);
        if (turn.LegacyETag is not null || turn.ConversationDiscarded)
        {
            // Putting the turn back must not lose what was read from the old record or bring back what was given up.
            turn.Stored.RestoreJson = Compose(turn, ComposeValues(Owner, turn.Owner), ConversationValues(turn), turn.EntryAt ?? Today());
        }

        await Fill(Owner, turnContext, turn.Owner, cancellationToken);
        await Fill(Conversation, turnContext, turn.Conversation, cancellationToken);
        turnContext.TurnState[TurnStateKey] = turn;
    }

    /// <summary>Writes the turn's record if the turn changed it, conditional on the eTag it was loaded with (create-only when new).</summary>
    public Task SaveAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        SaveAsync(turnContext, whenOwnerChanged: null, cancellationToken);

    /// <summary>
    /// Writes the turn's record if the turn changed it, as <see cref="SaveAsync(ITurnContext, CancellationToken)"/>. When the
    /// turn changed the owner's part (a cat, a step, a session), not only the conversation's, <paramref name="whenOwnerChanged"/>
    /// runs first, and what it adds to the owner's part is saved in the same write. Each part is written out once a turn
    /// (twice for the owner's when the hook changes it), and compared with the record as loaded as text.
    /// </summary>
    public async Task SaveAsync(ITurnContext turnContext, Func<ITurnContext, CancellationToken, Task>? whenOwnerChanged, CancellationToken cancellationToken)
    {
        if (Current(turnContext) is not { Forgotten: false } turn)
        {
            return;
        }

        var owner = ComposeValues(Owner, turn.Owner);
        if (whenOwnerChanged is not null && !IsLoadedOwnerPart(turn.Stored.LoadedJson, owner))
        {
            await whenOwnerChanged(turnContext, cancellationToken);
            owner = ComposeValues(Owner, turn.Owner);
        }

        var state = ConversationValues(turn);
        var today = Today();
        var json = Compose(turn, owner, state, turn.EntryAt ?? today);
        if (json == turn.Stored.Json)
        {
            return;
        }

        if (turn.EntryAt is not null && turn.EntryAt != today)
        {
            json = Compose(turn, owner, state, today);
        }

        if (turn.Stored.Json is null && turn.LegacyETag is null && turn.Others.Count == 0 && owner.Length == 0 && string.IsNullOrEmpty(state))
        {
            // A record that never existed and would hold nothing (an app installed, a greeting not yet sent): nothing is stored.
            return;
        }

        turn.Stored.ETag = await store.WriteTextAsync(turn.Stored.Key, json, turn.Stored.ETag, cancellationToken);
        turn.Stored.Json = json;
        turn.EntryAt = today;
        if (turn.LegacyETag is not null)
        {
            try
            {
                await store.DeleteAsync([turn.ConversationKey], cancellationToken);
                turn.LegacyETag = null;
            }
            catch (StorageUnavailableException)
            {
                // The person's record holds the conversation now and is read first; retention removes the old record.
            }
        }
    }

    /// <summary>"Forget me": the owner's part deletes the whole record; the conversation's part only this conversation.</summary>
    internal async Task DeleteAsync(ITurnContext turnContext, Part part, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var turn = Current(turnContext);
        await part.Scope.ClearStateAsync(turnContext, cancellationToken);
        var conversationKey = StateKeys.Conversation(activity);
        if (part == _owner)
        {
            var ownerKey = StateKeys.Owner(activity) ?? throw new InvalidOperationException("An activity without a channel and a sender has no user state.");
            if (turn is not null)
            {
                turn.Forgotten = true;
            }

            await store.ForgetAsync(conversationKey is null ? [ownerKey] : [ownerKey, conversationKey], cancellationToken);
            return;
        }

        if (conversationKey is not null)
        {
            await store.ForgetAsync([conversationKey], cancellationToken);
        }

        if (turn is not null)
        {
            turn.ConversationDeleted = true;
            turn.LegacyETag = null;
        }
    }

    private Part Owner => _owner ?? throw new InvalidOperationException("The owner's state scope (TypedUserState) is not created.");

    private Part Conversation => _conversation ?? throw new InvalidOperationException("The conversation's state scope (TypedConversationState) is not created.");

    private static Turn? Current(ITurnContext turnContext) =>
        turnContext.TurnState.TryGetValue(TurnStateKey, out var turn) ? turn as Turn : null;

    private string Today() => clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task Fill(Part part, ITurnContext turnContext, Dictionary<string, object> values, CancellationToken cancellationToken)
    {
        // Bot Framework's cache entry for the turn, created empty by the base class (its key is private), then filled.
        await part.Scope.ClearStateAsync(turnContext, cancellationToken);
        part.Scope.GetCachedState(turnContext).State = values;
    }

    /// <summary>Drops conversations idle past <see cref="ConversationIdleDays"/>, then the oldest beyond <see cref="MaxConversations"/>.</summary>
    private void Prune(Turn turn)
    {
        if (turn.Others.Count == 0)
        {
            return;
        }

        turn.Others.RemoveAll(o => IsIdle(o.At));
        var excess = turn.Others.Count - (MaxConversations - 1);
        if (excess > 0)
        {
            var oldest = turn.Others.OrderBy(o => o.At, StringComparer.Ordinal).Take(excess).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
            turn.Others.RemoveAll(o => oldest.Contains(o.Name));
        }
    }

    /// <summary>True for a conversation's part last changed longer than <see cref="ConversationIdleDays"/> ago (or on no known day).</summary>
    private bool IsIdle(string? at) =>
        at is null || (ConversationIdleDays > 0
            && string.CompareOrdinal(at, clock.GetUtcNow().UtcDateTime.AddDays(-ConversationIdleDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) < 0);

    /// <summary>One state scope's side of the record: its Bot Framework scope and the types of its values.</summary>
    internal sealed class Part(BotState scope)
    {
        public BotState Scope { get; } = scope;

        public ConcurrentDictionary<string, Type> Types { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<Type, string> EmptyJson { get; } = new();
    }

    private sealed record OtherConversation(string Name, string? At, JToken Entry);

    /// <summary>What one turn read: the record, this conversation's part, the person's other conversations as read.</summary>
    private sealed class Turn(StoredRecord stored, string entryName, string conversationKey)
    {
        public StoredRecord Stored { get; } = stored;

        public string EntryName { get; } = entryName;

        /// <summary>Gets the key of this conversation's own record of the old two-record shape.</summary>
        public string ConversationKey { get; } = conversationKey;

        public Dictionary<string, object> Owner { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, object> Conversation { get; } = new(StringComparer.Ordinal);

        public List<OtherConversation> Others { get; } = [];

        public bool EntryFound { get; set; }

        /// <summary>Gets or sets the day this conversation's part last changed, as stored ("yyyy-MM-dd").</summary>
        public string? EntryAt { get; set; }

        /// <summary>Gets or sets the eTag of this conversation's own record of the old shape, while it still exists.</summary>
        public string? LegacyETag { get; set; }

        public bool ConversationLoaded { get; set; }

        public bool ConversationDiscarded { get; set; }

        public bool ConversationDeleted { get; set; }

        public bool Forgotten { get; set; }
    }
}
