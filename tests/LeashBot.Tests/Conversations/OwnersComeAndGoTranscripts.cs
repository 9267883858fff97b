using LeashBot.Coaching.Reminders;
using LeashBot.State;
using LeashBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// How a chat feels to an owner who comes and goes: replies about a cat call it what the owner calls it ("she", "he",
/// each cat its own, "they" until the bot knows); "brb" at a question keeps the question; "hey its me again" from an
/// owner the bot knows picks up where the cats are, with no introduction; a bare Spanish no answers a yes/no question
/// and, with nothing asked, gets the note about English alone. Through the real host, typed the way owners type.
/// </summary>
public sealed class OwnersComeAndGoTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    // ---- Pronouns: each cat as the owner calls it ----

    [Fact]
    public async Task Replies_about_a_cat_use_the_pronoun_the_owner_uses_for_that_cat()
    {
        var owner = Host.NewOwner();
        await owner.SaysAsync("start training");
        (await owner.SaysLaterAsync(Host, "shes called biscuit, she's 2")).Says("Biscuit moves on only when she's relaxed").DoesNotSay("they're relaxed");
        (await owner.SaysLaterAsync(Host, "did 10 mins w biscuit, she was super chill")).Says("Biscuit was relaxed at step 1").Says("She's doing great");
        (await owner.SaysLaterAsync(Host, "whats next for her")).Says("Let her sniff it").DoesNotSay("Let them");
    }

    [Fact]
    public async Task Two_cats_each_keep_their_own_pronoun()
    {
        var owner = Host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysLaterAsync(Host, "luna, she's 3");
        (await owner.SaysLaterAsync(Host, "i also have a boy called mango, he's 5")).Says("Mango");
        (await owner.SaysLaterAsync(Host, "mango keeps freezing on the mat")).Says("If Mango sits and stares, he's taking it in, so give him time");
        (await owner.SaysLaterAsync(Host, "luna keeps freezing too")).Says("If Luna sits and stares, she's taking it in, so give her time");
    }

    [Fact]
    public async Task A_cat_whose_pronoun_is_unknown_stays_they_until_the_owner_says_it_at_a_question()
    {
        var owner = Host.NewOwner();
        await owner.SaysAsync("start training");
        (await owner.SaysLaterAsync(Host, "Pip")).Says("Pip moves on only when they're relaxed");
        (await owner.SaysLaterAsync(Host, "we did 10 minutes today")).Says("How did Pip seem");
        (await owner.SaysLaterAsync(Host, "ok so she was chill, purring even")).Says("Pip was relaxed").Says("She's doing great").DoesNotSay("They're");
    }

    [Fact]
    public async Task A_reminder_names_the_step_goal_for_the_cat_as_the_owner_calls_it_never_a_placeholder()
    {
        var wording = Host.Services.GetRequiredService<ReminderWording>();
        var owner = new OwnerProfile { Cats = [new CatProfile { Name = "Olive", Pronoun = "she", Step = 2 }] };
        for (var seed = 0; seed < 5; seed++)
        {
            var (text, _) = wording.Nudge(owner, TimeZoneInfo.Utc, new DateOnly(2026, 3, 2), -1, seed);
            Assert.DoesNotContain("{", text, StringComparison.Ordinal);
            Assert.Contains("Olive's favourite spot", text, StringComparison.Ordinal);
            Assert.Contains("Let her sniff it", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_text_says_the_cat_did_great_with_its_pronoun_and_keeps_its_sentences_apart()
    {
        // SMS drops the emoji: "relaxed at step 1 He's doing great" ran two sentences together.
        var owner = Host.NewOwner(channelId: "sms");
        await owner.SaysAsync("my cats name is sir pounce hes 4");
        (await owner.SaysLaterAsync(Host, "he was chill, like 10 min in the harness")).Says("Sir Pounce was relaxed at step 1! He's doing great").DoesNotSay("step 1 He");
    }

    [Fact]
    public async Task Adding_another_cat_by_name_mid_sentence_meets_it_with_its_own_pronoun()
    {
        var owner = Host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysLaterAsync(Host, "my cat is luna, she's 3");
        (await owner.SaysLaterAsync(Host, "add my other cat milo, hes 5")).Says("Lovely to meet Milo").DoesNotSay("What's your cat's name");
        (await owner.SaysLaterAsync(Host, "milo keeps freezing")).Says("If Milo sits and stares, he's taking it in");
        (await owner.SaysLaterAsync(Host, "luna keeps freezing")).Says("If Luna sits and stares, she's taking it in");
    }

    // ---- "brb" keeps the question ----

    [Theory]
    [InlineData("checklist", "brb")]
    [InlineData("checklist", "hold on lemme check")]
    [InlineData("checklist", "one sec!!")]
    [InlineData("minutes", "hang on a sec")]
    [InlineData("mood", "gimme a sec 🙏")]
    [InlineData("name", "one sec")]
    public async Task A_moment_away_at_any_question_gets_take_your_time_and_the_question_stays(string question, string pause)
    {
        var owner = Host.NewOwner();
        string answer;
        string next;
        switch (question)
        {
            case "checklist":
                await owner.SaysAsync("is my cat ready?");
                (await owner.SaysLaterAsync(Host, "Nori")).Says("healthy and up to date");
                (answer, next) = ("yep", "excited about treats");
                break;
            case "minutes":
                await owner.SaysAsync("start training");
                await owner.SaysLaterAsync(Host, "Milo");
                (await owner.SaysLaterAsync(Host, "we did a session")).Says("How long was today's session");
                (answer, next) = ("like 8 min", "How did Milo seem");
                break;
            case "mood":
                await owner.SaysAsync("start training");
                await owner.SaysLaterAsync(Host, "Milo");
                (await owner.SaysLaterAsync(Host, "we did 10 minutes today")).Says("How did Milo seem");
                (answer, next) = ("a bit unsure tbh", "Logged: 10 min with Milo");
                break;
            default:
                (await owner.SaysAsync("start training")).Says("What's your cat's name");
                (answer, next) = ("Juniper", "Lovely to meet Juniper");
                break;
        }

        (await owner.SaysLaterAsync(Host, pause)).Says("Take your time").DoesNotSay("didn't catch").DoesNotSay("not quite sure").DoesNotSay("What would you like to do");
        (await owner.SaysLaterAsync(Host, answer)).Says(next).DoesNotSay("not quite sure");
    }

    [Fact]
    public async Task Back_from_a_moment_away_the_waiting_question_is_asked_again()
    {
        var owner = Host.NewOwner();
        await owner.SaysAsync("is my cat ready?");
        await owner.SaysLaterAsync(Host, "Nori");
        (await owner.SaysLaterAsync(Host, "brb")).Says("Take your time");
        (await owner.SaysLaterAsync(Host, "ok im back")).Says("healthy and up to date").DoesNotSay("Welcome back");
        (await owner.SaysLaterAsync(Host, "yes")).Says("excited about treats");
    }

    // ---- A known owner coming back ----

    [Theory]
    [InlineData("hey its me again")]
    [InlineData("im back!!")]
    [InlineData("hiya it's me again 😺")]
    public async Task A_known_owner_who_says_they_are_back_is_welcomed_with_the_cat_and_its_step_and_not_introduced_again(string back)
    {
        var userId = "back-" + Guid.NewGuid().ToString("N")[..8];
        var first = Host.NewOwner(userId: userId);
        await first.SaysAsync("start training");
        await first.SaysLaterAsync(Host, "Pickle");
        await first.SaysLaterAsync(Host, "we did 10 min, he was relaxed");
        await first.SaysLaterAsync(Host, "yes");

        // A new conversation, and later in the same one.
        var again = Host.NewOwner(userId: userId);
        (await again.SaysLaterAsync(Host, back)).Says("Welcome back").Says("Pickle: step 2 of 10").DoesNotSay("I'm LeashBot").DoesNotSay("not quite sure");
        (await again.SaysLaterAsync(Host, back)).Says("Welcome back").Says("Pickle: step 2 of 10").DoesNotSay("I'm LeashBot");
    }

    [Fact]
    public async Task Ok_back_after_a_moment_away_is_no_step_command()
    {
        var owner = Host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysLaterAsync(Host, "Biscuit");
        (await owner.SaysLaterAsync(Host, "brb")).Says("Take your time");
        (await owner.SaysLaterAsync(Host, "ok back")).Says("Welcome back").Says("Biscuit: step 1 of 10").DoesNotSay("haven't changed anything");
    }

    [Fact]
    public async Task An_owner_the_bot_doesnt_know_saying_its_me_again_gets_the_introduction()
    {
        (await Host.NewOwner().SaysAsync("hey its me again")).Says("I'm LeashBot").DoesNotSay("Welcome back");
    }

    // ---- "qué va" ----

    [Theory]
    [InlineData("qué va")]
    [InlineData("que va")]
    public async Task A_bare_que_va_at_a_yes_no_question_is_a_no(string no)
    {
        var owner = Host.NewOwner();
        await owner.SaysAsync("is my cat ready?");
        await owner.SaysLaterAsync(Host, "Nori");
        (await owner.SaysLaterAsync(Host, no)).Says("health and vaccinations: not yet").Says("excited about treats");
    }

    [Theory]
    [InlineData("que va")]
    [InlineData("qué va!")]
    public async Task A_bare_que_va_with_nothing_asked_gets_the_note_about_english_alone(string no)
    {
        (await Host.NewOwner().SaysAsync(no)).Says("solo hablo inglés").DoesNotSay("not quite sure");
    }

    // ---- Found talking to it as a first-time owner on a phone ----

    [Fact]
    public async Task A_hedged_yes_with_a_question_mark_at_the_checklist_is_an_answer_not_a_question_of_its_own()
    {
        var owner = Host.NewOwner();
        await owner.SaysAsync("is my cat ready for a leash??");
        await owner.SaysLaterAsync(Host, "her name is mochi lol");
        await owner.SaysLaterAsync(Host, "yes shes healthy");
        (await owner.SaysLaterAsync(Host, "idk maybe? she likes treats a lot")).Says("curious about new things").DoesNotSay("drag");
    }

    [Fact]
    public async Task A_question_the_bot_cant_place_at_a_move_on_offer_keeps_the_offer()
    {
        var owner = Host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysLaterAsync(Host, "Ziggy");
        (await owner.SaysLaterAsync(Host, "10 min, he was totally relaxed")).Says("Shall I move Ziggy on to step 2");
        (await owner.SaysLaterAsync(Host, "wait is that too fast?")).Says("Shall I move Ziggy on to step 2").DoesNotSay("Here's what I can do");
        (await owner.SaysLaterAsync(Host, "ok yes")).Says("Ziggy is on to step 2");
    }

    [Fact]
    public async Task Thanks_names_the_cat_the_bot_knows()
    {
        var owner = Host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysLaterAsync(Host, "Mochi");
        (await owner.SaysLaterAsync(Host, "k thx")).Says("Give Mochi a chin scratch").DoesNotSay("your cat");
    }

    /// <summary>The host every owner here talks to, shared by the class.</summary>
    private BotHost Host => shared.Host;
}
