using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// Progress follows what the owner said, through the real host on Web Chat and SMS: a no at the move-on question never
/// moves a cat, and "keep her on 1" after a wrong move puts her back; only a message that points at the earlier session
/// fixes its length, another session said in passing is logged as new; reports in full sentences are logged; owners
/// who are ahead can finish or skip steps; progress questions get each cat's step; removal works in Spanish and for
/// a name the bot doesn't know.
/// </summary>
public sealed class OwnersWordsTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    private async Task<Replies> LaterAsync(Owner owner, string text)
    {
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        return await owner.SaysAsync(text);
    }

    private async Task<Owner> OwnerWithCatAsync(string channel, string cat)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training");
        (await owner.SaysAsync(cat)).Says("on step 1 of 10");
        return owner;
    }

    private async Task<Owner> OwnerWithTwoCatsAsync(string channel)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("i have two cats, Ivy and Pepper");
        (await LaterAsync(owner, "how is ivy doing")).Says("Ivy: step 1 of 10");
        return owner;
    }

    // ---- No means no at the move-on question, and after it ----

    [Theory]
    [InlineData("webchat", "nope, let her stay there a few more days")]
    [InlineData("sms", "nah not just yet")]
    [InlineData("sms", "keep her on step 1 for now pls")]
    [InlineData("webchat", "no no NO she stays")]
    [InlineData("sms", "nah")]
    public async Task A_no_at_the_move_on_question_never_moves_the_cat(string channel, string no)
    {
        var owner = await OwnerWithCatAsync(channel, "Ivy");
        (await LaterAsync(owner, "10 min, she was relaxed")).Says("Shall I move Ivy on to step 2");
        (await LaterAsync(owner, no)).Says("Ivy stays on step 1").DoesNotSay("step 2 of 10 now");
        (await LaterAsync(owner, "how is ivy doing")).Says("Ivy: step 1 of 10");
    }

    [Theory]
    [InlineData("webchat", "no!! i said keep ivy on step 1")]
    [InlineData("sms", "keep her on 1 i said no")]
    public async Task Keep_on_the_earlier_step_after_a_move_puts_the_cat_back_and_says_so(string channel, string keep)
    {
        var owner = await OwnerWithCatAsync(channel, "Ivy");
        (await LaterAsync(owner, "move ivy on to step 2")).Says("step 2 of 10");
        (await LaterAsync(owner, keep)).Says("Ivy is on step 1 of 10 now").DoesNotSay("Step 1 of 10 is");
        (await LaterAsync(owner, "how is ivy doing")).Says("Ivy: step 1 of 10");
    }

    // ---- Corrections only when they point at the earlier session ----

    [Theory]
    [InlineData("webchat", "quick update: we did a second one tonight, around 12 mins, she was calm")]
    [InlineData("sms", "update did another 1 just now maybe 12 min, she was chill")]
    public async Task Another_session_said_in_passing_is_logged_as_new(string channel, string update)
    {
        var owner = await OwnerWithCatAsync(channel, "Noodle");
        (await LaterAsync(owner, "5 min, she was a bit unsure")).Says("Logged: 5 min with Noodle");
        (await LaterAsync(owner, update)).Says("Logged: 12 min with Noodle").DoesNotSay("Updated:");
        (await LaterAsync(owner, "how is noodle doing")).Says("Sessions at this step: 2");
    }

    [Theory]
    [InlineData("webchat", "day 3 update, going well i think")]
    [InlineData("webchat", "thats not what i meant lol")]
    [InlineData("sms", "she doesnt bite the harness, i meant the lead")]
    public async Task Remarks_that_are_not_about_the_last_session_never_change_its_length(string channel, string remark)
    {
        var owner = await OwnerWithCatAsync(channel, "Noodle");
        (await LaterAsync(owner, "5 min, she was a bit unsure")).Says("Logged: 5 min with Noodle");
        (await LaterAsync(owner, remark)).DoesNotSay("Updated:");
        (await LaterAsync(owner, "how is noodle doing")).Says("Sessions at this step: 1, 5 min");
    }

    [Theory]
    [InlineData("webchat", "ivys one was more like 3 min not 6, she got bored")]
    [InlineData("sms", "peppers session was really only 3 mins not 6 tbh")]
    public async Task A_length_fix_that_names_the_cats_session_edits_it(string channel, string fix)
    {
        var owner = await OwnerWithTwoCatsAsync(channel);
        (await LaterAsync(owner, "both did 6 min, both a bit unsure")).Says("Logged: 6 min with Ivy").Says("Logged: 6 min with Pepper");
        var cat = fix.StartsWith("ivy", StringComparison.Ordinal) ? "Ivy" : "Pepper";
        (await LaterAsync(owner, fix)).Says($"Updated: that session with {cat} was 3 min, not 6 min").DoesNotSay("Logged:");
    }

    // ---- Reports in full sentences ----

    [Theory]
    [InlineData("webchat", "we spent about ten minutes in the kitchen and she took no notice of it at all", 10)]
    [InlineData("sms", "did roughly 15 mins in the hallway n he didnt even look at it", 15)]
    public async Task A_session_told_as_a_sentence_is_logged_relaxed(string channel, string report, int minutes)
    {
        var owner = await OwnerWithCatAsync(channel, "Monty");
        (await LaterAsync(owner, report)).Says($"Logged: {minutes} min with Monty").DoesNotSay("Refusing");
        (await LaterAsync(owner, "how is monty doing")).Says("Relaxed and happy");
    }

    [Theory]
    [InlineData("webchat", "another sniffing session tonight, 6 mins, he rubbed his cheek on it 😍 what do we do next")]
    [InlineData("sms", "did another 6 min one this evening he headbutted it lol whats next")]
    public async Task A_report_that_asks_whats_next_is_logged_and_answered(string channel, string report)
    {
        var owner = await OwnerWithCatAsync(channel, "Monty");
        var replies = await LaterAsync(owner, report);
        replies.Says("Logged: 6 min with Monty");
        replies.Says("step 2");
    }

    [Theory]
    [InlineData("webchat", "he sniffed it, had the treats, then lay down on it haha")]
    public async Task Sitting_on_the_harness_after_a_good_session_is_not_refusing_to_move(string channel, string remark)
    {
        var owner = await OwnerWithCatAsync(channel, "Monty");
        await LaterAsync(owner, "10 min, relaxed");
        await LaterAsync(owner, "no");
        (await LaterAsync(owner, remark)).DoesNotSay("Refusing to move");
    }

    // ---- Owners ahead of the plan ----

    [Theory]
    [InlineData("webchat", "bought the harness today so step 1 is done yeah?")]
    [InlineData("sms", "got an H harness, thats step 1 done right")]
    public async Task The_harness_bought_finishes_step_one(string channel, string done)
    {
        var owner = await OwnerWithCatAsync(channel, "Mochi");
        (await LaterAsync(owner, done)).Says("step 1 done").DoesNotSay("Step 1 of 10 is");
        (await LaterAsync(owner, "how is mochi doing")).Says("Mochi: step 2 of 10");
    }

    [Theory]
    [InlineData("webchat", "she's been wearing a harness on the patio for ages, could we skip ahead a bit?")]
    [InlineData("sms", "hes used to a harness already been wearing one for years, can we start further along")]
    public async Task An_owner_whose_cat_wears_a_harness_is_offered_a_later_step(string channel, string ahead)
    {
        var owner = await OwnerWithCatAsync(channel, "Monty");
        (await LaterAsync(owner, ahead)).Says("Shall I put Monty on step").Says("skips steps 1 to").DoesNotSay("Step 1 of 10 is");
        (await LaterAsync(owner, "yes")).Says("Monty is on step").DoesNotSay("Monty is on step 1");
    }

    [Theory]
    [InlineData("webchat", "start both")]
    [InlineData("sms", "lets start them both")]
    public async Task Starting_both_cats_starts_and_shows_both(string channel, string start)
    {
        var owner = await OwnerWithTwoCatsAsync(channel);
        (await LaterAsync(owner, start)).Says("Ivy").Says("Pepper").Says("step 1").DoesNotSay("Did you mean");
    }

    // ---- Progress questions ----

    [Theory]
    [InlineData("sms", "what steps r both of them at")]
    [InlineData("webchat", "where are my two up to?")]
    [InlineData("sms", "what step are the cats on rn")]
    public async Task Progress_questions_give_each_cats_step(string channel, string question)
    {
        var owner = await OwnerWithTwoCatsAsync(channel);
        (await LaterAsync(owner, "move pepper to step 2")).Says("Pepper is on step 2 of 10 now");
        (await LaterAsync(owner, question)).Says("Ivy: step 1 of 10").Says("Pepper: step 2 of 10").DoesNotSay("Which one would you like");
    }

    [Theory]
    [InlineData("webchat", "is he on step 2 yet or still 1")]
    [InlineData("sms", "so is monty on 2 now or still on 1??")]
    public async Task Is_the_cat_on_a_step_gives_the_cats_step(string channel, string question)
    {
        var owner = await OwnerWithCatAsync(channel, "Monty");
        (await LaterAsync(owner, question)).Says("Monty: step 1 of 10");
    }

    // ---- Removing cats in Spanish, and names the bot doesn't know ----

    [Theory]
    [InlineData("webchat", "borra a pepper porfa")]
    [InlineData("sms", "quita a pepper")]
    public async Task Spanish_remove_words_reach_the_remove_cat_question(string channel, string remove)
    {
        var owner = await OwnerWithTwoCatsAsync(channel);
        (await LaterAsync(owner, remove)).Says("Shall I take Pepper off your list");
        (await LaterAsync(owner, "sí")).Says("taken Pepper off your list");
    }

    [Fact]
    public async Task A_pronoun_removal_in_spanish_means_the_cat_just_spoken_about()
    {
        var owner = await OwnerWithTwoCatsAsync("webchat");
        (await LaterAsync(owner, "how is pepper doing")).Says("Pepper: step 1 of 10");
        (await LaterAsync(owner, "bórralo")).Says("Shall I take Pepper off your list");
    }

    [Theory]
    [InlineData("webchat", "remove Rufus")]
    [InlineData("sms", "pls delete rufus from my cats")]
    public async Task Removing_a_cat_the_bot_does_not_know_says_so_and_lists_the_cats(string channel, string remove)
    {
        var owner = await OwnerWithTwoCatsAsync(channel);
        (await LaterAsync(owner, remove)).Says("Rufus").Says("Ivy").Says("Pepper").DoesNotSay("Shall I take");
        (await LaterAsync(owner, "how is pepper doing")).Says("Pepper: step 1 of 10");
    }
}
