using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// Everyday things owners type that the bot used to miss: where to buy the gear (the advice, then who sells it),
/// a session length said with a shrug ("idk like 5?"), a cat that shares a name with a story cat, and two cats
/// named in one go. Through the real host, typed the way owners type.
/// </summary>
public sealed class EverydayAsksTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    [Theory]
    [InlineData("um where do i even get a harness??")]
    [InlineData("ok where can i buy one")]
    [InlineData("where should i get one for her lol")]
    public async Task Asking_where_to_buy_gets_the_harness_advice_and_who_sells_it(string ask)
    {
        var owner = Host.NewOwner();
        (await owner.SaysAsync(ask)).Says("H-style").Says("the size that fits").DoesNotSay("not something I know");
    }

    [Fact]
    public async Task Asking_where_to_buy_a_leash_gets_the_leash_advice_and_who_sells_it()
    {
        var owner = Host.NewOwner();
        (await owner.SaysAsync("where do u get a good leash")).Says("nylon").Says("the size that fits").DoesNotSay("not something I know");
    }

    [Theory]
    [InlineData("idk like 5?")]
    [InlineData("maybe 5ish")]
    [InlineData("5ish i think")]
    public async Task A_shrugged_number_at_the_length_question_is_minutes(string length)
    {
        var owner = Host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("pip, she's 4");
        (await owner.SaysAsync("log a session")).Says("How long");
        (await owner.SaysAsync(length)).Says("How did Pip seem").DoesNotSay("Roughly how long");
        (await owner.SaysAsync("relaxed")).Says("5 min");
    }

    [Theory]
    [InlineData("milo", "any tips for milo")]
    [InlineData("milo", "milo has been doing so well!!")]
    [InlineData("juniper", "juniper keeps freezing when i put it on")]
    [InlineData("juniper", "ok so juniper is a shy rescue, will she ever walk outside?")]
    public async Task A_cat_named_like_a_story_cat_is_talked_about_never_the_story(string name, string says)
    {
        var owner = Host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync(name + ", she's 3");
        (await owner.SaysAsync(says)).DoesNotSay("apartment cat").DoesNotSay("Juniper, the rescue");
        (await owner.SaysAsync("how is " + name + " doing")).Says("step 1 of 10").DoesNotSay("high-rise");
    }

    [Theory]
    [InlineData("hey my two are luna and milo")]
    [InlineData("i have 2 cats, luna and milo")]
    public async Task Two_cats_named_at_once_are_both_learned(string cats)
    {
        var owner = Host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync(cats);
        (await owner.SaysAsync("how are my cats doing")).Says("Luna").Says("Milo");
    }

    private BotHost Host => shared.Host;
}
