using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeashBot.Tests.DirectLine;

/// <summary>The real host on Kestrel on a loopback port, with test settings and optional service overrides.</summary>
public sealed class LeashBotServer : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public LeashBotServer(Dictionary<string, string?>? settings = null, FakeTimeProvider? time = null, Action<IServiceCollection>? services = null)
    {
        _settings = settings ?? [];
        Time = time;
        _services = services;
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    public FakeTimeProvider? Time { get; }

    public Uri BaseAddress { get; }

    /// <summary>scheme://host:port, as a browser would send it in Origin.</summary>
    public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority);

    public HttpClient Http { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Urls", "");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (Time is not null)
            {
                services.AddSingleton<TimeProvider>(Time);
            }

            _services?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Http.Dispose();
        }

        base.Dispose(disposing);
    }

    // ---- protocol helpers ----

    public async Task<JsonObject> GetTokenAsync()
    {
        using var response = await Http.PostAsync("/api/directline/token", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ReadJsonAsync(response))!;
    }

    /// <summary>Token from the page route, then POST conversations (201).</summary>
    public async Task<Session> StartAsync()
    {
        var grant = await GetTokenAsync();
        var token = grant["token"]!.GetValue<string>();
        using var request = Request(HttpMethod.Post, "/v3/directline/conversations", token);
        using var response = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await ReadJsonAsync(response))!;
        return new Session(this, body["conversationId"]!.GetValue<string>(), body["token"]!.GetValue<string>(), grant["userId"]!.GetValue<string>(), body["streamUrl"]!.GetValue<string>());
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

public sealed record Session(LeashBotServer Server, string ConversationId, string Token, string UserId, string StreamUrl)
{
    public string ActivitiesPath => $"/v3/directline/conversations/{ConversationId}/activities";

    public async Task<HttpResponseMessage> PollRawAsync(string? watermark, string? token = null)
    {
        using var request = LeashBotServer.Request(HttpMethod.Get, ActivitiesPath + "?watermark=" + Uri.EscapeDataString(watermark ?? ""), token ?? Token);
        return await Server.Http.SendAsync(request);
    }

    public async Task<(JsonArray Activities, string Watermark)> PollAsync(string? watermark = null)
    {
        using var response = await PollRawAsync(watermark);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await LeashBotServer.ReadJsonAsync(response))!;
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
        using var request = LeashBotServer.Request(HttpMethod.Post, ActivitiesPath, Token, activity);
        using var response = await Server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await LeashBotServer.ReadJsonAsync(response))!["id"]!.GetValue<string>();
    }
}
