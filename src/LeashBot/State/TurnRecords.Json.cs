using System.Globalization;
using System.Text;
using LeashBot.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeashBot.State;

// The record's JSON: read property by property straight into the registered types, and composed back without empty values.
public sealed partial class TurnRecords
{
    private void Parse(Turn turn, string json, string eTag, bool discardConversation) =>
        ParseObject(turn.Stored.Key, json, eTag, reader =>
        {
            var name = (string)reader.Value!;
            reader.Read();
            if (name == ConversationsProperty)
            {
                ReadConversations(turn, reader, discardConversation);
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

    private void ReadConversations(Turn turn, JsonTextReader reader, bool discardConversation)
    {
        if (reader.TokenType != JsonToken.StartObject)
        {
            throw new JsonSerializationException("The conversations of a record are not an object.");
        }

        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
        {
            var name = (string)reader.Value!;
            reader.Read();
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

    /// <summary>True for the exceptions a JSON value of the wrong shape causes when read or converted to a type.</summary>
    internal static bool IsShapeError(Exception exception) =>
        exception is JsonException or ArgumentException or FormatException or InvalidCastException or OverflowException;

    /// <summary>The whole record's text, with <paramref name="at"/> as the day of this conversation's part.</summary>
    private string Compose(Turn turn, string at)
    {
        var text = new StringBuilder("{");
        text.Append(ComposeValues(Owner, turn.Owner));
        var state = turn.ConversationDeleted ? null : ComposeValues(Conversation, turn.Conversation);
        if (turn.Others.Count > 0 || state is not null)
        {
            if (text.Length > 1)
            {
                text.Append(',');
            }

            text.Append(JsonConvert.ToString(ConversationsProperty)).Append(":{");
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
                    .Append(":{").Append(JsonConvert.ToString(AtProperty)).Append(':').Append(JsonConvert.ToString(at))
                    .Append(',').Append(JsonConvert.ToString(StateProperty)).Append(":{").Append(state).Append("}}");
            }

            text.Append('}');
        }

        return text.Append('}').ToString();
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
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            Serializer.Serialize(writer, value);
        }

        return text.ToString();
    }
}
