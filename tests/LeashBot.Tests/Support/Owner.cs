using System.Net;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Support;

/// <summary>An owner chatting with the bot through POST /api/messages with deliveryMode expectReplies.</summary>
public sealed class Owner(HttpClient http, string channelId, string userId, string conversationId)
{
    public string UserId => userId;
    public string ConversationId => conversationId;
    public HttpClient Http => http;

    /// <summary>The owner opens the chat: a conversationUpdate that adds the owner.</summary>
    public Task<Replies> JoinsAsync() => PostAsync(Activity("conversationUpdate", null, new JObject
    {
        ["membersAdded"] = new JArray(new JObject { ["id"] = userId }, new JObject { ["id"] = "leashbot" }),
    }));

    public Task<Replies> SaysAsync(string text) => PostAsync(Activity("message", text));

    public async Task<Replies> PostAsync(JObject activity)
    {
        using var content = new StringContent(activity.ToString(Formatting.None), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST /api/messages answered {(int)response.StatusCode}: {body}");
        var activities = body.Length == 0 ? [] : JObject.Parse(body)["activities"] as JArray ?? [];
        return new Replies(activities.OfType<JObject>().ToList());
    }

    public JObject Activity(string type, string? text, JObject? extra = null)
    {
        var activity = new JObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = channelId,
            ["serviceUrl"] = "http://localhost:1/",
            ["from"] = new JObject { ["id"] = userId, ["name"] = "Owner" },
            ["recipient"] = new JObject { ["id"] = "leashbot", ["name"] = "LeashBot" },
            ["conversation"] = new JObject { ["id"] = conversationId },
            ["deliveryMode"] = "expectReplies",
            ["locale"] = "en-US",
        };
        if (text is not null)
        {
            activity["text"] = text;
        }

        if (extra is not null)
        {
            activity.Merge(extra);
        }

        return activity;
    }
}

/// <summary>What the bot said in one turn, with assertions that read like a transcript.</summary>
public sealed class Replies(IReadOnlyList<JObject> activities)
{
    public IReadOnlyList<JObject> Activities => activities;

    public IReadOnlyList<string> Texts => activities.Select(a => (string?)a["text"] ?? "").ToList();

    public string All => string.Join("\n", Texts);

    public IReadOnlyList<string> Buttons => activities
        .SelectMany(a => (a["suggestedActions"]?["actions"] as JArray ?? [])
            .Concat(a["attachments"]?.SelectMany(att => att["content"]?["buttons"] as JArray ?? att["content"]?["actions"] as JArray ?? []) ?? []))
        .Select(b => (string?)b["title"] ?? "")
        .ToList();

    public Replies Says(string fragment)
    {
        Assert.True(All.Contains(fragment, StringComparison.OrdinalIgnoreCase), $"Expected the bot to say \"{fragment}\", but it said:\n{All}");
        return this;
    }

    public Replies DoesNotSay(string fragment)
    {
        Assert.False(All.Contains(fragment, StringComparison.OrdinalIgnoreCase), $"Expected the bot not to say \"{fragment}\", but it said:\n{All}");
        return this;
    }

    public Replies Offers(params string[] buttons)
    {
        foreach (var button in buttons)
        {
            Assert.True(Buttons.Contains(button), $"Expected a \"{button}\" button; the buttons were: {string.Join(", ", Buttons)}\n{All}");
        }

        return this;
    }

    public Replies FirstSays(string fragment)
    {
        Assert.NotEmpty(Texts);
        Assert.True(Texts[0].Contains(fragment, StringComparison.OrdinalIgnoreCase), $"Expected the first reply to say \"{fragment}\", but it was:\n{Texts[0]}");
        return this;
    }
}
