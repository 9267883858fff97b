using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace LeashBot.LoadTest;

/// <summary>What one load run measured on the client side.</summary>
internal sealed class LoadOutcome
{
    /// <summary>Latencies (ms) of the turns that completed inside the measured window.</summary>
    public required double[] Latencies { get; init; }

    public required double MeasuredSeconds { get; init; }

    /// <summary>All turns sent, warm-up and the final drain included.</summary>
    public required long TotalTurns { get; init; }

    public required long ConversationsStarted { get; init; }

    public required long ConversationsCompleted { get; init; }

    public required IReadOnlyDictionary<string, long> Errors { get; init; }

    public required IReadOnlyList<string> ErrorExamples { get; init; }

    public long ErrorCount => Errors.Values.Sum();

    public double TurnsPerSecond => MeasuredSeconds > 0 ? Latencies.Length / MeasuredSeconds : 0;

    /// <summary>Host CPU time (user + system) per measured turn, in ms: robust to other load on the machine.</summary>
    public double? HostCpuMsPerTurn { get; init; }
}

/// <summary>The cat names a conversation uses for <c>{cat}</c> and <c>{cat2}</c>.</summary>
internal sealed record Cats(string First, string Second)
{
    public string Fill(string text) => text.Replace("{cat2}", Second, StringComparison.Ordinal).Replace("{cat}", First, StringComparison.Ordinal);
}

/// <summary>
/// Judges LeashBot's replies: the step's fragments must all be there, and no reply may be one of LeashBot's own
/// error messages (read from the host's <c>dialogs/messages.json</c>, so a wording change there cannot hide an error).
/// </summary>
internal sealed class ReplyCheck(IReadOnlyList<string> errorMessages)
{
    public static ReplyCheck ForHost(string hostDll)
    {
        var path = Path.Combine(Path.GetDirectoryName(hostDll)!, "dialogs", "messages.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var errors = new[] { "somethingWentWrong", "cantSaveNow", "pickUpAgain" }
            .Select(key => document.RootElement.TryGetProperty(key, out var text) ? text.GetString() : null)
            .OfType<string>()
            .Where(text => text.Length > 0)
            .ToList();
        return errors.Count > 0 ? new ReplyCheck(errors) : throw new InvalidOperationException($"{path} names none of LeashBot's error messages.");
    }

    /// <summary>Null when the reply is right; otherwise the kind of problem, with <paramref name="reply"/> explained.</summary>
    public string? Problem(Step step, Cats cats, ref string reply)
    {
        foreach (var error in errorMessages)
        {
            if (reply.Contains(error, StringComparison.Ordinal))
            {
                return "error reply";
            }
        }

        foreach (var fragment in step.LeashBotSays)
        {
            var expected = cats.Fill(fragment);
            if (!reply.Contains(expected, StringComparison.OrdinalIgnoreCase))
            {
                reply = $"expected \"{expected}\", got: {reply}";
                return "unexpected reply";
            }
        }

        return null;
    }
}

/// <summary>
/// Closed-loop load: <c>concurrency</c> simulated owners, each running the mix's conversations back to back (a new
/// owner id and conversation id per conversation, scenarios taken in turn), each turn waiting for the previous reply.
/// Turns that complete during the warm-up are not measured. When the measured window ends, owners finish the
/// conversation they are in (not measured) so that stored state is that of whole conversations; in a mix of very long
/// conversations (<see cref="Mix.FinishConversations"/> false) they stop there instead.
/// </summary>
internal static class LoadDriver
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public static HttpClient NewClient(Uri baseAddress) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static async Task<LoadOutcome> RunAsync(
        HttpClient http, Mix mix, ReplyCheck? leashBotReplies, int concurrency, TimeSpan warmUp, TimeSpan duration, string runTag, Func<double?>? hostCpuSeconds = null)
    {
        var clock = Stopwatch.StartNew();
        var warmEnd = warmUp;
        var measureEnd = warmUp + duration;
        using var hardStop = new CancellationTokenSource(measureEnd + TimeSpan.FromSeconds(30));
        var shared = new Shared();

        var workers = new Task<List<double>>[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            workers[i] = Task.Run(async () =>
            {
                var latencies = new List<double>(4096);
                while (clock.Elapsed < measureEnd && !hardStop.IsCancellationRequested)
                {
                    var n = Interlocked.Increment(ref shared.ConversationsStarted);
                    var scenario = mix.Scenarios[(int)(n % mix.Scenarios.Count)];
                    var cats = CatsFor(n / mix.Scenarios.Count);
                    var completed = await ConverseAsync(http, mix, scenario, cats, $"{runTag}-{n}", leashBotReplies, clock, warmEnd, measureEnd, latencies, shared, hardStop.Token);
                    if (completed)
                    {
                        Interlocked.Increment(ref shared.ConversationsCompleted);
                    }
                }

                return latencies;
            });
        }

        double? cpuAtStart = null, cpuAtEnd = null;
        if (hostCpuSeconds is not null)
        {
            await Task.Delay(Remaining(warmEnd, clock));
            cpuAtStart = hostCpuSeconds();
            await Task.Delay(Remaining(measureEnd, clock));
            cpuAtEnd = hostCpuSeconds();
        }

        var all = await Task.WhenAll(workers);
        var measured = all.SelectMany(l => l).ToArray();
        Array.Sort(measured);
        lock (shared.Gate)
        {
            return new LoadOutcome
            {
                Latencies = measured,
                MeasuredSeconds = duration.TotalSeconds,
                TotalTurns = shared.TotalTurns,
                ConversationsStarted = shared.ConversationsStarted,
                ConversationsCompleted = shared.ConversationsCompleted,
                Errors = new Dictionary<string, long>(shared.Errors),
                ErrorExamples = [.. shared.Examples],
                HostCpuMsPerTurn = cpuAtEnd - cpuAtStart is { } cpu && measured.Length > 0 ? Math.Round(cpu * 1000 / measured.Length, 3) : null,
            };
        }
    }

