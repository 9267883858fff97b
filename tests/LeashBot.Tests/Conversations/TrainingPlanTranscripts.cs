using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>The 10-step plan: per-cat progress, session logging, several cats, restarts, forget-me and SMS.</summary>
public sealed class TrainingPlanTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    [Fact]
    public async Task A_relaxed_session_moves_the_cat_on_once_the_owner_says_so_and_distress_keeps_it_with_a_shorter_session()
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("let's start training")).Says("What's your cat's name?");
        (await owner.SaysAsync("Milo")).Says("Milo is on step 1 of 10").Says("Choose the right harness");
        (await owner.SaysAsync("we did 10 minutes today, he was relaxed")).Says("Logged: 10 min").Says("Shall I move Milo on to step 2").Offers("Yes", "No");
        (await owner.SaysAsync("yes")).Says("on to step 2");
        (await owner.SaysAsync("did 6 minutes, he tried to get it off and hissed")).Says("stay on step 2").Says("about 3 minutes");
        (await owner.SaysAsync("how's Milo doing?")).Says("step 2 of 10").Says("Sessions at this step: 1");
        (await owner.SaysAsync("what's next?")).Says("step 3").Says("First fitting");
    }

    [Fact]
    public async Task A_session_report_without_details_asks_for_them_in_plain_words()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Nala");
        (await owner.SaysAsync("we just finished a training session")).Says("How long");
        (await owner.SaysAsync("banana")).Says("Roughly how long");
        (await owner.SaysAsync("half an hour")).Says("How did Nala seem").Offers("Relaxed and happy", "A bit unsure", "Stressed or upset");
        (await owner.SaysAsync("Relaxed and happy")).Says("Logged: 30 min").Says("Shall I move Nala on to step 2");
        (await owner.SaysAsync("yes")).Says("on to step 2");
    }

    [Fact]
    public async Task Wear_time_steps_wait_until_the_session_reaches_the_goal()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Luna");
        for (var step = 1; step <= 3; step++)
        {
            (await owner.SaysAsync("5 minutes, relaxed")).Says($"on to step {step + 1}");
            (await owner.SaysAsync("yes")).Says($"step {step + 1}");
        }

        (await owner.SaysAsync("10 minutes, calm")).Says("until you reach 15 minutes").DoesNotSay("Shall I move");
        (await owner.SaysAsync("20 minutes and she was relaxed")).Says("Shall I move Luna on to step 5");
        (await owner.SaysAsync("yes")).Says("on to step 5").Says("4–6 foot nylon leash");
    }

    [Fact]
    public async Task Two_cats_keep_separate_progress_and_owners_switch_by_name()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Milo");
        await owner.SaysAsync("10 minutes, relaxed");
        await owner.SaysAsync("yes");
        (await owner.SaysAsync("I have another cat")).Says("What's your cat's name?");
        (await owner.SaysAsync("Juniper")).Says("Lovely to meet Juniper");
        (await owner.SaysAsync("how's Juniper doing?")).Says("Juniper: step 1 of 10");
        (await owner.SaysAsync("how is milo doing")).Says("Milo: step 2 of 10");
        (await owner.SaysAsync("switch to Juniper")).Says("let's talk about Juniper");
        (await owner.SaysAsync("we did 3 minutes, she was relaxed")).Says("Juniper").Says("on to step 2");
        await owner.SaysAsync("yes");
        (await owner.SaysAsync("how's Juniper doing?")).Says("step 2 of 10");
        (await owner.SaysAsync("how's Milo doing?")).Says("step 2 of 10").Says("No sessions logged yet");
        (await owner.SaysAsync("how are my cats doing?")).Says("Milo: step 2 of 10").Says("Juniper: step 2 of 10");
        (await owner.SaysAsync("actually we have two cats")).Says("What's your cat's name?");
    }

    [Fact]
    public async Task A_cats_step_and_sessions_survive_a_host_restart()
    {
        using var first = new BotHost();
        var owner = first.NewOwner(userId: "restart-owner", conversationId: "restart-conv");
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Milo");
        await owner.SaysAsync("10 minutes, relaxed");
        await owner.SaysAsync("yes");
        await owner.SaysAsync("4 minutes, relaxed");
        await owner.SaysAsync("yes");
        await first.DisposeAsync();

        using var second = new BotHost(new Dictionary<string, string?>(first.Settings));
        var again = second.NewOwner(userId: "restart-owner", conversationId: "restart-conv");
        (await again.SaysAsync("how's Milo doing?")).Says("step 3 of 10");
    }

    [Fact]
    public async Task Forget_me_deletes_the_profile_after_a_confirmation()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Milo");
        await owner.SaysAsync("10 minutes, relaxed");
        await owner.SaysAsync("yes");
        (await owner.SaysAsync("delete my data")).Says("Are you sure?");
        (await owner.SaysAsync("no")).Says("kept everything");
        (await owner.SaysAsync("how's milo doing")).Says("step 2 of 10");
        (await owner.SaysAsync("please delete my data")).Says("Are you sure?");
        (await owner.SaysAsync("yes")).Says("deleted");
        (await owner.SaysAsync("how's milo doing")).Says("Lovely to meet Milo").DoesNotSay("step 2");
    }

    [Fact]
    public async Task Forget_me_asked_in_the_middle_of_a_flow_deletes_the_profile_too()
    {
        // The request arrives while the session log waits for a length of time, so it is taken up mid-flow.
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Milo");
        (await owner.SaysAsync("log a session")).Says("How long");
        (await owner.SaysAsync("actually can you delete all my data please")).Says("Are you sure?");
        (await owner.SaysAsync("yes")).Says("deleted");
        (await owner.SaysAsync("how's milo doing")).Says("Lovely to meet Milo");
    }

    [Fact]
    public async Task On_sms_choices_are_a_numbered_list_and_a_number_picks_one()
    {
        var owner = _host.NewOwner(channelId: "sms");
        var greeting = await owner.SaysAsync("hi");
        greeting.Says("1. Is my cat ready?").Says("5. Stories from other owners");
        Assert.Empty(greeting.Buttons);
        (await owner.SaysAsync("3")).Says("1. Froze or lay down").Says("5. Slipped out of the harness");
        (await owner.SaysAsync("5")).Says("escape-proof");
    }
}
