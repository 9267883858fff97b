using System.Net;
using System.Net.Sockets;
using System.Text;
using LeashBot.Storage;
using LeashBot.Tests.DirectLine;
using LeashBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Hosting;

/// <summary>
/// Input an attacker or a broken client sends, through the real host: Newtonsoft's metadata keys (<c>$type</c>,
/// <c>$id</c>, <c>$ref</c>, <c>$values</c>) anywhere in an activity, on /api/messages and in a Web Chat visitor's own
/// Direct Line post; Teams mentions without a name or text, a message whose text is null, a conversationUpdate without
/// from.id; raw requests with an empty or missing Host; and a failure nobody handled. Each is a 2xx or a 4xx with a
/// reason, never a 500 from the caller's input, the turn never fails, and nothing is logged as an error.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly LogCapture _logs = new();
    private readonly BotHost _host;

    public HostileInputTests()
    {
        _host = new BotHost().WithServices(services => services.AddSingleton<ILoggerProvider>(_logs));
    }

    public void Dispose() => _host.Dispose();

    public static TheoryData<string, string> MetadataPlaces()
    {
        var data = new TheoryData<string, string>();
        foreach (var key in new[] { "$type", "$id", "$ref", "$values" })
        {
            foreach (var place in new[] { "activity", "attachment", "channelData", "value", "entity", "from" })
            {
                data.Add(key, place);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MetadataPlaces))]
    public async Task Metadata_keys_anywhere_in_an_activity_are_data_not_instructions(string key, string place)
    {
        var owner = _host.NewOwner();
        var activity = owner.Activity("message", "my cat froze on the porch");
        Put(activity, place, key);
        using var content = new StringContent(activity.ToString(Newtonsoft.Json.Formatting.None), Encoding.UTF8, "application/json");
        using var response = await owner.Http.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{key} in {place}: {(int)response.StatusCode} {body}");
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Theory]
    [InlineData("""{"$type":null,"type":"message","text":"hi"}""")]
    [InlineData("""{"type":"message","text":"hi","attachments":[{"$type":null,"contentType":"x"}]}""")]
    [InlineData("""{"type":"message","text":"hi","channelData":{"$type":"System.IO.FileInfo, System.IO.FileSystem","fileName":"/etc/passwd"}}""")]
    [InlineData("""{"type":"message","text":"hi","value":{"$ref":"1"},"entities":[{"$id":"1","type":"x"}]}""")]
    [InlineData("""{"type":"message","text":"hi","attachments":{"$values":[1,2]}}""")]
    public async Task A_web_chat_visitors_own_post_with_metadata_keys_is_answered_below_500(string activity)
    {
        using var server = BotHost.OnKestrel();
        var session = await server.StartAsync();
        using var request = DirectLineClient.Request(HttpMethod.Post, session.ActivitiesPath, session.Token);
        request.Content = new StringContent(activity, Encoding.UTF8, "application/json");
        using var response = await server.Http.SendAsync(request);
        Assert.InRange((int)response.StatusCode, 200, 499);
    }

    [Theory]
    [InlineData("""[{"type":"mention"}]""")]
    [InlineData("""[{"type":"mention","mentioned":{"id":"leashbot"}}]""")]
    [InlineData("""[{"type":"mention","mentioned":"leashbot","text":"<at>LeashBot</at>"}]""")]
    [InlineData("""[{"type":"mention","mentioned":{"id":["leashbot"]},"text":{"x":1}}]""")]
    [InlineData("""[null,{"type":null},{"type":"mention","text":null,"mentioned":{"id":"leashbot","name":null}}]""")]
    public async Task Malformed_Teams_mentions_in_a_group_chat_never_fail_the_turn_Teams_simulated(string entities)
    {
        var owner = _host.NewOwner(channelId: "msteams");
        var activity = owner.Activity("message", "<at>LeashBot</at> my cat froze", JObject.Parse($$"""{"conversation":{"conversationType":"groupChat","isGroup":true},"entities":{{entities}}}"""));
        await owner.PostAsync(activity);
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Theory]
    [InlineData("msteams")]
    [InlineData("webchat")]
    public async Task A_null_text_and_a_conversation_update_without_from_id_never_fail_the_turn(string channel)
    {
        var owner = _host.NewOwner(channelId: channel);
        var nullText = owner.Activity("message", null, JObject.Parse("""{"text":null,"entities":[{"type":"mention","text":"<at>LeashBot</at>","mentioned":{"id":"leashbot"}}]}"""));
        var replies = await owner.PostAsync(nullText);
        Assert.NotEmpty(replies.Texts);

        var update = owner.Activity("conversationUpdate", null, JObject.Parse("""{"membersAdded":[{"id":"leashbot"},{}]}"""));
        update.Remove("from");
        await owner.PostAsync(update);
        var noFromId = owner.Activity("conversationUpdate", null, JObject.Parse("""{"from":{"name":"x"},"membersAdded":[{"id":null}]}"""));
        noFromId["from"] = new JObject { ["name"] = "x" };
        await owner.PostAsync(noFromId);
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task An_unhandled_failure_is_a_500_that_keeps_the_security_headers_and_logs_no_stack_trace()
    {
        var logs = new LogCapture();
        using var host = new BotHost().WithServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.Replace(ServiceDescriptor.Singleton<StorageProbe>(_ => throw new InvalidOperationException("a fault nobody handled")));
        });
        using var response = await host.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("a fault nobody handled", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.DoesNotContain(logs.Entries, e => e.Level > LogLevel.Debug && e.Message.Contains("   at ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Host: \r\n")]
    [InlineData("Host: a b\r\n")]
    [InlineData("Host: a\r\nHost: b\r\n")]
    public async Task Raw_requests_with_an_empty_missing_or_odd_Host_get_a_4xx_or_an_answer_never_a_500(string hostLine)
    {
        using var server = BotHost.OnKestrel(new() { ["Sms:Twilio:AuthToken"] = "twilio-test-auth-token-0123456789", ["Sms:Twilio:PublicBaseUrl"] = "https://bot.clinic.example" });
        foreach (var (path, type, body) in new[]
        {
            ("/api/sms/twilio", "application/x-www-form-urlencoded", "Body=hi&From=%2B15550000000&MessageSid=SM" + new string('0', 32)),
            ("/api/sms/twilio", "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"Body\"\r\n\r\nhi"),
            ("/api/messages", "application/json", """{"type":"message","text":"hi","channelId":"test","conversation":{"id":"c"},"from":{"id":"o"},"deliveryMode":"expectReplies"}"""),
        })
        {
            var status = await RawStatusAsync(server.BaseAddress, $"POST {path} HTTP/1.1\r\n{hostLine}Content-Type: {type}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}");
            Assert.True(status is >= 200 and < 500, $"{path} with [{hostLine.Trim()}] and {type}: {status}");
        }
    }

    private static void Put(JObject activity, string place, string key)
    {
        JObject First(JObject? rest)
        {
            var first = new JObject { [key] = JValue.CreateNull() };
            foreach (var property in rest?.Properties() ?? [])
            {
                first[property.Name] = property.Value.DeepClone();
            }

            return first;
        }

        switch (place)
        {
            case "activity":
                var whole = First(activity);
                activity.RemoveAll();
                activity.Merge(whole);
                break;
            case "attachment":
                activity["attachments"] = new JArray(First(new JObject { ["contentType"] = "image/png", ["contentUrl"] = "https://example.com/cat.png" }));
                break;
            case "channelData":
                activity["channelData"] = First(new JObject { ["tenant"] = new JObject { ["id"] = "t" } });
                break;
            case "value":
                activity["value"] = First(new JObject { ["choice"] = "yes" });
                break;
            case "entity":
                activity["entities"] = new JArray(First(new JObject { ["type"] = "mention", ["text"] = "x", ["mentioned"] = new JObject { ["id"] = "leashbot" } }));
                break;
            default:
                activity["from"] = First((JObject?)activity["from"]);
                break;
        }
    }

    private static async Task<int> RawStatusAsync(Uri address, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync() ?? "";
        return statusLine.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) ? int.Parse(statusLine.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture) : 0;
    }
}
