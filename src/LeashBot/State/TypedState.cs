using System.Collections.Concurrent;
using System.Globalization;
using LeashBot.Storage;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeashBot.State;

/// <summary>
/// What a turn loaded from, and last wrote to, one stored record: the turn runner rolls a record back to
/// <see cref="LoadedJson"/> (conditional on <see cref="ETag"/>) when the other record of the turn could not be saved.
/// </summary>
public sealed class StoredRecord(string key, string? loadedJson, string? loadedETag)
{
    public string Key { get; } = key;

    /// <summary>Gets the record's text as loaded (null when there was no record).</summary>
    public string? LoadedJson { get; } = loadedJson;

    /// <summary>Gets the eTag the record had when loaded (null when there was no record).</summary>
    public string? LoadedETag { get; } = loadedETag;

    /// <summary>Gets the text as last loaded or saved, to tell whether the turn changed anything.</summary>
    public string? Json { get; internal set; } = loadedJson;

    /// <summary>Gets the record's eTag as last loaded or saved.</summary>
    public string? ETag { get; internal set; } = loadedETag;
}

/// <summary>A record's text a turn is about to write, conditional on the eTag it loaded (see <see cref="TypedBotState.PendingWrite"/>).</summary>
public sealed class PendingWrite
{
    private readonly StoredRecord _record;
    private readonly IDictionary<string, object> _values;

    internal PendingWrite(StoredRecord record, string json, IDictionary<string, object> values)
    {
        _record = record;
        _values = values;
        Json = json;
    }

    public string Key => _record.Key;

    public string Json { get; }

    public string? IfMatch => _record.ETag;

    /// <summary>Records that the text was written and now has <paramref name="eTag"/>, as a save of the state itself would.</summary>
    public void Complete(string eTag)
    {
        _record.ETag = eTag;
        _record.Json = Json;
        _values[JsonStorage.ETagProperty] = eTag;
    }
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
/// A state scope whose properties go straight from the stored JSON text to their types and back (see
/// <see cref="TypedRecords"/>); the two scopes differ only in where their record is kept.
/// </summary>
public abstract class TypedBotState : BotState
{
    private readonly TypedRecords _records;

    protected TypedBotState(IStorage storage, string scope)
        : base(storage, scope)
    {
        Storage = storage;
        _records = new TypedRecords(storage, scope);
    }

    public override Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        _records.LoadAsync(this, turnContext, GetStorageKey(turnContext), force, cancellationToken) ?? base.LoadAsync(turnContext, force, cancellationToken);

    public override Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        _records.SaveAsync(this, turnContext, force, cancellationToken) ?? base.SaveChangesAsync(turnContext, force, cancellationToken);

    /// <summary>
    /// Deletes the record for good ("forget me"): on a <see cref="JsonStorage"/> with its quarantined copies and whatever
    /// else the store keeps of it (see <see cref="JsonStorage.ForgetAsync"/>).
    /// </summary>
    public override async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        _records.Forget(turnContext);
        await base.DeleteAsync(turnContext, cancellationToken);
        if (Storage is JsonStorage store)
        {
            await store.ForgetAsync([GetStorageKey(turnContext)], cancellationToken);
        }
    }

    private IStorage Storage { get; }

    /// <summary>What this turn loaded and last wrote; null before it was loaded, after the turn deleted it ("forget me", which stays deleted), or when the store is not a <see cref="JsonStorage"/>.</summary>
    public StoredRecord? Record(ITurnContext turnContext) => _records.Record(turnContext);

    /// <summary>Reads the property <paramref name="name"/> as <paramref name="type"/> straight from the stored text from now on.</summary>
    public void UseType(string name, Type type) => _records.UseType(name, type);

    /// <summary>
    /// What saving this turn's changes would write, without writing it (null when nothing changed or the record is not
    /// typed); the caller writes it, together with other records, and completes it with the new eTag.
    /// </summary>
    public PendingWrite? PendingWrite(ITurnContext turnContext) => _records.PendingWrite(this, turnContext);
}

/// <summary>Conversation state: the dialog stack and flags, stored under <see cref="StateKeys.Conversation"/> (per person where a conversation is shared).</summary>
public sealed class TypedConversationState(IStorage storage) : TypedBotState(storage, nameof(TypedConversationState))
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return StateKeys.Conversation(turnContext.Activity)
            ?? throw new InvalidOperationException("An activity without a conversation id has no conversation state.");
    }
}

/// <summary>User state: the owner's profile (cats, steps, sessions), stored under <see cref="StateKeys.Owner"/>.</summary>
public sealed class TypedUserState(IStorage storage) : TypedBotState(storage, nameof(TypedUserState))
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return StateKeys.Owner(turnContext.Activity)
            ?? throw new InvalidOperationException("An activity without a channel and a sender has no user state.");
    }
}

