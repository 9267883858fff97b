using LeashBot.Coaching.Reminders;
using LeashBot.Hosting;
using LeashBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Reminders;

/// <summary>
/// Reminders on Teams and on Azure's SMS channel: set in the chat, then sent the Bot Framework way
/// (<c>ContinueConversationAsync</c> to the conversation's connector, here a simulated connector on a real port), on
/// the host's fake clock, within the owner's allowed hours, once a day.
/// </summary>
public sealed class TeamsAndSmsReminderTranscripts : IAsyncLifetime
{
    private const string NewYork = "America/New_York";
    private SimulatedChannel _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await SimulatedChannel.StartAsync();
        _host = ReminderHost.Create();
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _connector.DisposeAsync();
    }

    private JObject Teams(Owner owner, string text) => owner.Activity("message", text, new JObject
    {
        ["serviceUrl"] = _connector.Url,
        ["conversation"] = new JObject { ["id"] = "a:" + owner.ConversationId, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["entities"] = new JArray(new JObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["timezone"] = NewYork }),
    });

    private JObject Sms(Owner owner, string text) => owner.Activity("message", text, new JObject { ["serviceUrl"] = _connector.Url });

    [Fact]
    public async Task Teams_owner_sets_changes_pauses_and_stops_reminders_and_gets_them_by_the_connector_Simulated_Teams_connector()
    {
        var owner = _host.NewOwner("msteams");
        await owner.PostAsync(Teams(owner, "start training"));
        await owner.PostAsync(Teams(owner, "Biscuit"));
        (await owner.PostAsync(Teams(owner, "remind me every evening at 7"))).Says("every day at 7pm").Says(NewYork);
        (await owner.PostAsync(Teams(owner, "make it weekdays at 6:30pm instead"))).Says("on weekdays at 6:30pm");

        // Monday 2 March 2026, 18:30 in New York is 23:30 UTC.
        _host.MoveTo(NewYork, 18, 30);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero), _host.Clock.GetUtcNow());
        await _host.SendDueAsync();
        var (path, body) = Assert.Single(_connector.Requests);
        Assert.Contains("/v3/conversations/a:" + owner.ConversationId + "/activities", Uri.UnescapeDataString(path), StringComparison.Ordinal);
        var sent = JObject.Parse(body);
        Assert.Contains("Biscuit", (string?)sent["text"], StringComparison.Ordinal);
        Assert.Contains("step 1", (string?)sent["text"], StringComparison.Ordinal);
        Assert.EndsWith("@2026-03-02", (string?)sent[ConnectorReminderRoute.DeliveryIdProperty], StringComparison.Ordinal);

        // Sent once that day however often the sender looks.
        _host.Clock.Advance(TimeSpan.FromMinutes(20));
        await _host.SendDueAsync();
        Assert.Single(_connector.Requests);

        (await owner.PostAsync(Teams(owner, "pause reminders for 2 weeks"))).Says("paused until Monday 16 March");
        _host.MoveTo(NewYork, 18, 45, daysLater: 1);
        await _host.SendDueAsync();
        Assert.Single(_connector.Requests);

        (await owner.PostAsync(Teams(owner, "i don't want reminders anymore"))).Says("no more reminders");
    }

    [Fact]
    public async Task A_throttled_connector_is_tried_again_with_backoff_and_a_removed_app_stops_reminders_for_good_Simulated_Teams_connector()
    {
        var owner = _host.NewOwner("msteams");
        (await owner.PostAsync(Teams(owner, "remind me at 7pm"))).Says("Done!");
        _connector.Failures.Enqueue((429, "{}"));
        _connector.Failures.Enqueue((503, "{}"));
        _host.MoveTo(NewYork, 19, 0);
        await _host.SendDueAsync();
        Assert.Single(_connector.Requests);

        // Backoff: not again at once, then again after the wait (with jitter: between 2.5 and 7.5 s, then 5 and 15 s).
        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        await _host.SendDueAsync();
        Assert.Single(_connector.Requests);
        _host.Clock.Advance(TimeSpan.FromSeconds(8));
        await _host.SendDueAsync();
        Assert.Equal(2, _connector.Requests.Count);
        _host.Clock.Advance(TimeSpan.FromSeconds(16));
        await _host.SendDueAsync();
        Assert.Equal(3, _connector.Requests.Count);
        Assert.Equal(ReminderStates.Sent, (await _host.RecordAsync("msteams", owner.UserId))!.LastState);

        // The next day the app is gone (403): reminders stop and the reason is kept.
        _connector.Failures.Enqueue((403, "{}"));
        _host.MoveTo(NewYork, 19, 0);
        await _host.SendDueAsync();
        var record = await _host.RecordAsync("msteams", owner.UserId);
        Assert.Null(record!.Plan);
        Assert.Contains("403", record.StoppedBecause, StringComparison.Ordinal);
        _host.MoveTo(NewYork, 19, 0);
        await _host.SendDueAsync();
        Assert.Equal(4, _connector.Requests.Count);
    }

    [Fact]
    public async Task Sms_owner_is_asked_their_time_zone_once_and_the_first_text_says_how_to_stop_Simulated_Azure_SMS_connector()
    {
        var owner = _host.NewOwner("sms");
        (await owner.PostAsync(Sms(owner, "can you text me reminders at 8pm"))).Says("Which time zone");
        (await owner.PostAsync(Sms(owner, "new york pls"))).Says("every day at 8pm").Says(NewYork);
        (await owner.PostAsync(Sms(owner, "remind me at 7pm instead"))).Says("at 7pm").DoesNotSay("time zone");

        _host.MoveTo(NewYork, 19, 0);
        await _host.SendDueAsync();
        _host.MoveTo(NewYork, 19, 0);
        await _host.SendDueAsync();
        var texts = _connector.Requests.Select(r => (string?)JObject.Parse(r.Body)["text"] ?? "").ToList();
        Assert.Equal(2, texts.Count);
        Assert.Contains("Reply STOP", texts[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Reply STOP", texts[1], StringComparison.Ordinal);
        Assert.NotEqual(texts[0].Split('.')[0], texts[1].Split('.')[0]);
    }

    [Fact]
    public async Task Sms_STOP_quiets_reminders_at_once_and_START_brings_them_back_Simulated_Azure_SMS_connector()
    {
        using var host = ReminderHost.Create(new() { ["Organization:TimeZone"] = NewYork });
        var owner = host.NewOwner("sms");
        (await owner.PostAsync(Sms(owner, "nudge me weekdays at 8am"))).Says("on weekdays at 8am").Says(NewYork);
        await owner.PostAsync(Sms(owner, "STOP"));
        host.MoveTo(NewYork, 8, 0, daysLater: 1);
        await host.SendDueAsync();
        Assert.Empty(_connector.Requests);
        Assert.True((await host.RecordAsync("sms", owner.UserId))!.OptedOut);

        await owner.PostAsync(Sms(owner, "start"));
        host.MoveTo(NewYork, 8, 0);
        await host.SendDueAsync();
        Assert.Single(_connector.Requests);
    }
}
