using LeashBot.Tests.Support;

namespace LeashBot.Tests.Channels;

/// <summary>
/// STOP on Azure Bot Service's SMS channel (simulated: the activities it posts to /api/messages, channel <c>sms</c>):
/// Twilio sends the one confirmation and refuses any other text to the number until START, so the bot answers nothing at
/// all in between, however the owner writes, and carries on where they were once they opt back in (START, or YES
/// after a STOP). Real host.
/// </summary>
public sealed class SmsOptOutTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    private Owner NewTexter() => _host.NewOwner("sms", "+1555" + Random.Shared.Next(1_000_000, 9_999_999));

    [Fact]
    public async Task After_STOP_nothing_is_answered_until_the_number_opts_back_in_with_START_or_yes_Azure_SMS_simulated()
    {
        var texter = NewTexter();
        Assert.Contains("Reply STOP to opt out.", (await texter.SaysAsync("hiya, got 2 cats to leash train, where do i start")).All, StringComparison.Ordinal);
        (await texter.SaysAsync("start training")).Says("name");
        Assert.Empty((await texter.SaysAsync("STOP")).Texts);

        // Twilio would refuse these replies anyway (error 21610): the bot stays quiet, and no menu, no greeting.
        foreach (var text in new[] { "hey its me again lol", "Pepper", "what step r they on??", "hello? 🙂", "stop", "help me please" })
        {
            Assert.Empty((await texter.SaysAsync(text)).Texts);
        }

        // YES after a STOP opts back in (Twilio confirms it); the next text is answered, the question still waiting.
        Assert.Empty((await texter.SaysAsync("Yes!")).Texts);
        (await texter.SaysAsync("Pepper")).Says("Pepper");

        Assert.Empty((await texter.SaysAsync("quit")).Texts);
        Assert.Empty((await texter.SaysAsync("is it safe to walk in the rain")).Texts);
        Assert.Empty((await texter.SaysAsync("Start")).Texts);
        Assert.NotEmpty((await texter.SaysAsync("is it safe to walk in the rain")).Texts);
    }

    [Fact]
    public async Task A_yes_from_a_number_that_never_opted_out_is_an_ordinary_answer_Azure_SMS_simulated()
    {
        var texter = NewTexter();
        (await texter.SaysAsync("start training")).Says("name");
        (await texter.SaysAsync("Miso")).Says("Miso");
        Assert.NotEmpty((await texter.SaysAsync("yes")).Texts);
    }
}
