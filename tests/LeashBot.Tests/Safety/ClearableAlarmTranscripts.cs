using LeashBot.Safety;
using LeashBot.Tests.Support;

namespace LeashBot.Tests.Safety;

/// <summary>
/// Alarms an owner can clear, through the real host: a harness reaction (flopping, falling over, going limp) is no
/// injury; the owner's own words that the alarm was a misreading end it at once, while a denial of one sign never
/// clears another told beside it; a hold is the held cat's, the owner's other cats train on and are named; a supposition ("if he were
/// to…") is information; a poison the owner names is said back with what not to do at home; asking in Spanish whether
/// it can wait gets a don't-wait in Spanish; a second sign during an alarm never gets the same paragraph again.
/// </summary>
public sealed class ClearableAlarmTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private const string Emergency = "could be an emergency";
    private const string Soon = "needs a vet to look at";
    private const string TrainingWaits = "leave training for now";
    private const string Sorry = "my mistake";

    private readonly BotHost _host = shared.Host;

    private static RedFlagTriage Triage => RedFlagSetTests.Triage.Value;

    private static void NoVet(Replies replies) =>
        replies.DoesNotSay(RedFlagScorecard.EmergencyPhone).DoesNotSay(Emergency).DoesNotSay(Soon).DoesNotSay(TrainingWaits);

    private async Task<Owner> OwnerOfAsync(string cat, string? channel = null)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training");
        await owner.SaysAsync(cat);
        return owner;
    }

    [Theory]
    [InlineData("every time i buckle the vest she drops to the floor and goes limp like a ragdoll")]
    [InlineData("he keeps falling over onto his side once the harness is on, is he hurt or just being dramatic?")]
    [InlineData("soon as the lead clips on she keels sideways and lies there like shes dead lol")]
    public async Task A_harness_reaction_is_training_not_an_injury(string message)
    {
        var owner = await OwnerOfAsync("Biscuit");
        NoVet(await owner.SaysAsync(message));
    }

    [Theory]
    [InlineData("he fell off the fence and now he wont put weight on his back leg")]
    [InlineData("she fell over in the kitchen and now shes wobbly with her head tilted")]
    [InlineData("is he hurt? he came in limping and theres blood on his paw")]
    [InlineData("he keeps going round in circles and bumping into things")]
    [InlineData("she drank some of my tea off the table")]
    [InlineData("my cat fell from the balcony, i have it on video")]
    public void A_real_fall_or_hurt_still_alarms(string message) =>
        Assert.True(Triage.Read(message).IsRedFlag, Triage.Explain(message));

    [Theory]
    [InlineData("honestly nothing happened, she never fell, i typed that badly")]
    [InlineData("theres no emergency at all, you misunderstood me")]
    [InlineData("nope she didnt fall off anything, nothing like that, shes asleep on my lap")]
    public async Task The_owner_clears_a_false_alarm_in_their_own_words(string clearing)
    {
        var owner = await OwnerOfAsync("Mabel");
        (await owner.SaysAsync("mabel fell off the balcony railing earlier")).FirstSays(Emergency);
        var cleared = await owner.SaysAsync(clearing);
        cleared.Says(Sorry).DoesNotSay(RedFlagScorecard.EmergencyPhone);
        (await owner.SaysAsync("ok can we do a session tonight?")).DoesNotSay(TrainingWaits);
    }

    [Theory]
    [InlineData("he never fell, but theres blood dripping from his paw")]
    [InlineData("not sick any more, can we do a session")]
    [InlineData("theres no emergency vet open near me")]
    public async Task A_denial_of_one_sign_never_clears_another(string message)
    {
        var owner = await OwnerOfAsync("Otto");
        (await owner.SaysAsync("otto has been sick 4 times since lunch and fell off the balcony")).FirstSays(Emergency);
        (await owner.SaysAsync(message)).DoesNotSay(Sorry);
        (await owner.SaysAsync("can we practise now?")).Says(TrainingWaits);
    }

    [Fact]
    public async Task A_vets_all_clear_inside_a_longer_text_clears_even_beside_another_cats_name()
    {
        var owner = _host.NewOwner(channelId: "sms");
        await owner.SaysAsync("hi, two cats here, Bramble and Soot, want to start leash training");
        (await owner.SaysAsync("bramble keeps gasping with her mouth wide open")).FirstSays(Emergency);
        (await owner.SaysAsync("right, back now. vet says shes fine, just a hairball. what about soot")).Says("glad").DoesNotSay(RedFlagScorecard.EmergencyPhone);
    }

    [Fact]
    public async Task A_hold_is_the_held_cats_and_the_other_cats_train_on()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("hi, two cats here, Bramble and Soot, want to start leash training");
        (await owner.SaysAsync("bramble keeps gasping with her mouth wide open")).FirstSays(Emergency);
        (await owner.SaysAsync("start training")).Says(TrainingWaits).Says("Bramble").Says("Soot can carry on");
        (await owner.SaysAsync("soot did 5 minutes, relaxed")).DoesNotSay(TrainingWaits).Says("Logged");
    }

    [Theory]
    [InlineData("if he was to start drooling on a long drive, is that a worry?")]
    [InlineData("purely hypothetical, nothing has happened: what if she were to eat part of a lily?")]
    [InlineData("asking in advance lol, if she drools a bit in the car would that be a worry?")]
    public async Task A_supposition_is_information_not_an_alarm(string question)
    {
        var owner = await OwnerOfAsync("Pip");
        var reply = await owner.SaysAsync(question);
        NoVet(reply);
        reply.Says("happening right now");
        (await owner.SaysAsync("thanks, can we do a session tonight?")).DoesNotSay(TrainingWaits);
    }

    [Fact]
    public void A_past_event_after_if_still_alarms() =>
        Assert.True(Triage.Read("is it bad if he got into the antifreeze?").IsRedFlag);

    [Theory]
    [InlineData("is it bad if she ate a bit of a lily leaf?")]
    [InlineData("is it bad if she licked a bit of the lily pollen off her paw?")]
    public void A_deed_beside_a_bit_of_something_still_alarms(string text) =>
        Assert.True(Triage.Read(text).IsRedFlag);

    [Fact]
    public async Task A_named_poison_is_said_back_with_what_not_to_do_and_first_aid_questions_get_that_answer()
    {
        var owner = await OwnerOfAsync("Clover");
        var first = await owner.SaysAsync("clover just licked up some naproxen i dropped on the floor");
        first.FirstSays(Emergency).Says("Naproxen can poison cats").Says("don't make Clover sick").Says("packet").DoesNotSay("can't tell what it is");
        (await owner.SaysAsync("do i try to get her to throw it up first?")).Says("don't make Clover sick").Says(RedFlagScorecard.EmergencyPhone);
        (await owner.SaysAsync("can i feed her some milk while we wait")).Says("don't make Clover sick").Says(RedFlagScorecard.EmergencyPhone);
    }

    [Theory]
    [InlineData("¿y si espero hasta mañana?")]
    [InlineData("es muy grave??")]
    public async Task Asking_in_spanish_whether_it_can_wait_gets_a_dont_wait_in_spanish(string asked)
    {
        var owner = await OwnerOfAsync("Canela");
        (await owner.SaysAsync("mi gata no puede respirar bien, tiene la boca abierta")).Says("urgencia");
        var reply = await owner.SaysAsync(asked);
        reply.Says("No esperes").Says(RedFlagScorecard.EmergencyPhone).DoesNotSay("I only know about leash training");
        var again = await owner.SaysAsync("entonces la llevo hoy o espero?");
        again.Says(RedFlagScorecard.EmergencyPhone);
        Assert.NotEqual(reply.All, again.All);
    }

    [Fact]
    public async Task A_second_sign_during_an_alarm_never_gets_the_same_paragraph_again()
    {
        var owner = await OwnerOfAsync("Juniper");
        var first = await owner.SaysAsync("juniper is breathing with her mouth open and wont settle");
        first.FirstSays(Emergency);
        var second = await owner.SaysAsync("and now her gums look really pale");
        second.Says(RedFlagScorecard.EmergencyPhone);
        Assert.NotEqual(first.All, second.All);
        second.DoesNotSay(Emergency).Says("don't wait any longer").DoesNotSay("may well be fine");
    }

    [Fact]
    public async Task A_new_sign_after_a_poison_says_dont_wait_not_that_it_may_be_fine()
    {
        // Tried: a poison first, then a sign it didn't have, told the way a scared owner texts it.
        var owner = await OwnerOfAsync("Tinsel");
        (await owner.SaysAsync("tinsel licked up some of the liquid from my vape refill that spilled")).FirstSays(Emergency);
        var sign = await owner.SaysAsync("ok im calling but shes drooling loads now");
        sign.Says("don't wait any longer").Says(RedFlagScorecard.EmergencyPhone).DoesNotSay("may well be fine").DoesNotSay("before any signs");
    }

    [Theory]
    [InlineData("she sneezed 3 times this morning but shes eating and playing fine")]
    [InlineData("achoo lol, he sneezed twice at the dusty rug. normal otherwise")]
    public async Task A_calm_mention_of_a_mild_sign_gets_a_calm_answer_about_it(string message)
    {
        var owner = await OwnerOfAsync("Nutmeg");
        var reply = await owner.SaysAsync(message);
        NoVet(reply);
        reply.Says("usually nothing to worry about").Says("runny nose").DoesNotSay("not quite sure");
        (await owner.SaysAsync("cool, can we do a session tonight?")).DoesNotSay(TrainingWaits);
    }

    [Fact]
    public async Task A_what_if_about_a_mild_sign_brings_in_no_other_sign()
    {
        var owner = await OwnerOfAsync("Rufus");
        var reply = await owner.SaysAsync("just wondering, if he were to drool on a long car journey would that be bad?");
        NoVet(reply);
        reply.Says("car trip").DoesNotSay("diarrhoea").DoesNotSay("vomit");
    }

    [Theory]
    [InlineData("our dog got his flea spot-on done this morning and now i caught Tilly licking the back of his neck")]
    [InlineData("is it bad?? the dogs advantix went on an hour ago and she was grooming him, licking it right off")]
    [InlineData("tilly licked some of the dog's flea treatment off the kitchen floor")]
    public async Task A_dogs_flea_product_on_the_cat_is_an_emergency_from_the_first_message(string message)
    {
        // Before: the dog "had" its treatment, which set the sign aside as someone else's medicine, and the
        // cat's licking went unnoticed ("That's one for your vet… I stick to leash training").
        var owner = _host.NewOwner();
        (await owner.SaysAsync(message)).FirstSays(Emergency).Says(RedFlagScorecard.EmergencyPhone);
    }

    [Fact]
    public void The_dogs_own_medicine_or_one_locked_away_is_no_alarm()
    {
        Assert.False(Triage.Read("the dogs flea stuff is locked away so no worries").IsRedFlag);
        Assert.False(Triage.Read("my dog ate his flea tablet, he loves them").IsRedFlag);
    }

    [Fact]
    public async Task A_run_the_owner_went_on_is_no_runny_poo()
    {
        // Before: "the run" was read as "the runs", a vet hold followed, and the session in the message was lost.
        var owner = await OwnerOfAsync("Smudge", "sms");
        var reply = await owner.SaysAsync("back from my run. smudge did 10 min again no bother");
        NoVet(reply);
        (await owner.SaysAsync("relaxed")).Says("10 min");
        Assert.True(Triage.Read("she has had the runs since yesterday").IsRedFlag);
    }

    [Theory]
    [InlineData("It has never happened, I am simply curious: would drooling in the car be a worry?")]
    [InlineData("just curious, is panting in the car bad for a cat?")]
    public async Task Curiosity_about_a_sign_that_never_happened_is_information(string question)
    {
        var owner = await OwnerOfAsync("Winston", "msteams");
        NoVet(await owner.SaysAsync(question));
    }

    [Theory]
    [InlineData("he sleeps in the window all day watching birds, happy boy")]
    [InlineData("ugh i feel like were going round in circles here. she is totally healthy tho")]
    [InlineData("honestly we keep going around in circles with this, she's fine health wise")]
    [InlineData("kept the vest on 3 min at tea time and then she ate her tea no bother")]
    [InlineData("harness on for 6 mins around teatime, she wolfed her tea after, all good")]
    [InlineData("watched youtube cats fall down and slink low to the floor in harnesses, normal??")]
    public async Task Training_chat_that_looks_like_a_sign_never_alarms(string message) =>
        NoVet(await _host.NewOwner().SaysAsync(message)); // asleep in the window, the owner's circles, tea as a meal, other cats on video
}
