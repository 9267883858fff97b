using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// The owner's list of cats, through the real host on Web Chat and SMS: a cat the owner never had (a misread name, a
/// sibling's dog) can be taken off in everyday words ("pepper isnt a cat", "get rid of pepper", "biscuit is my only
/// cat"), asked once with what goes with it; yes takes it off with its sessions, no keeps it, "undo" brings it back
/// whole; the owner can ask which cats are saved; and nothing else ("delete pepper's last session", "dont forget
/// biscuit's treats") ever takes a cat off. While a removal is asked about, the cat is never started or shown.
/// </summary>
public sealed class CatListTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    private async Task<Replies> LaterAsync(Owner owner, string text)
    {
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        return await owner.SaysAsync(text);
    }

    /// <summary>An owner the bot thinks has Biscuit and Pepper, both on step 1, with one session for Pepper.</summary>
    private async Task<Owner> OwnerWithBiscuitAndPepperAsync(string channel)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("i have two cats, Biscuit and Pepper");
        (await LaterAsync(owner, "how is biscuit doing")).Says("Biscuit: step 1 of 10");
        (await LaterAsync(owner, "pepper did 4 min today, a bit unsure")).Says("Logged: 4 min with Pepper");
        return owner;
    }

    [Theory]
    [InlineData("webchat", "pepper isnt a cat lol, shes my sisters dog")]
    [InlineData("sms", "can u get rid of pepper pls")]
    [InlineData("webchat", "theres no cat called Pepper 🙄")]
    [InlineData("sms", "biscuit is my only cat!!")]
    [InlineData("webchat", "wait i only have one cat, Biscuit")]
    public async Task A_cat_the_owner_never_had_is_taken_off_after_one_question(string channel, string message)
    {
        var owner = await OwnerWithBiscuitAndPepperAsync(channel);
        (await LaterAsync(owner, message)).Says("Shall I take Pepper off your list").Says("logged so far: 1")
            .DoesNotSay("Biscuit off").DoesNotSay("step 1 of 10");
        (await LaterAsync(owner, "yes")).Says("Done: I've taken Pepper off your list, with their sessions (1)").Says("Your cats now: Biscuit (step 1)");
        (await LaterAsync(owner, "how are my cats doing")).Says("Biscuit").DoesNotSay("Pepper");
    }

    [Fact]
    public async Task Several_cats_are_taken_off_at_once_and_the_one_kept_stays_current()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("my cats are Mochi, Tuesday and Sunday");
        (await LaterAsync(owner, "how is mochi doing")).Says("Mochi: step 1 of 10");
        (await LaterAsync(owner, "lol tuesday and sunday arent cats, they're days. pls delete them")).Says("Shall I take Tuesday and Sunday off your list")
            .Says("Nothing was logged");
        (await LaterAsync(owner, "yep")).Says("Done: I've taken Tuesday and Sunday off your list").Says("Your cats now: Mochi (step 1)");
        (await LaterAsync(owner, "whats next")).Says("Mochi");
    }

    [Fact]
    public async Task A_no_keeps_every_cat()
    {
        var owner = await OwnerWithBiscuitAndPepperAsync("webchat");
        (await LaterAsync(owner, "delete pepper")).Says("Shall I take Pepper off your list");
        (await LaterAsync(owner, "no wait keep her")).Says("left your cats as they were");
        (await LaterAsync(owner, "how is pepper doing")).Says("Pepper: step 1 of 10").Says("4 min");
    }

    [Fact]
    public async Task Undo_brings_a_removed_cat_back_with_its_sessions()
    {
        var owner = await OwnerWithBiscuitAndPepperAsync("sms");
        await LaterAsync(owner, "forget pepper");
        (await LaterAsync(owner, "yes")).Says("taken Pepper off your list");
        (await LaterAsync(owner, "oh no undo that")).Says("Pepper is back on your list");
        (await LaterAsync(owner, "how is pepper doing")).Says("Pepper: step 1 of 10").Says("4 min");
    }

    [Theory]
    [InlineData("webchat", "which cats have u got saved for me?")]
    [InlineData("sms", "is pepper still on my list?")]
    public async Task The_owner_can_see_which_cats_are_saved(string channel, string message)
    {
        var owner = await OwnerWithBiscuitAndPepperAsync(channel);
        (await LaterAsync(owner, message)).Says("Cats I have saved for you: Biscuit (step 1) and Pepper (step 1)");
    }

    [Fact]
    public async Task Asking_how_to_delete_a_cat_gets_the_list_to_pick_from()
    {
        var owner = await OwnerWithBiscuitAndPepperAsync("sms");
        (await LaterAsync(owner, "how do i remove a cat?")).Says("Which cat should I take off your list").Says("Biscuit (step 1) and Pepper (step 1)");
    }

    [Fact]
    public async Task A_removal_while_a_session_is_logged_leaves_the_question_and_asks_about_the_cat()
    {
        var owner = await OwnerWithBiscuitAndPepperAsync("webchat");
        (await LaterAsync(owner, "biscuit did 10 min")).Says("How did Biscuit seem?");
        (await LaterAsync(owner, "oh and pepper is not a cat, remove her")).Says("Shall I take Pepper off your list").DoesNotSay("How did");
    }

    [Theory]
    [InlineData("delete peppers last session")]
    [InlineData("dont forget biscuit's treats lol")]
    [InlineData("remove the harness from biscuit after 5 min?")]
    [InlineData("pepper was unsure, biscuit is my brave one")]
    public async Task Other_things_said_about_a_cat_take_no_cat_off(string message)
    {
        var owner = await OwnerWithBiscuitAndPepperAsync("webchat");
        (await LaterAsync(owner, message)).DoesNotSay("off your list");
        (await LaterAsync(owner, "which cats do you have saved")).Says("Biscuit (step 1) and Pepper (step 1)");
    }
}
