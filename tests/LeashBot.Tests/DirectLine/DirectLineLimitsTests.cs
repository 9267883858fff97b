using System.Net;
using LeashBot.Channels.DirectLine;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Bot.Schema;
using LeashBot.Tests.Support;

namespace LeashBot.Tests.DirectLine;

/// <summary>
/// Direct Line's memory stays bounded whatever visitors do: posting fast (429 with Retry-After), long transcripts
/// (a byte budget per conversation and in total, oldest dropped first) and a full conversation table (the least
/// recently used conversation makes room instead of new visitors getting 503).
/// </summary>
public sealed class DirectLineLimitsTests
{
    [Fact]
    public async Task Posting_faster_than_the_limit_is_429_with_retry_after()
    {
        using var server = BotHost.OnKestrel(new() { ["DirectLine:MaxPostsPerMinute"] = "5" });
        var session = await server.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await session.SendAsync($"message {i}", $"c{i}");
        }

        using var request = DirectLineClient.Request(HttpMethod.Post, session.ActivitiesPath, session.Token, new { type = "message", text = "one too many" });
        using var response = await server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task A_transcript_keeps_within_its_byte_budget_and_a_poll_stays_small()
    {
        using var server = BotHost.OnKestrel(new() { ["DirectLine:MaxTranscriptBytesPerConversation"] = "16384" });
        var session = await server.StartAsync();
        for (var i = 0; i < 12; i++)
        {
            await session.SendAsync($"{i} " + new string('x', 3000), $"c{i}");
        }

        using var response = await session.PollRawAsync("");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(body.Length, 1, 16384 + 4096);
        Assert.Contains("11 xxx", body, StringComparison.Ordinal); // the newest are kept
        Assert.DoesNotContain("\"0 xxx", body, StringComparison.Ordinal); // the oldest went first
    }

    [Fact]
    public void All_transcripts_together_keep_within_the_total_budget_least_recently_used_first()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var store = new ConversationStore(Options.Create(new DirectLineOptions
        {
            MaxTranscriptBytes = 1_048_576,
            MaxTranscriptBytesPerConversation = 262_144,
            MaxActivitiesPerConversation = 100_000,
        }), clock);
        var conversations = Enumerable.Range(0, 8).Select(i => store.GetOrCreate($"conv-{i}", $"user-{i}", out _)!).ToList();
        foreach (var conversation in conversations)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            for (var i = 0; i < 60; i++)
            {
                conversation.Append(new Activity(ActivityTypes.Message) { Text = new string('x', 4000) });
            }
        }

        Assert.True(store.TranscriptBytes > 1_048_576);
        store.EnforceBudget();
        Assert.InRange(store.TranscriptBytes, 1, 1_048_576);
        Assert.True(conversations[^1].Bytes > 200_000, "The most recently used conversation lost activities.");
        Assert.Equal(0, conversations[0].Count);
    }

    [Fact]
    public async Task A_full_conversation_table_makes_room_by_forgetting_the_least_recently_used()
    {
        using var server = BotHost.OnKestrel(new() { ["DirectLine:MaxConversations"] = "2" });
        var first = await server.StartAsync();
        await server.StartAsync();
        var third = await server.StartAsync(); // 201, not 503
        Assert.NotEqual(first.ConversationId, third.ConversationId);
        using var poll = await first.PollRawAsync("");
        Assert.Equal(HttpStatusCode.NotFound, poll.StatusCode);
    }
}

/// <summary>Who the client is, behind a proxy: forwarded headers count only from a configured proxy.</summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task Behind_a_configured_proxy_each_visitor_has_their_own_token_bucket()
    {
        using var server = BotHost.OnKestrel(new()
        {
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["WebChat:TokenRequestsPerMinute"] = "2",
        });
        async Task<HttpStatusCode> TokenFor(string client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
            request.Headers.Add("X-Forwarded-For", client);
            using var response = await server.Http.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await TokenFor("203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await TokenFor("203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await TokenFor("203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await TokenFor("203.0.113.2"));
    }

    [Fact]
    public async Task Without_a_configured_proxy_forwarded_headers_change_nothing_and_a_relayed_anonymous_caller_is_not_local()
    {
        using var server = BotHost.OnKestrel(new() { ["WebChat:TokenRequestsPerMinute"] = "2" });
        for (var i = 0; i < 2; i++)
        {
            using var ok = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
            ok.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 10}");
            Assert.Equal(HttpStatusCode.OK, (await server.Http.SendAsync(ok)).StatusCode);
        }

        // Spoofing a new address does not buy a new bucket.
        using var spoofed = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
        spoofed.Headers.Add("X-Forwarded-For", "203.0.113.99");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await server.Http.SendAsync(spoofed)).StatusCode);

        // A relay on this machine nobody configured (e.g. a local reverse proxy) does not make its visitors local.
        using var relayed = DirectLineClient.Request(HttpMethod.Post, "/api/messages", null, MessagesActivity());
        relayed.Headers.Add("X-Forwarded-For", "203.0.113.7");
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Http.SendAsync(relayed)).StatusCode);
    }

    [Fact]
    public async Task A_request_relayed_by_a_configured_proxy_is_judged_by_the_real_client_address()
    {
        using var server = BotHost.OnKestrel(new() { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" });
        using var remote = DirectLineClient.Request(HttpMethod.Post, "/api/messages", null, MessagesActivity());
        remote.Headers.Add("X-Forwarded-For", "203.0.113.7");
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Http.SendAsync(remote)).StatusCode);

        using var local = DirectLineClient.Request(HttpMethod.Post, "/api/messages", null, MessagesActivity());
        local.Headers.Add("X-Forwarded-For", "127.0.0.1");
        Assert.Equal(HttpStatusCode.OK, (await server.Http.SendAsync(local)).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/embed.js")]
    [InlineData("/healthz")]
    public async Task Pages_carry_security_headers_and_no_server_header(string path)
    {
        using var server = BotHost.OnKestrel();
        using var response = await server.Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"), "The Server header names the web server.");
    }

    private static string MessagesActivity() =>
        "{\"type\":\"message\",\"text\":\"hi\",\"channelId\":\"test\",\"deliveryMode\":\"expectReplies\",\"conversation\":{\"id\":\"c1\"},\"from\":{\"id\":\"owner-1\"},\"recipient\":{\"id\":\"leashbot\"}}";
}
