using System.Collections.Concurrent;
using LeashBot.Coaching.Reminders;
using LeashBot.Storage;
using LeashBot.Tests.Storage;
using LeashBot.Tests.Support;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Reminders;

/// <summary>
/// Two instances of one deployment on one real Azurite (Blob for the records and for what is due, taken with Blob leases), each
/// running its sender in the background on the real clock: every reminder is sent exactly once, by one of them.
/// </summary>
public sealed class ReminderBlobScaleOutTests(AzuriteFixture blobs) : IClassFixture<AzuriteFixture>
{
    [SkippableFact]
    public async Task Two_hosts_on_one_Azurite_send_each_of_1000_reminders_due_in_the_same_minute_exactly_once_Simulated_connector()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("LEASHBOT_REMINDER_SCALE"), out var n) ? n : 1000;
        var logs = new LogCapture();
        await using var connector = await SimulatedChannel.StartAsync();
        var container = "c" + Guid.NewGuid().ToString("N");
        var dueContainer = "d" + Guid.NewGuid().ToString("N");
        var journal = Directory.CreateTempSubdirectory("leashbot-scaleout-journal-");
        BotHost Instance() => BotHost.Create(new BotHostOptions
        {
            Storage = TestStorage.Blob,
            BlobConnectionString = blobs.ConnectionString,
            BlobContainer = container,
            Clock = TimeProvider.System,
            Services = services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs),
            Settings = ReminderHost.Settings(new()
            {
                ["Reminders:SendInBackground"] = "true",
                ["Reminders:PollSeconds"] = "1",
                ["Reminders:LeaseSeconds"] = "15",
                ["Reminders:DueContainer"] = dueContainer,

                // A claim the store applied but whose sender gave up waiting for its answer (a busy Azurite) is known
                // never to have been posted, so it is sent rather than left unconfirmed.
                ["Reminders:SendJournalFolder"] = journal.FullName,
            }),
        });

        using var first = Instance();
        using var second = Instance();
        _ = first.Services;
        _ = second.Services;

        // 1,000 owners whose reminder is due within the next minute, in a zone where it is daytime now.
        var now = DateTimeOffset.UtcNow;
        var zone = DaytimeZone(now);
        var store = first.Services.GetRequiredService<ReminderStore>();
        var queue = first.Queue();
        var start = now.AddSeconds(20);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var ownerKey = $"msteams/users/owner-{i}";
            var key = ReminderRecord.KeyOf(ownerKey);
            var record = new ReminderRecord
            {
                Version = 1,
                OwnerKey = ownerKey,
                TimeZone = zone.Id,
                Plan = new ReminderPlan { Minute = 12 * 60 },
                Route = ReminderRoutes.Connector,
                Conversation = JObject.FromObject(new ConversationReference
                {
                    ChannelId = "msteams",
                    ServiceUrl = connector.Url,
                    Conversation = new ConversationAccount(id: $"conv-{i}"),
                    User = new ChannelAccount($"owner-{i}"),
                    Bot = new ChannelAccount("leashbot"),
                }),
            };
            // Azurite shares two cores with the test run: a slow answer is tried again, as a caller would.
            string eTag;
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    var (existing, existingETag) = await store.ReadAsync(key, ct);
                    eTag = existing is null ? await store.WriteAsync(key, record, null, ct) : existingETag!;
                    break;
                }
                catch (StorageUnavailableException) when (attempt < 5)
                {
                }
            }

            // Half the entries keep their record, as a chat's request makes them (sent without reading it); half don't.
            var kept = i % 2 == 0 ? ReminderStore.Kept(record, eTag) : null;
            await queue.ScheduleAsync(key, 1, start.AddMilliseconds(i * 40_000.0 / count), kept, DateTimeOffset.UtcNow, ct);
        });

        var deadline = DateTimeOffset.UtcNow.AddMinutes(4);
        while (connector.Requests.Count < count && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(500);
        }

        // A little longer, for any second send to show up.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var ids = connector.Requests.Select(r => (string?)JObject.Parse(r.Body)["leashbotDeliveryId"]).ToList();
        var problems = string.Join("\n", logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(e => e.Message).Distinct().Take(10));
        Assert.True(count == ids.Distinct().Count(), $"{ids.Distinct().Count()} of {count} reminders arrived; the hosts logged:\n{problems}");
        Assert.Equal(count, ids.Count);
        var bySender = new[] { first, second }.Select(h => h.Services.GetRequiredService<ReminderSender>().Sent).ToArray();
        Assert.Equal(count, bySender.Sum());
        Assert.All(bySender, sent => Assert.True(sent > 0, $"one instance sent nothing: {string.Join(", ", bySender)}"));
        journal.Delete(recursive: true);
    }

    /// <summary>A time zone where it is between 10:00 and 18:00 now, so the reminders are inside the allowed hours.</summary>
    private static TimeZoneInfo DaytimeZone(DateTimeOffset now) =>
        TimeZoneInfo.GetSystemTimeZones().First(z => z.Id.Contains('/', StringComparison.Ordinal) && TimeZoneInfo.ConvertTime(now, z).Hour is >= 10 and < 18);
}
