using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// Questions owners ask in their own words, through the real host: how long to stay on a step (that step's sign of
/// readiness, not the course's or a session's length), "we did that already" (when to move on and what comes next),
/// a leash's length in metres, a length of time asked about rather than reported, a dog rushing up (what the guide
/// covers, and plainly what it doesn't), a cat tied up outside, a cat who hides from the harness, and a shop's own
/// business on the shop's own site (its phone, never "the website").
/// </summary>
public sealed class OwnersOwnWordsTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    private static async Task<Owner> OwnerWithTofuAsync(BotHost host, int step = 1)
    {
        var owner = host.NewOwner();
        await owner.SaysAsync("start training");
        (await owner.SaysAsync("his name is Tofu")).Says("Lovely to meet Tofu");
        if (step > 1)
        {
            (await owner.SaysAsync($"move tofu to step {step}")).Says($"step {step} of 10 now");
        }

        return owner;
    }

    [Theory]
    [InlineData("how many days should tofu spend on step 3?", "step 3", "flattened ears")]
    [InlineData("roughly how long do we stick with step 5 for", "step 5", "leash trailing")]
    [InlineData("when can we move on from step 8, how many sessions", "step 8", "5 to 10 minutes")]
    public async Task How_long_to_stay_on_a_step_gets_that_steps_sign_not_the_course_length(string question, string step, string sign)
    {
        (await (await OwnerWithTofuAsync(_host)).SaysAsync(question))
            .Says("no set number of days for " + step).Says(sign)
            .DoesNotSay("Usually weeks, sometimes months").DoesNotSay("Short and often").DoesNotSay("Logged");
    }

    [Fact]
    public async Task How_long_on_this_step_is_the_cats_own_step_with_what_comes_next()
    {
        (await (await OwnerWithTofuAsync(_host, 4)).SaysAsync("how long do we usually stay at this step?"))
            .Says("step 4").Says("15 to 30 minutes relaxed").Says("After that comes step 5");
    }

    [Theory]
    [InlineData("we've done that bit already tho?? can we try it on him yet")]
    [InlineData("isnt that the same as before, how many sessions before i put it on him")]
    public async Task We_did_that_already_gets_when_to_move_on_not_a_struggle(string question)
    {
        (await (await OwnerWithTofuAsync(_host, 2)).SaysAsync(question))
            .Says("step 2").Says("ready to move on once").Says("After that comes step 3")
            .DoesNotSay("Chewing").DoesNotSay("Logged").DoesNotSay("not something I know");
    }

    [Theory]
    [InlineData("and whats that in cm")]
    [InlineData("sorry im in the uk, how long is that in meters?")]
    public async Task A_leash_length_in_metric_units_comes_after_the_leash_answer(string question)
    {
        var owner = await OwnerWithTofuAsync(_host);
        (await owner.SaysAsync("which lead should i buy")).Says("4 to 6 feet");
        (await owner.SaysAsync(question)).Says("1.2 to 1.8 metres").Says("120 to 180 cm").DoesNotSay("not something I know");
    }

    [Fact]
    public async Task Leash_lengths_in_metres_with_a_retractable_get_one_answer_and_no_session()
    {
        (await (await OwnerWithTofuAsync(_host)).SaysAsync("what length lead, 1.5m, 2m or the 8m retractable one?"))
            .Says("1.2 to 1.8 metres").Says("skip retractable")
            .DoesNotSay("Did you mean").DoesNotSay("Logged").DoesNotSay("How long was");
    }

    [Theory]
    [InlineData("he wore it nearly 3 hours last night and didnt mind, is that too long?")]
    [InlineData("10 min or 25 min per go, which is better for him")]
    public async Task A_length_of_time_asked_about_gets_the_answer_not_a_logged_session(string question)
    {
        (await (await OwnerWithTofuAsync(_host)).SaysAsync(question))
            .Says("15 to 30").DoesNotSay("Logged").DoesNotSay("How long was");
    }

    [Theory]
    [InlineData("if a big dog rushes up to us should i pick her up")]
    [InlineData("if an off lead dog charges at us do i scoop him up or not")]
    public async Task Picking_the_cat_up_when_a_dog_rushes_over_says_plainly_what_the_guide_covers(string question)
    {
        (await (await OwnerWithTofuAsync(_host)).SaysAsync(question))
            .Says("doesn't say whether to pick your cat up").Says("spot dogs early").DoesNotSay("not something I know");
    }

    [Theory]
    [InlineData("can i clip his lead to the garden fence and keep an eye on him from the kitchen")]
    [InlineData("is it ok to tether tofu on the patio while i watch through the window")]
    public async Task Tying_the_cat_up_outside_is_a_plain_no(string question)
    {
        (await (await OwnerWithTofuAsync(_host)).SaysAsync(question))
            .Says("never be left on their own").DoesNotSay("not something I know").DoesNotSay("overnight");
    }

    [Theory]
    [InlineData("the second the harness comes out she legs it under the sofa")]
    [InlineData("he hides behind the wardrobe whenever he sees me holding the harness, what do i do")]
    public async Task A_cat_hiding_from_the_harness_gets_the_harness_introduction(string question)
    {
        (await (await OwnerWithTofuAsync(_host)).SaysAsync(question))
            .Says("sniff").DoesNotSay("not something I know").DoesNotSay("not quite sure");
    }

    [Fact]
    public async Task A_visitor_on_the_shops_own_site_gets_its_phone_never_the_website()
    {
        using var host = BotHost.Create(new BotHostOptions
        {
            Settings = new Dictionary<string, string?> { ["Organization:Phone"] = "0161 555 0100" },
        });
        var owner = await OwnerWithTofuAsync(host);
        (await owner.SaysAsync("is the reflective lead in stock and how much is it"))
            .Says("0161 555 0100").DoesNotSay("website");
        (await owner.SaysAsync("im on ur website right now lol"))
            .Says("0161 555 0100").DoesNotSay("website").DoesNotSay("not something I know");
    }
}
