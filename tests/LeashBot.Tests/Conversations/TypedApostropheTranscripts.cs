using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// Phones type a curly apostrophe ("that’s"), some keyboards a backtick ("that`s"): the bot reads them as the straight
/// one, so a short yes typed on a phone is as short as the same words typed on a laptop. "that’s" used to count as two
/// words ("that", "s"), and a five-word yes to "Shall I log 30 min?" became a six-word new message.
/// </summary>
public sealed class TypedApostropheTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    [Theory]
    [InlineData("yes that’s right, log it")]
    [InlineData("yep that’s it go ahead")]
    [InlineData("Yeah it’s right, log it")]
    [InlineData("yes that`s right, log it")]
    public async Task A_short_yes_typed_with_a_phones_apostrophe_logs_the_offered_session(string yes)
    {
        var owner = _host.NewOwner(channelId: "webchat");
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Toffee");
        (await owner.SaysAsync("she wore the harness fine for about 20 min")).Says("Shall I log 20 min with Toffee?");
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        (await owner.SaysAsync(yes)).Says("Logged: 20 min with Toffee").DoesNotSay("How long was today's session").DoesNotSay("not something I know");
    }
}
