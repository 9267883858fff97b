using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeashBot.Tests.Support;

namespace LeashBot.Tests.DirectLine;

/// <summary>Direct Line as Web Chat speaks it, against a <see cref="BotHost"/>: a token, a conversation, raw requests.</summary>
public static class DirectLineClient
{
    public static async Task<JsonObject> GetTokenAsync(this BotHost host)
    {
        using var response = await host.Http.PostAsync("/api/directline/token", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ReadJsonAsync(response))!;
    }

    /// <summary>Token from the page route, then POST conversations (201).</summary>
    public static async Task<Session> StartAsync(this BotHost host)
    {
        var grant = await host.GetTokenAsync();
        var token = grant["token"]!.GetValue<string>();
        using var request = Request(HttpMethod.Post, "/v3/directline/conversations", token);
        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await ReadJsonAsync(response))!;
        return new Session(host, body["conversationId"]!.GetValue<string>(), body["token"]!.GetValue<string>(), grant["userId"]!.GetValue<string>(), body["streamUrl"]!.GetValue<string>());
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? token, object? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json as string ?? JsonSerializer.Serialize(json), Encoding.UTF8, "application/json");
        }

        return request;
    }

    public static async Task<JsonObject?> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text)?.AsObject();
    }
}

public sealed record Session(BotHost Server, string ConversationId, string Token, string UserId, string StreamUrl)
{
    public string ActivitiesPath => $"/v3/directline/conversations/{ConversationId}/activities";

    public async Task<HttpResponseMessage> PollRawAsync(string? watermark, string? token = null)
    {
        using var request = DirectLineClient.Request(HttpMethod.Get, ActivitiesPath + "?watermark=" + Uri.EscapeDataString(watermark ?? ""), token ?? Token);
        return await Server.Http.SendAsync(request);
    }

    public async Task<(JsonArray Activities, string Watermark)> PollAsync(string? watermark = null)
    {
        using var response = await PollRawAsync(watermark);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await DirectLineClient.ReadJsonAsync(response))!;
        return (body["activities"]!.AsArray(), body["watermark"]!.GetValue<string>());
    }

    /// <summary>Polls until <paramref name="predicate"/> holds for everything seen so far (or 10 s pass).</summary>
    public async Task<List<JsonObject>> WaitForAsync(Func<List<JsonObject>, bool> predicate)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var (activities, _) = await PollAsync();
            var list = activities.Select(a => a!.AsObject()).ToList();
            if (predicate(list) || DateTime.UtcNow > deadline)
            {
                return list;
            }

            await Task.Delay(50);
        }
    }

    public async Task<string> SendAsync(string text, string clientActivityId)
    {
        var activity = new
        {
            type = "message",
            text,
            from = new { id = UserId, role = "user" },
            locale = "en-US",
            channelData = new { clientActivityID = clientActivityId },
        };
        using var request = DirectLineClient.Request(HttpMethod.Post, ActivitiesPath, Token, activity);
        using var response = await Server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await DirectLineClient.ReadJsonAsync(response))!["id"]!.GetValue<string>();
    }
}
