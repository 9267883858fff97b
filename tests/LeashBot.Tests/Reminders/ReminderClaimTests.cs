using LeashBot.Coaching.Reminders;
using LeashBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Reminders;

/// <summary>
/// The claim on a day's reminder in the owner's record: while another instance holds it (it is sending), nobody else
/// sends; once it has run out unconfirmed (that instance died mid-send) the reminder is taken up again with the same
/// delivery id, only inside the allowed hours. And reminders follow retention: an owner not heard from for as long as
/// profiles are kept stops getting them, and the record goes. Real host and SQLite file, simulated Teams connector.
/// </summary>
public sealed class ReminderClaimTests : IAsyncLifetime
{
    private const string NewYork = "America/New_York";
    private SimulatedChannel _connector = null!;

    public async Task InitializeAsync() => _connector = await SimulatedChannel.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    private JObject In(Owner owner, string text) => owner.Activity("message", text, new JObject
    {
        ["serviceUrl"] = _connector.Url,
        ["localTimezone"] = NewYork,
    });

    [Fact]
    public async Task With_resend_a_reminder_another_instance_is_sending_is_left_to_it_and_taken_up_with_the_same_delivery_id_once_its_claim_ran_out_Simulated_Teams_connector()
    {
        using var host = ReminderHost.Create(new() { ["Reminders:WhenUnconfirmed"] = "Resend" });
        var owner = host.NewOwner("msteams");
        (await owner.PostAsync(In(owner, "pls remind me at 7pm"))).Says("Done!");
        host.MoveTo(NewYork, 19, 0);
        await host.ClaimAsOtherInstanceAsync(owner.UserId, NewYork, TimeSpan.FromSeconds(45));

        await host.SendDueAsync();
        Assert.Empty(_connector.Requests);
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        await host.SendDueAsync();
        Assert.Empty(_connector.Requests);

        // The other instance never confirmed (it died): after its claim and this entry's lease, sent once, same id.
        host.Clock.Advance(TimeSpan.FromSeconds(40));
        await host.SendDueAsync();
        var (_, body) = Assert.Single(_connector.Requests);
        var record = (await host.RecordAsync("msteams", owner.UserId))!;
        Assert.Equal(ReminderRecord.KeyOf($"msteams/users/{owner.UserId}") + "@" + record.LastDay, (string?)JObject.Parse(body)["leashbotDeliveryId"]);
        Assert.Equal(ReminderStates.Sent, record.LastState);
        Assert.Null(record.SendingUntil);

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        await host.SendDueAsync();
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task By_default_a_send_another_instance_left_unconfirmed_is_not_sent_again_that_day_and_is_recorded_Simulated_Teams_connector()
    {
        using var host = ReminderHost.Create();
        var owner = host.NewOwner("msteams");
        (await owner.PostAsync(In(owner, "remind me every evening at 7 please"))).Says("Done!");
        host.MoveTo(NewYork, 19, 0);
        await host.ClaimAsOtherInstanceAsync(owner.UserId, NewYork, TimeSpan.FromSeconds(45));

        // The other instance died mid-send: Teams can't be asked whether it took it, so the day is not sent again.
        for (var step = 0; step < 6; step++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(30));
            await host.SendDueAsync();
        }

        Assert.Empty(_connector.Requests);
        var record = (await host.RecordAsync("msteams", owner.UserId))!;
        Assert.Equal(ReminderStates.Unconfirmed, record.LastState);
        Assert.Null(record.SendingUntil);

        // Changing the time the same day plans tomorrow's, not a second one today.
        (await owner.PostAsync(In(owner, "can u move my reminder to 8:30pm"))).Says("8:30pm");
        host.MoveTo(NewYork, 20, 30, daysLater: 0);
        await host.SendDueAsync();
        Assert.Empty(_connector.Requests);

        // The next day is sent as usual.
        host.MoveTo(NewYork, 20, 30);
        await host.SendDueAsync();
        Assert.Single(_connector.Requests);
        Assert.Equal(ReminderStates.Sent, (await host.RecordAsync("msteams", owner.UserId))!.LastState);
    }

    [Fact]
    public async Task An_interrupted_send_whose_claim_runs_out_after_the_allowed_hours_waits_for_the_next_day_Simulated_Teams_connector()
    {
        using var host = ReminderHost.Create();
        var owner = host.NewOwner("msteams");
        (await owner.PostAsync(In(owner, "nudge me at 8:59pm"))).Says("Done!");
        host.MoveTo(NewYork, 20, 59);
        await host.ClaimAsOtherInstanceAsync(owner.UserId, NewYork, TimeSpan.FromSeconds(90));

        // 21:00:30 and later: the claim ran out, but the day's hours are over.
        for (var step = 0; step < 12; step++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(30));
            await host.SendDueAsync();
        }

        Assert.Empty(_connector.Requests);
        host.MoveTo(NewYork, 20, 59);
        await host.SendDueAsync();
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task An_owner_not_heard_from_for_as_long_as_profiles_are_kept_stops_getting_reminders_and_their_record_goes_Simulated_Teams_connector()
    {
        using var host = ReminderHost.Create(new() { ["Retention:OwnerIdleMonths"] = "1" });
        var owner = host.NewOwner("msteams");
        (await owner.PostAsync(In(owner, "remind me every evening at 7"))).Says("Done!");
        var asked = host.Clock.GetUtcNow();
        for (var day = 0; day < 40; day++)
        {
            host.MoveTo(NewYork, 19, 0);
            await host.SendDueAsync();
        }

        var sent = _connector.Requests.Count;
        Assert.InRange(sent, 28, 32);
        Assert.Null(await host.RecordAsync("msteams", owner.UserId));
        Assert.True(host.Clock.GetUtcNow() > asked.AddMonths(1).AddDays(5));

        // Asking again starts afresh, with new consent.
        (await owner.PostAsync(In(owner, "remind me at 7pm"))).Says("Done!");
        host.MoveTo(NewYork, 19, 0);
        await host.SendDueAsync();
        Assert.Equal(sent + 1, _connector.Requests.Count);
    }
}
