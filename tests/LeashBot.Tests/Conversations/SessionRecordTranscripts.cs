using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// What the cats' session record says, through the real host on Web Chat, SMS and Teams: "both" with one length and a
/// mood per cat logs a session for each cat with its own mood in one reply; a session said again soon after it was
/// logged (same cat, same length) is not logged twice unless the owner says it's another one; "how many sessions" about
/// a cat answers with the count from its record, not the session-length advice.
/// </summary>
public sealed class SessionRecordTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    private async Task<Replies> LaterAsync(Owner owner, string text)
    {
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        return await owner.SaysAsync(text);
    }

    /// <summary>Tigger and Poppy, both on step 1.</summary>
    private async Task<Owner> OwnerWithTwoCatsAsync(string channel)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("hiya we have 2 cats, Tigger and Poppy");
        (await LaterAsync(owner, "how is poppy doing")).Says("Poppy: step 1 of 10");
        return owner;
    }

    /// <summary>Olive, on step 1, with one 10 minute session logged.</summary>
    private async Task<Owner> OwnerWithOneSessionAsync(string channel)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training");
        (await owner.SaysAsync("Olive")).Says("on step 1 of 10");
        (await LaterAsync(owner, "olive did 10 min, she was relaxed")).Says("Logged: 10 min with Olive");
        await LaterAsync(owner, "no");
        return owner;
    }

    [Theory]
    [InlineData("sms", "they both did 7 mins tigger calm poppy hated it")]
    [InlineData("webchat", "The two of them had 7 minutes tonight Tigger was happy Poppy got scared 😿")]
    [InlineData("sms", "both done 7 min in harness poppy was stressed tigger loved it")]
    public async Task Both_cats_with_one_length_get_a_session_each_with_their_own_mood(string channel, string report)
    {
        var owner = await OwnerWithTwoCatsAsync(channel);
        (await LaterAsync(owner, report)).Says("Logged: 7 min with Tigger").Says("Logged: 7 min with Poppy").DoesNotSay("How long");
        (await LaterAsync(owner, "how is tigger doing")).Says("Sessions at this step: 1, 7 min").Says("Relaxed and happy");
        (await LaterAsync(owner, "how is poppy doing")).Says("Sessions at this step: 1, 7 min").Says("Stressed or upset");
    }

    [Theory]
    [InlineData("webchat", "like i said earlier, 10 minutes and she was relaxed")]
    [InlineData("sms", "olive did 10 min i told u already, she was fine")]
    [InlineData("msteams", "As I mentioned, we managed 10 minutes this afternoon and Olive was perfectly calm.")]
    public async Task A_session_said_again_is_not_logged_twice(string channel, string again)
    {
        var owner = await OwnerWithOneSessionAsync(channel);
        (await LaterAsync(owner, again)).Says("already").Says("10 min with Olive").DoesNotSay("Logged:");
        (await LaterAsync(owner, "how is olive doing")).Says("Sessions at this step: 1, 10 min");
    }

    [Fact]
    public async Task A_length_given_again_when_asked_is_not_logged_twice()
    {
        var owner = await OwnerWithOneSessionAsync("msteams");
        (await LaterAsync(owner, "log a session for olive")).Says("How long");
        (await LaterAsync(owner, "I told you before: ten minutes.")).Says("already").DoesNotSay("Logged:");
        (await LaterAsync(owner, "how is olive doing")).Says("Sessions at this step: 1, 10 min");
    }

    [Theory]
    [InlineData("webchat", "she did another 10 min, relaxed again")]
    [InlineData("sms", "did a second one this eve, 10 mins she was chill")]
    public async Task Another_session_of_the_same_length_is_logged(string channel, string another)
    {
        var owner = await OwnerWithOneSessionAsync(channel);
        (await LaterAsync(owner, another)).Says("Logged: 10 min with Olive").DoesNotSay("already");
        (await LaterAsync(owner, "how is olive doing")).Says("Sessions at this step: 2, 20 min");
    }

    [Fact]
    public async Task The_same_length_hours_later_is_a_new_session()
    {
        var owner = await OwnerWithOneSessionAsync("webchat");
        _host.Clock.Advance(TimeSpan.FromHours(5));
        (await LaterAsync(owner, "olive did 10 min, she was relaxed")).Says("Logged: 10 min with Olive");
    }

    [Theory]
    [InlineData("msteams", "How many sessions have you got down for her?")]
    [InlineData("sms", "how many sessions has olive done so far")]
    [InlineData("webchat", "quiero saber cuantas sesiones lleva Olive")]
    public async Task How_many_sessions_answers_with_the_count_from_the_record(string channel, string question)
    {
        var owner = await OwnerWithOneSessionAsync(channel);
        (await LaterAsync(owner, question)).Says("Olive: step 1 of 10").Says("Sessions at this step: 1, 10 min").DoesNotSay("Short and often");
    }

    [Fact]
    public async Task How_many_sessions_a_day_is_still_the_advice()
    {
        var owner = await OwnerWithOneSessionAsync("webchat");
        (await LaterAsync(owner, "how many sessions a day should we do?")).DoesNotSay("Sessions at this step");
    }
}
