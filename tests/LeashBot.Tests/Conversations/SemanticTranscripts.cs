using LeashBot.Tests.Support;
using LeashBot.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// The semantic reader through the real host (on by default): the new topics asked in owners' own words, "that's
/// not something I know" for what isn't leash training, gear questions that mention a dog kept in scope, and the
/// setting that turns the reader off; one incidental word that is no answer, walking with the family dog, an escape
/// happening now, and a training question beside the shop's own business.
/// </summary>
public sealed class SemanticTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    private async Task<Owner> OwnerWithTomAsync(BotHost? host = null)
    {
        var owner = (host ?? _host).NewOwner();
        await owner.SaysAsync("start training");
        (await owner.SaysAsync("his name is Tom")).Says("Lovely to meet Tom");
        return owner;
    }

    [Fact]
    public async Task Wear_time_is_answered_however_it_is_asked()
    {
        // Each phrasing with its own owner: the same answer twice in a row is not sent again word for word (ListeningTranscripts).
        (await (await OwnerWithTomAsync()).SaysAsync("is it ok if he sleeps in it tonight so i dont have to wrestle it on tmrw")).Says("never leave it on overnight");
        (await (await OwnerWithTomAsync()).SaysAsync("Tom seems chill in the harness, can I leave it on while I'm at the gym?")).Says("Only while you're there to watch");
    }

    [Fact]
    public async Task Why_walk_a_cat_at_all_gets_the_reasons()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("my mum reckons walking a cat is daft lol, whats actually in it for him")).Says("Indoor cats stay safer");
    }

    [Fact]
    public async Task Everyday_health_care_goes_kindly_to_the_vet_without_an_alarm()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("how often does tom need his flea drops?")).Says("That's one for your vet").DoesNotSay("step 2").DoesNotSay("Call");
        (await owner.SaysAsync("whats the right amount of wormer for a 5kg cat")).Says("That's one for your vet");
    }

    [Fact]
    public async Task The_whole_plan_lists_ten_steps_and_marks_the_cats_own()
    {
        var owner = await OwnerWithTomAsync();
        var replies = await owner.SaysAsync("can i see every step at once pls");
        replies.Says("1. Choose the right harness (← Tom is here)").Says("10. End on a high note");
    }

    [Fact]
    public async Task What_isnt_leash_training_gets_that_is_not_something_i_know()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("whats a good recipe for lasagne")).Says("That's not something I know");
        (await owner.SaysAsync("how do i stop my puppy nibbling my fingers")).Says("That's not something I know");
    }

    [Fact]
    public async Task A_message_that_names_the_owners_own_cat_is_never_sent_away_as_not_something_i_know()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("how far along is Tom")).DoesNotSay("not something I know");
        (await owner.SaysAsync("tom n me r thinking abt tmrw, wat do u reckon")).DoesNotSay("not something I know");
        (await owner.SaysAsync("whats a good recipe for lasagne")).Says("That's not something I know");
    }

    [Fact]
    public async Task Gear_and_safety_questions_that_mention_a_dog_stay_in_scope()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("could tom just wear our old dog harness or is that a bad idea")).Says("A secure, adjustable harness made for cats").DoesNotSay("not something I know");
        (await owner.SaysAsync("can i use the retractable lead from my dog for him?")).Says("skip retractable leashes").DoesNotSay("not something I know");
        (await owner.SaysAsync("what if an off leash dog comes running at us in the park")).Says("loose dog heads your way").DoesNotSay("not something I know");
    }

    [Fact]
    public async Task A_question_about_another_animal_alone_is_not_mine_but_one_that_brings_the_cat_in_is()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("our whippet chews through every lead we buy him, what do i do")).Says("That's not something I know");
        (await owner.SaysAsync("does a bulldog need a special harness")).Says("That's not something I know");
        (await owner.SaysAsync("my cat and my dog on leads together, is that safe?")).DoesNotSay("not something I know");
        (await owner.SaysAsync("the collie next door barks at tom every time we go out in his harness, what now")).DoesNotSay("not something I know");
    }

    [Fact]
    public async Task How_long_one_session_should_be_and_how_often_is_its_own_answer_and_a_report_still_logs()
    {
        // Each phrasing from its own owner: the same answer twice in one chat is held back as a repeat.
        (await (await OwnerWithTomAsync()).SaysAsync("how many mins shld we practise at a time"))
            .Says("Short and often beats long").Says("5 to 10 minutes").DoesNotSay("weeks, sometimes months").DoesNotSay("4 to 6 feet");
        (await (await OwnerWithTomAsync()).SaysAsync("do we do it daily? or like 3x a week")).Says("no set number of sessions").DoesNotSay("vet");
        (await (await OwnerWithTomAsync()).SaysAsync("cuantos minutos por sesion?")).Says("Short and often beats long");
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("is 20 minutes a go too much for tom?? 🙀")).Says("Short and often beats long").DoesNotSay("Logged");
        (await owner.SaysAsync("we did a 10 minute session tonight, he was relaxed")).Says("Logged: 10 min with Tom");
    }

    [Fact]
    public async Task A_break_keeps_each_cats_step_and_never_moves_it()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("set tom to step 3")).Says("step 3 of 10");
        (await owner.SaysAsync("we're off to my mums for 8 days, is tom gonna forget everything??"))
            .Says("Tom stays on step 3, First fitting, nice and loose").Says("short, easy session").DoesNotSay("back to step");
        (await (await OwnerWithTomAsync()).SaysAsync("also we might stop for a bit when the baby comes, ok to pause?")).Says("A break is fine");
        (await owner.SaysAsync("how's tom doing?")).Says("Tom: step 3 of 10");


        var twoCats = await OwnerWithTomAsync();
        await twoCats.SaysAsync("set tom to step 3");
        (await twoCats.SaysAsync("i have another cat, her name is Pip")).Says("Pip");
        (await twoCats.SaysAsync("will they lose their progress if we have a week off"))
            .Says("Tom stays on step 3").Says("Pip stays on step 1");
    }

    [Fact]
    public async Task Harness_questions_owners_ask_in_the_shop_get_vests_sizes_and_what_to_do_when_it_arrives()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("is one of those padded vest harnesses alright for him")).Says("a vest is fine too").Says("can't be wriggled out of");
        (await (await OwnerWithTomAsync()).SaysAsync("no clue what size to buy, hes a big boy like 6kg")).Says("Go by fit, not weight").Says("staff where you buy it");
        (await owner.SaysAsync("yay the harness got delivered!! what do i do with it first")).Says("step 2: Meet the harness indoors").Says("favourite spot");
    }

    [Fact]
    public async Task An_indoor_only_cat_and_the_family_dog_get_the_articles_answers()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("tom has never been past the front door, will outside be too much for him"))
            .Says("never been out meets it slowly").DoesNotSay("Slipping out");
        (await owner.SaysAsync("can tom come along when i walk our spaniel")).Says("walk your cat alone").DoesNotSay("not something I know");
    }

    [Fact]
    public async Task Spanish_questions_about_the_plan_reach_their_topic()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("y el paso 4 de que trata?")).Says("Step 4 of 10");
        (await owner.SaysAsync("ok y despues que sigue?")).Says("step 2").DoesNotSay("not something I know");
        (await owner.SaysAsync("el arnes tipo vest sirve?")).Says("a vest is fine too");
    }

    [Fact]
    public async Task Questions_about_treats_get_the_treats_answer_and_only_asking_for_the_checklist_starts_it()
    {
        // Each phrasing from its own owner: the same answer twice in one chat is held back as a repeat.
        foreach (var question in new[]
        {
            "what treats should i use for leash training",
            "whats the best snack to reward him with during harness practice",
            "are churu sticks ok as a reward on walks?",
            "treats. the squeezy tube kind. good for training y/n",
        })
        {
            (await (await OwnerWithTomAsync()).SaysAsync(question)).Says("Small treats your cat really loves").DoesNotSay("Let's see if Tom is ready");
        }

        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("do his vaccines need doing before we go outside")).Says("That's one for your vet").DoesNotSay("Let's see if Tom is ready");
        (await owner.SaysAsync("is tom the right sort of cat for this, how can i tell")).Says("Let's see if Tom is ready");
    }

    [Fact]
    public async Task Asking_to_skip_ahead_offers_the_step_that_fits_not_not_something_i_know()
    {
        // Used to the harness: "Meet the harness indoors" (step 2) is behind him, so the first fitting is offered.
        (await (await OwnerWithTomAsync()).SaysAsync("skip ahead, he's already used to the harness")).DoesNotSay("not something I know").Says("Shall I put Tom on step 3");
        (await (await OwnerWithTomAsync()).SaysAsync("can we jump ahead a bit? he doesnt mind the harness at all now")).DoesNotSay("not something I know").Says("Shall I put Tom on step 3");
    }

    [Fact]
    public async Task A_cat_forgetting_over_a_holiday_is_a_break_not_a_request_to_erase_anything()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("we are away on holiday soon, will he forget everything?")).Says("A break is fine").DoesNotSay("delete");
    }

    [Fact]
    public async Task Dogs_named_by_breed_are_other_animals()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("my rottweiler drags me down the road every morning")).Says("That's not something I know");
        (await owner.SaysAsync("what harness fits a dachshund best")).Says("That's not something I know");
        (await owner.SaysAsync("tom and our boxer on the same walk, safe?")).DoesNotSay("not something I know");
    }

    [Fact]
    public async Task A_shops_own_business_points_to_its_staff_where_the_site_gives_a_contact()
    {
        using var host = BotHost.Create(new BotHostOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["Sites:0:Id"] = "high-street",
                ["Sites:0:Numbers:0"] = "+15550303",
                ["Sites:0:Organization:Name"] = "High Street Pets",
                ["Sites:0:Organization:StaffContact"] = "ask at the till or call 555-0303",
                ["Sites:1:Id"] = "clinic",
                ["Sites:1:Numbers:0"] = "+15550404",
                ["Sites:1:Organization:Name"] = "Riverside Vets",
                ["Sites:1:Organization:Kind"] = "Clinic",
            },
        });

        async Task<Replies> TextAsync(string number, string from, string text)
        {
            var texter = host.NewOwner("sms", from, from);
            return await texter.PostAsync(texter.Activity("message", text, new Newtonsoft.Json.Linq.JObject { ["recipient"] = new Newtonsoft.Json.Linq.JObject { ["id"] = number } }));
        }

        await TextAsync("+15550303", "shopper", "hi");
        (await TextAsync("+15550303", "shopper", "do u have the green harness in a small, and whats it cost"))
            .Says("opening hours from here").Says("You can reach them here: ask at the till or call 555-0303").Says("High Street Pets");
        (await TextAsync("+15550303", "shopper", "are you open on bank holidays")).Says("ask at the till or call 555-0303");
        await TextAsync("+15550404", "client", "hi");
        (await TextAsync("+15550404", "client", "are you open on bank holidays")).Says("book appointments").Says("Riverside Vets").DoesNotSay("stock");
        (await TextAsync("+15550303", "shopper", "whats the capital of peru")).Says("the team can help: ask at the till or call 555-0303");
    }

    [Fact]
    public async Task With_the_setting_off_the_word_lists_alone_read_the_message()
    {
        using var host = BotHost.Create(new BotHostOptions { Settings = new Dictionary<string, string?> { ["Understanding:Semantic:Enabled"] = "false" } });
        Assert.Null(host.Services.GetService<SemanticDecision>());
        Assert.NotNull(_host.Services.GetService<SemanticDecision>());
        var reader = host.Services.GetRequiredService<MessageReader>();
        foreach (var line in new[] { "how do i stop my puppy nibbling my fingers", "whats a good recipe for lasagne", "could tom just wear our old dog harness" })
        {
            Assert.Equal(LeashBot.Tests.Understanding.RepoFiles.Reader.Read(line).Recognition.TopicId, reader.Read(line).Recognition.TopicId);
        }

        var owner = await OwnerWithTomAsync(host);
        (await owner.SaysAsync("how's tom doing?")).Says("Tom: step 1 of 10");
    }

    [Theory]
    [InlineData("been pottering in the garden all day 🌻")]
    [InlineData("ugh i was gardening all day, knackered")]
    public async Task One_incidental_word_is_no_answer(string text)
    {
        var reply = await (await OwnerWithTomAsync()).SaysAsync(text);
        reply.DoesNotSay("overnight").DoesNotSay("never leave it on");
        Assert.True(reply.All.Contains("not quite sure", StringComparison.Ordinal) || reply.All.Contains("not something I know", StringComparison.Ordinal), reply.All);
    }

    [Fact]
    public async Task Walking_with_the_family_dog_is_the_safety_answer_for_an_owner_with_no_cat_yet()
    {
        (await _host.NewOwner().SaysAsync("could Pixel go on walks with our lab??")).Says("aren't dog walks").DoesNotSay("not something I know").DoesNotSay("only know");
    }

    [Theory]
    [InlineData("omg she wriggled out of the harness and legged it behind the shed rn")]
    [InlineData("he backed out of his harness and ran off behind the fence, what do i do??")]
    public async Task An_escape_happening_now_gets_what_to_do_this_minute_first(string text)
    {
        var reply = await (await OwnerWithTomAsync()).SaysAsync(text);
        reply.FirstSays("loose right now").Says("don't chase").Says("poor fit");
    }

    [Fact]
    public async Task An_escape_told_afterwards_gets_the_advice_alone()
    {
        (await (await OwnerWithTomAsync()).SaysAsync("tom slipped out of his harness at the park on sunday")).Says("poor fit").DoesNotSay("loose right now");
    }

    [Theory]
    [InlineData("hiya do u have the h harness in stock? and how snug should it sit on her", "can't give you a finger count")]
    [InlineData("do you stock cat harnesses, also how tight should it be", "can't give you a finger count")]
    public async Task A_training_question_beside_the_shops_business_gets_its_answer_and_the_hand_off(string text, string answer)
    {
        var reply = await (await OwnerWithTomAsync()).SaysAsync(text);
        reply.FirstSays(answer).Says("opening hours from here");
    }

    [Fact]
    public async Task The_shops_business_alone_is_still_the_hand_off_alone()
    {
        (await (await OwnerWithTomAsync()).SaysAsync("how much r the figure 8 harnesses")).Says("opening hours from here").DoesNotSay("H-style or figure-eight");
    }
}
