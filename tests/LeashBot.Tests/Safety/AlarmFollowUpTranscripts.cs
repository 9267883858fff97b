using LeashBot.Safety;
using LeashBot.Tests.Support;

namespace LeashBot.Tests.Safety;

/// <summary>
/// How an alarm carries on through the real host: it is about one cat and the others train on; asking again gets a
/// reason and the call-now action, never the same paragraph; a vet who saw the cat clears it for that sign, even in
/// a message that names the sign again; questions about training are answered for later. Also: ordinary greetings
/// and training questions in any language never get the health remark.
/// </summary>
public sealed class AlarmFollowUpTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private const string Emergency = "could be an emergency";
    private const string TrainingWaits = "leave training for now";
    private const string HealthRemark = "can't judge health";
    private const string Glad = "glad";

    private readonly BotHost _host = shared.Host;

    private static RedFlagTriage Triage => RedFlagSetTests.Triage.Value;

    private async Task<Owner> OwnerOfTwoAsync()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Biscuit");
        (await owner.SaysAsync("start training pepper")).Says("Pepper");
        return owner;
    }

    [Fact]
    public async Task An_alarm_about_one_cat_does_not_hold_the_owners_other_cat()
    {
        var owner = await OwnerOfTwoAsync();
        (await owner.SaysAsync("biscuit keeps squatting in the tray and hardly anything comes out")).FirstSays(Emergency).Says("Biscuit");

        // The other cat, by name: coaching as usual, and a session for her is logged.
        (await owner.SaysAsync("ok. can pepper still have her session tonight?")).DoesNotSay(TrainingWaits).DoesNotSay(RedFlagScorecard.EmergencyPhone);
        (await owner.SaysAsync("did 5 mins with pepper, she was relaxed")).Says("Logged").Says("Pepper").DoesNotSay(TrainingWaits);

        // The cat the alarm is about, by name or unnamed (the alarm made her the cat talked about): training waits.
        (await owner.SaysAsync("ok and can biscuit still do a quick session tonight?")).Says(TrainingWaits).Says("Biscuit");
        (await owner.SaysAsync("we did 10 minutes in the hall just now")).Says(TrainingWaits).DoesNotSay("Logged");
    }

    [Fact]
    public async Task Asking_again_gets_a_reason_and_the_call_now_action_never_the_same_paragraph()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Tofu");
        var first = Assert.Single((await owner.SaysAsync("tofu has been breathing with his mouth open on the sofa for ages, sides going in and out")).Texts);
        Assert.Contains(Emergency, first, StringComparison.Ordinal);

        var second = await owner.SaysAsync("is it actually an emergency tho?? he looks kinda ok now");
        var third = await owner.SaysAsync("but why. dogs do it all the time");
        var fourth = await owner.SaysAsync("r u sure it can't wait till i finish work");
        var answers = new[] { first, Assert.Single(second.Texts), Assert.Single(third.Texts), Assert.Single(fourth.Texts) };
        foreach (var again in answers.Skip(1))
        {
            Assert.Contains(RedFlagScorecard.EmergencyPhone, again, StringComparison.Ordinal);
            Assert.Contains("call your vet now", again, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("through the nose", again, StringComparison.Ordinal); // why breathing signs matter, from the content
            Assert.DoesNotContain(Emergency, again, StringComparison.Ordinal);
        }

        // Every message in a row differs from the one before it.
        Assert.All(answers.Skip(1).Zip(answers), pair => Assert.NotEqual(pair.Second, pair.First));
    }

    [Fact]
    public async Task A_vet_who_saw_the_cat_clears_that_sign_for_the_chat_even_when_the_message_names_it_again()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Noodle");
        (await owner.SaysAsync("noodle was panting really hard with his tongue out, mouth wide open")).FirstSays(Emergency);
        (await owner.SaysAsync("update: vet had a good listen to his chest, hes fine!! she said to keep play short and stop if he pants again"))
            .Says(Glad).DoesNotSay(RedFlagScorecard.EmergencyPhone);

        // The same sign, mentioned again in this chat, is no new alarm; another red flag still is.
        (await owner.SaysAsync("he panted a little after chasing the wand today, we stopped like the vet said")).DoesNotSay(RedFlagScorecard.EmergencyPhone);
        (await owner.SaysAsync("omg he just chewed a lily leaf off the bouquet")).FirstSays(Emergency);
    }

    [Theory]
    [InlineData("we're in the car on the way to the er now. can we still do the harness tmrw?", true)]
    [InlineData("already called the clinic, heading over now", false)]
    [InlineData("ok ty, on our way. ill msg when hes home", false)]
    public async Task An_owner_already_on_the_way_hears_they_are_doing_the_right_thing_not_call_now_again(string news, bool asksAboutTraining)
    {
        // Tried: on the way with a training question, already called, and "ill" meaning "I'll" (no apostrophe).
        var owner = _host.NewOwner(channelId: "sms");
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Rocket");
        (await owner.SaysAsync("rocket keeps straining in the tray and crying, hardly any pee")).Says(RedFlagScorecard.EmergencyPhone);
        var reply = await owner.SaysAsync(news);
        reply.Says("doing the right thing").DoesNotSay("call your vet now").DoesNotSay(RedFlagScorecard.EmergencyPhone);
        if (asksAboutTraining)
        {
            reply.Says(TrainingWaits);
        }
    }

    [Fact]
    public async Task A_cleared_sign_told_as_back_alarms_again()
    {
        // Tried: the vet's all-clear after a blocked bladder, then the same sign told as back, with and without a question.
        var owner = _host.NewOwner(channelId: "sms");
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Pilot");
        (await owner.SaysAsync("pilot keeps squatting in the tray and nothing comes out, hes yowling")).Says(RedFlagScorecard.EmergencyPhone);
        (await owner.SaysAsync("vet saw him, they unblocked him and hes home now and fine")).Says(Glad);
        (await owner.SaysAsync("oh no hes squatting in the tray again with nothing coming out, is it back??")).Says(RedFlagScorecard.EmergencyPhone);
    }

    [Fact]
    public async Task Panting_after_play_told_in_passing_is_a_call_soon_and_the_vets_all_clear_ends_it()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Button");
        (await owner.SaysAsync("so last night we did like 20 mins, he was mostly chill, then chased his mouse toy around like a maniac 😹 and after that he was panting with his mouth open for a few mins which was kinda weird?? anyway he was fine after and ate his dinner. does 20 mins count as relaxed"))
            .FirstSays("needs a vet to look at Button soon").DoesNotSay(Emergency);
        var why = await owner.SaysAsync("wait what?? hes totally normal this morning. is it really an emergency");
        why.Says("through the nose").Says("call your vet now").Says(RedFlagScorecard.EmergencyPhone);
        (await owner.SaysAsync("back!! vet checked him over, listened to his heart and lungs and everything, said hes fine. she said keep play sessions shorter and stop if he pants again"))
            .Says(Glad).DoesNotSay(RedFlagScorecard.EmergencyPhone);
    }

    [Theory]
    [InlineData("VET SAW HER. shes fine")]
    [InlineData("vet checked her over this morning")]
    [InlineData("she has been seen now, all good")]
    public async Task The_vet_having_seen_the_cat_ends_the_alarm_however_it_is_said(string seen)
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("shes been throwing up all night and cant keep water down")).FirstSays(Emergency);
        (await owner.SaysAsync(seen)).Says(Glad).DoesNotSay(RedFlagScorecard.EmergencyPhone);
        (await owner.SaysAsync("ok can we start training")).DoesNotSay(TrainingWaits);
    }

    [Fact]
    public async Task A_vet_who_has_not_seen_the_cat_yet_ends_nothing()
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("shes been throwing up all night and cant keep water down")).FirstSays(Emergency);
        (await owner.SaysAsync("the vet hasn't seen her yet, can we do a session while we wait")).DoesNotSay(Glad).DoesNotSay("Logged").Says("vet");
        (await owner.SaysAsync("ok we did 5 minutes in the hall")).Says(TrainingWaits).DoesNotSay("Logged");
    }

    [Theory]
    [InlineData("how often should we practice")]
    [InlineData("what kind of harness should i get for later?")]
    public async Task A_question_about_training_is_answered_for_later_while_sessions_wait(string question)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Mochi");
        (await owner.SaysAsync("mochi hasnt eaten anything for 3 days")).FirstSays(Emergency);
        var reply = await owner.SaysAsync(question);
        reply.FirstSays("For when Mochi").DoesNotSay(TrainingWaits).DoesNotSay(RedFlagScorecard.EmergencyPhone);
        Assert.True(reply.Texts.Count >= 2, reply.All); // the answer itself follows
        (await owner.SaysAsync("ok we did 10 minutes anyway")).Says(TrainingWaits).DoesNotSay("Logged");
    }

    [Theory]
    [InlineData("hola! una pregunta rapida 🐱")]
    [InlineData("jaja pero ya lo olio hoy y se lo puse. que sigue? podemos saltar al siguiente paso?")]
    [InlineData("buenas!! tengo una duda sobre el arnes")]
    [InlineData("bonjour, petite question rapide")]
    [InlineData("hallo, kurze frage zum geschirr")]
    [InlineData("oi! pergunta rapida sobre a coleira")]
    [InlineData("hiya quick q lol")]
    [InlineData("can we skip ahead to the next step")]
    public async Task Greetings_and_training_questions_in_any_language_never_get_the_health_remark(string message)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Canela");
        (await owner.SaysAsync(message)).DoesNotSay(HealthRemark).DoesNotSay(RedFlagScorecard.EmergencyPhone);
    }

    [Fact]
    public async Task A_real_remark_about_health_still_gets_the_health_remark() =>
        (await _host.NewOwner().SaysAsync("she sneezed once on the porch lol")).Says(HealthRemark).DoesNotSay(RedFlagScorecard.EmergencyPhone);

    [Theory]
    [InlineData("hola! una pregunta rapida")]
    [InlineData("podemos saltar al siguiente paso")]
    [InlineData("ya lo olio hoy y se lo puse")]
    [InlineData("petite question rapide")]
    public void A_word_read_only_as_a_typo_or_a_look_alike_of_a_health_word_is_no_health_remark(string message) =>
        Assert.False(Triage.Read(message).MentionsHealth, Triage.Explain(message));

    [Theory]
    [InlineData("VET SAW HIM. hes fine", true)]
    [InlineData("vet had a good listen to his chest and hes fine", true)]
    [InlineData("he has been checked now", true)]
    [InlineData("the vet hasn't seen him yet", false)]
    [InlineData("should i take him to the vet or is he fine?", false)]
    [InlineData("will the vet say hes ok?", false)]
    public void A_vet_having_seen_the_cat_is_an_all_clear_a_question_about_it_is_not(string message, bool allClear) =>
        Assert.Equal(allClear, Triage.ReadsAllClear(message));
}
