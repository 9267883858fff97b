using LeashBot.Safety;
using LeashBot.Tests.Support;

namespace LeashBot.Tests.Safety;

/// <summary>
/// Alarms that listen, through the real host: routine care and "she's well" said plainly (in English and Spanish) never
/// alarm; a vet's all-clear in everyday words ends an alarm even when it mentions what the vet did; a question about what
/// might happen gets what to do and how to prevent it, with no alarm and no hold on training; "what do I tell the vet"
/// gets what to have ready; a poison's first message says why it is urgent; a fright with a vehicle in it is no accident.
/// </summary>
public sealed class ListeningAlarmTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private const string Emergency = "could be an emergency";
    private const string Soon = "needs a vet to look at";
    private const string TrainingWaits = "leave training for now";
    private const string Glad = "glad";

    private readonly BotHost _host = shared.Host;

    private static RedFlagTriage Triage => RedFlagSetTests.Triage.Value;

    private static void NoVet(Replies replies) =>
        replies.DoesNotSay(RedFlagScorecard.EmergencyPhone).DoesNotSay(Emergency).DoesNotSay(Soon).DoesNotSay(TrainingWaits);

    [Theory]
    [InlineData("si, tiene todas las vacunas y le pusimos el antipulgas hace unas semanas")]
    [InlineData("yep all her jabs are done and she had her flea drops last month")]
    [InlineData("yes, wormed and flea treated in march, boosters up to date")]
    public async Task Routine_care_told_at_the_health_question_is_no_symptom(string answer)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("is my cat ready?");
        await owner.SaysAsync("Olive");
        var reply = await owner.SaysAsync(answer);
        NoVet(reply);
        reply.Says("treats or toys"); // taken as the answer: the next question follows
    }

    [Theory]
    [InlineData("no esta enferma eh, no vomita nada, come bien y duerme como siempre")]
    [InlineData("no tiene nada: no vomita, come normal, juega un monton")]
    [InlineData("shes not sick!! no throwing up, eats well, plays all day")]
    public async Task A_cat_said_to_be_well_with_denials_stays_calm(string message)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Nube");
        NoVet(await owner.SaysAsync(message));
    }

    [Theory]
    [InlineData("no vomita, come bien", false)]
    [InlineData("not sick, eating loads and drinking fine", false)]
    [InlineData("no come nada desde hace 2 dias", true)]
    [InlineData("she hasn't eaten or drunk anything since yesterday", true)]
    public void A_denial_belongs_to_its_own_clause(string message, bool redFlag) =>
        Assert.Equal(redFlag, Triage.Read(message).IsRedFlag);

    /// <summary>
    /// Everyday English words are no typos of another language's red-flag words: "investigate" was read as Italian
    /// "investito" (hit by a car) at the checklist's curiosity question. Found by owners trying it.
    /// </summary>
    [Theory]
    [InlineData("shes shy with people but she does investigate new boxes n stuff eventually", false)]
    [InlineData("he loves exploring and inspecting every bag i bring home", false)]
    [InlineData("il mio gatto è stato investito da una macchina", true)]
    public void An_everyday_word_is_no_typo_of_a_foreign_red_flag(string message, bool redFlag) =>
        Assert.Equal(redFlag, Triage.Read(message).IsRedFlag);

    [Fact]
    public void A_vehicle_the_cat_went_under_still_alarms() =>
        Assert.True(Triage.Read("he ran under a reversing van and now hes hiding").IsRedFlag);

    [Theory]
    [InlineData("home now, they kept him on a drip overnight and the vet says he'll be fine 🙏 so when can we get back to it?")]
    [InlineData("we've already been to the vet and she cleared him")]
    [InlineData("he got seen this morning, all good")]
    [InlineData("ya fuimos al veterinario, le hicieron vomitar y dicen que esta bien")]
    [InlineData("ya lo revisó el veterinario!! todo bien")]
    public async Task A_vets_all_clear_in_everyday_words_ends_the_alarm(string cleared)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Taco");
        (await owner.SaysAsync("taco licked some of the lily pollen off his paw")).FirstSays(Emergency);
        (await owner.SaysAsync(cleared)).Says(Glad).DoesNotSay(RedFlagScorecard.EmergencyPhone).DoesNotSay(TrainingWaits);
        (await owner.SaysAsync("ok can we do a short session tomorrow?")).DoesNotSay(TrainingWaits);
    }

    [Theory]
    [InlineData("quick one for when it warms up: if she starts panting on a walk is that normal?", "cool")]
    [InlineData("hypothetically, what would I do if he chewed a lily leaf one day", "harmful")]
    [InlineData("asking in advance, nothing's happened: what if she overheats in the garden?", "cool")]
    public async Task A_question_about_what_might_happen_gets_what_to_do_and_no_alarm(string question, string information)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Poppy");
        var reply = await owner.SaysAsync(question);
        NoVet(reply);
        reply.Says(information).Says("happening right now");
        (await owner.SaysAsync("ok great, can we do a session tonight?")).DoesNotSay(TrainingWaits);
    }

    [Fact]
    public async Task Saying_it_has_not_happened_ends_an_alarm_that_was_a_misreading_and_never_repeats_the_paragraph()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Ziggy");
        var first = await owner.SaysAsync("ziggy panting with his mouth open on walks, is that a problem");
        first.FirstSays(Emergency);
        var second = await owner.SaysAsync("oh no sorry it hasnt happened, i was asking ahead for summer");
        second.Says("Glad Ziggy is fine").Says("cool").DoesNotSay(RedFlagScorecard.EmergencyPhone);
        Assert.NotEqual(first.All, second.All);
        (await owner.SaysAsync("cool so can we practise tonight")).DoesNotSay(TrainingWaits);
    }

    [Theory]
    [InlineData("is it bad if she ate a bit of a lily leaf?")]
    [InlineData("if he's still panting after an hour is that bad?")]
    [InlineData("what should i do if she keeps throwing up since last night?")]
    public void A_question_about_something_that_happened_is_no_what_if(string message)
    {
        var read = Triage.Read(message);
        Assert.True(read.IsRedFlag, Triage.Explain(message));
        Assert.Empty(read.WhatIf);
    }

    [Theory]
    [InlineData("ok we're in the car now. what do i tell the vet?")]
    [InlineData("vale, que le cuento al veterinario?")]
    [InlineData("what info will they need from me")]
    public async Task What_to_tell_the_vet_during_an_alarm_gets_what_to_have_ready(string asked)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Bean");
        var alarm = await owner.SaysAsync("chocolate, bean got into the advent calendar and ate a few");
        alarm.FirstSays(Emergency).Says("hours after"); // a poison's first message says why it can't wait
        var ready = await owner.SaysAsync(asked);
        ready.Says("how much").Says("weight").Says(RedFlagScorecard.EmergencyPhone).DoesNotSay("only know about leash training");
    }

    [Theory]
    [InlineData("he hid behind the sofa all afternoon, the recycling truck spooked him")]
    [InlineData("he hid under the desk all morning, frightened by the delivery van")]
    public async Task A_fright_with_a_vehicle_in_it_is_no_accident(string message)
    {
        Assert.False(Triage.Read(message).IsRedFlag, Triage.Explain(message));
        NoVet(await _host.NewOwner().SaysAsync(message));
    }
}
