using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// What owners do besides answering: name their cat in passing, run ahead of the plan or want to jump, leave in
/// the middle of a question, and write in Spanish or a mix of Spanish and English.
/// </summary>
public sealed class OwnerJourneyTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    [Theory]
    [InlineData("hi my cat luna keeps freezing when we go out on the balcony, what do i do", "Luna")]
    [InlineData("so my cat Nori just freezes on the porch every time", "Nori")]
    [InlineData("our kitten pickle chews the leash constantly lol", "Pickle")]
    public async Task A_name_said_in_passing_is_remembered_with_a_light_check(string message, string name)
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync(message)).Says($"I'll remember {name}").Says(name);
        (await owner.SaysAsync($"how is {name.ToLowerInvariant()} doing")).Says($"{name}: step 1 of 10").DoesNotSay("Lovely to meet");
        (await owner.SaysAsync("start training")).Says($"{name} is on step 1").DoesNotSay("What's your cat's name");
    }

    [Theory]
    [InlineData("hi my cat mochi is 2, is she ready for a leash?", "Mochi")]
    [InlineData("my cat toast is 4 can he learn this", "Toast")]
    [InlineData("hello! my kitty biscuit is 1, is she ready to try?", "Biscuit")]
    public async Task A_name_in_a_first_question_is_not_asked_again(string message, string name)
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync(message)).Says(name).DoesNotSay("What's your cat's name");
    }

    [Theory]
    [InlineData("i just said, mochi lol")]
    [InlineData("i said mochi 😹")]
    [InlineData("its mochi haha")]
    public async Task An_owner_repeating_the_name_with_a_laugh_is_understood(string repeat)
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("is my cat ready?")).Says("What's your cat's name?");
        (await owner.SaysAsync(repeat)).Says("Lovely to meet Mochi").DoesNotSay("Cats keep life interesting");
    }

    [Theory]
    [InlineData("we got the harness, step 1 is done")]
    [InlineData("harness bought ✅ step one done")]
    [InlineData("ok we finished step 1")]
    public async Task Done_moves_on_at_a_step_the_owners_word_completes(string done)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Luna");
        (await owner.SaysAsync(done)).Says("step 1 done").Says("step 2");
        (await owner.SaysAsync("cool whats next for her")).Says("step 2").DoesNotSay("step 3");
        (await owner.SaysAsync("step 2 is done too")).Says("once relaxed").DoesNotSay("step 3");
        (await owner.SaysAsync("how's luna doing")).Says("step 2 of 10");
    }

    [Theory]
    [InlineData("luna is already on step 8, can you set her to step 8")]
    [InlineData("shes already on step 8 tbh, we trained last summer")]
    [InlineData("put luna on step 8 pls")]
    public async Task An_owner_who_trained_before_sets_the_step_and_hears_what_it_skips(string set)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Luna");
        (await owner.SaysAsync(set)).Says("Luna is on step 8 of 10").Says("skips steps 1 to 7");
        (await owner.SaysAsync("whats next")).Says("step 8").DoesNotSay("step 9");
        (await owner.SaysAsync("how is luna doing")).Says("step 8 of 10");
    }

    [Theory]
    [InlineData("can i skip to going outside on the balcony?")]
    [InlineData("can we just jump to the outside part")]
    [InlineData("honestly can we skip to step 9")]
    public async Task Asking_to_skip_ahead_offers_the_step_and_names_what_it_skips(string skip)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Luna");
        await owner.SaysAsync("we got the harness, step 1 is done");
        (await owner.SaysAsync(skip)).Says("skips steps 2 to").Says("setbacks").Says("Shall I put Luna on step");
        (await owner.SaysAsync("how is luna doing")).Says("step 2 of 10");
    }

    [Theory]
    [InlineData("omg ty ur a star ⭐ gotta run and feed her, bye!!")]
    [InlineData("nvm. bye")]
    [InlineData("ok thanks, gotta go 👋")]
    public async Task A_goodbye_ends_any_question(string goodbye)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("is my cat ready?");
        (await owner.SaysAsync(goodbye)).Says("See you next time").DoesNotSay("didn't catch").DoesNotSay("Just the name");
        (await owner.SaysAsync("is my cat ready?")).Says("What's your cat's name?");
        await owner.SaysAsync("Luna");
        (await owner.SaysAsync(goodbye)).Says("See you next time").DoesNotSay("didn't catch");
    }

    [Fact]
    public async Task Spanish_answers_are_read_at_the_questions()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Luna");
        (await owner.SaysAsync("log a session")).Says("How long");
        (await owner.SaysAsync("10 minutos")).Says("How did Luna seem");
        (await owner.SaysAsync("muy feliz")).Says("Logged: 10 min with Luna");
        (await owner.SaysAsync("is luna ready?")).Says("yes or no");
        (await owner.SaysAsync("sí")).DoesNotSay("didn't catch").DoesNotSay("solo hablo");
        (await owner.SaysAsync("si")).DoesNotSay("didn't catch").DoesNotSay("solo hablo");
    }

    [Fact]
    public async Task Spanish_gets_one_note_and_mixed_messages_are_read_for_their_english()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Luna");
        (await owner.SaysAsync("hola, mi gata tiene miedo")).Says("solo hablo inglés");
        (await owner.SaysAsync("ok, como esta luna? how is luna doing")).DoesNotSay("solo hablo").Says("Luna: step 1 of 10");
        (await owner.SaysAsync("gracias! she froze con el harness, what now")).DoesNotSay("solo hablo").Says("Freezing");
    }

    [Theory]
    [InlineData("honestly can we just start over", "yep do it")]
    [InlineData("i want to restart tbh", "yes please")]
    [InlineData("can we start again", "sure go ahead")]
    public async Task Start_over_in_a_sentence_is_confirmed_and_a_yes_of_any_kind_does_it(string ask, string yes)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Luna");
        (await owner.SaysAsync(ask)).Says("Start over").Says("set Luna to step 1").DoesNotSay("Did you mean");
        (await owner.SaysAsync(yes)).Says("Fresh start").Says("What would you like to do?").DoesNotSay("not quite sure");
        (await owner.SaysAsync("how is luna doing")).Says("Luna: step 1 of 10");
    }

    [Fact]
    public async Task Start_over_can_be_declined_mid_question()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("is my cat ready?");
        await owner.SaysAsync("Luna");
        (await owner.SaysAsync("ugh can we start over")).Says("Start over");
        (await owner.SaysAsync("nah")).Says("carry on");
    }

    [Theory]
    [InlineData("can we talk about leashes", "4 to 6 feet")]
    [InlineData("lets talk about harnesses", "H-style")]
    public async Task Talking_about_a_subject_is_not_a_cat_switch(string ask, string answer)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Luna");
        (await owner.SaysAsync(ask)).Says(answer).DoesNotSay("What's your cat's name");
    }

    [Theory]
    [InlineData("nah thats too soft, my brother says just drag her along a bit")]
    [InlineData("cant i just pull him a little")]
    [InlineData("my friend said to yank the leash when she stops")]
    public async Task Pushing_back_on_the_no_force_rule_gets_a_kind_firm_no(string pushback)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Luna");
        (await owner.SaysAsync(pushback)).Says("Please don't drag or pull").Says("light tension");
    }

    [Theory]
    [InlineData("is that normal?? im worried she'll never like it 😢")]
    [InlineData("im scared he will never get used to it")]
    [InlineData("honestly it feels like its not working, am i doing something wrong")]
    public async Task Worry_gets_reassurance_and_a_small_next_step(string worry)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Luna");
        (await owner.SaysAsync(worry)).Says("slow is normal").Says("A small next step with Luna, at step 1");
    }

    [Theory]
    [InlineData("we did 10 min, she was not relaxed", "That's normal")]
    [InlineData("about 5 minutes and he hissed the whole time", "keep the next session shorter")]
    public async Task A_mood_given_with_the_length_is_not_asked_again(string answer, string outcome)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Luna");
        (await owner.SaysAsync("log a session")).Says("How long");
        (await owner.SaysAsync(answer)).Says("Logged").Says(outcome).DoesNotSay("How did Luna seem");
    }
}
