using LeashBot.Coaching.Reminders;
using LeashBot.Tests.Support;

namespace LeashBot.Tests.Reminders;

/// <summary>
/// Reminders on Web Chat through the real host: set, change, pause, resume and stop them the way people type; the one
/// offer after the first session; the time zone Web Chat sends (<c>localTimezone</c>); and the reminder kept for the
/// visitor's return, since a closed page can't be reached.
/// </summary>
public sealed class WebChatReminderTranscripts : IDisposable
{
    private const string London = "Europe/London";
    private readonly BotHost _host = ReminderHost.Create();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task An_owner_sets_changes_pauses_resumes_and_stops_reminders_in_their_own_words()
    {
        var owner = _host.NewOwner();
        (await owner.SaysInAsync("remind me to practise every evening at 7", London)).Says("every day at 7pm").Says("Europe/London").Says("stop reminders");
        var record = await _host.RecordAsync("webchat", owner.UserId);
        Assert.Equal(19 * 60, record!.Plan!.Minute);
        Assert.Equal(ReminderRoutes.Held, record.Route);
        Assert.Equal("remind me to practise every evening at 7", record.Consent!.Words);

        (await owner.SaysInAsync("actually make it weekdays at 8am", London)).Says("on weekdays at 8am");
        Assert.Equal(ReminderDaysMask.Weekdays, (await _host.RecordAsync("webchat", owner.UserId))!.Plan!.Days);

        (await owner.SaysInAsync("pause reminders for a week", London)).Says("paused until Monday 9 March");
        (await owner.SaysInAsync("ok resume my reminders", London)).Says("back on: on weekdays at 8am");
        (await owner.SaysInAsync("no more reminders", London)).Says("no more reminders");
        Assert.Null((await _host.RecordAsync("webchat", owner.UserId))!.Plan);
        (await owner.SaysInAsync("stop reminders", London)).Says("don't have any reminders");
    }

    [Theory]
    [InlineData("what are my reminders?")]
    [InlineData("whats my reminder set to")]
    [InlineData("when is my next nudge??")]
    [InlineData("do i have any reminders on 🙂")]
    [InlineData("when do my reminders end?")]
    [InlineData("hey can u show me my reminders")]
    public async Task An_owner_asks_what_reminders_they_have_and_hears_the_current_setting_never_a_change(string question)
    {
        var owner = _host.NewOwner();
        (await owner.SaysInAsync(question, London)).Says("don't have any reminders");
        (await owner.SaysInAsync("remind me weekdays at 6.30pm", London)).Says("Done!");
        (await owner.SaysInAsync(question, London)).Says("on weekdays at 6:30pm").Says("Europe/London").DoesNotSay("break");
        (await owner.SaysInAsync("pause reminders for 2 weeks", London)).Says("paused");
        (await owner.SaysInAsync(question, London)).Says("on weekdays at 6:30pm").Says("on a break until Monday 16 March");
        var plan = (await _host.RecordAsync("webchat", owner.UserId))!.Plan!;
        Assert.Equal((18 * 60) + 30, plan.Minute);
        Assert.Equal("2026-03-16", plan.PausedUntil);
    }

    [Theory]
    [InlineData("remind me at 7pm pls", 19 * 60, ReminderDaysMask.EveryDay)]
    [InlineData("can u nudge me tmrw morning", 9 * 60, ReminderDaysMask.EveryDay)]
    [InlineData("Reminders on weekends around 10:30am please 🐱", (10 * 60) + 30, ReminderDaysMask.Weekends)]
    [InlineData("could you ping me mondays and thursdays at 6.15pm", (18 * 60) + 15, 0b001_0010)]
    [InlineData("pls remnd me every night @ 8", 20 * 60, ReminderDaysMask.EveryDay)]
    public async Task Reminders_asked_for_as_people_type_are_set(string message, int minute, int days)
    {
        var owner = _host.NewOwner();
        (await owner.SaysInAsync(message, London)).Says("Done!");
        var plan = (await _host.RecordAsync("webchat", owner.UserId))!.Plan!;
        Assert.Equal(minute, plan.Minute);
        if (plan.Once is null)
        {
            Assert.Equal(days, plan.Days);
        }
        else
        {
            Assert.Equal("2026-03-03", plan.Once);
        }
    }

