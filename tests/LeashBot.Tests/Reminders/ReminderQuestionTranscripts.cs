using LeashBot.Tests.Support;

namespace LeashBot.Tests.Reminders;

/// <summary>
/// Reminders start only when asked (a reminder word, or a yes to the bot's own offer): "tonight" in a session report
/// or a goodnight never starts them; "i didn't ask for a reminder" leaves the question; the time zone is found from the
/// place the owner names ("im in bristol", "east coast", "uk time"); an unknown place is asked about once with an example,
/// then let go; and anything else at the time-zone question goes on to the coaching. Through the real host on Web Chat
/// (without the page's time zone, so the bot has to ask) and SMS.
/// </summary>
public sealed class ReminderQuestionTranscripts : IDisposable
{
    private const string London = "Europe/London";
    private readonly BotHost _host = ReminderHost.Create();

    public void Dispose() => _host.Dispose();

    private async Task<Replies> LaterAsync(Owner owner, string text)
    {
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        return await owner.SaysAsync(text);
    }

    /// <summary>
    /// An owner whose first session was just logged: the bot has offered reminders. After a relaxed session the bot
    /// first asks about moving on; the offer waits until that question is answered (one yes/no question at a time).
    /// </summary>
    private async Task<Owner> OfferedAsync(string channel = "webchat", string mood = "she was relaxed")
    {
        var owner = _host.NewOwner(channel);
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Toffee");
        var logged = await owner.SaysAsync("we did 5 minutes, " + mood);
        if (mood.Contains("relaxed", StringComparison.Ordinal))
        {
            logged.Says("Shall I move Toffee on").DoesNotSay("daily nudge");
            logged = await LaterAsync(owner, "not yet");
        }

        logged.Says("daily nudge");
        return owner;
    }

    [Theory]
    [InlineData("webchat", "yes!! 🎉", "Toffee is on to step 2")]
    [InlineData("sms", "nah keep her there", "Toffee stays on step 1")]
    [InlineData("webchat", "no not yet", "Toffee stays on step 1")]
    public async Task The_reminder_offer_waits_until_the_step_question_is_answered(string channel, string answer, string said)
    {
        var owner = _host.NewOwner(channel);
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Toffee");
        (await LaterAsync(owner, "10 min today, she was really relaxed")).Says("Shall I move Toffee on").DoesNotSay("daily nudge");
        (await LaterAsync(owner, answer)).Says(said).Says("daily nudge").DoesNotSay("What time suits");

        // The next "yes" answers the question just asked: the reminder, and nothing else moves.
        (await LaterAsync(owner, "yes please")).Says("What time suits you");
        Assert.Null((await _host.RecordAsync(channel, owner.UserId))?.Plan);
    }

    [Theory]
    [InlineData("webchat", "ok another one tonight, left the harness by her blanket and she pawed at it, like 12 mins, super calm")]
    [InlineData("sms", "did round 2 tonite 😺 she rolled on it, 12 min, relaxed")]
    [InlineData("webchat", "every night she sniffs it now lol. 12 mins tonight, chill")]
    public async Task Tonight_in_a_session_report_never_starts_a_reminder(string channel, string report)
    {
        // The reminder offer is waiting: the report is no answer to it.
        var owner = await OfferedAsync(channel);
        var reply = await LaterAsync(owner, report);
        // Logged, or offered as a log when the reading isn't certain: either way about the session, never a reminder.
        reply.Says("12 min").DoesNotSay("time zone").DoesNotSay("What time suits").DoesNotSay("Done!");
        Assert.Null((await _host.RecordAsync(channel, owner.UserId))?.WaitingForZone);
        Assert.Null((await _host.RecordAsync(channel, owner.UserId))?.Plan);
    }

    [Theory]
    [InlineData("night")]
    [InlineData("ok thanks i think 😅 night")]
    [InlineData("gnight!! 🌙")]
    public async Task A_goodnight_after_the_offer_is_a_goodnight(string goodnight)
    {
        var owner = await OfferedAsync();
        var reply = await LaterAsync(owner, goodnight);
        reply.DoesNotSay("time zone").DoesNotSay("What time suits").DoesNotSay("Done!");
        Assert.Null((await _host.RecordAsync("webchat", owner.UserId))?.Plan);
    }

