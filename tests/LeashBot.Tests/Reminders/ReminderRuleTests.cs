using LeashBot.Coaching.Reminders;
using LeashBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Reminders;

/// <summary>
/// The rules every reminder keeps, on the host's fake clock: never outside the allowed hours of the owner's own day
/// (across time zones and daylight-saving changes), at most one a day, not when the owner practised or wrote that day,
/// and a reminder missed while the host was down sent late only inside that day's hours.
/// </summary>
public sealed class ReminderRuleTests : IAsyncLifetime
{
    private SimulatedChannel _connector = null!;

    public async Task InitializeAsync() => _connector = await SimulatedChannel.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    private JObject In(Owner owner, string text, string zone) => owner.Activity("message", text, new JObject
    {
        ["serviceUrl"] = _connector.Url,
        ["localTimezone"] = zone,
    });

    private List<DateTimeOffset> SentAt { get; } = [];

    [Theory]
    [InlineData("America/New_York", "2026-03-07", "2026-03-08")] // clocks go forward on 8 March 2026
    [InlineData("Europe/London", "2026-03-28", "2026-03-29")]
    [InlineData("Australia/Sydney", "2026-04-04", "2026-04-05")] // and back, in the southern autumn
    public void A_reminder_stays_at_the_owners_clock_time_across_the_daylight_saving_change(string zoneId, string before, string after)
    {
        var schedule = new ReminderSchedule(new ReminderOptions());
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var plan = new ReminderPlan { Minute = 19 * 60 };
        var first = schedule.NextDue(plan, zone, DateOnly.Parse(before), DateTimeOffset.Parse(before + "T00:00:00Z").AddDays(-1))!.Value;
        var second = schedule.NextDue(plan, zone, DateOnly.Parse(after), first)!.Value;
        Assert.Equal(19, TimeZoneInfo.ConvertTime(first, zone).Hour);
        Assert.Equal(19, TimeZoneInfo.ConvertTime(second, zone).Hour);
        Assert.NotEqual(TimeSpan.FromDays(1), second - first);
    }

    [Fact]
    public async Task Across_zones_and_a_month_with_a_daylight_saving_change_nothing_goes_outside_the_allowed_hours_and_never_twice_a_day()
    {
        using var host = new BotHost(ReminderHost.Settings(new() { ["Reminders:LatestHour"] = "20" }),
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)));
        string[] zones = ["America/Los_Angeles", "America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Sydney", "Pacific/Auckland"];
        string[] asks = ["remind me at 6am", "remind me at 7pm", "nudge me every evening", "weekdays at 8am pls remind me", "remind me at 11pm", "reminders at 8:55pm"];
        var owners = new List<(Owner Owner, string Zone)>();
        foreach (var zone in zones)
        {
            foreach (var ask in asks)
            {
                var owner = host.NewOwner("msteams");
                (await owner.PostAsync(In(owner, ask, zone))).Says("Done!");
                owners.Add((owner, zone));
            }
        }

        // A month in 10-minute steps, the sender looking every step.
        for (var step = 0; step < 31 * 24 * 6; step++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(10));
            var before = _connector.Requests.Count;
            await host.SendDueAsync();
            for (var i = before; i < _connector.Requests.Count; i++)
            {
                SentAt.Add(host.Clock.GetUtcNow());
            }
        }

        var requests = _connector.Requests.ToList();
        Assert.True(requests.Count > 600, $"only {requests.Count} reminders were sent");
        for (var i = 0; i < requests.Count; i++)
        {
            var conversation = requests[i].Path.Split('/')[3];
            var zone = TimeZoneInfo.FindSystemTimeZoneById(owners.Single(o => Uri.EscapeDataString(o.Owner.ConversationId) == conversation).Zone);
            var local = TimeZoneInfo.ConvertTime(SentAt[i], zone);
            Assert.InRange(local.Hour, 8, 19);
        }

        var perDay = requests.Select(r => (string?)JObject.Parse(r.Body)["leashbotDeliveryId"]).GroupBy(id => id).Where(g => g.Count() > 1).ToList();
        Assert.Empty(perDay);
    }

    [Fact]
    public async Task A_reminder_missed_while_the_host_was_down_is_sent_late_that_day_but_never_after_the_allowed_hours()
    {
        var database = Path.Combine(TempFolder.Create(), "leashbot.db");
        const string zone = "Europe/London";
        var settings = ReminderHost.Settings(new() { ["Storage:Sqlite:Path"] = database });
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(BotHostOptions.StartTime);
        string ownerId;
        using (var host = new BotHost(settings, clock))
        {
            var owner = host.NewOwner("msteams");
            ownerId = owner.UserId;
            (await owner.PostAsync(In(owner, "remind me at 7pm", zone))).Says("Done!");
        }

        // Down from before 19:00 to 20:15 the same day: sent when it comes back.
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 20, 15, 0, TimeSpan.Zero));
        using (var host = new BotHost(settings, clock))
        {
            await host.SendDueAsync();
            Assert.Single(_connector.Requests);
        }

        // Down from before the next day's 19:00 until 21:30: the allowed hours are over, nothing is sent that day...
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 21, 30, 0, TimeSpan.Zero));
        using (var host = new BotHost(settings, clock))
        {
            await host.SendDueAsync();
            Assert.Single(_connector.Requests);

            // ...and the day after goes out as planned.
            clock.SetUtcNow(new DateTimeOffset(2026, 3, 4, 19, 0, 0, TimeSpan.Zero));
            await host.SendDueAsync();
            Assert.Equal(2, _connector.Requests.Count);
            Assert.Equal("2026-03-04", (await host.RecordAsync("msteams", ownerId))!.LastDay);
        }
    }

    [Fact]
    public async Task No_reminder_on_a_day_the_owner_practised_or_wrote()
    {
        using var host = ReminderHost.Create();
        const string zone = "Europe/London";
        var owner = host.NewOwner("msteams");
        await owner.PostAsync(In(owner, "start training", zone));
        await owner.PostAsync(In(owner, "Biscuit", zone));
        (await owner.PostAsync(In(owner, "remind me at 7pm", zone))).Says("Done!");

        // Day 1 (the day it was set): nothing else written, so it is sent.
        host.MoveTo(zone, 19, 0);
        await host.SendDueAsync();
        Assert.Single(_connector.Requests);

        // Day 2: a session logged in the morning: no reminder.
        host.MoveTo(zone, 10, 0);
        await owner.PostAsync(In(owner, "we did 5 minutes and she was relaxed", zone));
        host.MoveTo(zone, 19, 0);
        await host.SendDueAsync();
        Assert.Single(_connector.Requests);

        // Day 3: a question in the afternoon: no reminder either.
        host.MoveTo(zone, 15, 0);
        await owner.PostAsync(In(owner, "what harness is best?", zone));
        host.MoveTo(zone, 19, 0);
        await host.SendDueAsync();
        Assert.Single(_connector.Requests);

        // Day 4: silence, so the reminder goes, counting day 2 as the streak's only day (day 3 had no session).
        host.MoveTo(zone, 19, 0);
        await host.SendDueAsync();
        Assert.Equal(2, _connector.Requests.Count);
        Assert.Contains("Biscuit", (string?)JObject.Parse(_connector.Requests.Last().Body)["text"], StringComparison.Ordinal);
    }
}