    [Theory]
    [InlineData("remind me what step 4 is")]
    [InlineData("my cat stops when I pick up the leash")]
    [InlineData("we did 10 minutes at 7pm, she was relaxed")]
    [InlineData("no")]
    public async Task Messages_that_only_look_like_reminders_go_to_the_coaching(string message)
    {
        var owner = _host.NewOwner();
        var replies = await owner.SaysInAsync(message, London);
        replies.DoesNotSay("nudge you").DoesNotSay("What time suits you").DoesNotSay("any reminders");
        Assert.Null((await _host.RecordAsync("webchat", owner.UserId))?.Plan);
    }

    [Fact]
    public async Task A_time_outside_the_allowed_hours_is_moved_inside_them_and_said_so()
    {
        var owner = _host.NewOwner();
        (await owner.SaysInAsync("remind me at 6 in the morning", London)).Says("between 8am and 9pm").Says("8am");
        (await owner.SaysInAsync("remind me at 11pm instead", London)).Says("8:30pm");
    }

    [Fact]
    public async Task Asking_without_a_time_gets_asked_for_one_and_a_bare_time_answers()
    {
        var owner = _host.NewOwner();
        (await owner.SaysInAsync("i'd like reminders to practise", London)).Says("What time suits you");
        (await owner.SaysInAsync("7:30pm", London)).Says("every day at 7:30pm");
    }

    [Fact]
    public async Task Reminders_are_offered_once_after_the_first_session_and_never_pushed()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Biscuit");
        // One yes/no question at a time: the offer comes once the move-on question is answered.
        (await owner.SaysAsync("we did 5 minutes and she was relaxed")).Says("Shall I move Biscuit on").DoesNotSay("daily nudge");
        (await owner.SaysAsync("not yet")).Says("daily nudge").Says("Biscuit");
        (await owner.SaysAsync("5 minutes again, relaxed")).DoesNotSay("daily nudge");
        (await owner.SaysInAsync("6pm", London)).Says("every day at 6pm");
    }

    [Fact]
    public async Task A_reminder_due_while_the_page_is_closed_waits_and_welcomes_the_visitor_back()
    {
        var owner = _host.NewOwner();
        await owner.PractiseAsync("Biscuit");
        (await owner.SaysInAsync("remind me at 7pm", London)).Says("Done!");

        // Tomorrow evening: she hasn't written or practised that day, so the reminder is kept for her.
        _host.MoveTo(London, 19, 0, daysLater: 1);
        await _host.SendDueAsync();
        var held = await _host.RecordAsync("webchat", owner.UserId);
        Assert.Equal("2026-03-03", held!.HeldDay);

        // She comes back the day after: the welcome shows it, with the cat, the step, its goal and her streak. Her
        // relaxed session didn't move Biscuit on by itself (that is asked), so the step is still the first.
        _host.MoveTo(London, 10, 0);
        var back = _host.NewOwner(userId: owner.UserId);
        var replies = await back.JoinsAsync();
        replies.Says("Welcome back!").Says("Biscuit").Says("Step 1 is all about");
        Assert.Null((await _host.RecordAsync("webchat", owner.UserId))!.HeldDay);
        (await back.SaysAsync("hi")).DoesNotSay("Welcome back!");
    }

    [Fact]
    public async Task Reminders_turned_off_by_the_clinic_are_declined_politely()
    {
        using var host = new BotHost(new() { ["Reminders:Enabled"] = "false" });
        var owner = host.NewOwner();
        (await owner.SaysInAsync("remind me at 7pm", London)).Says("can't send reminders here");
        (await owner.SaysAsync("how do I pick a harness?")).DoesNotSay("reminders");
    }
}
