using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace LeashBot.Reliability;

/// <summary>
/// A seeded fuzz run against the real host process: generated and mutated activities on /api/messages (missing and
/// wrong-typed fields, hostile serviceUrls and ids, control characters, huge values, broken JSON, wrong content types)
/// and Direct Line requests (no, foreign, forged and expired-looking tokens, unknown conversations, odd watermarks,
/// broken bodies). Every answer must be below 500, the host's output must hold no stack trace, and its memory must level
/// off. LEASHBOT_FUZZ_REQUESTS (default 10,000) and LEASHBOT_FUZZ_SEED (default 1125) change the run.
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

    [Fact]
    public async Task Ten_thousand_generated_and_mutated_requests_get_no_5xx_and_memory_levels_off()
    {
        var count = SuiteSettings.Read("LEASHBOT_FUZZ_REQUESTS", 10_000);
        var seed = SuiteSettings.Read("LEASHBOT_FUZZ_SEED", 1125);
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            // Replies to a serviceUrl that refuses connections fail fast; the posting limits are generous for the fuzzer.
            ["Messages:ReplyTimeoutSeconds"] = "2",
            ["DirectLine:MaxPostsPerMinute"] = "10000",
            ["DirectLine:MaxPollsPerMinute"] = "10000",
        });
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var sessions = new List<(string Conversation, string Token)>();
        for (var i = 0; i < 8; i++)
        {
            sessions.Add(await StartDirectLineAsync(http));
        }

        var statuses = new ConcurrentDictionary<int, int>();
        var failures = new ConcurrentQueue<string>();
        var memory = new List<double> { host.RssMb() };
        var clock = Stopwatch.StartNew();
        var next = -1;
        var quarter = count / 4;
        var workers = Enumerable.Range(0, 8).Select(async worker =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                var random = new Random(seed * 100_003 + index);
                using var request = random.Next(10) < 6 ? MessagesRequest(random, index) : DirectLineRequest(random, sessions);
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

                if (index > 0 && index % quarter == 0)
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
        memory.Add(host.RssMb());

        output.WriteLine($"{count} requests (seed {seed}) in {clock.Elapsed.TotalSeconds:0.0} s ({count / clock.Elapsed.TotalSeconds:0} req/s)");
        output.WriteLine("statuses: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}={s.Value}")));
        output.WriteLine("RSS MB at start, each quarter, end: " + string.Join(" / ", memory.Select(m => m.ToString("0"))));
        Assert.True(failures.IsEmpty, $"{failures.Count} requests failed, e.g.:\n" + string.Join("\n", failures.Take(10)));
        Assert.True(host.StackTraceLines().Count == 0, "The host wrote stack traces:\n" + string.Join("\n", host.Output.Take(60)));

        // Levels off: the second half adds little compared with the first, and the peak stays well below a leak's.
        var half = memory[memory.Count / 2];
        Assert.True(memory[^1] - half < 80, $"Memory kept growing: {string.Join(" / ", memory.Select(m => m.ToString("0")))} MB");
        Assert.True(memory.Max() < 700, $"Memory peaked at {memory.Max():0} MB");
        Assert.True(statuses.Keys.Any(s => s is >= 200 and < 300) && statuses.Keys.Any(s => s is >= 400 and < 500), "The fuzz never reached both the bot and the refusals.");
    }

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
            _ => (HttpMethod.Post, $"/v3/directline/conversations/{id}/activities", random.Next(5) switch
            {
                0 => "{\"type\":",
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