    [Theory]
    [InlineData("i never asked for reminders lol")]
    [InlineData("no reminders pls 😤")]
    [InlineData("wait i didn't ask for a reminder??")]
    [InlineData("no thanks, no nudges")]
    [InlineData("maybe later 🙂")]
    [InlineData("mejor no, gracias")]
    [InlineData("honestly no need for a daily reminder, i'll remember")]
    public async Task Saying_no_to_reminders_leaves_the_question_and_never_asks_a_time(string no)
    {
        var owner = await OfferedAsync(mood: "she was a bit unsure");
        (await LaterAsync(owner, no)).Says("no reminder").DoesNotSay("What time suits").DoesNotSay("time zone").DoesNotSay("Want one?");

        // Nothing is pending: "tonight" later is just a word.
        (await LaterAsync(owner, "we'll try again tonight")).DoesNotSay("time zone").DoesNotSay("What time suits");
    }

    [Theory]
    [InlineData("webchat", "ok cool ty! and nah dont need the daily reminder thing, my phone yells at me enough lol")]
    [InlineData("sms", "the nudge? nah im good, ill remember")]
    public async Task A_no_to_a_daily_nudge_is_a_no_even_beside_the_step_offer(string channel, string no)
    {
        // The step offer and the reminder offer both wait: a refusal that names reminders is the reminder's no.
        var owner = await OfferedAsync(channel);
        (await LaterAsync(owner, no)).Says("no reminder").DoesNotSay("What time suits").DoesNotSay("time zone");
        Assert.Null((await _host.RecordAsync(channel, owner.UserId))?.Plan);
    }

    [Fact]
    public async Task A_yes_to_the_offer_asks_for_a_time_and_a_part_of_the_day_then_answers()
    {
        var owner = await OfferedAsync(mood: "she was a bit unsure");
        (await owner.SaysInAsync("yes please!", London)).Says("What time suits you");
        (await owner.SaysInAsync("evenings", London)).Says("Done!").Says("7pm");
    }

    [Theory]
    [InlineData("manchester", "Europe/London")]
    [InlineData("im in bristol", "Europe/London")]
    [InlineData("uk time pls", "Europe/London")]
    [InlineData("east coast", "America/New_York")]
    [InlineData("we're in toronto 🇨🇦", "America/Toronto")]
    [InlineData("AEST", "Australia/Sydney")]
    [InlineData("guadalajara, mexico", "America/Mexico_City")]
    public async Task The_time_zone_is_found_from_the_place_the_owner_names(string place, string zone)
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("remind me at 7pm")).Says("Which time zone");
        (await LaterAsync(owner, place)).Says("Done!").Says(zone);
    }

    [Fact]
    public async Task An_unknown_place_is_asked_about_once_with_an_example_then_let_go()
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("nudge me weekdays at 8am")).Says("Which time zone");
        (await LaterAsync(owner, "narnia")).Says("Manchester").Says("Toronto");
        (await LaterAsync(owner, "hogwarts lol")).Says("leave the reminder for now").DoesNotSay("Which time zone");
        Assert.Null((await _host.RecordAsync("webchat", owner.UserId))!.WaitingForZone);
        (await LaterAsync(owner, "london")).DoesNotSay("Done!");
    }

    [Theory]
    [InlineData("omg i dont want a reminder 😤 stop", "no reminder")]
    [InlineData("not now", "no reminder")]
    public async Task A_way_out_at_the_time_zone_question_leaves_it(string leave, string said)
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("remind me at 7pm")).Says("Which time zone");
        (await LaterAsync(owner, leave)).Says(said).DoesNotSay("Which time zone").DoesNotSay("Want one?");
        Assert.Null((await _host.RecordAsync("webchat", owner.UserId))!.WaitingForZone);
    }

    [Fact]
    public async Task A_session_report_or_a_question_at_the_time_zone_question_goes_on_to_the_coaching()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Toffee");
        (await LaterAsync(owner, "remind me at 7pm")).Says("Which time zone");
        (await LaterAsync(owner, "log session: 15 min, toffee was happy and relaxed with the vest")).Says("Logged: 15 min").Says("leave the reminder");
        (await LaterAsync(owner, "remind me at 7pm")).Says("Which time zone");
        (await LaterAsync(owner, "wait which leash should i get?")).Says("leash").DoesNotSay("couldn't place").DoesNotSay("don't know that place");
    }
}
