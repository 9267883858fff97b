using LeashBot.Coaching.Reminders;
using LeashBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Reminders;

/// <summary>
/// The send journal decides what became of a send another instance was making when it died, where the channel can't be
/// asked (Teams): a claim it never posted is sent (not lost), one the channel took is marked (not sent twice), and only
/// a post in flight at the crash is left to <c>WhenUnconfirmed</c>. Real host and SQLite file, a real journal folder
/// shared with the "dead" instance's file, simulated Teams connector.
/// </summary>
public sealed class SendJournalTests : IAsyncLifetime
{
    private const string NewYork = "America/New_York";
    private readonly string _folder = Directory.CreateTempSubdirectory("leashbot-journal-").FullName;
    private SimulatedChannel _connector = null!;

    public async Task InitializeAsync() => _connector = await SimulatedChannel.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private BotHost NewHost() => ReminderHost.Create(new() { ["Reminders:SendJournalFolder"] = _folder });

    private async Task<Owner> AskedAsync(BotHost host, string text)
    {
        var owner = host.NewOwner("msteams");
        (await owner.PostAsync(owner.Activity("message", text, new JObject { ["serviceUrl"] = _connector.Url, ["localTimezone"] = NewYork }))).Says("Done!");
        return owner;
    }

    /// <summary>The claim a dead instance wrote just before it would post, and what its journal file says.</summary>
    private async Task ClaimedByDeadInstanceAsync(BotHost host, Owner owner, string claimId, params string[] journal)
    {
        await host.ClaimAsOtherInstanceAsync(owner.UserId, NewYork, TimeSpan.FromSeconds(45), claimId);
        await File.WriteAllTextAsync(Path.Combine(_folder, "dead-instance-4242.sends"), string.Concat(journal.Select(l => l + "\n")));
    }

    private static async Task TakeUpAsync(BotHost host)
    {
        for (var step = 0; step < 6; step++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(30));
            await host.SendDueAsync();
        }
    }

    [Fact]
    public async Task A_claim_whose_sender_died_before_posting_it_is_sent_once_by_the_instance_that_takes_it_up_Simulated_Teams_connector()
    {
        using var host = NewHost();
        var owner = await AskedAsync(host, "could u nudge me every day around 6:45pm");
        host.MoveTo(NewYork, 18, 45);
        await ClaimedByDeadInstanceAsync(host, owner, "claim-never-posted", "posting another-claim", "posted another-claim");

        await TakeUpAsync(host);

        var (_, body) = Assert.Single(_connector.Requests);
        var record = (await host.RecordAsync("msteams", owner.UserId))!;
        Assert.Equal(ReminderStates.Sent, record.LastState);
        Assert.Equal(ReminderRecord.KeyOf($"msteams/users/{owner.UserId}") + "@" + record.LastDay, (string?)JObject.Parse(body)["leashbotDeliveryId"]);

        // This instance journaled its own send: posting, then posted, under its new claim.
        var own = Directory.EnumerateFiles(_folder, "*.sends").Single(p => !p.Contains("dead-instance", StringComparison.Ordinal));
        var lines = await File.ReadAllLinesAsync(own);
        Assert.Equal(["posting " + record.ClaimId, "posted " + record.ClaimId], lines);
    }

    [Fact]
    public async Task A_claim_the_journal_shows_the_channel_took_is_marked_sent_and_not_sent_twice_Simulated_Teams_connector()
    {
        using var host = NewHost();
        var owner = await AskedAsync(host, "Remind me at 7:15pm on weekdays and weekends pls");
        host.MoveTo(NewYork, 19, 15);
        await ClaimedByDeadInstanceAsync(host, owner, "claim-posted", "posting claim-posted", "posted claim-posted");

        await TakeUpAsync(host);

        Assert.Empty(_connector.Requests);
        Assert.Equal(ReminderStates.Sent, (await host.RecordAsync("msteams", owner.UserId))!.LastState);
    }

    [Fact]
    public async Task Only_a_post_in_flight_at_the_crash_is_left_unconfirmed_by_default_Simulated_Teams_connector()
    {
        using var host = NewHost();
        var owner = await AskedAsync(host, "remind me at 8pm");
        host.MoveTo(NewYork, 20, 0);
        await ClaimedByDeadInstanceAsync(host, owner, "claim-in-flight", "posting claim-in-flight");

        await TakeUpAsync(host);

        Assert.Empty(_connector.Requests);
        Assert.Equal(ReminderStates.Unconfirmed, (await host.RecordAsync("msteams", owner.UserId))!.LastState);
    }
}
