using LeashBot.Storage;
using LeashBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// Every question the bot asks can be left, answered sideways or corrected, the same way for each: a goodbye ends the
/// chat kindly, "stop" / "not now" / "i didn't ask for that" leaves the question with nothing lost, a question of the
/// owner's own is answered and the question asked again (dropped if they move on twice), and a session report is logged
/// instead. Checked as a table of questions × ways out, through the real host, typed the way owners type.
/// </summary>
public sealed class PromptExitTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    /// <summary>Brings a new owner to a question and checks it was asked; returns the owner and what the question says.</summary>
    private async Task<(Owner Owner, string Question)> AtAsync(string question, string channel = "webchat")
    {
        var owner = _host.NewOwner(channelId: channel);
        switch (question)
        {
            case "name":
                (await owner.SaysAsync("is my cat ready?")).Says("What's your cat's name");
                return (owner, "What's your cat's name");
            case "checklist":
                await owner.SaysAsync("is my cat ready?");
                (await owner.SaysAsync("Nori")).Says("healthy and up to date");
                return (owner, "healthy and up to date");
            case "minutes":
                await owner.SaysAsync("start training");
                await owner.SaysAsync("Milo");
                (await owner.SaysAsync("we did a session")).Says("How long was today's session");
                return (owner, "How long was today's session");
            case "mood":
                await owner.SaysAsync("start training");
                await owner.SaysAsync("Milo");
                (await owner.SaysAsync("we did 10 minutes today")).Says("How did Milo seem");
                return (owner, "How did Milo seem");
            case "gear":
                (await owner.SaysAsync("Gear and safety")).Says("What would you like to know");
                return (owner, "What would you like to know");
            default:
                throw new ArgumentOutOfRangeException(nameof(question), question, "No such question in this table.");
        }
    }

    /// <summary>What the stored checklist result of the owner's cat says holds it back (question ids).</summary>
    private async Task<List<string>> HeldBackAsync(string channel, Owner owner) =>
        [.. JObject.Parse((await ((JsonStorage)_host.Storage).ReadTextAsync($"{channel}/users/{owner.UserId}"))!.Value.Json)
            .SelectTokens("owner.Cats[0].Checklist.HeldBackBy[*]").Select(t => (string)t!)];

    private async Task<Replies> LaterAsync(Owner owner, string text)
    {
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        return await owner.SaysAsync(text);
    }

    // ---- A goodbye ends any question kindly ----

    [Theory]
    [InlineData("name", "nvm. bye")]
    [InlineData("checklist", "omg ty ur a star, gotta run and feed her, bye!!")]
    [InlineData("minutes", "ok gtg 👋")]
    [InlineData("mood", "talk later, thx")]
    [InlineData("gear", "ok bye!")]
    public async Task A_goodbye_at_any_question_ends_the_chat_kindly(string question, string goodbye)
    {
        var (owner, asked) = await AtAsync(question);
        (await LaterAsync(owner, goodbye)).Says("Everything you told me before is saved").DoesNotSay(asked).DoesNotSay("didn't catch");
    }

    // ---- A yes or no that comes first is the answer, whatever way-out word an aside after it has ----
    // Tried: a yes opening a long reply that ends "fair enough", and "yes please" followed by an aside ending "never mind".

    [Theory]
    [InlineData("id say so yes, she had her jabs in the spring. the vet trip was a lot for her tho, fair enough")]
    [InlineData("Yes please. Although I did think we had done the flea stuff already, never mind.")]
    public async Task A_yes_that_comes_first_answers_even_when_an_aside_after_it_has_a_way_out_word(string reply)
    {
        var (owner, _) = await AtAsync("checklist");
        (await LaterAsync(owner, reply)).Says("excited about treats or toys").DoesNotSay("leave that for now");
    }

    // ---- "stop", "not now", "i didn't ask for that" leave any question, and nothing is lost ----

    [Theory]
    [InlineData("name", "i didnt ask for that")]
    [InlineData("checklist", "wat? i didnt ask for a quiz. stop")]
    [InlineData("checklist", "stop")]
    [InlineData("checklist", "nah not now, stop asking me stuff 😤")]
    [InlineData("minutes", "not now")]
    [InlineData("mood", "stop it lol")]
    [InlineData("gear", "forget it")]
    [InlineData("checklist", "ahora no, déjalo")]
    public async Task A_way_out_leaves_any_question_and_says_nothing_is_lost(string question, string leave)
    {
        var (owner, asked) = await AtAsync(question);
        // Left with the words for a declined question, or those of "cancel" where the way out is that command ("stop").
        var left = (await LaterAsync(owner, leave)).DoesNotSay(asked).DoesNotSay("didn't catch");
        Assert.True(left.All.Contains("I'll leave that for now. Nothing has changed", StringComparison.Ordinal)
            || left.All.Contains("I've stopped that. Nothing you've saved is lost", StringComparison.Ordinal), left.All);

        // The question is gone: a "yes" now is no answer to it.
        (await LaterAsync(owner, "yes")).DoesNotSay(asked);
    }

    [Fact]
    public async Task A_plain_no_still_answers_a_yes_or_no_question()
    {
        var (owner, _) = await AtAsync("checklist");
        (await LaterAsync(owner, "nope")).Says("treats or toys").DoesNotSay("leave that");
        (await LaterAsync(owner, "nah stop")).Says("curious about new things").DoesNotSay("leave that");
    }

    // ---- A question of the owner's own is answered, then the question comes again ----

    [Theory]
    [InlineData("name", "wait first, how long should each session be??")]
    [InlineData("checklist", "btw how long should each session be?")]
    [InlineData("minutes", "actually how long is a session meant to be?")]
    [InlineData("mood", "how long should a session be btw")]
    [InlineData("gear", "how long should sessions be??")]
    public async Task A_side_question_at_any_question_is_answered_and_the_question_asked_again(string question, string side)
    {
        var (owner, asked) = await AtAsync(question);
        var reply = (await LaterAsync(owner, side)).Says("Short and often").DoesNotSay("didn't catch");

        // At the gear menu the question names one of its own choices, which is the answer; elsewhere it comes again.
        if (question != "gear")
        {
            reply.Says(asked);
        }
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("sms")]
    public async Task An_owner_who_moves_on_twice_is_not_asked_a_third_time(string channel)
    {
        var (owner, asked) = await AtAsync("checklist", channel);
        (await LaterAsync(owner, "which leash is best tho?")).Says(asked);
        var second = await LaterAsync(owner, "and can i leave the harness on all day?");
        second.Says("leave that question for now").DoesNotSay(asked);
    }

    // ---- A session report leaves the question and is logged ----

    [Theory]
    [InlineData("webchat", "Is my cat ready?", "oh wait we did 5 mins just now, she was super chill 😺", "Logged: 5 min")]
    [InlineData("webchat", "Gear and safety", "did 12 minutes earlier, he was relaxed", "Logged: 12 min")]
    [InlineData("sms", "is she ready for this?", "we did 8 min tonight she was calm", "Logged: 8 min")]
    public async Task A_session_report_at_another_question_is_logged(string channel, string asks, string report, string logged)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training");
        await LaterAsync(owner, "Milo");
        var asked = await LaterAsync(owner, asks);
        Assert.Contains("?", asked.All, StringComparison.Ordinal);
        (await LaterAsync(owner, report)).Says(logged).DoesNotSay("didn't catch");
    }

    // ---- The readiness checklist ----

    [Theory]
    [InlineData("webchat", "lol u said watch for dogs but bruno IS a dog. so is that a no to walking them together?")]
    [InlineData("sms", "wait is it a no if she only likes the lickable ones??")]
    [InlineData("webchat", "random q, does it matter that hes a rescue? no idea about his past")]
    public async Task A_side_question_with_a_no_in_it_is_never_taken_as_the_answer(string channel, string side)
    {
        var (owner, _) = await AtAsync("checklist", channel);
        await LaterAsync(owner, "yes");
        var reply = await LaterAsync(owner, side);
        reply.Says("treats or toys").DoesNotSay("curious about new things");

        // Answered now, it moves on, and the verdict never holds the side question's "no" against the cat.
        (await LaterAsync(owner, "YES she goes nuts for dreamies")).Says("curious about new things");
        foreach (var yes in new[] { "yes", "yes", "yes", "yes" })
        {
            await LaterAsync(owner, yes);
        }

        Assert.DoesNotContain("motivated", await HeldBackAsync(channel, owner));
    }

    [Theory]
    [InlineData("más o menos")]
    [InlineData("mas o menos... con personas nuevas se esconde")]
    [InlineData("a veces")]
    [InlineData("sometimes tbh")]
    [InlineData("so lala")]
    [InlineData("un peu")]
    [InlineData("50/50 honestly")]
    public async Task Half_answers_in_any_language_are_partly_and_the_checklist_goes_on(string partly)
    {
        var (owner, _) = await AtAsync("checklist");
        await LaterAsync(owner, "yes");
        await LaterAsync(owner, "yes");
        (await LaterAsync(owner, partly)).Says("Partly, then").Says("handled").DoesNotSay("leave that").DoesNotSay("didn't catch");
    }

    [Theory]
    [InlineData("siii le encantan los churu 😹")]
    [InlineData("claro")]
    [InlineData("simón")]
    [InlineData("yep yep")]
    [InlineData("ya")]
    [InlineData("oui")]
    [InlineData("ja")]
    [InlineData("yesss 🙌")]
    public async Task Yes_however_it_is_typed_answers_a_checklist_question(string yes)
    {
        var (owner, _) = await AtAsync("checklist");
        (await LaterAsync(owner, yes)).Says("treats or toys").DoesNotSay("didn't catch");
    }

    [Theory]
    [InlineData("webchat", "wait sorry, she IS ok with strangers actually", "new things is a yes now")]
    [InlineData("sms", "oops i misread, she's NOT healthy rn, vet visit next week", "health and vaccinations is a no now")]
    [InlineData("webchat", "actually no to the treats one", "treats and toys is a no now")]
    [InlineData("webchat", "espera perdon, lei mal. lo de las golosinas SI le gustan", "treats and toys is a yes now")]
    [InlineData("webchat", "hmm that last one was wrong, she's kinda scared of new stuff", "new things counts as partly")]
    public async Task An_earlier_checklist_answer_can_be_changed_and_the_bot_says_so(string channel, string change, string said)
    {
        var (owner, _) = await AtAsync("checklist", channel);
        await LaterAsync(owner, "yes");
        await LaterAsync(owner, said.StartsWith("treats", StringComparison.Ordinal) && said.EndsWith("yes now", StringComparison.Ordinal) ? "no" : "yes");
        await LaterAsync(owner, said.StartsWith("new things is a yes", StringComparison.Ordinal) ? "no" : "yes");

        // At the handling question: the change is said, and the handling question comes again.
        (await LaterAsync(owner, change)).Says(said).Says("handled");
        foreach (var yes in new[] { "yes", "yes", "yes" })
        {
            await LaterAsync(owner, yes);
        }

        var heldBack = await HeldBackAsync(channel, owner);
        var changed = said switch
        {
            _ when said.StartsWith("new things is a yes", StringComparison.Ordinal) => ("curious", false),
            _ when said.StartsWith("health", StringComparison.Ordinal) => ("healthy", true),
            _ when said.StartsWith("treats and toys is a no", StringComparison.Ordinal) => ("motivated", true),
            _ when said.StartsWith("treats and toys is a yes", StringComparison.Ordinal) => ("motivated", false),
            _ => ("curious", true),
        };
        Assert.Equal(changed.Item2, heldBack.Contains(changed.Item1));
    }

    [Fact]
    public async Task A_change_once_the_plan_is_offered_changes_the_cats_result()
    {
        var (owner, _) = await AtAsync("checklist");
        foreach (var answer in new[] { "yes", "no", "yes", "yes", "yes" })
        {
            await LaterAsync(owner, answer);
        }

        (await LaterAsync(owner, "yes")).Says("Shall we start the 10-step plan");
        (await LaterAsync(owner, "no thats wrong, she LOVES treats")).Says("treats and toys is a yes now").DoesNotSay("Okay");
        Assert.Empty(await HeldBackAsync("webchat", owner));
    }
}
