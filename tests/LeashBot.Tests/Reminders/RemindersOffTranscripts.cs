using LeashBot.Tests.Support;

namespace LeashBot.Tests.Reminders;

/// <summary>
/// Reminders where the clinic hasn't turned them on (the embedded defaults): the owner is told once what they can do
/// instead, later asks get a short line, and whatever else the message says (a training pause, a question) is still
/// answered. And with reminders on, a message that asks for one and something else gets both. Real host, SQLite file;
/// Web Chat and Azure's SMS channel (simulated: the activities it posts, channel <c>sms</c>).
/// </summary>
public sealed class RemindersOffTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private const string London = "Europe/London";
    private readonly BotHost _host = shared.Host;

    [Fact]
    public async Task On_SMS_without_reminders_the_owner_hears_once_what_to_do_instead_and_the_rest_of_a_message_is_acted_on_Azure_SMS_simulated()
    {
        var texter = _host.NewOwner("sms", "+1555" + Random.Shared.Next(1_000_000, 9_999_999));
        await texter.SaysAsync("start training");
        (await texter.SaysAsync("Nori")).Says("Nori");

        (await texter.SaysAsync("could u txt me mon wed fri at 6pm so i dont forget")).Says("alarm on your phone").Says("saved");
        (await texter.SaysAsync("so whats set for my reminders then")).Says("Still no reminders").DoesNotSay("alarm");

        // A complaint and a training pause in one text: the pause is acted on, not dropped.
        var both = await texter.SaysAsync("ugh how r reminders not a thing on a text bot lol. anyway pls pause nori's training, away for a week");
        both.Says("Still no reminders").Says("Nori stays on step 1");
        Assert.Single(both.Texts);
    }

    [Fact]
    public async Task On_SMS_without_reminders_the_owner_hears_that_the_clinic_can_switch_text_reminders_on_Azure_SMS_simulated()
    {
        var texter = _host.NewOwner("sms", "+1555" + Random.Shared.Next(1_000_000, 9_999_999));
        var first = await texter.SaysAsync("hey can u send me a reminder txt every day at 7?? keep forgetting lol 🙈");
        first.Says("Paws & Whiskers Pet Shop can switch practice reminders on for texts").Says("ask the team").Says("alarm on your phone");
        Assert.Single(first.Texts);

        // Once is enough: a later ask gets the short line.
        (await texter.SaysAsync("pls remind me weekdays 6pm")).Says("Still no reminders").DoesNotSay("switch");

        // On Web Chat there is nothing for the clinic to switch on for texts: the note says what works instead.
        (await _host.NewOwner().SaysAsync("can u remind me every day at 7")).Says("alarm on your phone").DoesNotSay("switch");
    }

    [Fact]
    public async Task On_Web_Chat_without_reminders_a_question_asked_with_the_request_is_answered_too()
    {
        var visitor = _host.NewOwner();
        var replies = await visitor.SaysAsync("can u remind me to train after my shifts? like 9am-ish on days i work. how often should we practise tho");
        replies.Says("alarm on your phone").Says("several days a week");
        replies.DoesNotSay("not quite sure");
        (await visitor.SaysAsync("pls nudge me tmrw")).Says("Still no reminders").DoesNotSay("alarm");
    }

    [Fact]
    public async Task With_reminders_on_a_message_asking_for_one_and_something_else_gets_both()
    {
        using var host = ReminderHost.Create();
        var owner = host.NewOwner();
        var replies = await owner.SaysInAsync("Remind me at 7:30pm pls! Also how often should we practise?", London);
        replies.Says("Done!").Says("7:30pm").Says("several days a week");
        Assert.Equal(19 * 60 + 30, (await host.RecordAsync("webchat", owner.UserId))!.Plan!.Minute);

        // "weekdays only" goes with the request it follows, not to the coaching.
        (await owner.SaysInAsync("make it 6pm. weekdays only", London)).Says("on weekdays at 6pm").DoesNotSay("not quite sure");
    }
}
