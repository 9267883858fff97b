using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// Questions shop visitors and clinic clients ask in passing, through the real host: what size by weight, walking
/// with the family dog, how many days a week, the same questions in Spanish, and
/// emoji that change what a message is ("👋" opening a chat, "🙏" at the end of a question).
/// </summary>
public sealed class EverydayQuestionTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    private async Task<Owner> OwnerWithPoppyAsync()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        (await owner.SaysAsync("shes called Poppy")).Says("Lovely to meet Poppy");
        return owner;
    }

    [Theory]
    [InlineData("poppy is about 3.5 kilos, small or medium harness?")]
    [InlineData("which size would fit a 12 lb cat")]
    public async Task A_size_by_weight_gets_the_harness_answer_that_says_to_go_by_the_fit(string question)
    {
        (await (await OwnerWithPoppyAsync()).SaysAsync(question)).Says("Go by fit, not weight");
    }

    [Theory]
    [InlineData("our spaniel adores her, can they go out on walks together?")]
    [InlineData("is it a bad idea to bring the dog along when poppy goes out")]
    public async Task Walking_with_the_family_dog_is_the_safety_answer_with_the_cat_alone_first(string question)
    {
        (await (await OwnerWithPoppyAsync()).SaysAsync(question))
            .Says("walk your cat alone").DoesNotSay("not something I know").DoesNotSay("Take a step back");
    }

    [Theory]
    [InlineData("is 4 days a week ok 🙏")]
    public async Task How_many_days_a_week_gets_the_session_answer_even_with_a_praying_hands_emoji(string question)
    {
        (await (await OwnerWithPoppyAsync()).SaysAsync(question))
            .Says("There's no set number").DoesNotSay("You're welcome").DoesNotSay("A break is fine");
    }

    [Fact]
    public async Task Spanish_questions_about_size_and_days_a_week_get_their_answers_after_the_language_note()
    {
        var owner = await OwnerWithPoppyAsync();
        (await owner.SaysAsync("cuántas veces a la semana debo practicar con mi gata?"))
            .Says("solo hablo inglés").Says("There's no set number").DoesNotSay("A break is fine");
        (await owner.SaysAsync("y qué talla de arnés necesita? pesa 6 kilos")).Says("Go by fit, not weight");
    }

    [Fact]
    public async Task A_wave_that_opens_a_chat_is_a_hello_and_a_wave_after_goodbye_words_is_a_goodbye()
    {
        (await _host.NewOwner().SaysAsync("hello there 👋")).DoesNotSay("Bye for now");
        (await (await OwnerWithPoppyAsync()).SaysAsync("ok thats all, bye 👋")).Says("Bye for now");
    }
}
