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
        // START: Twilio confirms the opt-in; the bot only says where the cat is (Pepper was named after the YES).
        var back = Assert.Single((await texter.SaysAsync("Start")).Texts);
        Assert.Contains("Pepper (step 1)", back, StringComparison.Ordinal);
        Assert.DoesNotContain("STOP", back, StringComparison.Ordinal);
        Assert.NotEmpty((await texter.SaysAsync("is it safe to walk in the rain")).Texts);
    }

    [Fact]
    public async Task Back_after_STOP_the_owner_hears_where_each_of_their_cats_is_and_nothing_twice_Azure_SMS_simulated()
    {
        var texter = NewTexter();
        (await texter.SaysAsync("evening! want to leash train my two, Mochi and Bean")).Says("Mochi").Says("Bean");
        Assert.Empty((await texter.SaysAsync("unsubscribe")).Texts);
        Assert.Empty((await texter.SaysAsync("ok whatever")).Texts);

        var back = Assert.Single((await texter.SaysAsync("unstop")).Texts);
        Assert.Contains("Mochi (step 1)", back, StringComparison.Ordinal);
        Assert.Contains("Bean (step 1)", back, StringComparison.Ordinal);

        // Texting START again while opted in changes nothing and says no more than where the cats are, once.
        Assert.Single((await texter.SaysAsync("START")).Texts);
    }

    [Fact]
    public async Task A_number_with_no_cats_saved_gets_nothing_from_the_bot_after_START_since_Twilio_confirms_it_Azure_SMS_simulated()
    {
        var texter = NewTexter();
        Assert.Empty((await texter.SaysAsync("STOP")).Texts);
        Assert.Empty((await texter.SaysAsync("start")).Texts);
        Assert.NotEmpty((await texter.SaysAsync("hi is this the cat harness bot")).Texts);
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
