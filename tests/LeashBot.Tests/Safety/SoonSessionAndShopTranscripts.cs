using LeashBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LeashBot.Tests.Safety;

/// <summary>
/// Through the real host: a see-a-vet-soon message never sends the owner to the nearest emergency clinic; during an
/// alarm a session asked for in any words waits, with the reason; a shop's everyday questions get no health remark
/// and no alarm.
/// </summary>
public sealed class SoonSessionAndShopTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private const string Emergency = "could be an emergency";
    private const string Soon = "needs a vet to look at";
    private const string TrainingWaits = "leave training for now";
    private const string HealthRemark = "can't judge health";
    private const string SessionLength = "minutes";

    private readonly BotHost _host = shared.Host;

    [Theory]
    [InlineData("", "", "")] // no numbers at all
    [InlineData("555-0100", "", "Mon-Fri 8:00-18:00")] // the clinic's number, closed now, no emergency line
    [InlineData("555-0100", "555-0199", "Mon-Fri 8:00-18:00")] // closed now, with an emergency line
    public async Task A_see_a_vet_soon_message_never_sends_the_owner_to_the_nearest_emergency_clinic(string phone, string emergencyPhone, string hours)
    {
        var sunday = new DateTimeOffset(2026, 3, 1, 20, 0, 0, TimeSpan.Zero);
        using var host = new BotHost(new Dictionary<string, string?>
        {
            ["Organization:Phone"] = phone, ["Organization:EmergencyPhone"] = emergencyPhone, ["Organization:OpeningHours"] = hours,
            ["Organization:TimeZone"] = "Etc/UTC",
        }, new FakeTimeProvider(sunday));
        var soon = await host.NewOwner().SaysAsync("my cats eye is a bit weepy since yesterday but she opens it fine");
        soon.FirstSays(Soon).DoesNotSay("nearest emergency").DoesNotSay("emergency clinic").DoesNotSay("emergency vet");
        if (phone.Length > 0)
        {
            soon.Says(phone);
        }

        if (emergencyPhone.Length > 0)
        {
            // The emergency line comes after the clinic's number, for things getting worse.
            Assert.True(soon.All.IndexOf(phone, StringComparison.Ordinal) < soon.All.IndexOf(emergencyPhone, StringComparison.Ordinal), soon.All);
            soon.Says("worse");
        }

        // An emergency still gets the emergency line or the nearest emergency vet.
        var emergency = await host.NewOwner().SaysAsync("she ate a lily leaf");
        emergency.FirstSays(Emergency);
        Assert.True(emergencyPhone.Length > 0 ? emergency.All.Contains(emergencyPhone, StringComparison.Ordinal) : emergency.All.Contains("nearest emergency", StringComparison.Ordinal), emergency.All);
    }

    [Theory]
    [InlineData("ok. can we still do a quick session tonight?")]
    [InlineData("can we do a session while we wait")]
    [InlineData("can we still train later")]
    [InlineData("is it ok to practise a bit with the harness tmrw??")]
    [InlineData("k. shall we do 5 mins in the hall then")]
    public async Task During_an_alarm_a_session_asked_for_waits_with_the_reason(string ask)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Juniper");
        (await owner.SaysAsync("juniper has been straining in the litter box for hours")).FirstSays(Emergency);
        (await owner.SaysAsync(ask)).Says(TrainingWaits).Says("Juniper").DoesNotSay("Logged").DoesNotSay(RedFlagScorecard.EmergencyPhone);
        (await owner.SaysAsync("how's juniper doing?")).DoesNotSay("Logged");
    }

    [Theory]
    [InlineData("how often should we practise")]
    [InlineData("what harness should we get for when she's better?")]
    public async Task During_an_alarm_a_question_about_sessions_is_still_answered_for_later(string question)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Juniper");
        (await owner.SaysAsync("juniper has been straining in the litter box for hours")).FirstSays(Emergency);
        (await owner.SaysAsync(question)).FirstSays("For when Juniper").DoesNotSay(TrainingWaits);
    }

    [Theory]
    [InlineData("cat cafes in leeds")]
    [InlineData("what time do you shut on saturdays")]
    [InlineData("do you deliver")]
    [InlineData("r u open bank holiday monday?")]
    [InlineData("do u ship to ireland")]
    [InlineData("where's your shop in bradford, is there parking")]
    [InlineData("do you sell cat flaps")]
    [InlineData("can i return a harness that doesnt fit")]
    public async Task A_shops_everyday_questions_get_no_health_remark_and_no_alarm(string question)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Bramble");
        (await owner.SaysAsync(question)).DoesNotSay(HealthRemark).DoesNotSay(RedFlagScorecard.EmergencyPhone).DoesNotSay(Soon).DoesNotSay(Emergency).DoesNotSay("unwell or hurt");
    }
}
