using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// Progress must never go wrong silently: a new cat named in a request is met, a mistyped name is the cat it
/// means, a fix moves or changes the last session however it is worded, and one report can cover several cats.
/// </summary>
public sealed class ProgressCorrectionTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    /// <summary>The fake clock stands still unless moved; owners type a minute or so apart.</summary>
    private async Task<Replies> LaterAsync(Owner owner, string text)
    {
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        return await owner.SaysAsync(text);
    }

    [Theory]
    [InlineData("start training pepper")]
    [InlineData("can we start training Pepper too")]
    [InlineData("i want to train pepper now")]
    [InlineData("my cat pepper needs to start as well")]
    public async Task A_new_cat_named_in_a_request_is_met_and_the_known_one_keeps_its_progress(string request)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Biscuit");
        await LaterAsync(owner, "10 minutes, relaxed");
        await LaterAsync(owner, "yes");
        (await LaterAsync(owner, request)).Says("Pepper").DoesNotSay("Start Training").DoesNotSay("Biscuit is on step");
        (await owner.SaysAsync("how are my cats doing")).Says("Biscuit: step 2 of 10").Says("Pepper: step 1 of 10");
    }

    [Fact]
    public async Task A_request_at_the_name_question_is_never_taken_for_a_name()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        (await owner.SaysAsync("start training pepper")).Says("Lovely to meet Pepper").DoesNotSay("Start Training Pepper");
        (await owner.SaysAsync("how are my cats doing")).Says("Pepper: step 1 of 10");
    }

    [Theory]
    [InlineData("peper 2 min, relaxed")]
    [InlineData("did 2 mins w/ pepepr, she was chill")]
    [InlineData("PEPPR 2 minutes relaxed")]
    public async Task A_mistyped_name_logs_for_the_cat_it_means(string report)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("biscuit and pepper");
        await owner.SaysAsync("switch to biscuit");
        (await LaterAsync(owner, report)).Says("Logged: 2 min with Pepper").DoesNotSay("with Biscuit");
    }

    [Theory]
    [InlineData("the last session was pepper not biscuit")]
    [InlineData("ugh sorry that was pepper actually")]
    [InlineData("oops wrong cat, it was pepper")]
    [InlineData("sorry i meant pepper")]
    public async Task A_fix_moves_the_last_session_to_the_cat_named(string fix)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("biscuit and pepper");
        (await LaterAsync(owner, "biscuit 5 min relaxed")).Says("Logged: 5 min with Biscuit").Says("Shall I move Biscuit on to step 2");
        (await LaterAsync(owner, fix)).Says("now belongs to Pepper").Says("Shall I move Pepper on to step 2").DoesNotSay("How long");
        (await owner.SaysAsync("yes")).Says("Pepper is on to step 2");
        (await owner.SaysAsync("how are my cats doing")).Says("Biscuit: step 1 of 10").Says("Pepper: step 2 of 10");
    }

    [Theory]
    [InlineData("sorry i meant 5 not 50")]
    [InlineData("typo, it was 5 min")]
    [InlineData("oops 5 not 50")]
    [InlineData("i mean 5 lol")]
    public async Task A_fix_of_the_length_changes_the_last_session(string fix)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Milo");
        await LaterAsync(owner, "put milo on step 4");
        (await LaterAsync(owner, "we did 50 min, relaxed")).Says("Logged: 50 min").Says("Shall I move Milo on to step 5");

        // Step 4 needs 15 minutes of calm wear: at 5 minutes Milo stays there, and the fix logs nothing new.
        (await LaterAsync(owner, fix)).Says("Updated").Says("5 min, not 50 min").Says("until you reach 15 minutes").DoesNotSay("Which cat").DoesNotSay("Logged:");
        (await owner.SaysAsync("how's milo doing")).Says("step 4 of 10").Says("5 min");
    }

    [Fact]
    public async Task A_new_report_that_mentions_a_length_is_not_taken_for_a_fix()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Milo");
        await LaterAsync(owner, "we did 10 min, relaxed");
        (await LaterAsync(owner, "we did 3 min today, it was stressful for him")).Says("Milo").DoesNotSay("Fixed");
    }

    [Theory]
    [InlineData("did both at dinner together, 4 min each. biscuit relaxed, pepper kinda stressed")]
    [InlineData("4 min each today - biscuit was chill but pepper hissed")]
    [InlineData("biscuit and pepper both did 4 minutes, biscuit happy, pepper scared")]
    public async Task One_report_logs_a_session_for_each_cat_with_its_own_mood(string report)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("biscuit and pepper");
        var replies = await LaterAsync(owner, report);
        replies.Says("Logged: 4 min with Biscuit").Says("Logged: 4 min with Pepper").Says("Shall I move Biscuit on to step 2");
        (await owner.SaysAsync("yes")).Says("Biscuit is on to step 2").DoesNotSay("Pepper is on");
        (await owner.SaysAsync("how are my cats doing")).Says("Biscuit: step 2 of 10").Says("Pepper: step 1 of 10");
    }

    [Fact]
    public async Task A_length_fix_after_a_report_about_two_cats_fixes_both()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("biscuit and pepper");
        await LaterAsync(owner, "biscuit and pepper both did 4 min, biscuit relaxed, pepper hissed");
        (await LaterAsync(owner, "sorry i meant 5 not 4")).Says("Biscuit was 5 min").Says("Pepper was 5 min");
        (await owner.SaysAsync("how's pepper doing")).Says("5 min in all").DoesNotSay("9 min");
    }

    [Fact]
    public async Task Both_cats_with_one_mood_each_get_that_mood()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("biscuit and pepper");
        (await LaterAsync(owner, "did both together for 3 minutes, they were both relaxed")).Says("Logged: 3 min with Biscuit").Says("Logged: 3 min with Pepper");
    }
}
