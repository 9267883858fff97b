using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using LeashBot.Tests.Support;

namespace LeashBot.Tests.DirectLine;

public sealed class DirectLineProtocolTests
{
    private const string GreetingStart = "Hi! I'm LeashBot";
    // A message the bot can't place gets exactly one reply that starts this way (dialogs/messages.json "unsure").
    private const string HelpStart = "I'm not quite sure";
    private const string Unclear = "blorp wibble";
    private const string FreezeAdvice = "Freezing usually means";

    private static bool IsBotMessage(JsonObject a, string startsWith) =>
        a["type"]?.GetValue<string>() == "message" && a["from"]?["role"]?.GetValue<string>() == "bot"
        && (a["text"]?.GetValue<string>() ?? "").StartsWith(startsWith, StringComparison.Ordinal);

    [Fact]
    public async Task Starting_a_conversation_answers_201_with_token_and_streamUrl_and_the_bot_greets()
    {
        using var server = BotHost.OnKestrel();
        var session = await server.StartAsync();

        Assert.False(string.IsNullOrEmpty(session.Token));
        Assert.StartsWith("ws://", session.StreamUrl, StringComparison.Ordinal);
        Assert.Contains("?t=", session.StreamUrl, StringComparison.Ordinal);

        var activities = await session.WaitForAsync(list => list.Any(a => IsBotMessage(a, GreetingStart)));
        var greeting = Assert.Single(activities, a => IsBotMessage(a, GreetingStart));
        Assert.Contains("Paws & Whiskers", greeting["text"]!.GetValue<string>(), StringComparison.Ordinal);
        AssertWellFormed(greeting, session);
        Assert.Equal(session.UserId, greeting["recipient"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_posted_message_is_echoed_with_server_id_timestamp_and_clientActivityID_then_the_bot_replies()
    {
        using var server = BotHost.OnKestrel();
        var session = await server.StartAsync();
        await session.WaitForAsync(list => list.Count > 0);

        var id = await session.SendAsync("my cat froze, what now?", "client-1");

        var activities = await session.WaitForAsync(list => list.Any(a => IsBotMessage(a, FreezeAdvice)));
        var echo = Assert.Single(activities, a => a["id"]?.GetValue<string>() == id);
        Assert.Equal("my cat froze, what now?", echo["text"]!.GetValue<string>());
        Assert.Equal("client-1", echo["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal("user", echo["from"]!["role"]!.GetValue<string>());
        Assert.Equal(session.UserId, echo["from"]!["id"]!.GetValue<string>());
        AssertWellFormed(echo, session);

        var reply = Assert.Single(activities, a => IsBotMessage(a, FreezeAdvice));
        AssertWellFormed(reply, session);
        Assert.Equal(id, reply["replyToId"]!.GetValue<string>());
        Assert.True(DateTimeOffset.Parse(reply["timestamp"]!.GetValue<string>()) > DateTimeOffset.Parse(echo["timestamp"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Watermarks_are_never_empty_or_zero_and_return_only_newer_activities()
    {
        using var server = BotHost.OnKestrel();
        var session = await server.StartAsync();
        var first = await session.WaitForAsync(list => list.Count > 0);

        var (all, watermark) = await session.PollAsync("");
        Assert.NotEqual("", watermark);
        Assert.NotEqual("0", watermark);
        Assert.Equal(first.Count, all.Count);

        var (none, same) = await session.PollAsync(watermark);
        Assert.Empty(none);
        Assert.Equal(watermark, same);

        var id = await session.SendAsync(Unclear, "client-2");
        var (newer, next) = await session.PollAsync(watermark);
        Assert.Equal(id, newer[0]!["id"]!.GetValue<string>());
        Assert.Equal(2, newer.Count);
        Assert.NotEqual(watermark, next);
        Assert.DoesNotContain(newer, a => all.Any(old => old!["id"]!.GetValue<string>() == a!["id"]!.GetValue<string>()));
    }

    [Fact]
    public void An_empty_conversation_still_has_a_nonempty_watermark()
    {
        var conversation = new LeashBot.Channels.DirectLine.DirectLineConversation("c", "u", 10, TimeProvider.System);
        var set = JsonNode.Parse(conversation.Since(null))!;
        Assert.Equal("1", set["watermark"]!.GetValue<string>());
        Assert.Empty(set["activities"]!.AsArray());
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_403_and_refresh_before_expiry_keeps_it_working()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var server = BotHost.OnKestrel(clock: time);
        var session = await server.StartAsync();
        await session.WaitForAsync(list => list.Count > 0);

        time.Advance(TimeSpan.FromMinutes(20));
        using var refreshRequest = DirectLineClient.Request(HttpMethod.Post, "/v3/directline/tokens/refresh", session.Token);
        using var refreshed = await server.Http.SendAsync(refreshRequest);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var body = (await DirectLineClient.ReadJsonAsync(refreshed))!;
        var newToken = body["token"]!.GetValue<string>();
        Assert.Equal(session.ConversationId, body["conversationId"]!.GetValue<string>());
        Assert.Equal(1800, body["expires_in"]!.GetValue<int>());

        time.Advance(TimeSpan.FromMinutes(11));
        using var expired = await session.PollRawAsync(null);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Equal("TokenExpired", (await DirectLineClient.ReadJsonAsync(expired))!["error"]!["code"]!.GetValue<string>());

        using var stillGood = await session.PollRawAsync(null, newToken);
        Assert.Equal(HttpStatusCode.OK, stillGood.StatusCode);

        using var refreshExpired = DirectLineClient.Request(HttpMethod.Post, "/v3/directline/tokens/refresh", session.Token);
        using var refused = await server.Http.SendAsync(refreshExpired);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_token_for_conversation_A_never_opens_conversation_B()
    {
        using var server = BotHost.OnKestrel();
        var a = await server.StartAsync();
        var b = await server.StartAsync();

        using var poll = await b.PollRawAsync(null, a.Token);
        Assert.Equal(HttpStatusCode.Forbidden, poll.StatusCode);
        Assert.Equal("TokenConversationMismatch", (await DirectLineClient.ReadJsonAsync(poll))!["error"]!["code"]!.GetValue<string>());

        using var post = await server.Http.SendAsync(DirectLineClient.Request(HttpMethod.Post, b.ActivitiesPath, a.Token, new { type = "message", text = "hi" }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);

        using var reconnect = await server.Http.SendAsync(DirectLineClient.Request(HttpMethod.Get, $"/v3/directline/conversations/{b.ConversationId}", a.Token));
        Assert.Equal(HttpStatusCode.Forbidden, reconnect.StatusCode);

        // A's stream credential does not open B's stream either.
        var streamForB = new Uri(a.StreamUrl.Replace(a.ConversationId, b.ConversationId, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, await WebSocketRefusalAsync(streamForB));
    }

    [Fact]
    public async Task Tampered_tokens_are_refused_with_403_and_a_missing_token_with_401()
    {
        using var server = BotHost.OnKestrel();
        var a = await server.StartAsync();
        var b = await server.StartAsync();

        // Swap in B's claims under A's signature.
        var partsA = a.Token.Split('.');
        var partsB = b.Token.Split('.');
        var forged = $"{partsA[0]}.{partsB[1]}.{partsA[2]}";
        using var forgedPoll = await b.PollRawAsync(null, forged);
        Assert.Equal(HttpStatusCode.Forbidden, forgedPoll.StatusCode);
        Assert.Equal("TokenInvalid", (await DirectLineClient.ReadJsonAsync(forgedPoll))!["error"]!["code"]!.GetValue<string>());

        var flipped = a.Token[..^2] + (a.Token[^2] == 'A' ? 'B' : 'A') + a.Token[^1];
        using var flippedPoll = await a.PollRawAsync(null, flipped);
        Assert.Equal(HttpStatusCode.Forbidden, flippedPoll.StatusCode);

        using var garbage = await a.PollRawAsync(null, "not-a-token");
        Assert.Equal(HttpStatusCode.Forbidden, garbage.StatusCode);

        using var none = await server.Http.GetAsync(a.ActivitiesPath);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("MissingToken", (await DirectLineClient.ReadJsonAsync(none))!["error"]!["code"]!.GetValue<string>());

        using var noneStart = await server.Http.PostAsync("/v3/directline/conversations", null);
        Assert.Equal(HttpStatusCode.Unauthorized, noneStart.StatusCode);

        // The stream credential is not a REST token, and a REST token does not open a stream.
        var streamToken = Uri.UnescapeDataString(new Uri(a.StreamUrl).Query["?t=".Length..]);
        using var streamAsRest = await a.PollRawAsync(null, streamToken);
        Assert.Equal(HttpStatusCode.Forbidden, streamAsRest.StatusCode);
        var restAsStream = new Uri($"{a.StreamUrl.Split('?')[0]}?t={Uri.EscapeDataString(a.Token)}");
        Assert.Equal(HttpStatusCode.Forbidden, await WebSocketRefusalAsync(restAsStream));
    }

    [Fact]
    public async Task Polling_never_answers_with_a_server_error()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var server = BotHost.OnKestrel(new() { ["DirectLine:ConversationIdleMinutes"] = "5" }, time);
        var session = await server.StartAsync();
        await session.WaitForAsync(list => list.Count > 0);

        var cases = new List<(string Name, Func<Task<HttpResponseMessage>> Call, HttpStatusCode Expected)>
        {
            ("garbage watermark", () => session.PollRawAsync("abc"), HttpStatusCode.OK),
            ("negative watermark", () => session.PollRawAsync("-5"), HttpStatusCode.OK),
            ("huge watermark", () => session.PollRawAsync("99999999999999999999999"), HttpStatusCode.OK),
            ("zero watermark", () => session.PollRawAsync("0"), HttpStatusCode.OK),
            ("no token", () => server.Http.GetAsync(session.ActivitiesPath), HttpStatusCode.Unauthorized),
            ("garbage token", () => session.PollRawAsync(null, "x.y.z"), HttpStatusCode.Forbidden),
            ("unknown conversation", () => server.Http.SendAsync(DirectLineClient.Request(HttpMethod.Get, "/v3/directline/conversations/nope/activities?watermark=", session.Token)), HttpStatusCode.Forbidden),
        };
        foreach (var (name, call, expected) in cases)
        {
            using var response = await call();
            Assert.True(response.StatusCode == expected, $"{name}: {response.StatusCode}");
        }

        // A conversation forgotten after idling answers 404 ("ended"), while its token is still valid.
        time.Advance(TimeSpan.FromMinutes(6));
        using var gone = await session.PollRawAsync(null);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Polling_too_often_answers_429_with_Retry_After()
    {
        using var server = BotHost.OnKestrel(new() { ["DirectLine:MaxPollsPerMinute"] = "3" });
        var session = await server.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await session.PollRawAsync(null);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await session.PollRawAsync(null);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
    }

    [Fact]
    public async Task Reconnect_returns_token_and_a_fresh_streamUrl()
    {
        using var server = BotHost.OnKestrel();
        var session = await server.StartAsync();
        using var response = await server.Http.SendAsync(DirectLineClient.Request(HttpMethod.Get, $"/v3/directline/conversations/{session.ConversationId}?watermark=1", session.Token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await DirectLineClient.ReadJsonAsync(response))!;
        Assert.Equal(session.Token, body["token"]!.GetValue<string>());
        Assert.StartsWith("ws://", body["streamUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(session.ConversationId, body["conversationId"]!.GetValue<string>());

        // Starting again with the same token finds the conversation (200) and does not greet twice.
        using var again = await server.Http.SendAsync(DirectLineClient.Request(HttpMethod.Post, "/v3/directline/conversations", session.Token));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var activities = await session.WaitForAsync(list => list.Count > 0);
        Assert.Single(activities, a => IsBotMessage(a, GreetingStart));
    }

    [Fact]
    public async Task Generate_is_disabled_without_a_secret_and_works_with_it()
    {
        using (var server = BotHost.OnKestrel())
        {
            using var disabled = await server.Http.SendAsync(DirectLineClient.Request(HttpMethod.Post, "/v3/directline/tokens/generate", "anything-at-all-here"));
            Assert.Equal(HttpStatusCode.Forbidden, disabled.StatusCode);
            Assert.Equal("GenerateDisabled", (await DirectLineClient.ReadJsonAsync(disabled))!["error"]!["code"]!.GetValue<string>());
        }

        const string secret = "site-secret-0123456789";
        using var withSecret = BotHost.OnKestrel(new() { ["DirectLine:Secret"] = secret });
        using var missing = await withSecret.Http.PostAsync("/v3/directline/tokens/generate", null);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        using var wrong = await withSecret.Http.SendAsync(DirectLineClient.Request(HttpMethod.Post, "/v3/directline/tokens/generate", secret + "x"));
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);

        using var generated = await withSecret.Http.SendAsync(DirectLineClient.Request(HttpMethod.Post, "/v3/directline/tokens/generate", secret, new { user = new { id = "site-user-7" } }));
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        var body = (await DirectLineClient.ReadJsonAsync(generated))!;
        var token = body["token"]!.GetValue<string>();
        Assert.Equal(1800, body["expires_in"]!.GetValue<int>());

        using var start = await withSecret.Http.SendAsync(DirectLineClient.Request(HttpMethod.Post, "/v3/directline/conversations", token));
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var started = (await DirectLineClient.ReadJsonAsync(start))!;
        Assert.Equal(body["conversationId"]!.GetValue<string>(), started["conversationId"]!.GetValue<string>());
        var session = new Session(withSecret, started["conversationId"]!.GetValue<string>(), token, "site-user-7", started["streamUrl"]!.GetValue<string>());
        var activities = await session.WaitForAsync(list => list.Any(a => IsBotMessage(a, GreetingStart)));
        Assert.Equal("site-user-7", activities.First(a => IsBotMessage(a, GreetingStart))["recipient"]!["id"]!.GetValue<string>());

        // The secret itself can also start a conversation from a server.
        using var direct = await withSecret.Http.SendAsync(DirectLineClient.Request(HttpMethod.Post, "/v3/directline/conversations", secret));
        Assert.Equal(HttpStatusCode.Created, direct.StatusCode);
    }

    [Fact]
    public async Task Cors_preflight_is_answered_for_allowed_origins_and_refused_for_others()
    {
        using var server = BotHost.OnKestrel(new() { ["WebChat:AllowedOrigins:0"] = "https://shop.example" });
        foreach (var path in new[] { "/api/directline/token", "/v3/directline/conversations", "/v3/directline/conversations/abc/activities" })
        {
            using var allowed = new HttpRequestMessage(HttpMethod.Options, path);
            allowed.Headers.Add("Origin", "https://shop.example");
            allowed.Headers.Add("Access-Control-Request-Method", "POST");
            allowed.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent,x-requested-with");
            using var yes = await server.Http.SendAsync(allowed);
            Assert.True(yes.IsSuccessStatusCode, path);
            Assert.Equal("https://shop.example", yes.Headers.GetValues("Access-Control-Allow-Origin").Single());
            var headers = string.Join(",", yes.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
            Assert.Contains("authorization", headers, StringComparison.Ordinal);
            Assert.Contains("x-ms-bot-agent", headers, StringComparison.Ordinal);
            Assert.Contains("x-requested-with", headers, StringComparison.Ordinal);

            using var refused = new HttpRequestMessage(HttpMethod.Options, path);
            refused.Headers.Add("Origin", "https://evil.example");
            refused.Headers.Add("Access-Control-Request-Method", "POST");
            refused.Headers.Add("Access-Control-Request-Headers", "authorization");
            using var no = await server.Http.SendAsync(refused);
            Assert.False(no.Headers.Contains("Access-Control-Allow-Origin"), path);
        }

        using var tokenFromEvil = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
        tokenFromEvil.Headers.Add("Origin", "https://evil.example");
        using var evil = await server.Http.SendAsync(tokenFromEvil);
        Assert.Equal(HttpStatusCode.Forbidden, evil.StatusCode);
        Assert.Equal("OriginNotAllowed", (await DirectLineClient.ReadJsonAsync(evil))!["error"]!["code"]!.GetValue<string>());

        using var tokenFromShop = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
        tokenFromShop.Headers.Add("Origin", "https://shop.example");
        using var shop = await server.Http.SendAsync(tokenFromShop);
        Assert.Equal(HttpStatusCode.OK, shop.StatusCode);
        Assert.Equal("https://shop.example", shop.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var tokenFromSelf = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
        tokenFromSelf.Headers.Add("Origin", server.Origin);
        using var self = await server.Http.SendAsync(tokenFromSelf);
        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
    }

    [Fact]
    public async Task The_token_route_is_rate_limited_per_client_with_429_and_a_reason()
    {
        using var server = BotHost.OnKestrel(new() { ["WebChat:TokenRequestsPerMinute"] = "2" });
        for (var i = 0; i < 2; i++)
        {
            using var ok = await server.Http.PostAsync("/api/directline/token", null);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await server.Http.PostAsync("/api/directline/token", null);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal("TooManyRequests", (await DirectLineClient.ReadJsonAsync(limited))!["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_WebSocket_stream_delivers_the_greeting_then_the_echo_and_reply()
    {
        using var server = BotHost.OnKestrel();
        var session = await server.StartAsync();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(session.StreamUrl), CancellationToken.None);

        var seen = new List<JsonObject>();
        string? lastWatermark = null;
        async Task ReceiveUntilAsync(Func<bool> done)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var buffer = new byte[64 * 1024];
            while (!done())
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, timeout.Token);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                Assert.Equal(WebSocketMessageType.Text, result.MessageType);
                var set = JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!;
                lastWatermark = set["watermark"]!.GetValue<string>();
                seen.AddRange(set["activities"]!.AsArray().Select(a => a!.AsObject()));
            }
        }

        await ReceiveUntilAsync(() => seen.Any(a => IsBotMessage(a, GreetingStart)));
        var id = await session.SendAsync(Unclear, "ws-1");
        await ReceiveUntilAsync(() => seen.Any(a => IsBotMessage(a, HelpStart)));

        Assert.Contains(seen, a => a["id"]!.GetValue<string>() == id && a["channelData"]!["clientActivityID"]!.GetValue<string>() == "ws-1");
        Assert.NotNull(lastWatermark);
        Assert.NotEqual("0", lastWatermark);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    [Fact]
    public async Task A_WebSocket_reconnect_with_a_watermark_resumes_after_it_instead_of_replaying_the_transcript()
    {
        using var server = BotHost.OnKestrel();
        var session = await server.StartAsync();
        string watermark;
        using (var first = new ClientWebSocket())
        {
            await first.ConnectAsync(new Uri(session.StreamUrl), CancellationToken.None);
            var (seen, mark) = await ReceiveSetsAsync(first, list => list.Any(a => IsBotMessage(a, GreetingStart)));
            Assert.Contains(seen, a => IsBotMessage(a, GreetingStart));
            watermark = mark!;
            await first.CloseAsync(WebSocketCloseStatus.NormalClosure, "network drop", CancellationToken.None);
        }

        // What directlinejs does on reconnect: GET the conversation with its watermark, then open the streamUrl it gets.
        using var reconnect = await server.Http.SendAsync(DirectLineClient.Request(HttpMethod.Get, $"/v3/directline/conversations/{session.ConversationId}?watermark={watermark}", session.Token));
        Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        var streamUrl = (await DirectLineClient.ReadJsonAsync(reconnect))!["streamUrl"]!.GetValue<string>();
        Assert.Contains($"watermark={watermark}", streamUrl, StringComparison.Ordinal);

        using var second = new ClientWebSocket();
        await second.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        await session.SendAsync(Unclear, "after-reconnect");
        var (resumed, _) = await ReceiveSetsAsync(second, list => list.Any(a => IsBotMessage(a, HelpStart)));
        Assert.DoesNotContain(resumed, a => IsBotMessage(a, GreetingStart));
        Assert.Contains(resumed, a => a["channelData"]?["clientActivityID"]?.GetValue<string>() == "after-reconnect");
        await second.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);

        // Without a watermark the stream still starts from the beginning (a first connect).
        using var fresh = await server.Http.SendAsync(DirectLineClient.Request(HttpMethod.Get, $"/v3/directline/conversations/{session.ConversationId}", session.Token));
        var freshUrl = (await DirectLineClient.ReadJsonAsync(fresh))!["streamUrl"]!.GetValue<string>();
        Assert.DoesNotContain("watermark=", freshUrl, StringComparison.Ordinal);
        using var third = new ClientWebSocket();
        await third.ConnectAsync(new Uri(freshUrl), CancellationToken.None);
        var (replayed, _) = await ReceiveSetsAsync(third, list => list.Any(a => IsBotMessage(a, GreetingStart)));
        Assert.Contains(replayed, a => IsBotMessage(a, GreetingStart));
        await third.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    private static async Task<(List<JsonObject> Seen, string? Watermark)> ReceiveSetsAsync(ClientWebSocket socket, Func<List<JsonObject>, bool> done)
    {
        var seen = new List<JsonObject>();
        string? watermark = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        while (!done(seen))
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
            var set = JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!;
            watermark = set["watermark"]!.GetValue<string>();
            seen.AddRange(set["activities"]!.AsArray().Select(a => a!.AsObject()));
        }

        return (seen, watermark);
    }

    [Fact]
    public async Task An_expired_stream_credential_does_not_open_the_WebSocket()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var server = BotHost.OnKestrel(clock: time);
        var session = await server.StartAsync();
        time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(HttpStatusCode.Forbidden, await WebSocketRefusalAsync(new Uri(session.StreamUrl)));
    }

    [Fact]
    public async Task Concurrent_posts_to_one_conversation_keep_each_reply_right_after_its_message()
    {
        using var server = BotHost.OnKestrel();
        var session = await server.StartAsync();
        // The greeting turn is several activities, all stored when its turn ends.
        var greeting = (await session.WaitForAsync(list => list.Count > 0)).Count;

        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => session.SendAsync($"{Unclear} {i}", $"c-{i}")));
        var activities = await session.WaitForAsync(list => list.Count(a => IsBotMessage(a, HelpStart)) == 8);

        Assert.Equal(greeting + 16, activities.Count);
        for (var i = greeting; i < activities.Count; i += 2)
        {
            var echo = activities[i];
            var reply = activities[i + 1];
            Assert.Equal("user", echo["from"]!["role"]!.GetValue<string>());
            Assert.Equal(echo["id"]!.GetValue<string>(), reply["replyToId"]!.GetValue<string>());
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), activities.Where(a => a["from"]!["role"]!.GetValue<string>() == "user").Select(a => a["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var stamps = activities.Select(a => DateTimeOffset.Parse(a["timestamp"]!.GetValue<string>())).ToList();
        Assert.Equal(stamps.Order(), stamps);
    }

    [Fact]
    public async Task The_transcript_keeps_only_the_newest_activities()
    {
        using var server = BotHost.OnKestrel(new() { ["DirectLine:MaxActivitiesPerConversation"] = "10" });
        var session = await server.StartAsync();
        var greeting = (await session.WaitForAsync(list => list.Count > 0)).Count;
        for (var i = 0; i < 8; i++)
        {
            await session.SendAsync($"{Unclear} {i}", $"c{i}");
        }

        // Each unclear message is an echo plus one reply; the watermark counts every activity ever stored.
        var (activities, watermark) = await session.PollAsync();
        Assert.Equal(10, activities.Count);
        Assert.Equal($"{Unclear} 7", activities[^2]!["text"]!.GetValue<string>());
        Assert.Equal((greeting + 16 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), watermark);
    }

    [Fact]
    public async Task Uploads_are_refused_with_415_and_a_reason()
    {
        using var server = BotHost.OnKestrel();
        var session = await server.StartAsync();
        using var content = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "cat.png" } };
        using var request = DirectLineClient.Request(HttpMethod.Post, $"/v3/directline/conversations/{session.ConversationId}/upload?userId={session.UserId}", session.Token);
        request.Content = content;
        using var response = await server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("UploadNotSupported", (await DirectLineClient.ReadJsonAsync(response))!["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_activities_are_refused_with_4xx()
    {
        using var server = BotHost.OnKestrel(new() { ["DirectLine:MaxActivityBytes"] = "2048" });
        var session = await server.StartAsync();
        using var noType = await server.Http.SendAsync(DirectLineClient.Request(HttpMethod.Post, session.ActivitiesPath, session.Token, new { text = "hi" }));
        Assert.Equal(HttpStatusCode.BadRequest, noType.StatusCode);
        using var notJson = await server.Http.SendAsync(DirectLineClient.Request(HttpMethod.Post, session.ActivitiesPath, session.Token, "{nope"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        using var huge = await server.Http.SendAsync(DirectLineClient.Request(HttpMethod.Post, session.ActivitiesPath, session.Token, new { type = "message", text = new string('a', 5000) }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }

    [Fact]
    public async Task The_bot_greets_in_process_when_a_MicrosoftAppId_is_configured_too()
    {
        using var server = BotHost.OnKestrel(new()
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppPassword"] = "not-a-real-password",
        });
        var session = await server.StartAsync();
        var activities = await session.WaitForAsync(list => list.Any(a => IsBotMessage(a, GreetingStart)));
        Assert.Contains(activities, a => IsBotMessage(a, GreetingStart));
        await session.SendAsync(Unclear, "app-1");
        activities = await session.WaitForAsync(list => list.Any(a => IsBotMessage(a, HelpStart)));
        Assert.Contains(activities, a => IsBotMessage(a, HelpStart));

        // /api/messages still demands a Bot Framework token when an app id is set.
        using var anonymous = await server.Http.PostAsync("/api/messages", new StringContent("{\"type\":\"message\",\"text\":\"hi\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task The_demo_page_embed_script_and_settings_are_served_with_sensible_caching()
    {
        using var server = BotHost.OnKestrel(new() { ["WebChat:AccentColor"] = "#AA3377", ["WebChat:BotAvatarInitials"] = "PW", ["WebChat:Title"] = "Ask our coach" });
        using var page = await server.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Paws &amp; Whiskers", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/embed.js\" async></script>", html, StringComparison.Ordinal);
        Assert.Equal("no-cache", page.Headers.CacheControl!.ToString());

        using var embed = await server.Http.GetAsync("/embed.js");
        Assert.Equal(HttpStatusCode.OK, embed.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(5), embed.Headers.CacheControl!.MaxAge);

        using var bundle = await server.Http.GetAsync("/lib/webchat/webchat.js");
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal(TimeSpan.FromDays(1), bundle.Headers.CacheControl!.MaxAge);

        using var settings = await server.Http.GetAsync("/api/webchat/settings");
        var body = (await DirectLineClient.ReadJsonAsync(settings))!;
        Assert.Equal("#AA3377", body["accentColor"]!.GetValue<string>());
        Assert.Equal("PW", body["botAvatarInitials"]!.GetValue<string>());
        Assert.Equal("Ask our coach", body["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("WebChat:AccentColor", "green")]
    [InlineData("WebChat:AllowedOrigins:0", "https://shop.example/path")]
    [InlineData("DirectLine:TokenSigningKey", "too-short")]
    [InlineData("DirectLine:Secret", "short")]
    public void Bad_settings_stop_the_host_at_start_up(string key, string value)
    {
        // The host refuses to start (the exact wrapping of the failure depends on WebApplicationFactory)...
        Assert.ThrowsAny<Exception>(() => BotHost.OnKestrel(new() { [key] = value }).Dispose());

        // ...because the options validation names the setting.
        var config = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddOptions<LeashBot.Channels.DirectLine.DirectLineOptions>().Bind(config.GetSection("DirectLine")).ValidateDataAnnotations();
        services.AddOptions<LeashBot.Channels.DirectLine.WebChatOptions>().Bind(config.GetSection("WebChat")).ValidateDataAnnotations();
        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => key.StartsWith("WebChat", StringComparison.Ordinal)
            ? (object)provider.GetRequiredService<IOptions<LeashBot.Channels.DirectLine.WebChatOptions>>().Value
            : provider.GetRequiredService<IOptions<LeashBot.Channels.DirectLine.DirectLineOptions>>().Value);
        Assert.Contains(key.Split(':')[1], string.Join(" ", ex.Failures), StringComparison.Ordinal);
    }

    private static void AssertWellFormed(JsonObject activity, Session session)
    {
        Assert.False(string.IsNullOrEmpty(activity["id"]?.GetValue<string>()));
        Assert.True(DateTimeOffset.TryParse(activity["timestamp"]?.GetValue<string>(), out _));
        Assert.Equal("directline", activity["channelId"]!.GetValue<string>());
        Assert.Equal(session.ConversationId, activity["conversation"]!["id"]!.GetValue<string>());
        Assert.NotNull(activity["from"]?["id"]);
        Assert.NotNull(activity["recipient"]?["id"]);
    }

    private static async Task<HttpStatusCode?> WebSocketRefusalAsync(Uri url)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(url, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            return socket.HttpStatusCode;
        }

        return HttpStatusCode.SwitchingProtocols;
    }
}
