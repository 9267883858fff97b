using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace LeashBot.Reliability;

/// <summary>
/// A seeded fuzz run against the real host process: generated and mutated activities on /api/messages (missing and
/// wrong-typed fields, hostile serviceUrls and ids, control characters, huge values, broken JSON, wrong content types,
/// Newtonsoft's metadata keys <c>$type</c>, <c>$id</c>, <c>$ref</c>, <c>$values</c> anywhere), Direct Line requests (no,
/// foreign, forged and expired-looking tokens, unknown conversations, odd watermarks, broken bodies, metadata keys), the
/// Twilio webhook (Twilio simulated: multipart and broken forms, unknown parameter names, wrong and right signatures,
/// replays) and raw HTTP/1.1 requests with odd, empty or missing Host headers and broken multipart bodies. Every answer
/// must be below 500, the host's output must hold no stack trace, and its memory must level off.
/// LEASHBOT_FUZZ_REQUESTS (default 10,000) and LEASHBOT_FUZZ_SEED (default 1125) change the run. With LEASHBOT_FUZZ_URL
/// the run goes to a host that is already running at that address (another machine's view: see the README's
/// "Bad input" figures); its log is then checked by whoever started it.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Texts =
    [
        "hi", "my cat froze, what now?", "start training", "Milo", "we did 10 minutes, he was relaxed", "forget me", "yes", "no",
        "start over", "help", "menu", "how's Milo doing?", "🐱🐾😺", "", "   ", "ñandú 中文 مرحبا", "\u0000\u001b[31m\r\nInjected: line",
        "my cat is breathing fast and won't eat", new string('a', 5000), "{\"nested\": true}", "<script>alert(1)</script>", "' OR 1=1 --",
    ];

    private static readonly string[] ServiceUrls =
    [
        "http://127.0.0.1:1/", "ftp://127.0.0.1/", "file:///etc/passwd", "http://user:pw@127.0.0.1:1/", "javascript:alert(1)",
        "http://169.254.169.254/latest/meta-data/", "not a url", "", "http://127.0.0.1:1/?x=1#y", "//127.0.0.1:1/",
    ];

    private static readonly string[] Ids =
    [
        "c1", "..", ".", "../../admin", "..%2F..%2Fadmin", "a/b?c#d", "19:abc@thread.tacv2;messageid=1", "\u0000", "line\nbreak", "🐱", "",
    ];

    private static readonly string[] MetadataKeys = ["$type", "$id", "$ref", "$values"];

    private static readonly string[] OddHosts =
    [
        "", " ", "evil.example", "a b", "bot.clinic.example:99999", "[::1", "::1", "例え.テスト", "x\u0000y", "localhost:-1", "@", "%00",
        "bot.clinic.example/api", new string('h', 5000),
    ];

    /// <summary>The Twilio webhook's settings in the fuzzed host (Twilio simulated: the fuzzer signs as Twilio would).</summary>
    public const string TwilioAuthToken = "fuzz-twilio-auth-token-0123456789";

    public const string TwilioPublicBase = "https://bot.clinic.example";

    [Fact]
    public async Task Ten_thousand_generated_and_mutated_requests_get_no_5xx_and_memory_levels_off()
    {
        var count = SuiteSettings.Read("LEASHBOT_FUZZ_REQUESTS", 10_000);
        var seed = SuiteSettings.Read("LEASHBOT_FUZZ_SEED", 1125);
        var external = Environment.GetEnvironmentVariable("LEASHBOT_FUZZ_URL");
        await using var host = string.IsNullOrEmpty(external) ? await HostProcess.StartAsync(FuzzedHostSettings) : null;
        var baseAddress = host?.BaseAddress ?? new Uri(external!);
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var sessions = new List<(string Conversation, string Token)>();
        for (var i = 0; i < 8; i++)
        {
            sessions.Add(await StartDirectLineAsync(http));
        }

        var statuses = new ConcurrentDictionary<int, int>();
        var failures = new ConcurrentQueue<string>();
        var memory = new List<double> { host?.RssMb() ?? 0 };
        var clock = Stopwatch.StartNew();
        var next = -1;
        var quarter = count / 4;
        var workers = Enumerable.Range(0, 8).Select(async worker =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                var random = new Random(seed * 100_003 + index);
                var kind = random.Next(20);
                if (kind >= 18)
                {
                    var (rawDescribed, rawStatus) = await RawRequestAsync(random, baseAddress);
                    statuses.AddOrUpdate(rawStatus, 1, (_, n) => n + 1);
                    if (rawStatus >= 500 || rawStatus == 0)
                    {
                        failures.Enqueue($"#{index} raw {rawDescribed} -> {rawStatus}");
                    }

                    continue;
                }

                using var request = kind switch
                {
                    < 10 => MessagesRequest(random, index),
                    < 15 => DirectLineRequest(random, sessions),
                    _ => TwilioRequest(random, index),
                };
                var described = $"{request.Method} {request.RequestUri}";
                try
                {
                    using var response = await http.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                    if ((int)response.StatusCode >= 500 || body.Contains("   at ", StringComparison.Ordinal))
                    {
                        failures.Enqueue($"#{index} {described} -> {(int)response.StatusCode}: {Cut(body)}");
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    failures.Enqueue($"#{index} {described} -> {ex.GetType().Name}: {ex.Message}");
                }

                if (host is not null && index > 0 && index % quarter == 0)
                {
                    lock (memory)
                    {
                        memory.Add(host.RssMb());
                    }
                }
            }
        });
        await Task.WhenAll(workers);
        clock.Stop();
        memory.Add(host?.RssMb() ?? 0);

        output.WriteLine($"{count} requests (seed {seed}) in {clock.Elapsed.TotalSeconds:0.0} s ({count / clock.Elapsed.TotalSeconds:0} req/s)");
        output.WriteLine("statuses: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}={s.Value}")));
        output.WriteLine("RSS MB at start, each quarter, end: " + string.Join(" / ", memory.Select(m => m.ToString("0"))));
        Assert.True(failures.IsEmpty, $"{failures.Count} requests failed, e.g.:\n" + string.Join("\n", failures.Take(10)));
        Assert.True(host is null || host.StackTraceLines().Count == 0, "The host wrote stack traces:\n" + string.Join("\n", host?.Output.Take(60) ?? []));

        // Levels off: the second half adds little compared with the first, and the peak stays well below a leak's.
        var half = memory[memory.Count / 2];
        // The allowance scales with the process: the semantic reader's native arena moves by more than a small host's heap.
        Assert.True(memory[^1] - half < Math.Max(80, memory[0] / 4), $"Memory kept growing: {string.Join(" / ", memory.Select(m => m.ToString("0")))} MB");
        // Measured from the start, which already holds the semantic reader's model (about 260 MB of it).
        Assert.True(memory.Max() - memory[0] < 300, $"Memory rose {memory.Max() - memory[0]:0} MB above the start: {string.Join(" / ", memory.Select(m => m.ToString("0")))} MB");
        Assert.True(statuses.Keys.Any(s => s is >= 200 and < 300) && statuses.Keys.Any(s => s is >= 400 and < 500), "The fuzz never reached both the bot and the refusals.");
    }

    /// <summary>What the fuzzed host runs with: replies to a serviceUrl that refuses connections fail fast, the posting limits are generous for the fuzzer, and the Twilio webhook is on.</summary>
    public static readonly IReadOnlyDictionary<string, string> FuzzedHostSettings = new Dictionary<string, string>
    {
        ["Messages:ReplyTimeoutSeconds"] = "2",
        ["DirectLine:MaxPostsPerMinute"] = "10000",
        ["DirectLine:MaxPollsPerMinute"] = "10000",
        ["Sms:Twilio:AuthToken"] = TwilioAuthToken,
        ["Sms:Twilio:PublicBaseUrl"] = TwilioPublicBase,
        ["Sms:Twilio:MessagesPerNumberPerMinute"] = "600",
    };

    private static HttpRequestMessage MessagesRequest(Random random, int index)
    {
        var activity = new JsonObject
        {
            ["type"] = Pick(random, ["message", "message", "message", "conversationUpdate", "invoke", "typing", "endOfConversation", "event", "unknownType"]),
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = Pick(random, ["test", "webchat", "msteams", "sms", "directline", "emulator"]),
            ["serviceUrl"] = "http://127.0.0.1:1/",
            ["deliveryMode"] = "expectReplies",
            ["conversation"] = new JsonObject { ["id"] = $"fuzz-{index % 50}" },
            ["from"] = new JsonObject { ["id"] = $"owner-{index % 40}", ["name"] = "Owner" },
            ["recipient"] = new JsonObject { ["id"] = "leashbot" },
            ["text"] = Pick(random, Texts),
            ["locale"] = "en-US",
        };
        if ((string?)activity["type"] == "conversationUpdate")
        {
            activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = (string?)activity["from"]!["id"] }, new JsonObject { ["id"] = "leashbot" });
        }

        var mutations = random.Next(4);
        for (var m = 0; m < mutations; m++)
        {
            Mutate(random, activity);
        }

        var json = activity.ToJsonString();
        var body = random.Next(20) switch
        {
            0 => json[..random.Next(json.Length)], // truncated
            1 => json.Replace("\"", "", StringComparison.Ordinal), // not JSON any more
            2 => "[" + json + "]",
            3 => new string(Enumerable.Range(0, random.Next(1, 300)).Select(_ => (char)random.Next(0, 0xD7FF)).ToArray()),
            _ => json,
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, random.Next(15) == 0 ? "text/plain" : "application/json"),
        };
        if (random.Next(15) == 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", Pick(random, ["Bearer garbage", "Bearer eyJhbGciOiJub25lIn0.e30.", "Basic Zm9vOmJhcg=="]));
        }

        return request;
    }

    private static void Mutate(Random random, JsonObject activity)
    {
        if (random.Next(4) == 0)
        {
            AddMetadataKey(random, activity);
            return;
        }

        string[] fields = ["type", "channelId", "serviceUrl", "deliveryMode", "conversation", "from", "recipient", "text", "timestamp", "attachments", "value", "channelData", "entities", "membersAdded", "replyToId"];
        var field = Pick(random, fields);
        activity[field] = random.Next(12) switch
        {
            0 => null,
            1 => random.Next(),
            2 => new JsonArray(1, "two", null),
            3 => new JsonObject { ["id"] = Pick(random, Ids) },
            4 => new string('x', random.Next(300, 100_000)),
            5 => Pick(random, ServiceUrls),
            6 => "\u0000\u001b[2J\r\n",
            7 => new JsonObject { ["id"] = new string('i', random.Next(200, 5000)) },
            8 => true,
            9 => "2026-13-45T99:99:99Z",
            10 => new JsonObject { ["id"] = new JsonArray() },
            _ => Pick(random, Texts),
        };
        if (random.Next(6) == 0)
        {
            activity.Remove("deliveryMode"); // replies then go to serviceUrl: refused, unreachable or rejected
        }
    }

    /// <summary>
    /// Puts one of Newtonsoft's metadata keys first in an object somewhere in the activity (where Newtonsoft would read
    /// it as an instruction): the activity itself, an attachment, channelData, value, an entity, from or conversation.
    /// </summary>
    private static void AddMetadataKey(Random random, JsonObject activity)
    {
        var key = Pick(random, MetadataKeys);
        JsonNode? value = random.Next(7) switch
        {
            0 => null,
            1 => "System.Object, mscorlib",
            2 => "1",
            3 => 7,
            4 => new JsonObject { ["$ref"] = "1" },
            5 => new JsonArray(1, null, "x"),
            _ => "System.IO.FileInfo, System.IO.FileSystem",
        };
        var place = random.Next(7);
        JsonObject MetadataFirst(JsonObject? rest)
        {
            var first = new JsonObject { [key] = value?.DeepClone() };
            foreach (var (name, member) in rest ?? [])
            {
                if (name != key)
                {
                    first[name] = member?.DeepClone();
                }
            }

            return first;
        }

        switch (place)
        {
            case 0:
                var whole = MetadataFirst(activity);
                activity.Clear();
                foreach (var (name, member) in whole.ToList())
                {
                    whole.Remove(name);
                    activity[name] = member;
                }

                break;
            case 1:
                activity["attachments"] = new JsonArray(MetadataFirst(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.hero", ["content"] = new JsonObject { ["title"] = "x" } }));
                break;
            case 2:
                activity["channelData"] = MetadataFirst(new JsonObject { ["tenant"] = new JsonObject { ["id"] = "t" } });
                break;
            case 3:
                activity["value"] = MetadataFirst(new JsonObject { ["choice"] = "yes" });
                break;
            case 4:
                activity["entities"] = new JsonArray(MetadataFirst(new JsonObject { ["type"] = "mention", ["text"] = "<at>LeashBot</at>", ["mentioned"] = new JsonObject { ["id"] = "leashbot" } }));
                break;
            case 5:
                activity["from"] = MetadataFirst(activity["from"] as JsonObject);
                break;
            default:
                activity["conversation"] = MetadataFirst(activity["conversation"] as JsonObject);
                break;
        }
    }

    private static HttpRequestMessage DirectLineRequest(Random random, List<(string Conversation, string Token)> sessions)
    {
        var (conversation, token) = sessions[random.Next(sessions.Count)];
        var (other, otherToken) = sessions[random.Next(sessions.Count)];
        var useToken = random.Next(8) switch
        {
            0 => null,
            1 => "garbage",
            2 => otherToken,
            3 => token[..^2] + "xx",
            _ => token,
        };
        var id = random.Next(10) switch
        {
            0 => other,
            1 => Pick(random, Ids) is { Length: > 0 } odd ? Uri.EscapeDataString(odd) : "x",
            _ => conversation,
        };
        var (method, path, body) = random.Next(9) switch
        {
            0 => (HttpMethod.Post, "/v3/directline/tokens/refresh", null),
            1 => (HttpMethod.Post, "/v3/directline/conversations", null),
            2 => (HttpMethod.Get, $"/v3/directline/conversations/{id}", null),
            3 => (HttpMethod.Get, $"/v3/directline/conversations/{id}/activities?watermark={Uri.EscapeDataString(Pick(random, ["", "0", "-1", "1", "99999999999999999999", "abc", "3"]))}", null),
            4 => (HttpMethod.Post, $"/v3/directline/conversations/{id}/upload?userId=x", "--b\r\n\r\nx\r\n--b--"),
            5 => (HttpMethod.Post, "/v3/directline/tokens/generate", "{\"user\":{\"id\":\"" + Pick(random, Ids) + "\"}}"),
            6 => (HttpMethod.Post, "/api/directline/token", null),
            _ => (HttpMethod.Post, $"/v3/directline/conversations/{id}/activities", random.Next(7) switch
            {
                0 => "{\"type\":",
                5 => "{\"" + Pick(random, MetadataKeys) + "\":null,\"type\":\"message\",\"text\":\"hi\"}",
                6 => "{\"type\":\"message\",\"text\":\"hi\",\"attachments\":[{\"" + Pick(random, MetadataKeys) + "\":" + Pick(random, ["null", "\"1\"", "{}", "[]", "\"System.Object\""]) + ",\"contentType\":\"x\"}],\"channelData\":{\"$type\":null}}",
                1 => "{\"type\":\"message\",\"text\":\"" + new string('z', 40_000) + "\"}",
                2 => "{\"text\":\"no type\"}",
                3 => "{\"type\":\"message\",\"from\":{\"id\":\"someone-else\"},\"text\":\"" + Pick(random, Texts).Replace("\"", "", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal) + "\"}",
                _ => "{\"type\":\"message\",\"text\":\"my cat froze\"}",
            }),
        };
        var request = new HttpRequestMessage(method, path);
        if (useToken is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + useToken);
        }

        if (random.Next(10) == 0)
        {
            request.Headers.TryAddWithoutValidation("Origin", Pick(random, ["https://evil.example", "null", "http://127.0.0.1"]));
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return request;
    }

    /// <summary>Requests to the Twilio webhook (Twilio simulated): most well-formed, some signed right, some replayed, many broken.</summary>
    private static HttpRequestMessage TwilioRequest(Random random, int index)
    {
        var fields = new Dictionary<string, string>
        {
            // A small pool of MessageSids, so a signed request is sometimes a replay of an earlier one.
            ["MessageSid"] = "SM" + (random.Next(3) == 0 ? random.Next(50).ToString("x32", System.Globalization.CultureInfo.InvariantCulture) : Guid.NewGuid().ToString("N")),
            ["AccountSid"] = "AC" + new string('1', 32),
            ["From"] = "+1555000" + (index % 40).ToString("0000", System.Globalization.CultureInfo.InvariantCulture),
            ["To"] = "+15550100100",
            ["Body"] = Pick(random, Texts),
            ["NumMedia"] = "0",
        };
        switch (random.Next(6))
        {
            case 0:
                fields[Pick(random, ["BodySTOP", "$type", "x", "Body ", "MediaUrl999", "", "From\u0000"])] = Pick(random, Texts);
                break;
            case 1:
                fields.Remove(Pick(random, fields.Keys.ToArray()));
                break;
            case 2:
                fields["MessageSid"] = Pick(random, ["SM1", "", "../../x", "SM" + new string('z', 32)]);
                break;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/sms/twilio");
        if (random.Next(3) > 0)
        {
            var data = new StringBuilder(TwilioPublicBase + "/api/sms/twilio");
            foreach (var (name, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                data.Append(name).Append(value);
            }

#pragma warning disable CA5350 // SHA-1 is Twilio's choice
            var signature = Convert.ToBase64String(System.Security.Cryptography.HMACSHA1.HashData(Encoding.UTF8.GetBytes(TwilioAuthToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
            request.Headers.TryAddWithoutValidation("X-Twilio-Signature", random.Next(5) == 0 ? signature[..^4] + "AAA=" : signature);
        }
        else if (random.Next(2) == 0)
        {
            request.Headers.TryAddWithoutValidation("X-Twilio-Signature", Pick(random, ["", "garbage", new string('A', 5000)]));
        }

        request.Content = random.Next(8) switch
        {
            0 => new StringContent("--b\r\nContent-Disposition: form-data; name=\"Body\"\r\n\r\nhi", Encoding.UTF8, "multipart/form-data"),
            1 => new ByteArrayContent(Encoding.UTF8.GetBytes("--x\r\nContent-Disposition: form-data; name=\"Body\"\r\n\r\nSTOP\r\n--x")) { Headers = { { "Content-Type", "multipart/form-data; boundary=x" } } },
            2 => new StringContent("Body=%zz&From=%&To=" + new string('%', random.Next(1, 40)), Encoding.UTF8, "application/x-www-form-urlencoded"),
            3 => new StringContent("{\"Body\":\"hi\"}", Encoding.UTF8, "application/json"),
            4 => new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("Body=hi&Body=STOP&From=%2B15550000000"))) { Headers = { { "Content-Type", "application/x-www-form-urlencoded" } } },
            _ => new FormUrlEncodedContent(fields),
        };
        return request;
    }

    /// <summary>
    /// One raw HTTP/1.1 request written to a socket, for what HttpClient won't send: empty, missing, odd or huge Host
    /// headers, absolute-form targets, broken multipart and chunked bodies. Returns what was sent and the status answered
    /// (0 when the host answered nothing readable, which counts as a failure).
    /// </summary>
    private static async Task<(string Described, int Status)> RawRequestAsync(Random random, Uri baseAddress)
    {
        var path = Pick(random, ["/api/messages", "/api/sms/twilio", "/v3/directline/conversations", "/api/directline/token", "/healthz", "/"]);
        var target = random.Next(6) == 0 ? $"http://{Pick(random, OddHosts)}{path}" : path;
        var hostLine = random.Next(5) switch
        {
            0 => "",
            1 => "Host: \r\n",
            2 => "Host: a\r\nHost: b\r\n",
            _ => $"Host: {Pick(random, OddHosts)}\r\n",
        };
        var (contentType, body) = random.Next(5) switch
        {
            0 => ("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"Body\"\r\n\r\nhi"),
            1 => ("multipart/form-data", "--\r\n\r\n"),
            2 => ("application/x-www-form-urlencoded", "Body=hi&From=%2B15550000000&MessageSid=SM" + new string('0', 32)),
            3 => ("application/json", "{\"$type\":null,\"type\":\"message\",\"text\":\"hi\",\"channelId\":\"test\",\"conversation\":{\"id\":\"c\"},\"from\":{\"id\":\"o\"},\"deliveryMode\":\"expectReplies\"}"),
            _ => ("text/plain", new string('z', random.Next(0, 200))),
        };
        var chunked = random.Next(6) == 0;
        var head = new StringBuilder()
            .Append(random.Next(12) == 0 ? "GET" : "POST").Append(' ').Append(target).Append(" HTTP/1.1\r\n")
            .Append(hostLine)
            .Append("Content-Type: ").Append(contentType).Append("\r\n")
            .Append(chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n")
            .Append("Connection: close\r\n\r\n")
            .Append(chunked ? $"{Encoding.UTF8.GetByteCount(body) + random.Next(0, 3):x}\r\n{body}\r\nzz\r\n" : body);
        var described = $"{target} [{hostLine.Replace("\r\n", " ", StringComparison.Ordinal).Trim()}] {contentType}{(chunked ? " chunked" : "")}";
        using var client = new System.Net.Sockets.TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await client.ConnectAsync(baseAddress.Host, baseAddress.Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.UTF8.GetBytes(head.ToString()), timeout.Token);
            var buffer = new byte[64];
            var read = 0;
            int n;
            while (read < 12 && (n = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token)) > 0)
            {
                read += n;
            }

            var statusLine = Encoding.ASCII.GetString(buffer, 0, read);
            return (described, statusLine.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && int.TryParse(statusLine.AsSpan(9, 3), out var status) ? status : 0);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or OperationCanceledException)
        {
            return (described + " " + ex.GetType().Name, 0);
        }
    }

    private static async Task<(string Conversation, string Token)> StartDirectLineAsync(HttpClient http)
    {
        using var tokenResponse = await http.PostAsync(new Uri("/api/directline/token", UriKind.Relative), null);
        var token = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        using var response = await http.SendAsync(start);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (body["conversationId"]!.GetValue<string>(), body["token"]!.GetValue<string>());
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "..." : text;
}