/// <summary>
/// The record behind a typed state scope. Bot Framework's <see cref="BotState"/> converts a record up to eight times a
/// turn: text to a JObject, to a dictionary, to JSON for a change hash, each property to its type, to JSON for the hash
/// again, to a JObject and text for the store, and to JSON for a third hash; with two records a turn that was the
/// largest part of LeashBot's own CPU per turn. Here a record is read once, each property registered with
/// <see cref="StateProperty.Create{T}"/> straight into its type (Bot Framework's accessors then hand that object back
/// as it is), and written once: serialized, compared with the text that was loaded, and stored only when different.
/// Bot Framework's own turn cache (<see cref="BotState.GetCachedState"/>) holds the values, so its accessors,
/// <see cref="BotState.Get"/> and <see cref="BotState.ClearStateAsync"/> work as before. The store's rules are
/// unchanged: the write is conditional on the loaded eTag (a new record is create-only), and a record that is not a
/// JSON object of the right shape is reported as corrupt (<see cref="StorageCorruptRecordException"/>) so the turn
/// runner quarantines it. With a store that is not a <see cref="JsonStorage"/>, the scope is Bot Framework's own.
/// </summary>
internal sealed class TypedRecords(IStorage storage, string scope)
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(JsonStorage.SerializerSettings);

    private readonly JsonStorage? _store = storage as JsonStorage;
    private readonly string _turnStateKey = $"LeashBot.State.{scope}";
    private readonly ConcurrentDictionary<string, Type> _types = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, string> _emptyJson = new();

    public void UseType(string name, Type type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(type);
        if (_types.GetOrAdd(name, type) != type)
        {
            throw new InvalidOperationException($"State property '{name}' already has the type {_types[name].Name}; one property has one type.");
        }
    }

    public StoredRecord? Record(ITurnContext turnContext) =>
        turnContext.TurnState.TryGetValue(_turnStateKey, out var record) ? record as StoredRecord : null;

    public void Forget(ITurnContext turnContext) => turnContext.TurnState.Remove(_turnStateKey);

    public Task? LoadAsync(BotState state, ITurnContext turnContext, string key, bool force, CancellationToken cancellationToken) =>
        _store is null ? null : LoadCoreAsync(state, turnContext, key, force, cancellationToken);

    public Task? SaveAsync(BotState state, ITurnContext turnContext, bool force, CancellationToken cancellationToken) =>
        _store is null ? null : SaveCoreAsync(state, turnContext, force, cancellationToken);

    private async Task LoadCoreAsync(BotState state, ITurnContext turnContext, string key, bool force, CancellationToken cancellationToken)
    {
        if (!force && Record(turnContext) is { } loaded && loaded.Key == key && state.GetCachedState(turnContext) is not null)
        {
            return;
        }

        var stored = await _store!.ReadTextAsync(key, cancellationToken);
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        if (stored is { } found)
        {
            Parse(key, found.Json, found.ETag, values);
            values[JsonStorage.ETagProperty] = found.ETag;
        }

        // Bot Framework's cache entry for the turn, created empty by the base class (its key is private), then filled.
        await state.ClearStateAsync(turnContext, cancellationToken);
        state.GetCachedState(turnContext).State = values;
        turnContext.TurnState[_turnStateKey] = new StoredRecord(key, stored?.Json, stored?.ETag);
    }

    private async Task SaveCoreAsync(BotState state, ITurnContext turnContext, bool force, CancellationToken cancellationToken)
    {
        if (Prepare(state, turnContext, force) is { } write)
        {
            write.Complete(await _store!.WriteTextAsync(write.Key, write.Json, write.IfMatch, cancellationToken));
        }
    }

    /// <summary>The turn's changes to this record as text to write, or null when there are none (or nothing was loaded).</summary>
    public PendingWrite? PendingWrite(BotState state, ITurnContext turnContext) => _store is null ? null : Prepare(state, turnContext, force: false);

    private PendingWrite? Prepare(BotState state, ITurnContext turnContext, bool force)
    {
        if (Record(turnContext) is not { } record || state.GetCachedState(turnContext)?.State is not { } values)
        {
            return null;
        }

        var json = Serialize(values);
        if (!force && (json == record.Json || (record.LoadedJson is null && IsEmpty(values))))
        {
            // Unchanged, or a record that never existed and would hold only empty values (a visitor who was only greeted,
            // an app installed in Teams): nothing worth keeping yet, so nothing is stored.
            return null;
        }

        return new PendingWrite(record, json, values);
    }

    /// <summary>True when every value is its type's new, empty instance (what an accessor's default creates).</summary>
    private bool IsEmpty(IDictionary<string, object> values)
    {
        foreach (var (name, value) in values)
        {
            if (name is JsonStorage.ETagProperty or "ETag")
            {
                continue;
            }

            if (!_types.TryGetValue(name, out var type) || value is null || value.GetType() != type
                || JToken.FromObject(value, Serializer).ToString(Formatting.None) != _emptyJson.GetOrAdd(type, t => JToken.FromObject(Activator.CreateInstance(t)!, Serializer).ToString(Formatting.None)))
            {
                return false;
            }
        }

        return true;
    }

    private void Parse(string key, string json, string eTag, Dictionary<string, object> values)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, MaxDepth = 128 };
            if (!reader.Read() || reader.TokenType != JsonToken.StartObject)
            {
                throw new StorageCorruptRecordException(key, eTag, null);
            }

            while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
            {
                var name = (string)reader.Value!;
                reader.Read();
                values[name] = (_types.TryGetValue(name, out var type) ? Serializer.Deserialize(reader, type) : JToken.ReadFrom(reader))!;
            }

            if (reader.TokenType != JsonToken.EndObject || reader.Read())
            {
                throw new JsonReaderException("Additional text after the JSON object.");
            }
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // Not JSON, or JSON of the wrong shape (an owner that is a number): either way the record cannot be used.
            throw new StorageCorruptRecordException(key, eTag, ex);
        }
    }

    private static string Serialize(IDictionary<string, object> values)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            writer.WriteStartObject();
            foreach (var (name, value) in values)
            {
                if (name is JsonStorage.ETagProperty or "ETag")
                {
                    continue;
                }

                writer.WritePropertyName(name);
                Serializer.Serialize(writer, value);
            }

            writer.WriteEndObject();
        }

        return text.ToString();
    }
}
