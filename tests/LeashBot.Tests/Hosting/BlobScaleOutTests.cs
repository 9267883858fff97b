using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using LeashBot.Tests.Storage;
using LeashBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Hosting;

/// <summary>
/// Two instances of one deployment, as App Service runs them behind its load balancer: the same Blob container (a
/// real Azurite) and the same <c>DirectLine:TokenSigningKey</c>. Channels that come through Azure Bot Service
/// (Azure's Direct Line and Web Chat, Teams, SMS) post each turn to <c>/api/messages</c> of whichever instance the
/// balancer picks; the built-in Direct Line keeps its transcripts in one instance's memory.
/// </summary>
public sealed class BlobScaleOutTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [SkippableFact]
    public async Task One_owners_training_plan_served_alternately_by_two_instances_loses_no_turn()
    {
        var settings = Deployment();
        using var first = new BotHost(settings);
        using var second = new BotHost(settings);
        Owner On(BotHost host) => host.NewOwner(channelId: "webchat", userId: "owner-scaled", conversationId: "plan-scaled");

        await On(first).SaysAsync("start training");
        (await On(second).SaysAsync("Milo")).Says("Milo");
        (await On(first).SaysAsync("10 minutes, relaxed")).Says("Shall I move Milo on to step 2");
        (await On(second).SaysAsync("yes")).Says("on to step 2");
        (await On(first).SaysAsync("we just did a session")).Says("How long");
        (await On(second).SaysAsync("about 5 minutes")).Says("How did Milo seem");
        (await On(first).SaysAsync("relaxed and happy")).Says("Shall I move Milo on to step 3");
    }

    [SkippableFact]
    public async Task A_Direct_Line_token_issued_by_one_instance_is_accepted_by_the_other()
    {
        var settings = Deployment();
        using var first = new BotHost(settings);
        using var second = new BotHost(settings);

        // The widget's page asks instance one for a token ...
        using var page = first.CreateClient();
        using var issued = await page.PostAsync(new Uri("/api/directline/token", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var grant = JObject.Parse(await issued.Content.ReadAsStringAsync());

        // ... and Web Chat's refresh 15 minutes later lands on instance two.
        var (status, refreshed) = await RefreshAsync(second, (string)grant["token"]!);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((string?)grant["conversationId"], (string?)refreshed["conversationId"]);

        // And back: the refreshed token is good on instance one.
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(first, (string)refreshed["token"]!)).Status);
    }

    [SkippableFact]
    public async Task Without_a_shared_signing_key_the_other_instance_refuses_the_token()
    {
        var settings = Deployment();
        settings["DirectLine:TokenSigningKey"] = ""; // a random key per start
        using var first = new BotHost(settings);
        using var second = new BotHost(settings);
        using var page = first.CreateClient();
        using var issued = await page.PostAsync(new Uri("/api/directline/token", UriKind.Relative), null);
        var token = (string)JObject.Parse(await issued.Content.ReadAsStringAsync())["token"]!;

        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(first, token)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await RefreshAsync(second, token)).Status);
    }

    [SkippableFact]
    public async Task A_built_in_Direct_Line_chat_started_on_one_instance_is_unknown_to_the_other_so_several_instances_need_Azures_Direct_Line()
    {
        var settings = Deployment();
        using var first = new BotHost(settings);
        using var second = new BotHost(settings);
        using var page = first.CreateClient();
        using var issued = await page.PostAsync(new Uri("/api/directline/token", UriKind.Relative), null);
        var token = (string)JObject.Parse(await issued.Content.ReadAsStringAsync())["token"]!;

        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await page.SendAsync(start);
        Assert.True(started.IsSuccessStatusCode, $"{(int)started.StatusCode}");
        var conversationId = (string)JObject.Parse(await started.Content.ReadAsStringAsync())["conversationId"]!;

        // The same poll Web Chat makes: instance one has the transcript, instance two (same key, same storage) does not.
        async Task<HttpStatusCode> PollAsync(BotHost host)
        {
            using var client = host.CreateClient();
            using var poll = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark=");
            poll.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(poll);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await PollAsync(first));
        Assert.Equal(HttpStatusCode.NotFound, await PollAsync(second));
    }

    private Dictionary<string, string?> Deployment() => new()
    {
        ["Storage:Provider"] = "Blob",
        ["Storage:Blob:ConnectionString"] = azurite.ConnectionString,
        ["Storage:Blob:Container"] = "scale-" + Guid.NewGuid().ToString("N")[..12],
        ["DirectLine:TokenSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    private static async Task<(HttpStatusCode Status, JObject Body)> RefreshAsync(BotHost host, string token)
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/refresh");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.StartsWith('{') ? JObject.Parse(body) : []);
    }
}
