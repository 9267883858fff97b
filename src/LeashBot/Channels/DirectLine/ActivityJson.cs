using System.Text.Json;
using Newtonsoft.Json;

namespace LeashBot.Channels.DirectLine;

/// <summary>
/// Activities on Direct Line's wire, read and written here and only here, with Newtonsoft.Json. Bot Framework's
/// <see cref="Activity"/> is made for Newtonsoft (its member names, its JObject <c>channelData</c> and <c>value</c>,
/// unknown members kept in <c>properties</c>), and Bot Framework itself reads and writes it that way, so the echo a
/// client gets back and the activity the bot sees keep every member the client sent. Direct Line's own small objects
/// around the activities (<see cref="DirectLineWire"/>) use System.Text.Json, as the rest of the host does.
/// </summary>
internal static class ActivityJson
{
    private const int MaxDepth = 32;

    private static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.DateTimeOffset,
        MaxDepth = MaxDepth,

        // "$type", "$id", "$ref" and "$values" in a client's JSON are data, never instructions to the reader.
        MetadataPropertyHandling = MetadataPropertyHandling.Ignore,
        TypeNameHandling = TypeNameHandling.None,
    };

    public static string Serialize(Activity activity) => JsonConvert.SerializeObject(activity, Settings);

    /// <summary>
    /// The activity in <paramref name="utf8"/>; null when it is not strict UTF-8 JSON, is nested too deeply, or its
    /// members have the wrong kinds of value.
    /// </summary>
    public static Activity? Read(ReadOnlySpan<byte> utf8)
    {
        if (!IsStrictJson(utf8))
        {
            return null;
        }

        try
        {
            return JsonConvert.DeserializeObject<Activity>(Encoding.UTF8.GetString(utf8), Settings);
        }
        catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or ArgumentException or FormatException or InvalidCastException or OverflowException or InvalidOperationException or NullReferenceException)
        {
            // Whatever the reader throws on a client's body, the body is what is wrong with it.
            return null;
        }
    }

    /// <summary>A deep copy, so nothing one holder changes leaks into the other.</summary>
    public static Activity Copy(Activity activity) => JsonConvert.DeserializeObject<Activity>(Serialize(activity), Settings)!;

    /// <summary>
    /// Newtonsoft reads JavaScript as well as JSON (comments, single quotes, NaN, <c>undefined</c>) and writes an
    /// <c>undefined</c> it kept in <c>channelData</c> back out as it is: stored in the transcript, that would make every
    /// later poll and stream frame of the conversation unreadable to Web Chat. So a body must first pass
    /// System.Text.Json's reader, which accepts strict JSON in valid UTF-8 only, and checks nothing else.
    /// </summary>
    private static bool IsStrictJson(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
