using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// What owners typing on a phone ran into: names picked out of filler, a report about two cats that logged one, a fix
/// of a number that moved the session to the other cat, questions nobody could leave, and "delete" read as forget-me.
/// Each case is typed several ways, on Web Chat, SMS and Teams.
/// </summary>
public sealed class RepairTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    /// <summary>The fake clock stands still unless moved; owners type a minute or so apart.</summary>
    private async Task<Replies> LaterAsync(Owner owner, string text)
    {
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        return await owner.SaysAsync(text);
    }

    private async Task<Owner> OwnerOfAsync(string channel, params string[] cats)
    {
        var owner = _host.NewOwner(channelId: channel);
        foreach (var cat in cats)
        {
            await owner.SaysAsync("start training " + cat);
        }

        return owner;
    }

    // ---- Names must look like names ----

    [Theory]
    [InlineData("webchat", "i have 2 cats", "2 Cats")]
    [InlineData("sms", "we have two cats and a dog lol", "Two")]
    [InlineData("webchat", "its late sorry, is my cat ready for a leash?", "Late")]
    [InlineData("msteams", "it's raining so we stayed in, is my cat ready?", "Raining")]
    [InlineData("sms", "she's scared rn of the harness", "Rn")]
    [InlineData("webchat", "my cat rn is hiding from the harness", "Rn")]
    [InlineData("webchat", "ok its fine, my cat tbh just hates it", "Tbh")]
    public async Task Filler_numbers_and_shorthand_are_never_taken_for_a_cat(string channel, string message, string notAName)
    {
        var owner = _host.NewOwner(channelId: channel);
        (await owner.SaysAsync(message)).DoesNotSay("meet " + notAName).DoesNotSay("remember " + notAName).DoesNotSay(notAName + " is");
        (await owner.SaysAsync("how are my cats doing")).DoesNotSay(notAName + ":");
    }

    [Theory]
    [InlineData("its mochi haha")]
    [InlineData("her name is Mochi")]
    [InlineData("my cat's name is Mochi")]
    public async Task A_real_name_after_the_same_lead_ins_is_still_met(string message)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("is my cat ready?");
        (await owner.SaysAsync(message)).Says("Mochi").DoesNotSay("Just the name");
    }

    [Theory]
    [InlineData("my cat's name is Mochi")]
    [InlineData("her name is Mochi actually")]
    [InlineData("pls call her Mochi")]
    [InlineData("no, it's Mochi not Nori")]
    public async Task A_new_name_for_the_only_cat_renames_it_and_keeps_its_progress(string rename)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training nori");
        await LaterAsync(owner, "we did 10 minutes, she was relaxed");
        await LaterAsync(owner, "yes");
        (await LaterAsync(owner, rename)).Says("Mochi it is").Says("from Nori").DoesNotSay("Lovely to meet");
        (await owner.SaysAsync("how are my cats doing")).Says("Mochi: step 2 of 10").DoesNotSay("Nori");
    }

    [Theory]
    [InlineData("her name is actually Nori")]
    [InlineData("oops, call her Nori")]
    public async Task A_rename_in_the_middle_of_the_checklist_goes_back_to_the_question(string rename)
    {
        var owner = _host.NewOwner(channelId: "sms");
        await owner.SaysAsync("start training biscuit");
        await owner.SaysAsync("start training pepper");
        await owner.SaysAsync("is pepper ready?");
        (await owner.SaysAsync(rename)).Says("Nori it is").Says("from Pepper").Says("back to where we were").DoesNotSay("Lovely to meet");
        (await owner.SaysAsync("how are my cats doing")).Says("Nori: step 1").Says("Biscuit: step 1").DoesNotSay("Pepper");
    }

    [Fact]
    public async Task Naming_another_cat_is_not_a_rename()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training nori");
        (await owner.SaysAsync("my other cat is called Pip")).DoesNotSay("it is! 😺");
        (await owner.SaysAsync("how are my cats doing")).Says("Nori: step 1");
    }

    // ---- One report, each cat its own length and mood ----

    [Theory]
    [InlineData("webchat", "did 10 min with luna, 5 with miso, miso hated it. luna was chill", 10, 5)]
    [InlineData("sms", "luna did 12 minutes and was super chill, miso did like 4 min and hid under the couch", 12, 4)]
    [InlineData("msteams", "Luna 8 mins relaxed. Miso 3 mins, really stressed", 8, 3)]
    public async Task A_report_about_two_cats_logs_each_with_its_own_length_and_mood(string channel, string report, int luna, int miso)
    {
        var owner = await OwnerOfAsync(channel, "luna", "miso");
        (await LaterAsync(owner, report)).Says($"Logged: {luna} min with Luna").Says($"Logged: {miso} min with Miso")
            .Says("Luna was relaxed").DoesNotSay("How long");
        await owner.SaysAsync("yes");
        (await owner.SaysAsync("how are my cats doing")).Says("Luna: step 2 of 10").Says("Miso: step 1 of 10");
    }

    [Fact]
    public async Task A_cat_whose_mood_the_report_leaves_out_is_asked_about()
    {
        var owner = await OwnerOfAsync("webchat", "luna", "miso");
        (await LaterAsync(owner, "did 10 min with luna, 5 with miso, miso hated it")).Says("Logged: 5 min with Miso").Says("How did Luna seem").DoesNotSay("with Luna at");
        (await owner.SaysAsync("relaxed")).Says("Logged: 10 min with Luna").Says("Shall I move Luna on to step 2");
        await owner.SaysAsync("yes");
        (await owner.SaysAsync("how are my cats doing")).Says("Luna: step 2 of 10").Says("Miso: step 1 of 10");
    }

    // ---- A fixed number stays with its cat ----

    [Theory]
    [InlineData("wait i meant 15 not 50 lol. and what about pepper??")]
    [InlineData("sorry typo, 15 not 50")]
    [InlineData("i meant 15 min for biscuit")]
    public async Task A_fixed_length_changes_the_session_of_the_same_cat(string fix)
    {
        var owner = await OwnerOfAsync("sms", "biscuit", "pepper");
        await LaterAsync(owner, "biscuit did 50 min and was super chill, pepper did like 5 min and hid under the couch");
        (await LaterAsync(owner, fix)).Says("Biscuit was 15 min, not 50 min").DoesNotSay("belongs to Pepper").DoesNotSay("with Pepper at");
        (await owner.SaysAsync("how is pepper doing")).Says("Pepper: step 1 of 10").Says("5 min");
        (await owner.SaysAsync("how is biscuit doing")).Says("Biscuit: step 1 of 10").Says("15 min").DoesNotSay("50 min");
    }

    // ---- Every question can be left ----

    [Theory]
    [InlineData("no session today")]
    [InlineData("nah we didnt do one")]
    [InlineData("skip")]
    [InlineData("no hicimos sesión! nada")]
    [InlineData("0 minutes")]
    public async Task Declining_the_length_question_drops_it_kindly(string decline)
    {
        var owner = await OwnerOfAsync("webchat", "luna");
        (await owner.SaysAsync("log a session")).Says("How long");
        (await owner.SaysAsync(decline)).Says("Nothing has changed").DoesNotSay("Roughly how long").DoesNotSay("How long");
        (await owner.SaysAsync("how is luna doing")).Says("No sessions logged");
    }

    [Fact]
    public async Task A_question_is_asked_again_once_then_let_go_with_a_way_out()
    {
        var owner = await OwnerOfAsync("sms", "luna");
        (await owner.SaysAsync("log a session")).Says("How long");
        (await owner.SaysAsync("banana")).Says("Roughly how long").Says("skip");
        (await owner.SaysAsync("pizza")).Says("let's leave that for now").Says("menu").DoesNotSay("how long");
        (await owner.SaysAsync("how is luna doing")).Says("No sessions logged");
    }

    [Theory]
    [InlineData("is luna ready for this?")]
    [InlineData("actually can you tell me if luna is ready")]
    public async Task A_new_request_at_a_question_changes_the_subject(string request)
    {
        var owner = await OwnerOfAsync("webchat", "luna");
        (await owner.SaysAsync("log a session")).Says("How long");
        (await owner.SaysAsync(request)).Says("Six quick questions").DoesNotSay("Roughly how long");
    }

    [Theory]
    [InlineData("ah never mind")]
    [InlineData("we're done for today")]
    [InlineData("ok that's it for today, thanks")]
    public async Task A_goodbye_or_never_mind_leaves_the_question(string leave)
    {
        var owner = await OwnerOfAsync("msteams", "luna");
        (await owner.SaysAsync("log a session")).Says("How long");
        (await owner.SaysAsync(leave)).DoesNotSay("How long").DoesNotSay("Roughly how long");
        (await owner.SaysAsync("how is luna doing")).Says("No sessions logged");
    }

    [Theory]
    [InlineData("we're done for today")]
    [InlineData("done for the day, bye")]
    [InlineData("ok were done for today 👋")]
    public async Task Done_for_today_is_a_goodbye_not_a_session(string done)
    {
        var owner = await OwnerOfAsync("webchat", "luna");
        (await owner.SaysAsync(done)).Says("Give Luna a chin scratch").DoesNotSay("How long");
    }

    [Fact]
    public async Task A_side_question_at_the_checklist_is_answered_then_the_question_comes_back()
    {
        var owner = await OwnerOfAsync("webchat", "luna");
        (await owner.SaysAsync("is luna ready?")).Says("yes or no");
        var aside = await owner.SaysAsync("wait why do ppl even leash train cats, is it actually worth it?");
        aside.Says("back to where we were").DoesNotSay("didn't catch");
        Assert.True(aside.Texts.Count >= 3, aside.All);
    }

    // ---- Forget-me needs a clear request ----

    [Theory]
    [InlineData("did u delete the wrong ones? whats pepper's progress")]
    [InlineData("wait did you delete my session??")]
    [InlineData("dont delete everything!!")]
    [InlineData("how do i delete a session i logged by accident")]
    public async Task The_word_delete_alone_never_asks_to_forget_the_owner(string message)
    {
        var owner = await OwnerOfAsync("sms", "biscuit", "pepper");
        (await owner.SaysAsync(message)).DoesNotSay("deletes everything I know");
        (await owner.SaysAsync("how are my cats doing")).Says("Pepper: step 1").Says("Biscuit: step 1");
    }

    [Theory]
    [InlineData("please delete my data")]
    [InlineData("can you erase everything you know about me")]
    [InlineData("forget me")]
    public async Task A_clear_request_about_the_owners_data_asks_to_confirm(string message)
    {
        var owner = await OwnerOfAsync("webchat", "biscuit");
        (await owner.SaysAsync(message)).Says("deletes everything I know");
        (await owner.SaysAsync("no")).Says("kept everything");
        (await owner.SaysAsync("how are my cats doing")).Says("Biscuit: step 1");
    }

    /// <summary>Bad input tried: a bare "ok", "k", "kinda" and "hmm ok" at the delete question.</summary>
    [Theory]
    [InlineData("webchat", "ok")]
    [InlineData("sms", "k")]
    [InlineData("webchat", "kinda")]
    [InlineData("sms", "hmm ok")]
    public async Task Deleting_everything_needs_a_yes_said_as_a_yes_and_a_shrug_keeps_the_data(string channel, string shrug)
    {
        var owner = await OwnerOfAsync(channel, "biscuit");
        (await owner.SaysAsync("delete all my data")).Says("deletes everything I know");
        (await owner.SaysAsync(shrug)).Says("kept everything").DoesNotSay("deleted your profile");
        (await owner.SaysAsync("how are my cats doing")).Says("Biscuit: step 1");
        (await owner.SaysAsync("delete all my data")).Says("deletes everything I know");
        (await owner.SaysAsync("yes")).Says("deleted your profile");
    }

    // ---- Spanish ----

    [Theory]
    [InlineData("hoy hicimos 10 minutos, luna muy feliz", "Logged: 10 min with Luna")]
    [InlineData("hicimos 5 minutos con el arnés, estaba un poco nerviosa", "Logged: 5 min with Luna")]
    public async Task A_session_reported_in_Spanish_is_logged_without_asking_again(string report, string logged)
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("hola! mi gata luna tiene miedo del arnés")).Says("solo hablo inglés");
        await owner.SaysAsync("start training luna");
        (await LaterAsync(owner, report)).Says(logged).DoesNotSay("How long").DoesNotSay("solo hablo");
    }

    [Fact]
    public async Task After_a_fix_the_rest_of_the_message_asks_about_the_other_cat()
    {
        var owner = await OwnerOfAsync("sms", "biscuit", "pepper");
        await LaterAsync(owner, "biscuit did 50 min and was super chill, pepper did like 5 min and hid under the couch");
        (await LaterAsync(owner, "wait i meant 15 not 50 lol. and what about pepper??")).Says("Pepper: step 1 of 10").DoesNotSay("not quite sure");
    }

    [Theory]
    [InlineData("she sneezed once on the porch lol")]
    [InlineData("she sneezed twice on the balcony haha")]
    [InlineData("luna sneezed when i put the harness on")]
    public async Task A_passing_remark_about_the_cats_body_is_not_taken_for_a_struggle(string remark)
    {
        var owner = await OwnerOfAsync("webchat", "luna");
        (await owner.SaysAsync(remark)).Says("your vet is the one to ask").DoesNotSay("Take a step back").DoesNotSay("Did that help");
    }

    [Theory]
    [InlineData("sms", "i have 2 cats")]
    [InlineData("webchat", "hi! we have two cats, can both learn this?")]
    public async Task Saying_how_many_cats_leads_to_their_names(string channel, string message)
    {
        var owner = _host.NewOwner(channelId: channel);
        (await owner.SaysAsync(message)).DoesNotSay("meet 2").DoesNotSay("meet Two");
        await owner.SaysAsync("start training");
        (await owner.SaysAsync("biscuit and pepper")).Says("Lovely to meet Biscuit").Says("Lovely to meet Pepper");
    }

    [Theory]
    [InlineData("kinda")]
    [InlineData("a bit i guess")]
    [InlineData("sort of??")]
    public async Task Half_a_yes_to_did_that_help_gets_another_idea(string hedge)
    {
        var owner = await OwnerOfAsync("sms", "mochi");
        (await owner.SaysAsync("mochi freezes every time we open the door, what do i do??")).Says("Did that help?");
        (await owner.SaysAsync(hedge)).DoesNotSay("Glad to hear it");
    }

    [Theory]
    [InlineData("biscuit (2, v confident) and pepper (5, kinda nervous)")]
    [InlineData("Biscuit (the orange one) & Pepper (shy)")]
    public async Task Details_in_brackets_after_names_are_not_part_of_them(string names)
    {
        var owner = _host.NewOwner(channelId: "sms");
        await owner.SaysAsync("start training");
        (await owner.SaysAsync(names)).Says("Lovely to meet Biscuit").Says("Lovely to meet Pepper").DoesNotSay("Biscuit 2");
    }

    [Theory]
    [InlineData("is pepper ready")]
    [InlineData("is pepper ready for a harness??")]
    public async Task A_question_given_as_the_name_is_answered_after_meeting_the_cat(string answer)
    {
        var owner = _host.NewOwner(channelId: "webchat");
        (await owner.SaysAsync("i have a cat")).Says("What's your cat's name?");
        (await owner.SaysAsync(answer)).Says("Lovely to meet Pepper").Says("Six quick questions");
    }

    [Theory]
    [InlineData("1 lol she's fearless")]
    [InlineData("she's fearless")]
    public async Task An_adjective_after_shes_is_not_a_name(string message)
    {
        var owner = await OwnerOfAsync("sms", "pepper");
        (await owner.SaysAsync(message)).DoesNotSay("meet Fearless").DoesNotSay("remember Fearless");
    }

    [Theory]
    [InlineData("1 lol she's fearless")]
    [InlineData("2 nope lol")]
    public async Task A_reply_that_opens_with_a_choice_number_picks_it(string reply)
    {
        var owner = await OwnerOfAsync("sms", "pepper");
        (await owner.SaysAsync("is pepper ready?")).Says("1. Yes");
        (await owner.SaysAsync("ya")).Says("treats or toys");
        (await owner.SaysAsync(reply)).DoesNotSay("didn't catch").DoesNotSay("treats or toys").DoesNotSay("meet Fearless");
    }

    [Theory]
    [InlineData("its a training question not a vet one. how many sessions a week", "Question")]
    [InlineData("quiero start training con Canela", "Con")]
    [InlineData("is 3 years old too old for leash training? o está bien", "O")]
    [InlineData("my dog pulls like crazy on his leash, any tips? hes a lab", "Lab")]
    public async Task Words_after_training_words_or_about_other_animals_are_not_learned_as_cats(string message, string notAName)
    {
        var owner = _host.NewOwner(channelId: "msteams");
        (await owner.SaysAsync(message)).DoesNotSay("remember " + notAName + " ").DoesNotSay("meet " + notAName + "!");
        (await owner.SaysAsync("how are my cats doing")).DoesNotSay(notAName + ":");
    }

    [Theory]
    [InlineData("so 15-30 min max? how many sessions a day")]
    [InlineData("is 10 minutes too long for her?")]
    [InlineData("should we do 5 min twice a day")]
    public async Task A_question_with_a_length_in_it_is_never_logged_as_a_session(string question)
    {
        var owner = await OwnerOfAsync("webchat", "mochi");
        (await owner.SaysAsync(question)).DoesNotSay("Logged").DoesNotSay("How did Mochi seem");
        (await owner.SaysAsync("how is mochi doing")).Says("Mochi: step 1 of 10").Says("No sessions logged");
    }

    [Theory]
    [InlineData("delete the 10 min session from ziggy")]
    [InlineData("undo ziggys 10 minute one pls")]
    public async Task Taking_back_a_session_by_its_length_takes_that_one(string undo)
    {
        var owner = await OwnerOfAsync("sms", "ziggy");
        await LaterAsync(owner, "we did 10 min, she was a bit nervous");
        await LaterAsync(owner, "3 min today, nervous again");
        (await LaterAsync(owner, undo)).Says("10 min").DoesNotSay("3 min with");
        (await owner.SaysAsync("how is ziggy doing")).Says("3 min");
    }
}
