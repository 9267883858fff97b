using System.Net;
using System.Net.Sockets;
using System.Text;
using LeashBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Hosting;

/// <summary>
/// /api/messages when the caller or the channel misbehaves: a missing or hostile serviceUrl, conversation ids that try
/// to climb out of the reply path, a connector (a real HTTP listener on loopback standing in for Azure's) that fails or
/// stalls, oversized and unreadable bodies, ids that would bloat storage, control characters for the log. Each answer is
/// a 4xx with a reason or a normal reply, never a 500, and no owner loses or skips progress.
/// </summary>
public sealed class MessagesPipelineTests
{
    [Fact]
    public async Task Expect_replies_needs_no_serviceUrl()
    {
        using var host = new BotHost();
        var owner = host.NewOwner();
        var activity = owner.Activity("message", "my cat froze, what now?");
        activity.Remove("serviceUrl");
        var (status, body) = await PostAsync(host, activity);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Freezing", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "'serviceUrl' is required")]
    [InlineData("", "'serviceUrl' is required")]
    [InlineData("not a url", "absolute http or https")]
    [InlineData("/relative/path", "absolute http or https")]
    [InlineData("ftp://127.0.0.1/", "absolute http or https")]
    [InlineData("file:///etc/passwd", "absolute http or https")]
    [InlineData("javascript:alert(1)", "absolute http or https")]
    [InlineData("http://user:secret@127.0.0.1:9/", "user info")]
    [InlineData("http://127.0.0.1:9/?next=http://evil.example", "query or fragment")]
    public async Task A_serviceUrl_replies_cannot_go_to_is_a_400_with_the_reason(string? serviceUrl, string reason)
    {
        using var host = new BotHost();
        var owner = host.NewOwner();
        var activity = Posted(owner.Activity("message", "hi"), serviceUrl);
        var (status, body) = await PostAsync(host, activity);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("../../admin")]
    [InlineData("..%2F..%2Fadmin")]
    [InlineData("a/b?c=d#e")]
    [InlineData("19:abc@thread.tacv2;messageid=1700000000000")]
    public async Task A_conversation_id_is_one_path_segment_of_the_reply_url(string conversationId)
    {
        await using var connector = new LocalConnector(ConnectorBehaviour.Accept);
        using var host = new BotHost();
        var owner = host.NewOwner(conversationId: conversationId);
        var activity = Posted(owner.Activity("message", "my cat froze, what now?"), connector.ServiceUrl);
        var (status, _) = await PostAsync(host, activity);
        Assert.Equal(HttpStatusCode.OK, status);

        Assert.NotEmpty(connector.Requests);
        foreach (var (method, target, body) in connector.Requests)
        {
            Assert.Equal("POST", method);
            var segments = target.Split('/');
            Assert.Equal(["", "v3", "conversations"], segments[..3]);
            Assert.Equal("activities", segments[4]);
            Assert.Equal(conversationId, Uri.UnescapeDataString(segments[3]));
            Assert.DoesNotContain(segments, s => s is "." or "..");
            Assert.Equal(conversationId, (string?)JObject.Parse(body)["conversation"]?["id"]);
        }
    }

    [Fact]
    public async Task A_stalling_connector_holds_neither_the_request_for_long_nor_the_same_owner_in_another_conversation()
    {
        await using var connector = new LocalConnector(ConnectorBehaviour.Stall);
        using var host = new BotHost(new() { ["Messages:ReplyTimeoutSeconds"] = "3" });
        var owner = host.NewOwner();
        await owner.SaysAsync("start training");

        var stalling = PostAsync(host, Posted(owner.Activity("message", "Milo"), connector.ServiceUrl));
        await WaitUntilAsync(() => !connector.Requests.IsEmpty);

        // The same owner, in another conversation, while the first turn waits on the connector: answered while the
        // host's clock stands still, so it did not wait for the stalled turn's timeout.
        var elsewhere = new Owner(host.CreateClient(), "webchat", owner.UserId, "another-conversation");
        Assert.NotEmpty((await elsewhere.SaysAsync("how do I pick a harness?")).Texts);
        Assert.False(stalling.IsCompleted, "The stalled turn ended before its reply timeout.");

        // The reply timeout (3 s on the host's clock) ends the stalled request.
        host.Clock.Advance(TimeSpan.FromSeconds(3));
        var (status, body) = await stalling;
        Assert.Equal((HttpStatusCode)424, status);
        Assert.Contains("did not answer within 3 s", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ConnectorBehaviour.Fail)]
    [InlineData(ConnectorBehaviour.Stall)]
    public async Task A_turn_whose_replies_were_not_delivered_leaves_the_owner_where_they_were(ConnectorBehaviour behaviour)
    {
        await using var connector = new LocalConnector(behaviour);
        using var host = new BotHost(new() { ["Messages:ReplyTimeoutSeconds"] = "2" });
        var owner = host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Milo");
        (await owner.SaysAsync("how's Milo doing?")).Says("step 1 of 10");

        var posting = PostAsync(host, Posted(owner.Activity("message", "we did 10 minutes, he was relaxed"), connector.ServiceUrl));
        if (behaviour == ConnectorBehaviour.Stall)
        {
            await WaitUntilAsync(() => !connector.Requests.IsEmpty);
            host.Clock.Advance(TimeSpan.FromSeconds(2)); // the reply timeout, on the host's clock
        }

        var (status, body) = await posting;
        Assert.Equal((HttpStatusCode)424, status);
        Assert.Contains("nothing was saved", body, StringComparison.Ordinal);
        Assert.NotEmpty(connector.Requests);

        // The session was not logged: Milo is still on step 1, and saying it again works.
        (await owner.SaysAsync("how's Milo doing?")).Says("step 1 of 10");
        await owner.SaysAsync("we did 10 minutes, he was relaxed");
        (await owner.SaysAsync("how's Milo doing?")).Says("Sessions at this step: 1,");
    }

    [Fact]
    public async Task Replies_to_a_working_connector_are_delivered_and_the_turn_is_kept()
    {
        await using var connector = new LocalConnector(ConnectorBehaviour.Accept);
        using var host = new BotHost();
        var owner = host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Milo");
        var (status, _) = await PostAsync(host, Posted(owner.Activity("message", "we did 10 minutes, he was relaxed"), connector.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(connector.Requests, r => r.Body.Contains("Milo", StringComparison.Ordinal));
        (await owner.SaysAsync("how's Milo doing?")).Says("Sessions at this step: 1,");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_an_oversized_id_is_400()
    {
        using var host = new BotHost(new() { ["Messages:MaxActivityBytes"] = "65536" });
        var owner = host.NewOwner();
        var (tooLarge, reason) = await PostAsync(host, owner.Activity("message", new string('a', 70_000)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge);
        Assert.Contains("at most 65536 bytes", reason, StringComparison.Ordinal);

        var longConversation = owner.Activity("message", "hi");
        longConversation["conversation"]!["id"] = new string('c', 257);
        var (status, body) = await PostAsync(host, longConversation);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("conversation.id", body, StringComparison.Ordinal);

        var longUser = owner.Activity("message", "hi");
        longUser["from"]!["id"] = new string('u', 10_000);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(host, longUser)).Status);
    }

    [Theory]
    [InlineData("web\nchat")]
    [InlineData("web\u001b[31mchat")]
    [InlineData("web/chat")]
    [InlineData("")]
    public async Task A_channel_id_that_is_not_a_plain_token_is_400_and_never_reaches_the_log(string channelId)
    {
        var logs = new LogCapture();
        using var host = new BotHost().WithServices(services => services.AddSingleton<ILoggerProvider>(logs));
        var activity = host.NewOwner().Activity("message", "hi");
        activity["channelId"] = channelId;
        var (status, body) = await PostAsync(host, activity);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("channelId", body, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains('\u001b') || (channelId.Length > 0 && e.Message.Contains(channelId, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"channelId\":\"test\",\"conversation\":{\"id\":\"c\"},\"from\":{\"id\":\"u\"},\"deliveryMode\":\"expectReplies\",\"timestamp\":\"not a date\"}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"test\",\"conversation\":{\"id\":\"c\"},\"from\":{\"id\":\"u\"},\"deliveryMode\":\"expectReplies\",\"membersAdded\":\"x\"}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"test\",\"conversation\":[],\"from\":{\"id\":\"u\"}}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"test\",\"from\":{\"id\":\"u\"},\"deliveryMode\":\"expectReplies\"}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"test\",\"conversation\":{\"id\":\"c\"},\"deliveryMode\":\"expectReplies\",\"text\":\"hi\"}")]
    [InlineData("\"just a string\"")]
    [InlineData("null")]
    public async Task Bodies_that_are_not_activities_get_400_with_a_reason(string json)
    {
        using var host = new BotHost();
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await host.CreateClient().PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        // Problem details (RFC 9457): the reason in "detail", a short code in "error".
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JObject.Parse(body);
        Assert.Equal(400, (int?)problem["status"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]), body);
        Assert.StartsWith("bad_", (string?)problem["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invoke_nobody_handles_is_acknowledged_not_501()
    {
        using var host = new BotHost();
        var activity = host.NewOwner().Activity("invoke", null);
        activity["name"] = "composeExtension/query";
        var (status, _) = await PostAsync(host, activity);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task A_malformed_chunked_body_is_400_on_the_real_server()
    {
        using var server = LeashBot.Tests.Support.BotHost.OnKestrel();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, server.BaseAddress.Port);
        var stream = client.GetStream();
        var request = "POST /api/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5\r\n{\"typ\r\nZZZ-not-hex\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer);
        var answer = Encoding.ASCII.GetString(buffer, 0, read);
        Assert.StartsWith("HTTP/1.1 400", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Server:", answer, StringComparison.OrdinalIgnoreCase);
    }

    internal static JObject Posted(JObject activity, string? serviceUrl)
    {
        activity.Remove("deliveryMode");
        if (serviceUrl is null)
        {
            activity.Remove("serviceUrl");
        }
        else
        {
            activity["serviceUrl"] = serviceUrl;
        }

        return activity;
    }

    internal static async Task<(HttpStatusCode Status, string Body)> PostAsync(BotHost host, JObject activity)
    {
        using var content = new StringContent(activity.ToString(Formatting.None), Encoding.UTF8, "application/json");
        using var client = host.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"POST /api/messages answered {(int)response.StatusCode}: {body}");
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        return (response.StatusCode, body);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), "Timed out waiting.");
    }
}
