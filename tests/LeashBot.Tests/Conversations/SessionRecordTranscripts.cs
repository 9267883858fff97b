using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// What the cats' session record says, through the real host on Web Chat, SMS and Teams: "both" with one length and a
/// mood per cat logs a session for each cat with its own mood in one reply; "how many sessions" about a cat answers with the count from its record, not the session-length advice.
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
