using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using LeashBot.Tests.Support;

namespace LeashBot.Tests.DirectLine;

/// <summary>
/// Every Direct Line route that reads a body (post an activity, tokens/generate, a server's POST conversations) answers
/// the same bad input the same way: a 4xx with a code and a reason, never a 500, and nothing is started or posted.
/// Tried: broken JSON, JSON of the wrong shape, a text or form Content-Type (what `curl -d` sends), a body over the
/// limit with and without a declared length, nesting deeper than allowed, and no token or secret at all.
/// </summary>
public sealed class DirectLineBodyTests
{
    private const string Secret = "site-secret-0123456789";

    private const string Activity = """{"type":"message","text":"my cat Miso froze on the lead"}""";

    [Fact]
    public async Task Bad_bodies_get_the_same_4xx_with_a_reason_on_every_route_that_reads_one()
    {
        using var server = BotHost.OnKestrel(new() { ["DirectLine:Secret"] = Secret, ["DirectLine:MaxActivityBytes"] = "2048" });
        var session = await server.StartAsync();
        var routes = new (string Name, string Path, string Credential)[]
        {
            ("activity", session.ActivitiesPath, session.Token),
            ("generate", "/v3/directline/tokens/generate", Secret),
            ("start", "/v3/directline/conversations", Secret),
        };
        var tooBig = "{\"type\":\"message\",\"text\":\"" + new string('a', 5000) + "\"}";
        var deep = new string('[', 40) + new string(']', 40);
        var cases = new (string Name, Func<string, string, HttpRequestMessage> Make, HttpStatusCode Expected, string CodePattern)[]
        {
            ("broken JSON", (path, credential) => Post(path, credential, "{nope", "application/json"), HttpStatusCode.BadRequest, "^BadArgument$"),
            ("JavaScript, not JSON", (path, credential) => Post(path, credential, "{\"type\":\"message\",\"user\":undefined}", "application/json"), HttpStatusCode.BadRequest, "^BadArgument$"),
            ("bytes that are not UTF-8", (path, credential) => Post(path, credential, [.. "{\"type\":\"message\",\"user\":{\"id\":\""u8, 0xC3, 0x28, .. "\"}}"u8], "application/json"), HttpStatusCode.BadRequest, "^BadArgument$"),
            ("a JSON array", (path, credential) => Post(path, credential, "[]", "application/json"), HttpStatusCode.BadRequest, "^BadArgument$"),
            ("nested 40 deep", (path, credential) => Post(path, credential, "{\"type\":\"message\",\"user\":" + deep + ",\"value\":" + deep + "}", "application/json"), HttpStatusCode.BadRequest, "^BadArgument$"),
            ("text/plain", (path, credential) => Post(path, credential, Activity, "text/plain"), HttpStatusCode.UnsupportedMediaType, "^UnsupportedMediaType$"),
            ("a form, as curl -d sends", (path, credential) => Post(path, credential, Activity, "application/x-www-form-urlencoded"), HttpStatusCode.UnsupportedMediaType, "^UnsupportedMediaType$"),
            ("too big, length declared", (path, credential) => Post(path, credential, tooBig, "application/json"), HttpStatusCode.RequestEntityTooLarge, "^(Activity|Body)TooLarge$"),
            ("too big, chunked", (path, credential) => Chunked(Post(path, credential, tooBig, "application/json")), HttpStatusCode.RequestEntityTooLarge, "^(Activity|Body)TooLarge$"),
            ("no credential", (path, _) => Post(path, null, Activity, "application/json"), HttpStatusCode.Unauthorized, "^Missing(Token|Secret)$"),
        };

        foreach (var (route, path, credential) in routes)
        {
            foreach (var (name, make, expected, code) in cases)
            {
                using var request = make(path, credential);
                using var response = await server.Http.SendAsync(request);
                Assert.True(response.StatusCode == expected, $"{route}, {name}: {(int)response.StatusCode}");
                var error = (await DirectLineClient.ReadJsonAsync(response))!["error"]!;
                var actual = error["code"]!.GetValue<string>();
                Assert.True(Regex.IsMatch(actual, code), $"{route}, {name}: code {actual}");
                Assert.False(string.IsNullOrWhiteSpace(error["message"]?.GetValue<string>()), $"{route}, {name}: no reason given");
            }
        }

        // None of it reached the conversation: the transcript holds the greeting only.
        var (activities, _) = await session.PollAsync();
        Assert.DoesNotContain(activities, a => a!["from"]?["role"]?.GetValue<string>() == "user");
    }