    /// <summary>The time left until <paramref name="mark"/>, or none once it has passed (a zero warm-up has passed at the start).</summary>
    private static TimeSpan Remaining(TimeSpan mark, Stopwatch clock)
    {
        var now = clock.Elapsed;
        return mark > now ? mark - now : TimeSpan.Zero;
    }

    /// <summary>Runs one scripted conversation; false when a turn failed (the rest of that conversation is skipped) or a long one was cut at the end of the measured window.</summary>
    private static async Task<bool> ConverseAsync(
        HttpClient http, Mix mix, Scenario scenario, Cats cats, string id, ReplyCheck? leashBotReplies, Stopwatch clock,
        TimeSpan warmEnd, TimeSpan measureEnd, List<double> latencies, Shared shared, CancellationToken cancellationToken)
    {
        var userId = "lt-owner-" + id;
        var conversationId = "lt-conv-" + id;
        foreach (var step in scenario.Steps)
        {
            if (!mix.FinishConversations && clock.Elapsed >= measureEnd)
            {
                return false; // a long conversation stops with the measured window; not an error
            }

            var body = Activity(step, cats, userId, conversationId);
            var started = clock.Elapsed;
            string? problem;
            string reply = "";
            try
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = Json;
                using var response = await http.PostAsync(new Uri("api/messages", UriKind.Relative), content, cancellationToken);
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                var finished = clock.Elapsed;
                Interlocked.Increment(ref shared.TotalTurns);
                if (finished >= warmEnd && finished <= measureEnd)
                {
                    latencies.Add((finished - started).TotalMilliseconds);
                }

                if (!response.IsSuccessStatusCode)
                {
                    problem = $"HTTP {(int)response.StatusCode}";
                }
                else
                {
                    reply = ReplyText(bytes);
                    problem = reply.Length == 0 ? "empty reply" : leashBotReplies?.Problem(step, cats, ref reply);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                shared.Record("cancelled at the hard stop", $"[{scenario.Name}] {step.Text ?? "(join)"}");
                return false;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or IOException)
            {
                problem = "exception " + ex.GetType().Name;
                reply = ex.Message;
            }

            if (problem is not null)
            {
                shared.Record(problem, $"[{scenario.Name}] {cats.Fill(step.Text ?? "(join)")} -> {Shorten(reply)}");
                return false;
            }
        }

        return true;
    }

    /// <summary>The texts of the returned activities, one per line.</summary>
    public static string ReplyText(byte[] body)
    {
        if (body.Length == 0)
        {
            return "";
        }

        using var document = JsonDocument.Parse(body);
        if (!document.RootElement.TryGetProperty("activities", out var activities) || activities.ValueKind != JsonValueKind.Array)
        {
            return "";
        }

        var texts = new List<string>();
        foreach (var activity in activities.EnumerateArray())
        {
            if (activity.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String && text.GetString() is { Length: > 0 } s)
            {
                texts.Add(s);
            }
        }

        return string.Join('\n', texts);
    }

    /// <summary>The activity an owner's client posts, with <c>deliveryMode: expectReplies</c>.</summary>
    public static byte[] Activity(Step step, Cats cats, string userId, string conversationId)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", step.IsJoin ? "conversationUpdate" : "message");
            json.WriteString("id", Guid.NewGuid().ToString("N"));
            json.WriteString("channelId", "webchat");
            json.WriteString("serviceUrl", "http://127.0.0.1:1/");
            json.WriteString("deliveryMode", "expectReplies");
            json.WriteString("locale", "en-US");
            json.WriteStartObject("from");
            json.WriteString("id", userId);
            json.WriteString("name", "Owner");
            json.WriteEndObject();
            json.WriteStartObject("recipient");
            json.WriteString("id", "bot");
            json.WriteString("name", "Bot");
            json.WriteEndObject();
            json.WriteStartObject("conversation");
            json.WriteString("id", conversationId);
            json.WriteEndObject();
            if (step.IsJoin)
            {
                json.WriteStartArray("membersAdded");
                json.WriteStartObject();
                json.WriteString("id", userId);
                json.WriteEndObject();
                json.WriteStartObject();
                json.WriteString("id", "bot");
                json.WriteEndObject();
                json.WriteEndArray();
            }
            else
            {
                json.WriteString("text", cats.Fill(step.Text!));
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The n-th conversation's two cat names: every pair of distinct names in turn.</summary>
    public static Cats CatsFor(long n)
    {
        var names = Scenarios.CatNames;
        var first = (int)(n % names.Length);
        var offset = 1 + (int)(n / names.Length % (names.Length - 1));
        return new Cats(names[first], names[(first + offset) % names.Length]);
    }

    private static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings(" | ");
        return oneLine.Length <= 300 ? oneLine : oneLine[..300] + "…";
    }

    private sealed class Shared
    {
        public readonly Lock Gate = new();
        public readonly Dictionary<string, long> Errors = [];
        public readonly List<string> Examples = [];
        public long ConversationsStarted;
        public long ConversationsCompleted;
        public long TotalTurns;

        public void Record(string kind, string example)
        {
            lock (Gate)
            {
                Errors[kind] = Errors.GetValueOrDefault(kind) + 1;
                if (Examples.Count < 5)
                {
                    Examples.Add($"{kind}: {example}");
                }
            }
        }
    }
}
