using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// Every way a conversation can start, and every "hi" after that, is greeted by one decision: the introduction once
/// per conversation (with a welcome back when the bot knows the owner's cat), a short greeting back later.
/// </summary>
public sealed class GreetingTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private const string Introduction = "I'm LeashBot";
    private const string Disclaimer = "not veterinary advice";
    private const string GreetingBack = "Hi there";
    private const string MenuPrompt = "What would you like to do?";

    private readonly BotHost _host = shared.Host;

    [Fact]
    public async Task Opening_the_chat_twice_introduces_the_bot_once()
    {
        var owner = _host.NewOwner();
        (await owner.JoinsAsync()).FirstSays(Introduction).Says(Disclaimer).Says(MenuPrompt).DoesNotSay("Welcome back");
        Assert.Empty((await owner.JoinsAsync()).Texts);
    }

    [Fact]
    public async Task Hi_as_the_first_message_introduces_the_bot_and_a_later_hi_gets_a_short_greeting_back()
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("hiya")).FirstSays(Introduction).Says(Disclaimer).Says(MenuPrompt).DoesNotSay(GreetingBack);
        (await owner.SaysAsync("hello!!")).FirstSays(GreetingBack).Says(MenuPrompt).DoesNotSay(Introduction).DoesNotSay(Disclaimer);
    }

    [Fact]
    public async Task After_a_chat_was_opened_hi_is_answered_with_the_short_greeting()
    {
        var owner = _host.NewOwner();
        await owner.JoinsAsync();
        (await owner.SaysAsync("hey")).FirstSays(GreetingBack).DoesNotSay(Introduction);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("sms")]
    public async Task A_cat_named_in_the_first_message_is_met_not_welcomed_back(string channel)
    {
        // Before: "hi my cat is called Mo" got "I'll remember Mo" and then "Welcome back! Ready to pick up with Mo?".
        var owner = _host.NewOwner(channelId: channel);
        (await owner.SaysAsync("hii my cat is called Mo 🐱")).Says("I'll remember Mo").Says(Introduction).DoesNotSay("Welcome back");
    }

    [Fact]
    public async Task A_returning_owner_is_welcomed_back_with_their_cat_however_the_new_chat_starts()
    {
        var userId = "returning-" + Guid.NewGuid().ToString("N");
        var first = _host.NewOwner(userId: userId);
        await first.SaysAsync("start training");
        await first.SaysAsync("Pickle");

        // A new conversation opened from the widget, and another one started with a plain "hi".
        (await _host.NewOwner(userId: userId).JoinsAsync())
            .FirstSays(Introduction).Says("Welcome back").Says("Pickle").Says(Disclaimer).Says(MenuPrompt);
        (await _host.NewOwner(userId: userId).SaysAsync("hi"))
            .FirstSays(Introduction).Says("Welcome back").Says("Pickle").Says(Disclaimer).Says(MenuPrompt);
    }

    [Fact]
    public async Task A_first_text_that_says_hi_is_greeted_once_with_the_disclaimer_and_the_numbered_menu()
    {
        // SMS never announces a conversation: the introduction goes with the first reply, and the "hi" it answers
        // must not add a second hello to the same text.
        var owner = _host.NewOwner(channelId: "sms");
        (await owner.SaysAsync("hi")).Says(Introduction).Says(Disclaimer).Says("1. Is my cat ready?").DoesNotSay(GreetingBack);
        (await owner.SaysAsync("hi again")).Says(GreetingBack).DoesNotSay(Introduction);
    }

    [Fact]
    public async Task A_first_text_about_an_emergency_gets_the_vet_message_and_the_disclaimer_without_the_greeting()
    {
        var owner = _host.NewOwner(channelId: "sms");
        (await owner.SaysAsync("my cat ate a lily and keeps throwing up")).Says("555-0199").Says(Disclaimer).DoesNotSay(Introduction);
    }
}
