using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// Session reports as owners type them, through the real host on Web Chat and SMS: one sentence with a mood for each
/// cat gives each cat its own mood and reply; moods said again afterwards fix the sessions' moods and never move a
/// session to the other cat; a length said again in everyday words edits the length; fewer sessions than logged takes the
/// extra ones off after asking, and logs nothing new.
/// </summary>
public sealed class SessionReportTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    private async Task<Replies> LaterAsync(Owner owner, string text)
    {
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        return await owner.SaysAsync(text);
    }

    /// <summary>Nori and Pip, both on step 1.</summary>
    private async Task<Owner> OwnerWithNoriAndPipAsync(string channel)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("i have two cats, Nori and Pip");
        (await LaterAsync(owner, "how is nori doing")).Says("Nori: step 1 of 10");
        return owner;
    }

    [Theory]
    [InlineData("webchat", "did 8 min with both after dinner, nori was super calm pip hated it")]
    [InlineData("sms", "both had 8 mins in the harness. nori v chill pip freaked out n kept hiding")]
    public async Task Each_cat_in_one_sentence_gets_its_own_mood(string channel, string report)
    {
        var owner = await OwnerWithNoriAndPipAsync(channel);
        (await LaterAsync(owner, report)).Says("Logged: 8 min with Nori").Says("Logged: 8 min with Pip")
            .Says("Pip needs a break").DoesNotSay("Nori needs a break");
        (await LaterAsync(owner, "how is nori doing")).Says("Relaxed and happy");
    }

    [Theory]
    [InlineData("webchat", "nori was fine actually, it was pip that got stressed")]
    [InlineData("sms", "no wait nori was relaxed, pip was the scared one")]
    public async Task Moods_said_again_fix_the_moods_and_move_no_session(string channel, string fix)
    {
        var owner = await OwnerWithNoriAndPipAsync(channel);
        (await LaterAsync(owner, "both did 6 min, both were stressed")).Says("Logged: 6 min with Nori").Says("Logged: 6 min with Pip");
        (await LaterAsync(owner, fix)).Says("Updated: Nori's 6 min session").DoesNotSay("now belongs to").DoesNotSay("Logged");
        (await LaterAsync(owner, "how is nori doing")).Says("Sessions at this step: 1, 6 min").Says("Relaxed and happy");
        (await LaterAsync(owner, "how is pip doing")).Says("Sessions at this step: 1, 6 min").Says("Stressed or upset");
    }

    [Theory]
    [InlineData("sms", "ok also pip's was only 4 mins not 8")]
    public async Task A_length_said_again_in_everyday_words_edits_the_length(string channel, string fix)
    {
        var owner = await OwnerWithNoriAndPipAsync(channel);
        (await LaterAsync(owner, "both did 8 min, both relaxed")).Says("Logged: 8 min with Pip");
        (await LaterAsync(owner, "no")).DoesNotSay("Logged");
        (await LaterAsync(owner, fix)).Says("Updated: that session with Pip was 4 min, not 8 min").DoesNotSay("What's your cat's name");
        (await LaterAsync(owner, "how is pip doing")).Says("Sessions at this step: 1, 4 min");
        (await LaterAsync(owner, "how is nori doing")).Says("Sessions at this step: 1, 8 min");
    }

    [Theory]
    [InlineData("webchat", "hang on olive only had 1 session not 3, u logged it 3 times")]
    [InlineData("sms", "thats wrong, should be one session. u doubled it up")]
    public async Task Fewer_sessions_than_logged_takes_the_extra_ones_off_after_asking(string channel, string claim)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training");
        (await owner.SaysAsync("Olive")).Says("on step 1 of 10");
        for (var i = 0; i < 3; i++)
        {
            (await LaterAsync(owner, "olive did 10 min, she was relaxed")).Says("Logged: 10 min with Olive");
            await LaterAsync(owner, "no");
        }

        (await LaterAsync(owner, claim)).Says("Olive has 3 sessions logged at step 1").Says("take off the last 2").DoesNotSay("How long").DoesNotSay("Logged:");
        (await LaterAsync(owner, "yes pls")).Says("taken 2 of Olive's sessions off step 1, so 1 stays");
        (await LaterAsync(owner, "how is olive doing")).Says("Sessions at this step: 1, 10 min");
        (await LaterAsync(owner, "undo")).Says("is back");
        (await LaterAsync(owner, "how is olive doing")).Says("Sessions at this step: 3, 30 min");
    }
}
