using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// A cat's record changes only when the owner means it, through the real host: "undo" reverses exactly the last
/// change (a step move, a deleted session, a length fix), step commands in everyday words set the step, questions
/// about steps change nothing, a relaxed session asks before moving on, corrections edit instead of logging again,
/// and one message can name or ask about several cats. Each case is typed several ways, on Web Chat, SMS and Teams.
/// </summary>
public sealed class StepChangeTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    /// <summary>The fake clock stands still unless moved; owners type a minute or so apart.</summary>
    private async Task<Replies> LaterAsync(Owner owner, string text)
    {
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        return await owner.SaysAsync(text);
    }

    /// <summary>An owner with one cat on the step given (put there by a plain command).</summary>
    private async Task<Owner> OwnerWithCatOnAsync(string channel, string cat, int step)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training");
        (await owner.SaysAsync(char.ToUpperInvariant(cat[0]) + cat[1..])).Says("on step 1 of 10");
        if (step > 1)
        {
            (await LaterAsync(owner, $"move {cat} to step {step}")).Says($"step {step} of 10 now");
        }

        return owner;
    }

    // ---- "undo" reverses exactly the last change ----

    [Theory]
    [InlineData("webchat", "undo")]
    [InlineData("sms", "undo that pls")]
    [InlineData("msteams", "UNDO 🙏")]
    [InlineData("webchat", "ugh put it back")]
    public async Task Undo_after_a_step_move_puts_the_step_back_and_keeps_the_sessions(string channel, string undo)
    {
        var owner = await OwnerWithCatOnAsync(channel, "mango", 4);
        await LaterAsync(owner, "did 25 min today, he was totally chill");
        await LaterAsync(owner, "no");
        (await LaterAsync(owner, "put mango on 2")).Says("step 2 of 10 now");
        (await LaterAsync(owner, undo)).Says("Mango is back on step 4").DoesNotSay("taken back").DoesNotSay("removed");
        (await LaterAsync(owner, "how is mango doing")).Says("step 4 of 10").Says("Sessions at this step: 1, 25 min");

        // Only the last change is kept: a second undo changes nothing.
        (await LaterAsync(owner, "undo")).Says("nothing more to undo");
        (await LaterAsync(owner, "how is mango doing")).Says("step 4 of 10").Says("Sessions at this step: 1, 25 min");
    }

    [Theory]
    [InlineData("webchat", "undo that delete")]
    [InlineData("sms", "oops no put it back")]
    [InlineData("webchat", "can u undo that")]
    public async Task Undoing_a_deleted_session_brings_it_back(string channel, string undo)
    {
        var owner = await OwnerWithCatOnAsync(channel, "ziggy", 1);
        await LaterAsync(owner, "we did 10 min, she was a bit nervous");
        await LaterAsync(owner, "3 min today, nervous again");
        (await LaterAsync(owner, "delete the 10 min session")).Says("removed that session: 10 min");
        (await LaterAsync(owner, undo)).Says("10 min session with Ziggy (step 1) is back").DoesNotSay("taken back");
        (await LaterAsync(owner, "how is ziggy doing")).Says("Sessions at this step: 2, 13 min in all");
    }

    [Fact]
    public async Task Undoing_a_logged_session_takes_it_back_and_nothing_else()
    {
        var owner = await OwnerWithCatOnAsync("webchat", "toast", 3);
        await LaterAsync(owner, "2 mins, she was unsure");
        (await LaterAsync(owner, "scratch that, undo")).Says("taken back the 2 min session with Toast");
        (await LaterAsync(owner, "how's toast")).Says("Toast: step 3 of 10").Says("No sessions logged yet");
    }

    [Fact]
    public async Task Undoing_a_length_fix_puts_the_old_length_back()
    {
        var owner = await OwnerWithCatOnAsync("sms", "pudding", 1);
        await LaterAsync(owner, "we did 15 mins, he was a bit unsure");
        (await LaterAsync(owner, "oh wait sorry it was more like 10 mins not 15, i checked my phone")).Says("Updated").DoesNotSay("Logged:");
        (await LaterAsync(owner, "undo")).Says("Pudding's session is 15 min again");
        (await LaterAsync(owner, "how is pudding doing")).Says("Sessions at this step: 1, 15 min in all");
    }

    // ---- A relaxed session asks before moving on ----

    [Theory]
    [InlineData("webchat", "we did 20 mins, he was super chill 😺", "yes")]
    [InlineData("msteams", "20 min today relaxed the whole time", "yep go on")]
    [InlineData("sms", "did like 20 minutes n he was calm", "1")]
    public async Task A_relaxed_session_asks_before_moving_the_cat_on(string channel, string report, string yes)
    {
        var owner = await OwnerWithCatOnAsync(channel, "button", 4);
        // Teams puts the question on the card with its buttons; Web Chat and SMS say it.
        var replies = await LaterAsync(owner, report);
        replies.Says("Logged: 20 min with Button at step 4").DoesNotSay("on to step 5:");
        if (channel == "sms")
        {
            replies.Says("Shall I move Button on to step 5").Says("1. Yes").Says("2. No");
        }
        else
        {
            replies.Offers("Yes", "No");
        }

        if (channel == "webchat")
        {
            replies.Says("Shall I move Button on to step 5");
        }

        (await LaterAsync(owner, "how is button doing")).Says("step 4 of 10").Says("Sessions at this step: 1");
        (await LaterAsync(owner, report)).Says("Logged: 20 min with Button at step 4");
        (await LaterAsync(owner, yes)).Says("on to step 5");
        (await LaterAsync(owner, "how is button doing")).Says("step 5 of 10");
    }

    [Theory]
    [InlineData("no")]
    [InlineData("nah not yet")]
    public async Task No_to_moving_on_keeps_the_cat_where_it_is(string no)
    {
        var owner = await OwnerWithCatOnAsync("webchat", "button", 4);
        await LaterAsync(owner, "20 min, relaxed");
        (await LaterAsync(owner, no)).Says("Button stays on step 4");
        (await LaterAsync(owner, "how is button doing")).Says("step 4 of 10");
    }

    [Theory]
    [InlineData("sms", "mango did 25 min relaxed, log that but keep him on 4 no leash yet")]
    [InlineData("webchat", "did 25 mins he was chill. dont move him to 5 yet")]
    [InlineData("msteams", "25 min relaxed but DONT move him up yet lol")]
    public async Task A_report_that_says_to_stay_logs_without_moving_or_asking(string channel, string report)
    {
        var owner = await OwnerWithCatOnAsync(channel, "mango", 4);
        (await LaterAsync(owner, report)).Says("Logged: 25 min with Mango at step 4").Says("Mango stays on step 4").DoesNotSay("Shall I move").DoesNotSay("Refusing");
        (await LaterAsync(owner, "how is mango doing")).Says("step 4 of 10").Says("Sessions at this step: 1");
    }

    [Theory]
    [InlineData("20 min relaxed, hes ready for the next step")]
    [InlineData("did 20 mins chill, move him on pls")]
    public async Task A_report_that_says_to_move_on_moves_without_asking(string report)
    {
        var owner = await OwnerWithCatOnAsync("webchat", "button", 4);
        (await LaterAsync(owner, report)).Says("on to step 5").DoesNotSay("Shall I move");
        (await LaterAsync(owner, "how is button doing")).Says("step 5 of 10");
    }

    [Fact]
    public async Task Setting_a_step_and_logging_in_one_message_logs_at_the_new_step()
    {
        var owner = await OwnerWithCatOnAsync("sms", "mango", 3);
        (await LaterAsync(owner, "set mango to step 4 and log 25 min relaxed at step 4 but DONT move him to 5"))
            .Says("step 4 of 10 now").Says("Logged: 25 min with Mango at step 4").Says("Mango stays on step 4").DoesNotSay("on to step 5");
        (await LaterAsync(owner, "undo")).Says("taken back the 25 min session").Says("Mango is back on step 3");
    }

    // ---- Questions about steps change nothing; commands in everyday words do ----

    [Theory]
    [InlineData("webchat", "why step back he was fine??")]
    [InlineData("sms", "will u still remember where he is when im back")]
    [InlineData("msteams", "wait why did u say go back a step")]
    [InlineData("webchat", "and 8? is that the door one")]
    public async Task Questions_about_steps_never_move_the_cat(string channel, string question)
    {
        var owner = await OwnerWithCatOnAsync(channel, "pudding", 3);
        (await LaterAsync(owner, question)).DoesNotSay("Let's take Pudding back").DoesNotSay("step 2 of 10 now").DoesNotSay("step 8 of 10 now");
        (await LaterAsync(owner, "how is pudding doing")).Says("step 3 of 10");
    }

    [Theory]
    [InlineData("webchat", "put her back on 2", 2)]
    [InlineData("sms", "ok put mango on 6 then", 6)]
    [InlineData("msteams", "keep her on 3 for now", 3)]
    [InlineData("webchat", "can u move her to step 7 pls", 7)]
    [InlineData("sms", "set mango to stage five", 5)]
    [InlineData("webchat", "go back a step", 3)]
    public async Task Step_commands_in_everyday_words_set_the_step(string channel, string command, int step)
    {
        var owner = await OwnerWithCatOnAsync(channel, "mango", 4);
        (await LaterAsync(owner, command)).Says($"step {step}");
        (await LaterAsync(owner, "how is mango doing")).Says($"step {step} of 10");
    }

    [Theory]
    [InlineData("hmm actually dont move mango to 5 yet i dont even have a leash for him lol")]
    [InlineData("no dont move him!! hes fine where he is")]
    public async Task Dont_move_keeps_the_cat_and_is_never_a_cat_refusing_to_move(string message)
    {
        var owner = await OwnerWithCatOnAsync("sms", "mango", 4);
        (await LaterAsync(owner, message)).Says("Mango stays on step 4").DoesNotSay("Refusing");
        (await LaterAsync(owner, "how is mango doing")).Says("step 4 of 10");
    }

    [Fact]
    public async Task A_cat_and_a_step_alone_is_asked_about_before_anything_moves()
    {
        var owner = _host.NewOwner(channelId: "sms");
        await owner.SaysAsync("start training");
        await owner.SaysAsync("mango and pepper");
        (await LaterAsync(owner, "pepper step 2")).Says("Shall I put Pepper on step 2");
        (await LaterAsync(owner, "how are my cats doing")).Says("Pepper: step 1 of 10");
        (await LaterAsync(owner, "Pepper step 2")).Says("Shall I put Pepper on step 2");
        (await LaterAsync(owner, "yes pls")).Says("Pepper is on step 2 of 10 now");
    }

    // ---- Corrections edit, never duplicate ----

    [Theory]
    [InlineData("webchat", "oh wait sorry it was more like 10 mins not 15, i checked my phone")]
    [InlineData("sms", "fix the time to 10 pls")]
    [InlineData("webchat", "change the step 2 session to 10 min")]
    [InlineData("msteams", "typo lol 10 not 15 😅")]
    public async Task A_length_correction_edits_the_session_and_never_logs_another(string channel, string fix)
    {
        var owner = await OwnerWithCatOnAsync(channel, "pudding", 2);
        await LaterAsync(owner, "we did 15 minutes, he was relaxed");
        (await LaterAsync(owner, fix)).Says("Updated").Says("10 min, not 15 min").DoesNotSay("Logged:").DoesNotSay("How did Pudding seem");
        (await LaterAsync(owner, "how's pudding")).Says("step 2 of 10").Says("Sessions at this step: 1, 10 min in all");
    }

    [Theory]
    [InlineData("that was the same session lol")]
    [InlineData("same one, we only did one!!")]
    public async Task The_same_session_reported_twice_becomes_one(string same)
    {
        var owner = await OwnerWithCatOnAsync("webchat", "pudding", 2);
        await LaterAsync(owner, "we did 15 minutes, he was a bit unsure");
        await LaterAsync(owner, "15 min and he was unsure");
        (await LaterAsync(owner, same)).Says("Updated: that was the same session").DoesNotSay("Logged:");
        (await LaterAsync(owner, "how's pudding")).Says("Sessions at this step: 1, 15 min in all");
    }

    // ---- Whole conversations, as owners typed them ----

    [Fact]
    public async Task A_two_cat_owner_texting_at_night_keeps_both_records_straight()
    {
        var owner = _host.NewOwner(channelId: "sms");
        await owner.SaysAsync("hey");
        (await LaterAsync(owner, "ok so i have 2 cats mango and pepper, mango already wears his harness inside, pepper is new. track both pls"))
            .Says("Mango").Says("Pepper").DoesNotSay("What's your cat's name");
        (await LaterAsync(owner, "put mango on 4")).Says("Mango is on step 4 of 10 now");
        (await LaterAsync(owner, "did a session w both tonight, mango wore it 25 min totally chill, pepper sniffed hers 5 min but hissed"))
            .Says("Logged: 25 min with Mango at step 4").Says("Logged: 5 min with Pepper at step 1").Says("Shall I move Mango on to step 5");
        (await LaterAsync(owner, "nah keep him on 4 for now, no leash yet")).Says("Mango stays on step 4").DoesNotSay("on to step 5:");
        (await LaterAsync(owner, "wait sorry pepper was 10 min not 5")).Says("Updated").Says("Pepper was 10 min, not 5 min").DoesNotSay("Logged:");
        (await LaterAsync(owner, "undo")).Says("Pepper's session is 5 min again").DoesNotSay("Mango is back");
        (await LaterAsync(owner, "undo")).Says("nothing more to undo");
        (await LaterAsync(owner, "both cats where r they")).Says("Mango: step 4 of 10").Says("Pepper: step 1 of 10").Says("25 min").Says("5 min");
    }

    [Fact]
    public async Task A_nervous_first_time_owner_fixes_a_length_and_asks_about_steps_without_losing_anything()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Pudding");
        (await LaterAsync(owner, "tonight we sat next to the harness for like 15 mins and he seemed pretty chill i think"))
            .Says("Logged: 15 min with Pudding at step 1").Says("Shall I move Pudding on to step 2");
        (await LaterAsync(owner, "oh wait it was more like 10 not 15 sorry")).Says("Updated").Says("10 min, not 15 min").DoesNotSay("Logged:");
        (await LaterAsync(owner, "ok yes move him on 😊")).Says("on to step 2");
        (await LaterAsync(owner, "why step back?? he was fine")).DoesNotSay("Let's take Pudding back");
        (await LaterAsync(owner, "change the step 1 session to 12 min")).Says("12 min, not 10 min").DoesNotSay("step 1 of 10 now");
        (await LaterAsync(owner, "undo pls")).Says("Pudding's session is 10 min again");
        (await LaterAsync(owner, "how's pudding")).Says("Pudding: step 2 of 10");
    }

    // ---- Several cats in one message ----

    [Theory]
    [InlineData("sms", "got 2 cats mango and pepper, mango is already kinda doing harness indoors pepper hasnt started at all. can u track both")]
    [InlineData("webchat", "i have two cats, Mango and Pepper")]
    [InlineData("webchat", "my cats are mango & pepper, pls track both 🐱")]
    public async Task Two_cats_named_in_one_message_are_both_met(string channel, string message)
    {
        var owner = _host.NewOwner(channelId: channel);
        (await owner.SaysAsync(message)).Says("Mango").Says("Pepper").DoesNotSay("What's your cat's name");
        (await LaterAsync(owner, "how are my cats doing")).Says("Mango: step 1 of 10").Says("Pepper: step 1 of 10");
    }

    [Theory]
    [InlineData("both cats where r they")]
    [InlineData("how are they both doing")]
    [InlineData("where r both of them at")]
    public async Task Asking_about_both_cats_answers_for_both(string question)
    {
        var owner = _host.NewOwner(channelId: "sms");
        await owner.SaysAsync("start training");
        await owner.SaysAsync("mango and pepper");
        (await LaterAsync(owner, "move mango to step 4")).Says("step 4 of 10 now");
        (await LaterAsync(owner, question)).Says("Mango: step 4 of 10").Says("Pepper: step 1 of 10").DoesNotSay("What's your cat's name");
    }
}
