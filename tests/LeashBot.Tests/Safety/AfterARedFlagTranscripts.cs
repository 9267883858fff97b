using LeashBot.Tests.Support;

namespace LeashBot.Tests.Safety;

/// <summary>
/// The conversation after a red flag, through the real host: training waits while the alarm lasts (and the owner is
/// told why), a harmless explanation never lowers the tier, "ok" and "calling now" get a short kind reply, a vet's
/// all-clear ends the alarm and the question in it is answered; a red flag in Spanish, French, German or Portuguese
/// gets the vet message in that language with both numbers.
/// </summary>
public sealed class AfterARedFlagTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private const string Emergency = "could be an emergency";
    private const string Menu = "Here's what I can help with";
    private const string NotSure = "not quite sure";
    private const string Waiting = "doing the right thing";
    private const string TrainingWaits = "leave training for now";

    private readonly BotHost _host = shared.Host;

    [Fact]
    public async Task A_quick_session_tonight_after_a_red_flag_is_not_logged_and_the_owner_is_told_why()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Mochi");
        (await owner.SaysAsync("hes been straining in the litter box for hours")).FirstSays(Emergency);
        (await owner.SaysAsync("ok. can we still do a quick session tonight?")).Says(TrainingWaits).Says("Mochi").DoesNotSay("How long").DoesNotSay(Menu);
        (await owner.SaysAsync("we did 10 minutes in the hallway earlier")).Says(TrainingWaits).DoesNotSay("Logged");
        (await owner.SaysAsync("how's Mochi doing?")).Says(TrainingWaits);
    }

    [Theory]
    [InlineData("biscuit keeps going to the litter tray and nothing comes out")]
    [InlineData("omg BISCUIT just had a fit, shaking all over")]
    [InlineData("ugh my other one, biscuit, ate some lily leaves")]
    public async Task The_vet_message_names_the_cat_the_owner_wrote_about_not_the_one_in_training(string worry)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Biscuit");
        (await owner.SaysAsync("start training pepper")).Says("Pepper");
        (await owner.SaysAsync(worry)).FirstSays(Emergency).Says("Biscuit").DoesNotSay("Pepper");
    }

    [Theory]
    [InlineData("its probably just constipation right?")]
    [InlineData("prob just a bit of an upset tummy tbh")]
    [InlineData("maybe hes just constipated, can it wait till morning")]
    public async Task A_harmless_explanation_never_lowers_an_emergency(string explanation)
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("she keeps going in and out of the litter tray and nothing comes out")).FirstSays(Emergency);
        (await owner.SaysAsync(explanation)).FirstSays("vet").Says(RedFlagScorecard.EmergencyPhone).DoesNotSay("pause leash training");
    }

    [Theory]
    [InlineData("k calling now 😰")]
    [InlineData("ok")]
    [InlineData("thanks")]
    [InlineData("on our way to the emergency vet now")]
    [InlineData("ringing them rn")]
    public async Task Ok_thanks_and_calling_now_get_a_short_kind_reply_not_the_menu(string message)
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("my dog grabbed her and theres blood on her neck")).FirstSays(Emergency);
        var reply = await owner.SaysAsync(message);
        reply.Says(Waiting).DoesNotSay(Menu).DoesNotSay(NotSure).DoesNotSay(RedFlagScorecard.EmergencyPhone);
        Assert.Single(reply.Texts);
        Assert.True(reply.Texts[0].Length < 120, reply.Texts[0]);
    }

    [Fact]
    public async Task A_vets_all_clear_ends_the_alarm_and_the_question_in_it_is_answered()
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("she's been vomiting all day and wont drink")).FirstSays(Emergency);
        (await owner.SaysAsync("the vet saw her, gave her fluids and says she's fine now. why does she chew the harness?"))
            .FirstSays("glad").Says("your vet's advice").DoesNotSay(RedFlagScorecard.EmergencyPhone).Says("chew");
        (await owner.SaysAsync("ok can we start training")).DoesNotSay(TrainingWaits).DoesNotSay(Waiting);
    }

    [Fact]
    public async Task An_all_clear_said_another_way_ends_the_alarm_and_a_pending_question_waits_for_it()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("is my cat ready?");
        await owner.SaysAsync("Olive");
        (await owner.SaysAsync("omg she just fell off the balcony")).FirstSays(Emergency);
        (await owner.SaysAsync("yes")).Says(Waiting).DoesNotSay("treats or toys");
        (await owner.SaysAsync("back from the vets, nothing broken, vet says she's ok")).Says("glad");
        (await owner.SaysAsync("yes")).Says("treats or toys");
    }

    [Fact]
    public async Task A_vet_who_says_it_is_not_fine_is_no_all_clear()
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("hes limping badly and wont put his back leg down")).FirstSays(Emergency);
        (await owner.SaysAsync("the vet said he is not fine, can we still train tomorrow")).DoesNotSay("glad").DoesNotSay("Step 1");
    }

    [Fact]
    public async Task Forget_me_still_works_while_an_alarm_lasts()
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("he ate some of my ibuprofen")).FirstSays(Emergency);
        (await owner.SaysAsync("forget me")).DoesNotSay(Waiting).DoesNotSay(TrainingWaits);
    }

    [Theory]
    [InlineData("mi gato se comió una hoja de lirio", "Puede ser una urgencia")]
    [InlineData("mi gata no puede respirar bien", "Puede ser una urgencia")]
    [InlineData("mon chat a les gencives blanches", "C'est peut-être une urgence")]
    [InlineData("Meine Katze ist vom Balkon gefallen", "Das kann ein Notfall sein")]
    [InlineData("minha gata está vomitando sangue", "Pode ser uma emergência")]
    [InlineData("er hat das Flohmittel vom Hund abgeleckt und zittert", "Das kann ein Notfall sein")]
    [InlineData("elle a avalé de l'antigel dans le garage je pense", "C'est peut-être une urgence")]
    [InlineData("ele tá com as patas geladas e não anda", "Pode ser uma emergência")]
    [InlineData("il mio gatto ha mangiato un pezzo di giglio", "Potrebbe essere un'urgenza")]
    [InlineData("mijn kat bloedt heel erg uit haar bek", "Dit kan een noodgeval zijn")]
    [InlineData("mi gata lleva 4 dias sin probar bocado y esta tirada", "Puede ser una urgencia")]
    public async Task A_red_flag_in_another_language_gets_the_vet_message_in_it_with_both_numbers(string message, string opening)
    {
        var replies = await _host.NewOwner().SaysAsync(message);
        replies.FirstSays(opening).Says(RedFlagScorecard.EmergencyPhone).Says("555-0100").DoesNotSay(Emergency);
    }

    [Fact]
    public async Task On_SMS_a_spanish_red_flag_is_one_plain_text_message_in_spanish()
    {
        var message = Assert.Single((await _host.NewOwner(channelId: "sms").SaysAsync("lo atropello un coche y sangra")).Texts);
        Assert.StartsWith("Puede ser una urgencia", message, StringComparison.Ordinal);
        Assert.Contains("esta abierto ahora", message, StringComparison.Ordinal); // "está" travels as "esta"
        Assert.Contains(RedFlagScorecard.EmergencyPhone, message, StringComparison.Ordinal);
        Assert.True(LeashBot.Content.Gsm7.IsBasic(message), message);
    }

    [Theory]
    [InlineData("no tiene vómitos ni nada, solo odia el arnés")]
    [InlineData("ya está bien, la vete dijo que no era nada grave")]
    [InlineData("il ne saigne pas, il a juste eu peur du chien")]
    [InlineData("sie blutet nicht, sie war nur erschrocken")]
    [InlineData("não tá mancando, só não gosta da coleira")]
    [InlineData("non respira male, russa solo quando dorme")]
    [InlineData("hij bloedt niet hoor, hij schrok alleen van de hond")]
    public async Task Calm_lines_in_other_languages_with_a_denial_or_an_all_clear_get_no_vet_message(string message)
    {
        (await _host.NewOwner().SaysAsync(message)).DoesNotSay(RedFlagScorecard.EmergencyPhone).DoesNotSay("could be an emergency");
    }

    [Theory]
    [InlineData("his gums are nice and pink, i checked")]
    [InlineData("hes got a clean bill of health from the vet, just wondering what harness to buy")]
    [InlineData("panting? nope, breathing is totally normal")]
    [InlineData("he threw up once last year after eating a spider lol, totally fine")]
    [InlineData("Lily the cat ate her dinner")]
    public async Task Calm_lines_about_health_get_no_alarm_and_no_not_sure(string message)
    {
        var owner = _host.NewOwner();
        if (message.StartsWith("Lily", StringComparison.Ordinal))
        {
            await owner.SaysAsync("start training");
            await owner.SaysAsync("Lily");
        }

        (await owner.SaysAsync(message)).DoesNotSay(RedFlagScorecard.EmergencyPhone).DoesNotSay(NotSure);
    }
}
