using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// A conversation that listens: no paragraph twice in one reply, no answer word for word again when the owner asks
/// again in other words, questions asked beside an answer get answered, names are taken however they are given (and a
/// dog's name never becomes a cat's), only a real goodbye ends the chat, and the note about English comes first.
/// Typed the way owners type, on Web Chat, SMS and Teams.
/// </summary>
public sealed class ListeningTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    private async Task<Replies> LaterAsync(Owner owner, string text)
    {
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        return await owner.SaysAsync(text);
    }

    private async Task<Owner> OwnerOfAsync(string channel, string cat)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training " + cat);
        return owner;
    }

    /// <summary>Every paragraph of a reply (one message, or one part of an SMS text), compared as the owner reads it.</summary>
    private static List<string> Paragraphs(Replies replies) =>
        [.. replies.Texts.SelectMany(t => t.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Where(p => p.Length > 0)];

    /// <summary>Everything a reply shows, cards included (Teams puts questions with buttons on Adaptive Cards).</summary>
    private static string Seen(Replies replies) => string.Join("\n", replies.Activities.Select(a => a.ToString(Newtonsoft.Json.Formatting.None)));

    private static void Shows(Replies replies, params string[] fragments)
    {
        foreach (var fragment in fragments)
        {
            Assert.True(Seen(replies).Contains(fragment, StringComparison.OrdinalIgnoreCase), $"Expected the bot to show \"{fragment}\", but it showed:\n{Seen(replies)}");
        }
    }

    private static Replies NoParagraphTwice(Replies replies)
    {
        var twice = Paragraphs(replies).GroupBy(p => p).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "Said twice in one reply:\n" + string.Join("\n", twice) + "\n---\n" + replies.All);
        return replies;
    }

    private static void NothingRepeated(Replies before, Replies now)
    {
        var earlier = Paragraphs(before).Where(p => p.Length > 60).ToHashSet();
        var again = Paragraphs(now).Where(earlier.Contains).ToList();
        Assert.True(again.Count == 0, "Sent again word for word:\n" + string.Join("\n", again) + "\n---\n" + now.All);
    }

    // ---- One reply never says the same paragraph twice ----

    [Theory]
    [InlineData("webchat", "hiii so nervous lol, my friend walks her cat and i wanna try but idk if i'll mess it up?? can u show me the whole plan first 🙏")]
    [InlineData("sms", "first time owner here, scared i'll get it wrong. can every cat learn this? show me all the steps pls")]
    [InlineData("msteams", "can any cat learn to walk on a leash?? and can you list the whole plan, all the steps")]
    public async Task A_message_with_several_questions_gets_each_paragraph_once(string channel, string message)
    {
        var owner = _host.NewOwner(channelId: channel);
        var reply = NoParagraphTwice(await owner.SaysAsync(message));
        reply.Says("Doors and windows");
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("sms")]
    [InlineData("msteams")]
    public async Task Two_struggles_at_the_same_step_point_at_the_step_once(string channel)
    {
        var owner = await OwnerOfAsync(channel, "button");
        await LaterAsync(owner, "we did 10 minutes, he was relaxed");
        NoParagraphTwice(await LaterAsync(owner, "he freezes when we go out and he keeps wriggling out of the harness"));
    }

    /// <summary>
    /// A button the bot offered is a request for exactly that: tapping "How long outside at first?" gets its answer even
    /// though it was given two messages before, never "I may have misread that". Found by owners trying it.
    /// </summary>
    [Theory]
    [InlineData("webchat")]
    [InlineData("sms")]
    public async Task A_topic_picked_from_the_bots_own_buttons_is_answered_even_if_given_a_moment_ago(string channel)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("my cat is luna");
        (await LaterAsync(owner, "how long should the first time outside be")).Says("5 to 10 minutes");
        await LaterAsync(owner, "how long does the whole training take");
        var offer = await LaterAsync(owner, "how long does it take??");
        _ = channel == "sms" ? offer.Says("How long outside at first?") : offer.Offers("How long outside at first?");
        (await LaterAsync(owner, "How long outside at first?")).Says("5 to 10 minutes").DoesNotSay("misread");
    }

    // ---- An answer is not sent again word for word ----

    [Theory]
    [InlineData("webchat", "which harness should i get for her", "ok but what kind of harness tho, which one")]
    [InlineData("sms", "what harness is best", "ya but like which harness do i buy")]
    [InlineData("msteams", "which harness is best for a cat?", "sorry, so which harness exactly?")]
    public async Task Asking_again_in_other_words_gets_the_answer_again_in_short(string channel, string first, string again)
    {
        var owner = _host.NewOwner(channelId: channel);
        var answer = await owner.SaysAsync(first);
        answer.Says("H-style");
        var second = await LaterAsync(owner, again);
        NothingRepeated(answer, second);
        Shows(second, "In short");
        Assert.DoesNotContain("That's all I have", Seen(second), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("sms")]
    public async Task Asking_the_same_thing_three_times_never_gets_a_brush_off(string channel)
    {
        var owner = _host.NewOwner(channelId: channel);
        (await owner.SaysAsync("can i leave the harness on all day?")).Says("take it off");
        foreach (var again in new[] { "so can the harness just stay on??", "wait so leave it on or not lol" })
        {
            var reply = await LaterAsync(owner, again);
            Assert.DoesNotContain("That's all I have", Seen(reply), StringComparison.Ordinal);
            Assert.DoesNotContain("not quite sure", Seen(reply), StringComparison.Ordinal);
            Assert.NotEmpty(Paragraphs(reply));
        }
    }

    [Theory]
    [InlineData("webchat", "how long should each session be?", "ok but how many times a week should we practise??")]
    [InlineData("webchat", "how long shld sessions be", "y cuantas veces a la semana? trabajo todo el dia")]
    [InlineData("sms", "how long should sessions last", "and how often? every day or is that too much")]
    public async Task A_follow_up_on_the_same_topic_gets_the_part_that_fits_never_the_brush_off(string channel, string first, string followUp)
    {
        var owner = _host.NewOwner(channelId: channel);
        (await owner.SaysAsync(first)).Says("Short and often");
        var reply = await LaterAsync(owner, followUp);
        Assert.DoesNotContain("That's all I have", Seen(reply), StringComparison.Ordinal);
        Assert.DoesNotContain("not quite sure", Seen(reply), StringComparison.Ordinal);
        Assert.NotEmpty(Paragraphs(reply));
    }

    [Fact]
    public async Task After_the_short_answer_a_new_question_still_gets_its_answer()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("which harness should i get?");
        var second = await LaterAsync(owner, "which harness tho??");
        second.Says("In short");
        if (second.Buttons.Contains("Something else"))
        {
            // "Something else" asks what they would like to know, rather than "I'm not quite sure what you mean".
            (await LaterAsync(owner, "Something else")).Says("What would you like to know").DoesNotSay("not quite sure");
        }

        // The owner moves on: a new question gets its answer as usual.
        (await LaterAsync(owner, "which leash should i use")).Says("leash").DoesNotSay("In short");
    }

    [Fact]
    public async Task The_same_answer_much_later_is_given_again()
    {
        var owner = _host.NewOwner(channelId: "sms");
        (await owner.SaysAsync("which harness should i get")).Says("H-style");
        foreach (var other in new[] { "which leash is best", "can i leave the harness on all day", "is leash training safe", "why walk a cat at all", "how long does it take", "is slow progress normal", "can i drag her a bit", "how should the harness fit", "how long outside at first" })
        {
            await LaterAsync(owner, other);
        }

        (await LaterAsync(owner, "which harness should i get")).Says("H-style").DoesNotSay("In short");
    }

    [Theory]
    [InlineData("webchat", "she freezes on the balcony every time", "ugh she just freezes and wont move at all")]
    [InlineData("sms", "he froze on the porch and wouldnt move", "he freezes up outside, goes flat")]
    public async Task Struggle_advice_asked_for_again_is_not_resent_nor_asked_about_again(string channel, string first, string again)
    {
        var owner = await OwnerOfAsync(channel, "miso");
        var advice = await LaterAsync(owner, first);
        advice.Says("Freezing");
        await LaterAsync(owner, "ok");
        var second = await LaterAsync(owner, again);
        NothingRepeated(advice, second);
        second.Says("In short").DoesNotSay("That's all I have").DoesNotSay("Did that help");
    }

    // ---- Troubleshooting tied to the plan ----

    [Theory]
    [InlineData("webchat", "he freezes at the front door. every time")]
    [InlineData("sms", "when i carry him near the door he just goes flat and freezes")]
    [InlineData("msteams", "he froze by the back door again today 😿")]
    public async Task Freezing_at_a_later_steps_place_says_when_that_comes_and_what_to_do_now(string channel, string message)
    {
        var owner = await OwnerOfAsync(channel, "button");
        await LaterAsync(owner, "set button to step 4");
        var reply = NoParagraphTwice(await LaterAsync(owner, message));
        reply.Says("Freezing").Says("step 7").Says("step 4").DoesNotSay("Slipping out");
    }

    [Theory]
    [InlineData("webchat", "ok so like... should i be bringing him near the front door at all yet or is that later")]
    [InlineData("sms", "is it too early to let him sit by the window??")]
    public async Task A_question_about_a_later_steps_place_says_when_it_comes(string channel, string message)
    {
        var owner = await OwnerOfAsync(channel, "button");
        await LaterAsync(owner, "set button to step 4");
        (await LaterAsync(owner, message)).Says("comes later in the plan").Says("step 4").DoesNotSay("Bye for now");
    }

    [Fact]
    public async Task Saying_the_name_of_a_cat_already_known_is_no_new_cat()
    {
        var owner = await OwnerOfAsync("webchat", "mochi");
        (await LaterAsync(owner, "omg stop it 😤 her name is Mochi. Rolo is my lab")).Says("I already know Mochi").DoesNotSay("What's your cat's name");
        (await LaterAsync(owner, "how are my cats doing")).Says("Mochi").DoesNotSay("Rolo");
    }

    [Fact]
    public async Task Freezing_at_the_current_steps_place_gets_no_later_step_note()
    {
        var owner = await OwnerOfAsync("webchat", "button");
        await LaterAsync(owner, "set button to step 8");
        (await LaterAsync(owner, "he froze on the balcony today")).Says("Freezing").DoesNotSay("comes later");
    }

    [Theory]
    [InlineData("webchat", "hes not slipping out of anything tho, the harness fits fine")]
    [InlineData("sms", "she isnt chewing the harness at all, she just sits there")]
    [InlineData("msteams", "no he doesnt slip out of it, its snug")]
    public async Task A_struggle_the_owner_says_did_not_happen_gets_no_advice_for_it(string channel, string message)
    {
        var owner = await OwnerOfAsync(channel, "button");
        (await LaterAsync(owner, message)).DoesNotSay("Slipping out almost always").DoesNotSay("Chewing usually means");
    }

    // ---- Side questions inside checklist answers ----

    [Theory]
    [InlineData("webchat", "yes she had her jabs. does 8 count as old for this?")]
    [InlineData("sms", "yep all vaccinated! is 9 too old to learn?")]
    [InlineData("msteams", "yes, vet saw him in march. btw can older cats learn this?")]
    public async Task A_question_beside_a_checklist_answer_is_answered_and_the_checklist_goes_on(string channel, string answer)
    {
        var owner = await OwnerOfAsync(channel, "mochi");
        Shows(await LaterAsync(owner, "is mochi ready?"), "healthy");
        var reply = await LaterAsync(owner, answer);
        reply.Says("older cats can learn").DoesNotSay("didn't catch");
        Shows(reply, "treats or toys");
    }

    [Theory]
    [InlineData("webchat", "kinda? brushing fine, nails she hates")]
    [InlineData("sms", "sort of lol. she tolerates brushing but not her paws")]
    [InlineData("msteams", "a bit, depends on the day")]
    public async Task Half_an_answer_at_the_checklist_is_acknowledged_and_counted_to_work_on(string channel, string partly)
    {
        var owner = await OwnerOfAsync(channel, "mochi");
        await LaterAsync(owner, "is mochi ready?");
        await LaterAsync(owner, "yes");
        await LaterAsync(owner, "yes");
        await LaterAsync(owner, "yes");
        var reply = await LaterAsync(owner, partly);
        reply.Says("Partly").DoesNotSay("didn't catch");
        Shows(reply, "regular time");
        await LaterAsync(owner, "yes");
        (await LaterAsync(owner, "yes")).Says("handling is still hard");
    }

    [Fact]
    public async Task A_side_question_no_topic_knows_is_said_not_skipped()
    {
        var owner = await OwnerOfAsync("webchat", "mochi");
        await LaterAsync(owner, "is mochi ready?");
        var reply = await LaterAsync(owner, "yes. side q, what's your favourite colour?");
        reply.Says("not sure I can answer that one").Says("treats or toys");
    }

    // ---- Names given however the owner gives them ----

    [Theory]
    [InlineData("webchat", "i said it already 😅 pudding", "Pudding")]
    [InlineData("webchat", "omg i literally just said 🙄 toast", "Toast")]
    [InlineData("sms", "button. hes 2, ginger boy", "Button")]
    [InlineData("sms", "Canela, ya te dije jaja", "Canela")]
    [InlineData("msteams", "like i said, nori lol", "Nori")]
    [InlineData("msteams", "Biscuit!! she's 4 and a bit chonky", "Biscuit")]
    public async Task The_name_question_takes_a_name_with_more_around_it(string channel, string answer, string name)
    {
        var owner = _host.NewOwner(channelId: channel);
        (await owner.SaysAsync("is my cat ready for a harness?")).Says("What's your cat's name?");
        (await owner.SaysAsync(answer)).Says("Lovely to meet " + name).DoesNotSay("Just the name");
    }

    [Theory]
    [InlineData("webchat", "we have a dog too, Rolo, a lab. can i walk them together eventually?", "Rolo")]
    [InlineData("sms", "can Rolo's harness just fit her, hes got a small puppy one", "Rolo")]
    [InlineData("msteams", "my dog Rolo is jealous lol. how long does training take?", "Rolo")]
    public async Task A_dogs_name_never_becomes_a_cat(string channel, string message, string dog)
    {
        var owner = await OwnerOfAsync(channel, "mochi");
        (await LaterAsync(owner, message)).DoesNotSay("remember " + dog).DoesNotSay("meet " + dog);
        (await LaterAsync(owner, "how are my cats doing")).Says("Mochi").DoesNotSay(dog);
    }

    [Fact]
    public async Task A_name_ends_with_its_sentence()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("is my cat ready?");
        (await owner.SaysAsync("her name is Miso. Rolo is my lab")).Says("Lovely to meet Miso!").DoesNotSay("Miso Rolo");
    }

    [Theory]
    [InlineData("webchat", "my cat is toffee", "Toffee")]
    [InlineData("sms", "my cat is Pepper!!", "Pepper")]
    [InlineData("webchat", "our cat is biscuit", "Biscuit")]
    public async Task A_cat_introduced_in_a_few_words_is_met_whatever_the_name_sounds_like(string channel, string message, string name)
    {
        var owner = _host.NewOwner(channelId: channel);
        (await owner.SaysAsync(message)).Says("Lovely to meet " + name).DoesNotSay("not something I know");
    }

    [Theory]
    [InlineData("my cat is fat lol")]
    [InlineData("my cat is tired")]
    [InlineData("my cat is scared of the harness")]
    public async Task What_a_cat_is_like_is_never_its_name(string message)
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync(message)).DoesNotSay("Lovely to meet").DoesNotSay("I'll remember");
    }

    [Theory]
    [InlineData("ok called them. took her in, not blocked, they said shes fine now")]
    [InlineData("i rang them and called him back later, vet said all good")]
    public async Task Phoning_someone_names_no_cat(string message)
    {
        var owner = _host.NewOwner(channelId: "msteams");
        (await owner.SaysAsync("my cat is called Olive")).Says("Lovely to meet Olive");
        (await LaterAsync(owner, message)).DoesNotSay("changed the name").DoesNotSay("I'll remember");
        (await LaterAsync(owner, "how is she doing")).Says("Olive");
    }

    [Theory]
    [InlineData("webchat", "hola! mi gata Canela tiene 3 años, es muy tarde para que aprenda??", "Canela")]
    [InlineData("sms", "hola, mi gato Tito es muy curioso 😹", "Tito")]
    public async Task A_name_in_a_spanish_first_message_is_kept(string channel, string message, string name)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync(message);
        (await LaterAsync(owner, "start training")).Says(name + " is on step 1").DoesNotSay("What's your cat's name");
    }

    // ---- Only a farewell ends the chat ----

    [Theory]
    [InlineData("webchat", "ok so like... should i be bringing him near the front door at all yet or is that later")]
    [InlineData("sms", "ok so when do we try outside, is that for later")]
    [InlineData("msteams", "okay cool so the balcony comes later right")]
    [InlineData("webchat", "ok so do we do the leash later")]
    public async Task Ok_so_and_later_in_a_question_are_not_goodbye(string channel, string message)
    {
        var owner = await OwnerOfAsync(channel, "button");
        (await LaterAsync(owner, message)).DoesNotSay("Bye for now").DoesNotSay("chin scratch");
    }

    [Theory]
    [InlineData("webchat", "ok bye!!")]
    [InlineData("sms", "thanks, gotta run 👋")]
    [InlineData("msteams", "ok talk later")]
    public async Task A_message_that_is_only_a_farewell_still_ends_the_chat(string channel, string message)
    {
        var owner = await OwnerOfAsync(channel, "button");
        (await LaterAsync(owner, message)).Says("chin scratch");
    }

    // ---- The note about English comes first, once ----

    [Theory]
    [InlineData("webchat", "hola! una pregunta rapida 🐱")]
    [InlineData("sms", "hola, mi gata tiene miedo del arnés, qué hago?")]
    public async Task The_note_about_english_is_the_first_reply_to_the_first_spanish_message(string channel, string message)
    {
        var owner = _host.NewOwner(channelId: channel);
        var first = await owner.SaysAsync(message);
        Assert.Contains("solo hablo inglés", first.All, StringComparison.OrdinalIgnoreCase);
        if (channel != "sms")
        {
            first.FirstSays("inglés");
        }

        (await LaterAsync(owner, "gracias! y cuanto tiempo tarda?")).DoesNotSay("solo hablo inglés");
    }
}
