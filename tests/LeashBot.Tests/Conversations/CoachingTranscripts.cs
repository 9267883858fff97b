using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>Whole conversations through the real host, each readable as a chat transcript.</summary>
public sealed class CoachingTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    [Fact]
    public async Task A_new_owner_is_greeted_with_the_store_name_and_the_five_choices()
    {
        var owner = _host.NewOwner();
        (await owner.JoinsAsync())
            .Says("Paws & Whiskers Pet Shop")
            .Says("not veterinary advice")
            .Offers("Is my cat ready?", "Start or continue training", "A walk went wrong", "Gear and safety", "Stories from other owners");
    }

    [Fact]
    public async Task Every_greeting_choice_leads_somewhere_useful()
    {
        (await _host.NewOwner().SaysAsync("Is my cat ready?")).Says("What's your cat's name?");
        (await _host.NewOwner().SaysAsync("Start or continue training")).Says("What's your cat's name?");
        (await _host.NewOwner().SaysAsync("A walk went wrong")).Says("What happened?").Offers("Froze or lay down", "Slipped out of the harness");
        (await _host.NewOwner().SaysAsync("Gear and safety")).Says("What would you like to know?").Offers("Which leash?", "Is it safe?");
        (await _host.NewOwner().SaysAsync("Stories from other owners")).Says("Milo").Says("Juniper");
    }

    [Fact]
    public async Task Readiness_checklist_mostly_yes_offers_the_plan()
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("is my cat ready for a leash?")).Says("What's your cat's name?");
        (await owner.SaysAsync("her name is Luna")).Says("Lovely to meet Luna").Says("six quick questions").Says("vaccinations");
        (await owner.SaysAsync("yep")).Says("treats or toys");
        (await owner.SaysAsync("sure thing")).Says("curious");
        (await owner.SaysAsync("kinda")).Says("handled");
        (await owner.SaysAsync("not really")).Says("4 to 6 weeks");
        (await owner.SaysAsync("👍")).Says("slow progress");
        (await owner.SaysAsync("yes")).Says("Luna looks ready").Says("start the 10-step plan");
        (await owner.SaysAsync("yes please")).Says("step 1 of 10").Says("Choose the right harness").Says("H-style");
    }

    [Fact]
    public async Task Readiness_checklist_mostly_no_names_what_held_it_back_and_suggests_indoor_enrichment()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("is my cat ready?");
        await owner.SaysAsync("Mochi");
        await owner.SaysAsync("no");
        await owner.SaysAsync("nope");
        await owner.SaysAsync("yes");
        await owner.SaysAsync("no");
        await owner.SaysAsync("no");
        (await owner.SaysAsync("yes"))
            .Says("Mochi may not be ready just yet")
            .Says("health checks and vaccinations first")
            .Says("handling is still hard")
            .Says("check in with your vet")
            .Says("window perch").Says("puzzle feeders").Says("agility");
    }

    [Fact]
    public async Task The_checklist_can_be_retaken_and_remembers_the_last_verdict()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("is my cat ready?");
        await owner.SaysAsync("Pip");
        foreach (var answer in new[] { "no", "no", "no", "no", "no" })
        {
            await owner.SaysAsync(answer);
        }

        (await owner.SaysAsync("no")).Says("Pip may not be ready");
        (await owner.SaysAsync("can we do the readiness checklist again?")).Says("Last time, Pip came out as not quite ready").Says("vaccinations");
    }

    [Fact]
    public async Task An_unclear_answer_gets_a_retry_with_the_same_question()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("is my cat ready?");
        await owner.SaysAsync("Pip");
        (await owner.SaysAsync("hmm maybe")).Says("yes or no").Says("vaccinations");
    }

    [Fact]
    public async Task A_question_in_the_middle_of_the_checklist_is_answered_and_the_same_question_comes_back()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("is my cat ready?");
        await owner.SaysAsync("Olive");
        await owner.SaysAsync("yes");
        (await owner.SaysAsync("wait, are retractable leashes ok?"))
            .Says("skip retractable leashes")
            .Says("back to where we were")
            .Says("treats or toys");
        (await owner.SaysAsync("yes")).Says("curious");
    }

    [Fact]
    public async Task An_urgent_message_in_the_middle_of_the_checklist_goes_to_the_vet_first()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("is my cat ready?");
        await owner.SaysAsync("Olive");
        (await owner.SaysAsync("oh no she is bleeding from her paw"))
            .FirstSays("vet")
            .Says("555-0199")
            .DoesNotSay("treats or toys");
        (await owner.SaysAsync("the vet cleaned it up, she says its fine")).Says("glad").DoesNotSay("treats or toys");
        (await owner.SaysAsync("yes")).Says("treats or toys");
    }

    [Fact]
    public async Task Help_and_cancel_work_at_any_prompt()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("is my cat ready?");
        await owner.SaysAsync("Olive");
        (await owner.SaysAsync("help")).Says("never mind").Says("vaccinations");
        (await owner.SaysAsync("cancel")).Says("stopped").Offers("Is my cat ready?");
        (await owner.SaysAsync("yes")).DoesNotSay("treats or toys");
    }

    [Fact]
    public async Task A_question_as_the_very_first_message_is_answered_right_away()
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("my cat froze, what now?"))
            .FirstSays("overwhelmed")
            .Says("Never drag")
            .Says("Did that help?");
        (await owner.SaysAsync("yes it did")).Says("Glad");
    }

    [Fact]
    public async Task Troubleshooting_that_did_not_help_offers_another_idea_and_a_step_back()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Milo");
        await owner.SaysAsync("we did 5 minutes, he was relaxed");
        await owner.SaysAsync("yes");
        (await owner.SaysAsync("he keeps chewing the harness"))
            .Says("uncomfortable").Says("Check the fit").Says("Milo is on step 2");
        (await owner.SaysAsync("no")).Says("favourite play").Says("back a step");
        (await owner.SaysAsync("yes")).Says("back to step 1");
        (await owner.SaysAsync("how's milo doing?")).Says("step 1 of 10");
    }

    [Fact]
    public async Task Gear_and_safety_answers_come_from_the_article()
    {
        (await _host.NewOwner().SaysAsync("what kind of harness should i get?")).Says("H-style or figure-eight").Says("Never a collar");
        (await _host.NewOwner().SaysAsync("is it safe to walk my cat outside?")).Says("never leave your cat unattended");
        (await _host.NewOwner().SaysAsync("how long does leash training take")).Says("4 to 6 weeks");
        (await _host.NewOwner().SaysAsync("my cat hated the harness after one try")).Says("rebuild");
        (await _host.NewOwner().SaysAsync("can any cat learn this? mine is 12")).Says("older cats can learn");
    }

    [Fact]
    public async Task Out_of_scope_questions_get_an_honest_answer_and_the_menu()
    {
        (await _host.NewOwner().SaysAsync("how do I train my dog to heel?")).Says("only know about leash training for cats").Offers("Is my cat ready?");
    }

    [Fact]
    public async Task An_urgent_message_right_after_the_menu_is_not_taken_as_a_menu_pick()
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("what's the capital of France")).Offers("A walk went wrong");
        (await owner.SaysAsync("my cat is limping after our walk")).FirstSays("vet").Says("555-0199").DoesNotSay("name");
    }

    [Fact]
    public async Task A_new_question_after_did_that_help_starts_afresh_instead_of_being_asked_again()
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("my cat froze, what now?")).Says("Did that help?");
        (await owner.SaysAsync("can i use a retractible leash"))
            .Says("skip retractable leashes")
            .DoesNotSay("back to where we were")
            .DoesNotSay("Did that help?");
        (await owner.SaysAsync("what's the capital of France")).Says("only know about leash training for cats").DoesNotSay("yes or no");
    }

    [Fact]
    public async Task A_thank_you_is_not_taken_as_a_cats_name()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("is my cat ready?");
        (await owner.SaysAsync("thanks!")).Says("What's your cat's name?").DoesNotSay("Lovely to meet");
        (await owner.SaysAsync("Biscuit")).Says("Lovely to meet Biscuit");
    }

    [Fact]
    public async Task A_struggle_without_a_cat_speaks_of_your_cat()
    {
        (await _host.NewOwner().SaysAsync("my cat froze, what now?")).Says("means your cat feels overwhelmed").DoesNotSay("means  feels");
    }

    [Theory]
    [InlineData("my cat froze, what now?", "wait it out")]
    [InlineData("she wriggled out of the harnes", "escape-proof")]
    [InlineData("can i use a retractible leash", "skip retractable leashes")]
    [InlineData("what's the capital of France", "only know about leash training for cats")]
    [InlineData("my cat is limping after our walk", "pause leash training")]
    public async Task Typed_messages_with_typos_and_off_topic_ones_get_the_right_kind_of_reply(string message, string expected)
    {
        (await _host.NewOwner().SaysAsync(message)).FirstSays(expected);
    }

    [Fact]
    public async Task A_tapped_struggle_button_is_an_answer_and_a_new_question_there_is_an_aside()
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("A walk went wrong")).Offers("Froze or lay down");
        (await owner.SaysAsync("what kind of harness should i get?")).Says("H-style or figure-eight").Says("back to where we were").Says("What happened?");
        (await owner.SaysAsync("Froze or lay down")).FirstSays("overwhelmed").DoesNotSay("back to where we were");
    }
}
