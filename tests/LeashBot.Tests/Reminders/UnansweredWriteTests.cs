using LeashBot.Coaching.Reminders;
using LeashBot.Storage;
using LeashBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Reminders;

/// <summary>
/// A write the store applied but never answered (its answer lost to the store's deadline, as a busy Azurite does under
/// load) is read back before it is retried or given up: a claim on the day the store took is this instance's, and the
/// reminder is sent once, not left "in doubt" and skipped; a "sent" mark the store took is not sent again. A claim so slow
/// that the day's allowed hours end meanwhile sends nothing that day. Real host on a
/// real SQLite file; the lost answer is simulated around it; simulated Teams connector.
/// </summary>
public sealed class UnansweredWriteTests : IAsyncLifetime
{
    private const string NewYork = "America/New_York";
    private SimulatedChannel _connector = null!;

    public async Task InitializeAsync() => _connector = await SimulatedChannel.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    private static (BotHost Host, ObservedStore Store) Host(Dictionary<string, string?>? settings = null)
    {
        var store = new ObservedStore(new SqliteStorage(Path.Combine(Path.GetTempPath(), "leashbot-unanswered-" + Guid.NewGuid().ToString("N") + ".db")));
        var host = ReminderHost.Create(settings).WithServices(s => s.AddSingleton<IRecordStore>(store));
        return (host, store);
    }

    private async Task<string> AskAt7pmAsync(BotHost host)
    {
        var owner = host.NewOwner("msteams");
        (await owner.PostAsync(owner.Activity("message", "can you remind me at 7pm pls", new JObject { ["serviceUrl"] = _connector.Url, ["localTimezone"] = NewYork })))
            .Says("Done!");
        host.MoveTo(NewYork, 19, 0);
        return owner.UserId;
    }

    [Fact]
    public async Task A_claim_so_slow_that_the_allowed_hours_end_meanwhile_sends_nothing_that_day_Simulated_slow_store_Simulated_Teams_connector()
    {
        var (host, store) = Host();
        using var _ = host;
        var owner = host.NewOwner("msteams");
        (await owner.PostAsync(owner.Activity("message", "pls nudge me at 8.30pm", new JObject { ["serviceUrl"] = _connector.Url, ["localTimezone"] = NewYork })))
            .Says("8:30pm");
        var key = ReminderRecord.KeyOf($"msteams/users/{owner.UserId}");

        // The host comes back at 8:59:30pm with the day's reminder still due, and the claim's write takes a minute.
        host.MoveTo(NewYork, 20, 59);
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        var slow = true;
        store.LoseAnswerTo = (k, json) =>
        {
            if (slow && k == key && (string?)JObject.Parse(json)["LastState"] == ReminderStates.Sending)
            {
                slow = false;
                host.Clock.Advance(TimeSpan.FromMinutes(1));
            }

            return false;
        };
        await host.SendDueAsync();
        Assert.Empty(_connector.Requests);
        Assert.Equal(ReminderStates.Skipped, (await host.RecordAsync("msteams", owner.UserId))!.LastState);

        // The next day's comes as planned.
        host.MoveTo(NewYork, 20, 30);
        await host.SendDueAsync();
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task A_claim_the_store_took_without_answering_is_read_back_and_the_reminder_is_sent_once_Simulated_lost_answer_Simulated_Teams_connector()
    {
        var (host, store) = Host();
        using var _ = host;
        var ownerId = await AskAt7pmAsync(host);
        var key = ReminderRecord.KeyOf($"msteams/users/{ownerId}");
        store.LoseAnswerTo = (k, json) => k == key && (string?)JObject.Parse(json)["LastState"] == ReminderStates.Sending;

        await host.SendDueAsync();
        Assert.Equal(1, store.AnswersLost);
        Assert.Single(_connector.Requests);
        var record = (await host.RecordAsync("msteams", ownerId))!;
        Assert.Equal(ReminderStates.Sent, record.LastState);

        // Later rounds that day find it sent.
        for (var step = 0; step < 4; step++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(45));
            await host.SendDueAsync();
        }

        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task A_sent_mark_that_never_reached_the_store_is_written_again_not_left_to_be_resent_Simulated_lost_request_Simulated_Teams_connector()
    {
        var (host, store) = Host(new() { ["Reminders:WhenUnconfirmed"] = "Resend" });
        using var _ = host;
        var ownerId = await AskAt7pmAsync(host);
        var key = ReminderRecord.KeyOf($"msteams/users/{ownerId}");
        store.Applies = false;
        store.LoseAnswerTo = (k, json) => k == key && (string?)JObject.Parse(json)["LastState"] == ReminderStates.Sent;

        await host.SendDueAsync();
        for (var step = 0; step < 4; step++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(45));
            await host.SendDueAsync();
        }

        Assert.Equal(1, store.AnswersLost);
        Assert.Single(_connector.Requests);
        Assert.Equal(ReminderStates.Sent, (await host.RecordAsync("msteams", ownerId))!.LastState);
    }
}
