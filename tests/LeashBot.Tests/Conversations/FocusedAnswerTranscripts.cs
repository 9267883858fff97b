using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// Owners asking one part of a topic get that part, through the real host: how often to practise (not the course's
/// length), the harness's size and a finger rule, a loose dog on a walk and the family dog, carrying the cat out instead
/// of the steps, pushing back on a rule (its reason, not the rule again), when a step is done, a plain remark, and
/// a shop's or clinic's own business (a hand-off to the staff, never the harness paragraph or "I only know…").
/// </summary>
public sealed class FocusedAnswerTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    private static async Task<Owner> OwnerWithMisoAsync(BotHost host)
    {
        var owner = host.NewOwner();
        await owner.SaysAsync("start training");
        (await owner.SaysAsync("her name is Miso")).Says("Lovely to meet Miso");
        return owner;
    }

    [Theory]
    [InlineData("how often should we be practising each week")]
    [InlineData("is every other day enough or do we need to do it daily??")]
    [InlineData("realistically how many times a week do ppl train")]
    public async Task How_often_to_practise_gets_the_frequency_not_the_course_length(string question)
    {
        (await (await OwnerWithMisoAsync(_host)).SaysAsync(question))
            .Says("There's no set number").DoesNotSay("Usually weeks, sometimes months").DoesNotSay("not something I know");
    }

    [Theory]
    [InlineData("she's a chunky girl, nearly 7kg, would that be an L?")]
    [InlineData("xs or s for a tiny 2.5 kilo kitten")]
    public async Task A_size_question_gets_the_sizing_answer(string question)
    {
        (await (await OwnerWithMisoAsync(_host)).SaysAsync(question)).Says("Go by fit, not weight").Says("size chart");
    }

    [Theory]
    [InlineData("how many fingers should fit under the straps?")]
    [InlineData("how tight is too tight lol, is there like a rule")]
    public async Task A_finger_rule_question_is_answered_honestly(string question)
    {
        (await (await OwnerWithMisoAsync(_host)).SaysAsync(question)).Says("finger count").Says("snug enough");
    }

    [Fact]
    public async Task Asking_the_size_after_the_harness_answer_gets_the_sizing_not_the_harness_paragraph_again()
    {
        var owner = await OwnerWithMisoAsync(_host);
        (await owner.SaysAsync("which harness should i get")).Says("H-style");
        (await owner.SaysAsync("ok and what size for her, shes 4 kilos")).Says("size chart").DoesNotSay("H-style or figure-eight ones are hard to escape");
    }

    [Theory]
    [InlineData("what do i do if a dog off the lead comes bounding over to us")]
    [InlineData("miso and me were out and a loose dog ran at us, what should i have done")]
    public async Task A_loose_dog_on_a_walk_gets_what_to_do(string question)
    {
        (await (await OwnerWithMisoAsync(_host)).SaysAsync(question))
            .Says("loose dog heads your way").DoesNotSay("not something I know").DoesNotSay("not quite sure");
    }

    [Fact]
    public async Task The_family_dog_joining_gets_the_cat_alone_first()
    {
        (await (await OwnerWithMisoAsync(_host)).SaysAsync("could miso and our old collie walk together eventually?"))
            .Says("walk your cat alone").DoesNotSay("not something I know");
    }

    [Theory]
    [InlineData("my partner reckons we should just carry her into the garden and let her get on with it")]
    [InlineData("cant i just carry miso out to the lawn and put her down? seems quicker than all these steps")]
    public async Task Carrying_the_cat_out_instead_gets_why_the_steps_matter(string question)
    {
        (await (await OwnerWithMisoAsync(_host)).SaysAsync(question))
            .FirstSays("Carried out and set down").Says("step by step");
    }

    [Fact]
    public async Task Pushing_back_on_a_rule_gets_its_reason_not_the_rule_in_short()
    {
        var owner = await OwnerWithMisoAsync(_host);
        (await owner.SaysAsync("what lead should i buy")).Says("skip retractable");
        (await owner.SaysAsync("but the extending one would suit our huge yard, is it really so bad?"))
            .Says("Even with lots of space").DoesNotSay("Put simply").DoesNotSay("In short");
    }

    [Fact]
    public async Task Asking_when_a_step_is_done_gets_that_step()
    {
        (await (await OwnerWithMisoAsync(_host)).SaysAsync("how do i tell shes ready to go past step 4"))
            .Says("Step 4 of 10").DoesNotSay("Did you mean");
    }

    [Fact]
    public async Task A_plain_remark_after_an_answer_is_acknowledged()
    {
        var owner = await OwnerWithMisoAsync(_host);
        await owner.SaysAsync("is it safe");
        (await owner.SaysAsync("alright so miso first and the dog maybe in spring"))
            .Says("👍").DoesNotSay("not quite sure");
    }

    [Fact]
    public async Task A_shops_own_business_gets_a_hand_off_on_the_default_site()
    {
        var owner = await OwnerWithMisoAsync(_host);
        (await owner.SaysAsync("what time do u shut on sundays"))
            .Says("opening hours from here").DoesNotSay("not something I know");
        (await owner.SaysAsync("is the green vest harness in stock in xs?"))
            .Says("opening hours from here").DoesNotSay("H-style or figure-eight");
        (await owner.SaysAsync("how much r the nylon leads")).Says("opening hours from here").DoesNotSay("4 to 6 feet");
    }

    [Fact]
    public async Task A_clinics_own_business_gets_the_clinics_hand_off_with_its_contact()
    {
        using var host = BotHost.Create(new BotHostOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["Organization:Kind"] = "Clinic",
                ["Organization:StaffContact"] = "call reception on 555-0199",
            },
        });
        var owner = await OwnerWithMisoAsync(host);
        (await owner.SaysAsync("can i book an appointment for her jabs through here"))
            .Says("book appointments").Says("call reception on 555-0199").DoesNotSay("stock");
    }
}
