using Microsoft.Bot.Schema;
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
    private static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.DateTimeOffset,
        MaxDepth = 32,
    };

    public static string Serialize(Activity activity) => JsonConvert.SerializeObject(activity, Settings);

    /// <summary>The activity in <paramref name="json"/>; null when it is not JSON, not an activity, or nested too deeply.</summary>
    public static Activity? Read(string json)
    {
        try
        {
            return JsonConvert.DeserializeObject<Activity>(json, Settings);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A deep copy, so nothing one holder changes leaks into the other.</summary>
    public static Activity Copy(Activity activity) => JsonConvert.DeserializeObject<Activity>(Serialize(activity), Settings)!;
}
