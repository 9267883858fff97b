using LeashBot.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeashBot.State;

// The record's JSON: read property by property straight into the registered types, and composed back without empty values.
public sealed partial class TurnRecords
{
    /// <summary>The member that holds the conversations, up to its opening brace's place: <c>"conversations":</c>.</summary>
    private const string ConversationsMember = "\"" + ConversationsProperty + "\":";

    /// <summary>A thread's reused writer is let go when a value made it larger than this.</summary>
    private const int MaxKeptWriterChars = 64 * 1024;

    [ThreadStatic]
    private static StringWriter? t_text;

    /// <summary>
    /// Reads the record into <paramref name="turn"/>. This conversation's entry is read straight into its types when it is
    /// laid out as <see cref="Compose"/> writes it; otherwise, and when a value in it does not fit, that throws
    /// <see cref="EntryNotAsWritten"/>, and read <paramref name="carefully"/> the entry is taken as a whole first, so that an
    /// entry that does not fit is given up alone.
    /// </summary>
    private void Parse(Turn turn, string json, string eTag, bool discardConversation, bool carefully) =>
        ParseObject(turn.Stored.Key, json, eTag, reader =>
        {
            var name = (string)reader.Value!;
            reader.Read();
            if (name == ConversationsProperty)
            {
                ReadConversations(turn, reader, discardConversation, carefully);
            }
            else
            {
                turn.Owner[name] = ReadValue(reader, Owner, name);
            }
        });