    [Theory]
    [InlineData("""{"type":"message","text":"hi","channelData":{"clientActivityID":"a1","x":undefined}}""")]
    [InlineData("""{"type":"message","text":"hi", /* a comment */ "value":1}""")]
    [InlineData("""{'type':'message','text':'single quotes'}""")]
    [InlineData("""{"type":"message","text":"hi","value":NaN}""")]
    [InlineData("""{"type":"message","text":"trailing comma",}""")]
    public async Task An_activity_in_JavaScript_rather_than_JSON_is_refused_and_the_transcript_stays_readable(string body)
    {
        // Read leniently, the first case was stored with its `undefined` and written back out as it was, so every later
        // poll of the conversation was no longer JSON and Web Chat could not show the chat again.
        using var server = BotHost.OnKestrel();
        var session = await server.StartAsync();
        using var refused = await server.Http.SendAsync(Post(session.ActivitiesPath, session.Token, body, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("BadArgument", (await DirectLineClient.ReadJsonAsync(refused))!["error"]!["code"]!.GetValue<string>());

        // With a byte-order mark in front, strict JSON is still read.
        using var withMark = await server.Http.SendAsync(Post(session.ActivitiesPath, session.Token, [.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(Activity)], "application/json"));
        Assert.Equal(HttpStatusCode.OK, withMark.StatusCode);
        var activities = await session.WaitForAsync(list => list.Any(a => a["text"]?.GetValue<string>() == "my cat Miso froze on the lead"));
        Assert.Single(activities, a => a["from"]!["role"]!.GetValue<string>() == "user");
    }

    [Theory]
    [InlineData("""{"user":"miso-owner"}""")]
    [InlineData("""{"user":{"id":42}}""")]
    [InlineData("\"just text\"")]
    public async Task A_user_of_the_wrong_shape_is_refused_instead_of_silently_replaced(string body)
    {
        using var server = BotHost.OnKestrel(new() { ["DirectLine:Secret"] = Secret });
        foreach (var path in new[] { "/v3/directline/tokens/generate", "/v3/directline/conversations" })
        {
            using var response = await server.Http.SendAsync(Post(path, Secret, body, "application/json"));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode}");
            Assert.Equal("BadArgument", (await DirectLineClient.ReadJsonAsync(response))!["error"]!["code"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "text/plain")]
    [InlineData("{}", "application/json")]
    [InlineData("""{"user":null}""", "application/json; charset=utf-8")]
    [InlineData("""{"user":{"id":"shop-visitor_7"},"trustedOrigins":["https://shop.example"]}""", "application/json")]
    public async Task An_empty_or_userless_body_still_starts_a_conversation(string? body, string? contentType)
    {
        using var server = BotHost.OnKestrel(new() { ["DirectLine:Secret"] = Secret });
        using var generated = await server.Http.SendAsync(Post("/v3/directline/tokens/generate", Secret, body, contentType));
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        using var started = await server.Http.SendAsync(Post("/v3/directline/conversations", Secret, body, contentType));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.False(string.IsNullOrEmpty((await DirectLineClient.ReadJsonAsync(started))!["streamUrl"]?.GetValue<string>()));
    }

    private static HttpRequestMessage Post(string path, string? credential, string? body, string? contentType) =>
        Post(path, credential, body is null ? null : Encoding.UTF8.GetBytes(body), contentType);

    private static HttpRequestMessage Post(string path, string? credential, byte[]? body, string? contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }

        return request;
    }

    private static HttpRequestMessage Chunked(HttpRequestMessage request)
    {
        request.Headers.TransferEncodingChunked = true;
        return request;
    }
}
