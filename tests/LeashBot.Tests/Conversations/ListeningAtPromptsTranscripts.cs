using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// The bot keeps listening while it waits for an answer, through the real host on Web Chat, SMS and Teams: a typed
/// question at a list of choices is answered rather than matched to a button by one shared word (near-miss typos of a
/// choice still pick it); a question beside or instead of a checklist answer is answered and the checklist goes on;
/// once the checklist is over, remarks that only mention a question's words change no answer; small talk gets a short
/// friendly reply; an answer the owner pushes back on is not sent again; what is already running is not offered again;
/// and Spanish yes/no words answer every yes/no question. Phrasings of our own, not the ones owners reported.
/// </summary>
public sealed class ListeningAtPromptsTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private const string Time = "set aside regular time";
    private const string Curious = "mostly curious";
    private const string Handling = "handled, like for brushing";
    private const string LeashAnswer = "4 to 6 feet";
    private const string SessionLength = "15 to 30 minutes";

    private readonly BotHost _host = shared.Host;

    private async Task<Replies> LaterAsync(Owner owner, string text)
    {
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        return await owner.SaysAsync(text);
    }

    private Task<Owner> ChecklistAsync(string channel, params string[] answers) => StoredChecklist.StartAsync(_host, channel, "Tofu", answers);

    private Task<List<string>> HeldBackAsync(string channel, Owner owner) => StoredChecklist.HeldBackAsync(_host, channel, owner);

    /// <summary>An owner whose cat Pip just had a relaxed session: "Shall I move Pip on to step 2?" waits.</summary>
    private async Task<Owner> AtStepOfferAsync(string channel)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training pip");
        (await LaterAsync(owner, "we did 10 minutes, she was relaxed")).Says("step 2");
        return owner;
    }

    // ---- A list of choices: a question is answered, a near miss still picks ----

    [Theory]
    [InlineData("webchat", "my cat keeps biting the leash, what do i do")]
    [InlineData("sms", "he chews through the leash every time, help")]
    public async Task A_question_sharing_one_word_with_a_choice_does_not_pick_it(string channel, string question)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training fig");
        var menu = await LaterAsync(owner, "Gear and safety");
        Assert.Contains("Which leash?", menu.All + string.Join('\n', menu.Buttons), StringComparison.Ordinal);
        (await LaterAsync(owner, question)).DoesNotSay(LeashAnswer);
    }

    [Theory]
    [InlineData("webchat", "wich leash")]
    [InlineData("sms", "the leash one pls")]
    [InlineData("webchat", "how long per sesion")]
    public async Task A_near_miss_of_a_choice_still_picks_it(string channel, string pick)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training fig");
        await LaterAsync(owner, "Gear and safety");
        (await LaterAsync(owner, pick)).Says(pick.Contains("leash", StringComparison.Ordinal) ? LeashAnswer : SessionLength);
    }

    // ---- Questions at the checklist ----

    [Theory]
    [InlineData("webchat", "yep shes mad for treats lol btw can she wear it while im at work")]
    [InlineData("sms", "yes def, oh and can she keep the harness on overnight")]
    public async Task An_answer_with_a_question_after_it_answers_both(string channel, string reply)
    {
        var owner = await ChecklistAsync(channel, "yes");
        (await LaterAsync(owner, reply)).Says("Only while you're there to watch").Says(Curious);
        foreach (var yes in new[] { "yes", "yes", "yes", "yes" })
        {
            await LaterAsync(owner, yes);
        }

        Assert.DoesNotContain("motivated", await HeldBackAsync(channel, owner));
    }

    [Theory]
    [InlineData("webchat", "hang on is 7 too old to start this")]
    [InlineData("sms", "wait is a vest ok or do i need the strappy kind")]
    public async Task A_question_instead_of_an_answer_is_answered_and_the_question_asked_again(string channel, string question)
    {
        var owner = await ChecklistAsync(channel, "yes", "yes", "yes", "yes");
        (await LaterAsync(owner, question)).Says(Time).DoesNotSay("is a yes now").DoesNotSay("is a no now").DoesNotSay("not sure I can answer");
        (await LaterAsync(owner, "yes")).Says("slow progress");
    }

    // ---- After the checklist, remarks change no answer ----

    [Theory]
    [InlineData("webchat", "lol no she doesnt bite the lead, i meant the phone cable. anyway whats next")]
    [InlineData("sms", "nah thats not it, we did 6 min today and she wasnt scared at all")]
    public async Task After_the_checklist_a_remark_changes_no_answer(string channel, string remark)
    {
        var owner = await ChecklistAsync(channel, "yes", "yes", "no", "no", "yes");
        (await LaterAsync(owner, "yes")).Says("Shall we start");
        await LaterAsync(owner, "yes");
        (await LaterAsync(owner, remark)).DoesNotSay("is a yes now").DoesNotSay("is a no now").DoesNotSay("looks ready");
        var heldBack = await HeldBackAsync(channel, owner);
        Assert.Contains("curious", heldBack);
        Assert.Contains("handling", heldBack);
    }

    [Fact]
    public async Task After_the_checklist_an_answer_named_outright_still_changes()
    {
        var owner = await ChecklistAsync("webchat", "yes", "yes", "no", "no", "yes");
        await LaterAsync(owner, "yes");
        await LaterAsync(owner, "yes");
        (await LaterAsync(owner, "pls make the brushing one a yes")).Says("handling is a yes now");
        Assert.DoesNotContain("handling", await HeldBackAsync("webchat", owner));
    }

    [Fact]
    public async Task A_no_at_the_plan_offer_is_not_said_back_as_a_checklist_answer()
    {
        var owner = await ChecklistAsync("webchat", "yes", "yes", "yes", "yes", "yes");
        (await LaterAsync(owner, "yes")).Says("Shall we start");
        (await LaterAsync(owner, "nope not right now thanks")).DoesNotSay("slow progress").DoesNotSay("not yet. That's fine");
    }

    // ---- Small talk ----

    [Theory]
    [InlineData("webchat", "sounds like a plan, the hallway it is 👍")]
    [InlineData("sms", "kk, sofa corner it is")]
    [InlineData("webchat", "fair enough, sticky note on the fridge it is")]
    public async Task A_short_remark_that_agrees_gets_a_friendly_acknowledgement(string channel, string remark)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training fig");
        (await LaterAsync(owner, remark)).Says("here whenever").DoesNotSay("not something I know").DoesNotSay("How long").DoesNotSay("not quite sure");
    }

    [Theory]
    [InlineData("webchat", "cool cool, see u tomorrow")]
    [InlineData("sms", "ta, talk tmrw")]
    public async Task A_see_you_tomorrow_is_a_goodbye(string channel, string goodbye)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training fig");
        (await LaterAsync(owner, goodbye)).Says("Bye for now").DoesNotSay("not quite sure");
    }

    [Fact]
    public async Task Good_evening_at_the_end_of_a_talk_is_a_pleasantry_not_a_restart()
    {
        var owner = _host.NewOwner(channelId: "msteams");
        await owner.SaysAsync("start training monty");
        await LaterAsync(owner, "how many minutes should a session be?");
        (await LaterAsync(owner, "Good evening.")).Says("And to you").Says("Monty").DoesNotSay("I'm LeashBot").DoesNotSay("Welcome back");
    }

    [Theory]
    [InlineData("msteams", "Never mind that. Another question: may I leave the harness on him overnight?")]
    [InlineData("webchat", "forget it. diff question - can he wear the harness all night")]
    public async Task Never_mind_and_another_question_at_a_prompt_answers_the_question(string channel, string message)
    {
        // Teams shows the checklist's question on a card, so the owner is brought to it without reading it back.
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("is my cat ready?");
        await LaterAsync(owner, "Tofu");
        await LaterAsync(owner, "yes");
        (await LaterAsync(owner, message)).Says("Only while you're there to watch").DoesNotSay("Nothing has changed");
    }

    // ---- Pushing back on an answer ----

    [Theory]
    [InlineData("webchat", "that still doesnt answer it, how many minutes exactly per session")]
    [InlineData("msteams", "That does not answer my question. How long should each session last?")]
    public async Task Pushing_back_on_an_answer_admits_the_gap_instead_of_repeating_it(string channel, string pushback)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training fig");
        (await LaterAsync(owner, "how long per session?")).Says(SessionLength);
        (await LaterAsync(owner, pushback)).Says("didn't answer it").DoesNotSay(SessionLength).DoesNotSay("In short").DoesNotSay("Put simply").DoesNotSay("The key bit");
    }

    // ---- What is running is not offered again ----

    [Fact]
    public async Task The_checklist_does_not_offer_a_plan_already_under_way()
    {
        var owner = await AtStepOfferAsync("webchat");
        await LaterAsync(owner, "yes");
        await LaterAsync(owner, "is pip ready?");
        foreach (var yes in new[] { "yes", "yes", "yes", "yes", "yes" })
        {
            await LaterAsync(owner, yes);
        }

        (await LaterAsync(owner, "yes")).Says("looks ready").Says("already training").Says("step 2").DoesNotSay("Shall we start");
    }

    [Theory]
    [InlineData("webchat", "another day")]
    [InlineData("sms", "nope, leave her where she is a couple more days")]
    [InlineData("webchat", "nah give her another day or two on this one")]
    public async Task Putting_off_the_step_offer_keeps_the_cat_there(string channel, string later)
    {
        var owner = await AtStepOfferAsync(channel);
        (await LaterAsync(owner, later)).Says("stays on step 1").DoesNotSay("name");
        (await LaterAsync(owner, "show me pip's progress")).Says("step 1 of 10");
    }

    // ---- Spanish at yes/no questions ----

    [Theory]
    [InlineData("webchat", "órale")]
    [InlineData("sms", "simón")]
    [InlineData("webchat", "sale pues")]
    [InlineData("sms", "cómo no")]
    [InlineData("webchat", "va que va")]
    [InlineData("sms", "sip 😸")]
    public async Task A_spanish_yes_moves_the_cat_on(string channel, string yes)
    {
        var owner = await AtStepOfferAsync(channel);
        (await LaterAsync(owner, yes)).Says("on to step 2").DoesNotSay("didn't catch");
    }

    [Theory]
    [InlineData("webchat", "todavía no")]
    [InlineData("sms", "aún no, gracias")]
    [InlineData("webchat", "ni de chiste jaja")]
    public async Task A_spanish_no_keeps_the_cat_there(string channel, string no)
    {
        var owner = await AtStepOfferAsync(channel);
        (await LaterAsync(owner, no)).Says("stays on step 1");
    }

    [Theory]
    [InlineData("webchat", "va")]
    [InlineData("sms", "dale")]
    [InlineData("webchat", "ándale pues")]
    [InlineData("sms", "claro que sí")]
    public async Task A_spanish_yes_answers_the_checklist(string channel, string yes)
    {
        var owner = await ChecklistAsync(channel, "yes", "yes");
        (await LaterAsync(owner, yes)).Says(Handling).DoesNotSay("didn't catch");
    }

    [Theory]
    [InlineData("webchat", "¿cuántos minutos por sesión?")]
    [InlineData("sms", "oye y cuanto tiempo debe durar cada sesion")]
    public async Task A_spanish_session_length_question_gets_the_session_length_answer(string channel, string question)
    {
        var owner = await ChecklistAsync(channel, "yes", "yes");
        (await LaterAsync(owner, question)).Says(SessionLength).Says(Curious);
    }
}
