using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace LeashBot.Reliability;

/// <summary>
/// Concurrent owners chat with the real host process for a while (LEASHBOT_SOAK_SECONDS, default 20; the README's
/// figures come from a few minutes): readiness checks, training check-ins, troubleshooting, "forget me", new owners
/// arriving all the time. Every turn must answer 200 with a reply that is not an error, and resident memory must stay
/// flat: the last third of the run may not sit more than 60 MB above the first third.
/// </summary>
public sealed class SoakTests(ITestOutputHelper output)
{
    private static readonly string[][] Scripts =
    [
        ["hi", "start training", "Milo", "we did 10 minutes, he was relaxed", "how's Milo doing?"],
        ["is my cat ready for a leash?", "yes", "yes", "no", "menu"],
        ["my cat froze, what now?", "he lay down and won't move", "thanks"],
        ["what harness should I buy?", "how long should sessions be?", "start over"],
        ["start training", "Luna", "5 minutes, she seemed unsure", "forget me", "yes"],
    ];

    [Fact]
    public async Task Concurrent_owners_for_a_while_get_answers_without_errors_and_memory_stays_flat()
    {
        var seconds = SuiteSettings.Read("LEASHBOT_SOAK_SECONDS", 20);
        const int owners = 16;
        await using var host = await HostProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var errors = new List<string>();
        var turns = 0L;
        var memory = new List<double>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                lock (memory)
                {
                    memory.Add(host.RssMb());
                }

                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, seconds / 30.0)), stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, owners).Select(async worker =>
        {
            var round = 0;
            while (!stop.IsCancellationRequested)
            {
                var script = Scripts[(worker + round) % Scripts.Length];
                var owner = $"soak-{worker}-{round++}";
                foreach (var text in script)
                {
                    var activity = new JsonObject
                    {
                        ["type"] = "message",
                        ["text"] = text,
                        ["channelId"] = "test",
                        ["deliveryMode"] = "expectReplies",
                        ["conversation"] = new JsonObject { ["id"] = owner + "-conversation" },
                        ["from"] = new JsonObject { ["id"] = owner },
                        ["recipient"] = new JsonObject { ["id"] = "leashbot" },
                    };
                    using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
                    using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
                    var body = await response.Content.ReadAsStringAsync();
                    Interlocked.Increment(ref turns);
                    if (response.StatusCode != HttpStatusCode.OK || body.Contains("something went wrong", StringComparison.OrdinalIgnoreCase) || body.Contains("can't save", StringComparison.OrdinalIgnoreCase))
                    {
                        lock (errors)
                        {
                            errors.Add($"{owner} \"{text}\" -> {(int)response.StatusCode}: {body[..Math.Min(200, body.Length)]}");
                        }
                    }
                }
            }
        }));
        clock.Stop();
        await sampler;

        var third = Math.Max(1, memory.Count / 3);
        var first = memory.Take(third).Average();
        var last = memory.Skip(memory.Count - third).Average();
        output.WriteLine($"{owners} owners, {clock.Elapsed.TotalSeconds:0} s, {turns} turns ({turns / clock.Elapsed.TotalSeconds:0} turns/s), {errors.Count} errors");
        output.WriteLine($"RSS MB: first third {first:0}, last third {last:0}, peak {memory.Max():0}");
        Assert.True(errors.Count == 0, $"{errors.Count} turns failed, e.g.:\n" + string.Join("\n", errors.Take(10)));
        // The allowance scales with the process: the semantic reader's native arena moves by more than a small host's heap.
        Assert.True(last - first < Math.Max(60, first / 4), $"Memory grew from {first:0} to {last:0} MB");
        Assert.Empty(host.StackTraceLines());
    }
}
