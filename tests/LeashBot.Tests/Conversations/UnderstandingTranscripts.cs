using LeashBot.Coaching;
using LeashBot.Storage;
using LeashBot.Tests.Support;
using LeashBot.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// Owners in context, through the real host: negation in mood answers, names, several cats, undo and
/// corrections, letting go of a question, several questions at once, step questions, chat and other languages.
/// </summary>
public sealed class UnderstandingTranscripts(SharedHost shared, ITestOutputHelper output) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    private async Task<Owner> OwnerWithTomAsync()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        (await owner.SaysAsync("his name is Tom")).Says("Lovely to meet Tom");
        return owner;
    }

    /// <summary>Milo (he) and Pickle (she), talking about Milo last.</summary>
    private async Task<Owner> OwnerWithMiloAndPickleAsync()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        (await owner.SaysAsync("his name is Milo")).Says("Lovely to meet Milo");
        await owner.SaysAsync("add a cat");
        (await owner.SaysAsync("her name is pickle")).Says("Lovely to meet Pickle");
        (await owner.SaysAsync("how's milo doing?")).Says("Milo: step 1 of 10");
        return owner;
    }

    [Fact]
    public async Task Not_relaxed_at_all_does_not_move_the_cat_on()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("we did 10 minutes, he was not relaxed at all")).Says("Logged: 10 min").Says("stay on step 1").DoesNotSay("on to step 2");
        (await owner.SaysAsync("how's tom doing?")).Says("step 1 of 10").Says("A bit unsure");
    }

    [Fact]
    public async Task Wasnt_calm_and_flattened_ears_at_the_mood_question_is_distress()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("we did 10 minutes")).Says("How did Tom seem?");
        (await owner.SaysAsync("he wasn't calm, kept flattening his ears")).Says("keep the next session shorter").DoesNotSay("on to step");
        (await owner.SaysAsync("how's tom doing?")).Says("Stressed or upset").DoesNotSay("Relaxed and happy");
    }

    [Fact]
    public async Task A_reply_that_is_no_mood_is_asked_again_with_the_buttons()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("we did 10 minutes")).Says("How did Tom seem?");
        (await owner.SaysAsync("what?? i didnt do anything")).Says("Pick one of these").Offers("Relaxed and happy", "A bit unsure", "Stressed or upset").DoesNotSay("Logged");
        (await owner.SaysAsync("Relaxed and happy")).Says("Logged: 10 min").Says("Shall I move Tom on to step 2");
    }

    [Fact]
    public async Task Filler_is_never_a_name_and_a_corrected_name_is_found()
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("is my cat ready?")).Says("What's your cat's name?");
        foreach (var notAName in new[] { "ok", "idk", "thanks" })
        {
            (await owner.SaysAsync(notAName)).Says("name").DoesNotSay("Lovely to meet");
        }

        (await owner.SaysAsync("my cat's name isnt ok its biscuit")).Says("Lovely to meet Biscuit").DoesNotSay("Meet Ok").Says("Is Biscuit healthy");
    }

    [Fact]
    public async Task An_unclear_checklist_answer_is_asked_again_with_buttons()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("is tom ready?")).Says("Is Tom healthy");
        (await owner.SaysAsync("idk")).Says("A simple yes or no").Offers("Yes", "No");
        (await owner.SaysAsync("Yes")).Says("Does Tom get excited about treats");
    }

    [Fact]
    public async Task Several_cats_named_at_once_are_all_met()
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("start training")).Says("What's your cat's name?");
        // Both are met; which one training starts with is asked, and a bare name answers it.
        (await owner.SaysAsync("milo and pickle")).Says("Lovely to meet Milo").Says("Lovely to meet Pickle").Says("Which cat");
        (await owner.SaysAsync("milo")).Says("Milo is on step 1 of 10");
        (await owner.SaysAsync("how are my cats doing?")).Says("Milo: step 1").Says("Pickle: step 1");
    }

    [Fact]
    public async Task A_name_in_the_question_is_not_asked_for()
    {
        var owner = _host.NewOwner();
        var reply = await owner.SaysAsync("is milo ready for leash training? he's 3");
        reply.DoesNotSay("What's your cat's name?").Says("Lovely to meet Milo").Says("Is Milo healthy");
    }

    [Fact]
    public async Task A_learned_pronoun_logs_for_the_right_cat()
    {
        var owner = await OwnerWithMiloAndPickleAsync();
        (await owner.SaysAsync("we did 10 minutes, she was relaxed")).Says("Logged: 10 min with Pickle").DoesNotSay("with Milo");
        (await owner.SaysAsync("we did 5 minutes, he was relaxed")).Says("Logged: 5 min with Milo");
    }

    [Fact]
    public async Task When_neither_name_nor_pronoun_settles_the_cat_the_owner_is_asked()
    {
        var owner = await OwnerWithMiloAndPickleAsync();
        await owner.SaysAsync("add a cat");
        (await owner.SaysAsync("his name is Tom")).Says("Lovely to meet Tom");
        await owner.SaysAsync("how's pickle doing?");

        // Two cats are "he", and the cat just talked about is "she": better to ask than to log for the wrong cat.
        (await owner.SaysAsync("we did 10 minutes, he was relaxed")).Says("Which cat is this about?").Offers("Milo", "Tom").DoesNotSay("Logged");
        (await owner.SaysAsync("Tom")).Says("Logged: 10 min with Tom");
    }

    [Fact]
    public async Task Progress_covers_every_cat_asked_about_and_what_step_gives_the_current_one()
    {
        var owner = await OwnerWithMiloAndPickleAsync();
        await owner.SaysAsync("we did 10 minutes, she was relaxed");
        await owner.SaysAsync("yes");
        (await owner.SaysAsync("progress for milo and pickle")).Says("Milo: step 1 of 10").Says("Pickle: step 2 of 10");
        (await owner.SaysAsync("what step is Milo on?")).Says("Milo: step 1 of 10").DoesNotSay("Next up").DoesNotSay("Pickle");
    }

    [Fact]
    public async Task Undo_takes_back_the_last_change_and_then_has_nothing_more_to_undo()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("we did 10 minutes, he was relaxed")).Says("Shall I move Tom on to step 2");
        (await owner.SaysAsync("undo that")).Says("taken back the 10 min session with Tom").Says("Tom: step 1 of 10").Says("No sessions logged yet");
        (await owner.SaysAsync("undo that")).Says("nothing more to undo");
    }

    [Fact]
    public async Task Go_back_a_step_moves_the_cat_back()
    {
        var owner = await OwnerWithTomAsync();
        await owner.SaysAsync("we did 10 minutes, he was relaxed");
        await owner.SaysAsync("yes");
        (await owner.SaysAsync("go back a step")).Says("back to step 1");
        (await owner.SaysAsync("go back a step")).Says("already on step 1");
    }

    [Fact]
    public async Task A_session_logged_for_the_wrong_cat_moves_to_the_right_one()
    {
        var owner = await OwnerWithMiloAndPickleAsync();
        (await owner.SaysAsync("we did 10 minutes, he was relaxed")).Says("with Milo").Says("Shall I move Milo on to step 2");
        (await owner.SaysAsync("that was pickle not milo!!")).Says("now belongs to Pickle").Says("Shall I move Pickle on to step 2").DoesNotSay("Logged:");
        (await owner.SaysAsync("yes")).Says("Pickle is on to step 2");
        (await owner.SaysAsync("progress for milo and pickle")).Says("Milo: step 1 of 10").Says("No sessions").Says("Pickle: step 2 of 10");
    }

    [Theory]
    [InlineData("thanks, that's all for today")]
    [InlineData("bye")]
    [InlineData("later")]
    public async Task Letting_go_at_the_duration_question_ends_kindly_and_keeps_what_was_saved(string goodbye)
    {
        var owner = await OwnerWithTomAsync();
        await owner.SaysAsync("we did 10 minutes, he was relaxed");
        await owner.SaysAsync("yes");
        (await owner.SaysAsync("we did a session")).Says("How long was today's session");
        (await owner.SaysAsync(goodbye)).Says("saved").DoesNotSay("How long").DoesNotSay("Roughly how long").DoesNotSay("back to where we were");
        (await owner.SaysAsync("how's tom doing?")).Says("step 2 of 10");
    }

    [Fact]
    public async Task Back_to_where_we_were_only_when_a_question_is_left()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("is tom ready?")).Says("Is Tom healthy");
        (await owner.SaysAsync("which leash should i get?")).Says("nylon leash").Says("Now, back to where we were").Says("Is Tom healthy");

        var other = await OwnerWithTomAsync();
        (await other.SaysAsync("my cat froze, what now?")).Says("Did that help?");
        (await other.SaysAsync("which leash should i get?")).Says("nylon leash").DoesNotSay("back to where we were").DoesNotSay("Did that help?");
    }

    [Fact]
    public async Task Several_questions_in_one_message_are_answered_in_order()
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("my cat froze, what now?")).Says("Did that help?");
        var reply = await owner.SaysAsync("kinda. how do i check the fit? also she hisses at every car");
        reply.DoesNotSay("Glad").Says("snug and escape-proof").Says("hissing is a stress response");
        Assert.True(reply.All.IndexOf("snug", StringComparison.Ordinal) < reply.All.IndexOf("hissing", StringComparison.Ordinal), reply.All);
    }

    [Fact]
    public async Task A_quick_answer_comes_first_then_the_question_that_needs_a_flow()
    {
        var reply = await _host.NewOwner().SaysAsync("ok so first, is pickle ready?? she is 4 and a bit shy");
        reply.Says("shy or anxious cats find it harder").Says("Lovely to meet Pickle").Says("Is Pickle healthy").DoesNotSay("What's your cat's name?");
        Assert.True(reply.All.IndexOf("shy or anxious", StringComparison.Ordinal) < reply.All.IndexOf("Is Pickle healthy", StringComparison.Ordinal), reply.All);
    }

    [Fact]
    public async Task Questions_about_a_step_are_answered_from_the_plan()
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("what's step 4?")).Says("Step 4 of 10 is \"Longer wear time\"");
        (await owner.SaysAsync("what comes after the harness?")).Says("Step 2 of 10 is \"Meet the harness indoors\"");
    }

    [Fact]
    public async Task The_first_outdoor_sessions_are_five_to_ten_minutes()
    {
        (await _host.NewOwner().SaysAsync("how long should the first outdoor session be")).Says("5 to 10 minutes").DoesNotSay("weeks");
    }

    [Fact]
    public async Task Four_yeses_of_six_is_ready_and_names_what_to_work_on()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("is my cat ready?");
        await owner.SaysAsync("Nala");
        string[] answers = ["yes", "yes", "no", "yes", "no"];
        foreach (var answer in answers)
        {
            await owner.SaysAsync(answer);
        }

        (await owner.SaysAsync("yes")).Says("Nala looks ready").Says("Worth working on").Says("new things are still scary").Says("there isn't time").DoesNotSay("may not be ready");
    }

    [Theory]
    [InlineData("ok 👍", "I'm here whenever you need me")]
    [InlineData("lol", "Cats keep life interesting")]
    [InlineData("gotta go feed these gremlins", "Bye for now")]
    [InlineData("thanks!", "You're welcome")]
    public async Task Chat_gets_a_short_warm_reply(string message, string expected)
    {
        (await _host.NewOwner().SaysAsync(message)).Says(expected).DoesNotSay("not quite sure").DoesNotSay("only know about leash training");
    }

    [Theory]
    [InlineData("hola, mi gato tiene miedo del arnés", "solo hablo inglés")]
    [InlineData("bonjour, mon chat a peur de la laisse", "je ne parle qu'anglais")]
    [InlineData("hallo, meine katze mag das geschirr nicht", "spreche ich nur Englisch")]
    [InlineData("olá, meu gato tem medo da coleira", "só falo inglês")]
    public async Task Another_language_gets_a_reply_in_it(string message, string expected)
    {
        (await _host.NewOwner().SaysAsync(message)).Says(expected).DoesNotSay("not quite sure");
    }

    /// <summary>The bot can't read these, so every reply in another language sends an ill or hurt cat to a vet, in that language.</summary>
    [Theory]
    [InlineData("se comió un lirio", "veterinario")]
    [InlineData("tiene las encías pálidas", "veterinario")]
    [InlineData("mon chat a mangé un lys", "vétérinaire")]
    [InlineData("meine katze ist verletzt und humpelt", "Tierarzt")]
    [InlineData("meu gato comeu um lírio", "veterinário")]
    public async Task A_health_worry_in_another_language_is_sent_to_a_vet_in_that_language(string message, string vet)
    {
        (await _host.NewOwner().SaysAsync(message)).Says(vet).DoesNotSay("not quite sure");
    }

    [Fact]
    public async Task A_sentence_that_shares_words_with_a_menu_button_is_not_a_pick()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("menu")).Offers("Is my cat ready?");
        (await owner.SaysAsync("my cat froze")).Says("overwhelmed").DoesNotSay("Is Tom healthy");
    }

    [Fact]
    public void Every_topic_the_recognizer_knows_has_a_route()
    {
        var routes = _host.Services.GetRequiredService<RouteTable>();
        var recognizer = _host.Services.GetRequiredService<TopicRecognizer>();

        // Health worries are handled before any routing, so they need no row here.
        var topics = recognizer.TopicIdList.Where(t => t != "urgent").ToList();
        Assert.All(topics, t => Assert.NotNull(routes.Find(t)));
    }

    /// <summary>
    /// Bad input tried: questions instead of answers at every kind of prompt, answers with nothing pending,
    /// goodbyes, chat and other languages, over and over in one conversation. The conversation record
    /// (the dialog stack) must not grow with the number of turns.
    /// </summary>
    [Fact]
    public async Task Three_hundred_mixed_turns_keep_the_dialog_stack_flat()
    {
        using var host = new BotHost();
        var owner = host.NewOwner(channelId: "webchat", userId: "flat-owner", conversationId: "flat-conv");
        var storage = (JsonStorage)host.Services.GetRequiredService<IStorage>();
        string[] round =
        [
            "my cat froze, what now?", "which leash should i get?", "she slipped out of the harness", "how do i check the fit?",
            "is milo ready?", "yes", "which leash should i get?", "no", "what's step 4?", "menu", "2",
            "we did 10 minutes", "what?? i didnt do anything", "a bit unsure", "my cat froze", "kinda. how do i check the fit? also she hisses at every car",
            "delete my data", "what's next?", "lol", "bye", "hola, mi gato tiene miedo", "we did a session", "thanks, that's all for today", "undo that", "go back a step",
        ];
        var sizes = new List<long>();
        for (var turn = 0; turn < 300; turn++)
        {
            var reply = await owner.SaysAsync(round[turn % round.Length]);
            Assert.NotEmpty(reply.Texts);
            sizes.Add((await StoredParts.ReadAsync(storage, "webchat", "flat-owner", "flat-conv")).ConversationBytes);
        }

        var firstRounds = sizes.Take(round.Length * 2).Max();
        var lastRounds = sizes.Skip(sizes.Count - (round.Length * 2)).Max();
        output.WriteLine($"conversation record: largest {firstRounds} bytes in the first two rounds, {lastRounds} in the last two (of {sizes.Count} turns)");
        Assert.True(lastRounds <= firstRounds, $"the conversation record grew from {firstRounds} to {lastRounds} bytes");
        Assert.InRange(lastRounds, 10, 4 * 1024);
    }

    [Fact]
    public async Task Chatting_about_the_harness_is_never_a_request_to_delete_everything()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("can we chat about the harness")).DoesNotSay("deletes everything I know about you");
        (await owner.SaysAsync("how's tom doing?")).Says("Tom: step 1 of 10");
    }

    [Fact]
    public async Task A_vaccine_due_date_is_not_the_next_training_step()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("when is my cats next vaccine due")).Says("That's one for your vet").DoesNotSay("step 2");
    }
}