    /// <summary>Reads a stored JSON object property by property; anything that is not one, or does not fit, is a corrupt record.</summary>
    private static void ParseObject(string key, string json, string eTag, Action<JsonTextReader> readProperty)
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
                readProperty(reader);
            }

            if (reader.TokenType != JsonToken.EndObject || reader.Read())
            {
                throw new JsonReaderException("Additional text after the JSON object.");
            }
        }
        catch (Exception ex) when (IsShapeError(ex))
        {
            // Not JSON, or JSON of the wrong shape (an owner that is a number): either way the record cannot be used.
            throw new StorageCorruptRecordException(key, eTag, ex);
        }
    }

    private static void ReadValues(JsonTextReader reader, Part part, Dictionary<string, object> values)
    {
        var name = (string)reader.Value!;
        reader.Read();
        values[name] = ReadValue(reader, part, name);
    }

    private static object ReadValue(JsonReader reader, Part part, string name) =>
        (part.Types.TryGetValue(name, out var type) ? Serializer.Deserialize(reader, type) : JToken.ReadFrom(reader))!;

    private void ReadConversations(Turn turn, JsonTextReader reader, bool discardConversation, bool carefully)
    {
        if (reader.TokenType != JsonToken.StartObject)
        {
            throw new JsonSerializationException("The conversations of a record are not an object.");
        }

        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
        {
            var name = (string)reader.Value!;
            reader.Read();
            if (name == turn.EntryName && !carefully)
            {
                ReadEntryAsWritten(turn, reader, discardConversation);
                continue;
            }

            var entry = JToken.ReadFrom(reader);
            var at = entry is JObject { } o && o[AtProperty] is JValue { Type: JTokenType.String } value ? (string?)value : null;
            if (name != turn.EntryName)
            {
                turn.Others.Add(new OtherConversation(name, at, entry));
                continue;
            }

            turn.EntryFound = true;
            if (IsIdle(at))
            {
                // Idle past the retention's days: the conversation starts afresh, as if its part had been swept.
                continue;
            }

            turn.EntryAt = at;
            if (discardConversation)
            {
                turn.ConversationDiscarded = true;
                continue;
            }

            try
            {
                if (entry is not JObject { } whole || whole[StateProperty] is not JObject state)
                {
                    throw new JsonSerializationException("A conversation's entry has no state object.");
                }

                foreach (var property in state.Properties())
                {
                    turn.Conversation[property.Name] = Conversation.Types.TryGetValue(property.Name, out var type)
                        ? property.Value.ToObject(type, Serializer)!
                        : property.Value;
                }

                turn.ConversationLoaded = true;
            }
            catch (Exception ex) when (IsShapeError(ex))
            {
                // One conversation's part that does not fit is given up alone: the owner's progress and other conversations stay.
                turn.Conversation.Clear();
                turn.ConversationDiscarded = true;
            }
        }

        if (reader.TokenType != JsonToken.EndObject)
        {
            throw new JsonSerializationException("The conversations of a record are not an object.");
        }
    }

    /// <summary>
    /// Reads this conversation's entry laid out as <see cref="Compose"/> writes it (<c>{"at":"…","state":{…}}</c>), each
    /// value straight into its type, with the same outcome as the careful reading; anything else throws
    /// <see cref="EntryNotAsWritten"/> (the reader is then somewhere inside the entry, so the record is read again).
    /// </summary>
    private void ReadEntryAsWritten(Turn turn, JsonTextReader reader, bool discardConversation)
    {
        turn.EntryFound = true;
        if (reader.TokenType != JsonToken.StartObject || !NextIsProperty(reader, AtProperty) || !reader.Read() || reader.TokenType != JsonToken.String)
        {
            throw new EntryNotAsWritten();
        }

        var at = (string)reader.Value!;
        var idle = IsIdle(at);
        if (idle || discardConversation)
        {
            // Idle past the retention's days (the conversation starts afresh) or given up on request: its values are not read.
            turn.EntryAt = idle ? null : at;
            turn.ConversationDiscarded = !idle;
            while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
            {
                reader.Read();
                reader.Skip();
            }

            return;
        }

        if (!NextIsProperty(reader, StateProperty) || !reader.Read() || reader.TokenType != JsonToken.StartObject)
        {
            throw new EntryNotAsWritten();
        }

        try
        {
            while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
            {
                ReadValues(reader, Conversation, turn.Conversation);
            }
        }
        catch (Exception ex) when (IsShapeError(ex))
        {
            throw new EntryNotAsWritten();
        }

        if (reader.TokenType != JsonToken.EndObject || !reader.Read() || reader.TokenType != JsonToken.EndObject)
        {
            throw new EntryNotAsWritten();
        }

        turn.EntryAt = at;
        turn.ConversationLoaded = true;
    }

    private static bool NextIsProperty(JsonTextReader reader, string name) =>
        reader.Read() && reader.TokenType == JsonToken.PropertyName && (string?)reader.Value == name;

    /// <summary>True for the exceptions a JSON value of the wrong shape causes when read or converted to a type.</summary>
    internal static bool IsShapeError(Exception exception) =>
        exception is JsonException or ArgumentException or FormatException or InvalidCastException or OverflowException;

    /// <summary>
    /// The whole record's text: the owner's values (<paramref name="owner"/>), then the person's other conversations as
    /// read and this conversation's values (<paramref name="state"/>; null once deleted) with <paramref name="at"/> as its day.
    /// </summary>
    private static string Compose(Turn turn, string owner, string? state, string at)
    {
        var text = new StringBuilder(owner.Length + (state?.Length ?? 0) + 64).Append('{').Append(owner);
        if (turn.Others.Count > 0 || state is not null)
        {
            text.Append(owner.Length > 0 ? "," : "").Append(ConversationsMember).Append('{');
            var first = true;
            foreach (var other in turn.Others)
            {
                text.Append(first ? "" : ",").Append(JsonConvert.ToString(other.Name)).Append(':').Append(other.Entry.ToString(Formatting.None));
                first = false;
            }

            if (state is not null)
            {
                // Written even when empty (nothing pending, no flag set): the entry says this conversation has no record
                // of the old shape to look for.
                text.Append(first ? "" : ",").Append(JsonConvert.ToString(turn.EntryName))
                    .Append(":{\"").Append(AtProperty).Append("\":").Append(JsonConvert.ToString(at))
                    .Append(",\"").Append(StateProperty).Append("\":{").Append(state).Append("}}");
            }

            text.Append('}');
        }

        return text.Append('}').ToString();
    }

    /// <summary>This conversation's values as JSON object members, or null once they were deleted ("forget me").</summary>
    private string? ConversationValues(Turn turn) => turn.ConversationDeleted ? null : ComposeValues(Conversation, turn.Conversation);

    /// <summary>
    /// True when <paramref name="owner"/> (the owner's values as composed now) is the owner's part of the record as it was
    /// loaded. <see cref="Compose"/> writes a record as "{", the owner's values, then "," and the conversations or "}", so a
    /// record this class wrote is compared as text without writing out the values it was loaded with a second time. A
    /// record written any other way (an older shape, other spacing or order) reads as changed, and the turn's write gives
    /// it this shape.
    /// </summary>
    private static bool IsLoadedOwnerPart(string? loaded, string owner)
    {
        if (loaded is null)
        {
            return owner.Length == 0;
        }

        var text = loaded.AsSpan();
        if (text.Length < owner.Length + 2 || text[0] != '{' || !text.Slice(1, owner.Length).SequenceEqual(owner))
        {
            return false;
        }

        var rest = text[(1 + owner.Length)..];
        if (rest is "}")
        {
            return true;
        }

        if (owner.Length > 0)
        {
            if (rest[0] != ',')
            {
                return false;
            }

            rest = rest[1..];
        }

        return rest.StartsWith(ConversationsMember, StringComparison.Ordinal);
    }

    /// <summary>The values as JSON object members (without the braces), leaving out each one that is its type's new, empty instance.</summary>
    private static string ComposeValues(Part part, Dictionary<string, object> values)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in values)
        {
            if (name is JsonStorage.ETagProperty or "ETag")
            {
                continue;
            }

            var json = ToJson(value);
            if (value is not null && part.Types.TryGetValue(name, out var type) && value.GetType() == type
                && json == part.EmptyJson.GetOrAdd(type, t => ToJson(Activator.CreateInstance(t))))
            {
                continue;
            }

            text.Append(text.Length > 0 ? "," : "").Append(JsonConvert.ToString(name)).Append(':').Append(json);
        }

        return text.ToString();
    }

    private static string ToJson(object? value)
    {
        // One writer per thread, reused: a turn writes several values, each into text of its own.
        var text = t_text ??= new StringWriter(CultureInfo.InvariantCulture);
        var buffer = text.GetStringBuilder().Clear();
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None, CloseOutput = false })
        {
            Serializer.Serialize(writer, value);
        }

        var json = buffer.ToString();
        if (buffer.Capacity > MaxKeptWriterChars)
        {
            t_text = null;
        }

        return json;
    }

    /// <summary>This conversation's entry is not as <see cref="Compose"/> writes it, or a value in it does not fit its type.</summary>
    private sealed class EntryNotAsWritten : Exception;
}
