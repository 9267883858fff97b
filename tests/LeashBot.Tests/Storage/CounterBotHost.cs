using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Storage;

/// <summary>The real LeashBot host in memory with its storage settings, running (by default) the <see cref="CounterBot"/> instead of the coaching.</summary>
public sealed class CounterBotHost(IReadOnlyDictionary<string, string?> settings, bool counterBot = true) : WebApplicationFactory<Program>
{
    public static CounterBotHost Sqlite(string path) => new(new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite", ["Storage:Sqlite:Path"] = path });

    public static CounterBotHost Blob(string connectionString, string container) => new(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Blob",
        ["Storage:Blob:ConnectionString"] = connectionString,
        ["Storage:Blob:Container"] = container,
    });

    /// <summary>Sends one message with expectReplies and returns the texts of the bot's replies.</summary>
    public async Task<string[]> SayAsync(string conversationId, string userId, string text, string channelId = "test")
    {
        var activity = new
        {
            type = "message",
            id = Guid.NewGuid().ToString("N"),
            channelId,
            serviceUrl = "http://localhost/",
            deliveryMode = "expectReplies",
            conversation = new { id = conversationId },
            from = new { id = userId, name = "Owner" },
            recipient = new { id = "leashbot", name = "LeashBot" },
            text,
        };
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/messages", activity);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/messages answered {(int)response.StatusCode}: {body}");
        var activities = (JArray?)JObject.Parse(body)["activities"] ?? [];
        return [.. activities.Select(a => (string?)a["text"] ?? "")];
    }

    public async Task<(int Status, JObject Body)> HealthAsync()
    {
        using var client = CreateClient();
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        return ((int)response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()));
    }

    public IStorage Storage => Services.GetRequiredService<IStorage>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (counterBot)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<IBot, CounterBot>());
        }
    }
}
