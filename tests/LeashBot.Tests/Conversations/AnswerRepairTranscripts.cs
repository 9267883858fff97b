using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// Answers read the way they were meant, through the real host: a "no" said any way is never taken as a yes, a changed
/// checklist answer takes the value the owner says now (English and Spanish, during the checklist and a little after
/// the verdict), an ending anywhere in a message gets a warm close, "u already asked me that" gets an apology and the
/// question again, and an answer asked for again never comes back as the same line. Typed the way owners type, with
/// phrasings of our own, on Web Chat and SMS.
/// </summary>
public sealed class AnswerRepairTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private const string Handling = "handled, like for brushing";
    private const string Curious = "mostly curious";
    private const string Time = "set aside regular time";
    private const string Patience = "okay with slow progress";

    private readonly BotHost _host = shared.Host;

    private async Task<Replies> LaterAsync(Owner owner, string text)
    {
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        return await owner.SaysAsync(text);
    }

    /// <summary>An owner at the checklist for Bean, with the first answers given.</summary>
    private Task<Owner> ChecklistAsync(string channel, params string[] answers) => StoredChecklist.StartAsync(_host, channel, "Bean", answers);

    private Task<List<string>> HeldBackAsync(string channel, Owner owner) => StoredChecklist.HeldBackAsync(_host, channel, owner);

    private async Task<Owner> FinishedAsync(string channel, string treats)
    {
        var owner = await ChecklistAsync(channel, "yes", treats, "yes", "yes", "yes");
        await LaterAsync(owner, "yes");
        return owner;
    }

    // ---- A no, however it is said, is never a yes ----

    [Theory]
    [InlineData("webchat", "nah not rly, shes not a foodie", true)]
    [InlineData("sms", "sure... actually no, she ignores them", true)]
    [InlineData("webchat", "ya no, antes sí pero ya no", true)]
    [InlineData("sms", "mejor dicho no 🙈", true)]
    [InlineData("webchat", "omg she LOVES them 😻", false)]
    [InlineData("sms", "no problem there, she'd do anything for dreamies", false)]
    public async Task A_yes_or_no_is_read_from_every_word_of_a_short_answer(string channel, string treats, bool heldBack)
    {
        var owner = await FinishedAsync(channel, treats);
        Assert.Equal(heldBack, (await HeldBackAsync(channel, owner)).Contains("motivated"));
    }

    [Theory]
    [InlineData("webchat", "toys yes, treats not so much")]
    [InlineData("sms", "a veces sí, a veces no")]
    public async Task Half_a_yes_is_partly_and_said_so(string channel, string treats)
    {
        var owner = await ChecklistAsync(channel, "yes");
        (await LaterAsync(owner, treats)).Says("Partly, then").Says(Curious);
    }

    [Theory]
    [InlineData("webchat", "nah not yet, give him a few more days")]
    [InlineData("sms", "mejor no, otro día")]
    public async Task A_no_to_moving_on_keeps_the_cat_where_it_is(string channel, string no)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Pip");
        (await LaterAsync(owner, "we did 10 minutes, he was relaxed")).Says("step 2");
        (await LaterAsync(owner, no)).DoesNotSay("on to step 2");
        (await LaterAsync(owner, "show me pip's progress")).Says("step 1 of 10");
    }

    // ---- A changed checklist answer takes the value said now ----

    [Theory]
    [InlineData("webchat", "oops i said yes to the brushing one but honestly she does NOT tolerate nail clipping, make it a no", "handling is a no now")]
    [InlineData("sms", "wait, the brushing q - i put yes but she hisses at the nail clippers every time so not really", "handling is a no now")]
    [InlineData("webchat", "espera, lo de cepillarla: esa es un no, odia las uñas", "handling is a no now")]
    public async Task A_change_of_an_earlier_answer_takes_what_the_owner_says_about_it(string channel, string change, string said)
    {
        var owner = await ChecklistAsync(channel, "yes", "yes", "yes", "yes");
        (await LaterAsync(owner, change)).Says(said).Says(Time).DoesNotSay("is a yes now");
        await LaterAsync(owner, "yes");
        await LaterAsync(owner, "yes");
        Assert.Contains("handling", await HeldBackAsync(channel, owner));
    }

    [Theory]
    [InlineData("webchat", "perdón leí mal 🙈 las golosinas SÍ le encantan, se vuelve loca")]
    [InlineData("sms", "no, treats = SI!! 100%")]
    public async Task A_spanish_change_to_yes_is_a_yes(string channel, string change)
    {
        var owner = await ChecklistAsync(channel, "yes", "no");
        (await LaterAsync(owner, change)).Says("treats and toys is a yes now").DoesNotSay("partly");
    }

    [Fact]
    public async Task A_change_and_an_answer_in_one_message_are_both_taken()
    {
        var owner = await ChecklistAsync("webchat", "yes", "no");
        (await LaterAsync(owner, "no no, treats = sí, le encantan. y curiosa = a veces")).Says("treats and toys is a yes now").Says("Partly, then").Says(Handling);
    }

    [Theory]
    [InlineData("webchat", "no no, cepillarla = no. el tiempo = sí")]
    [InlineData("sms", "nails: absolutely not!! time wise we're fine tho")]
    public async Task An_answer_that_also_talks_about_another_question_is_read_for_the_one_asked(string channel, string answer)
    {
        var owner = await ChecklistAsync(channel, "yes", "yes", "yes");
        (await LaterAsync(owner, answer)).Says(Time).DoesNotSay("Partly");
        await LaterAsync(owner, "yes");
        await LaterAsync(owner, "yes");
        Assert.Contains("handling", await HeldBackAsync(channel, owner));
    }

    [Theory]
    [InlineData("webchat", "queee? te dije que los premios le encantan 😤 eso está mal")]
    [InlineData("sms", "ugh i told u, she goes nuts for treats. fix that pls")]
    public async Task A_change_a_little_after_the_verdict_changes_the_result(string channel, string change)
    {
        var owner = await ChecklistAsync(channel, "yes", "no", "no", "no", "yes");
        (await LaterAsync(owner, "yes")).Says("may not be ready");
        Assert.Contains("motivated", await HeldBackAsync(channel, owner));
        (await LaterAsync(owner, change)).Says("treats and toys is a yes now").DoesNotSay("not quite sure");
        Assert.DoesNotContain("motivated", await HeldBackAsync(channel, owner));
    }

    // ---- Endings anywhere ----

    [Theory]
    [InlineData("webchat", "ugh so sleepy. night night, kiss bean for me")]
    [InlineData("sms", "ok thx thats all for today")]
    [InlineData("webchat", "gn 🌙")]
    [InlineData("sms", "ok well im off to bed lol, goodnight!!")]
    public async Task An_ending_anywhere_gets_a_warm_close(string channel, string ending)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training bean");
        (await LaterAsync(owner, ending)).Says("Bye for now").DoesNotSay("not quite sure");
    }

    [Theory]
    [InlineData("webchat", "hmm im too tired for this tbh. goodnight 🌙")]
    [InlineData("sms", "gn!! thx")]
    public async Task An_ending_at_a_question_ends_it_kindly(string channel, string ending)
    {
        var owner = await ChecklistAsync(channel, "yes");
        (await LaterAsync(owner, ending)).Says("Everything you told me before is saved").DoesNotSay("didn't catch");
    }

    // ---- Complaints: sorry, then the question again or the answer repaired ----

    [Theory]
    [InlineData("webchat", "u asked me that already??")]
    [InlineData("sms", "ya te dije eso 😒")]
    public async Task A_complaint_at_a_question_gets_sorry_and_the_question_again(string channel, string complaint)
    {
        var owner = await ChecklistAsync(channel, "yes", "yes");
        (await LaterAsync(owner, complaint)).Says("Sorry").Says(Curious).DoesNotSay("not quite sure").DoesNotSay("didn't catch");
    }

    [Fact]
    public async Task A_complaint_with_the_answer_in_it_gets_sorry_and_the_answer_is_taken()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Pip");
        (await LaterAsync(owner, "we did a session")).Says("How long");
        (await LaterAsync(owner, "i literally just told u, 12 min")).Says("Sorry, you did tell me").Says("How did Pip seem");
    }

    [Theory]
    [InlineData("webchat", "thats not what i asked 😤")]
    [InlineData("sms", "no es lo que pregunté")]
    public async Task A_complaint_with_nothing_pending_gets_sorry_not_not_sure(string channel, string complaint)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("which harness should i get");
        (await LaterAsync(owner, complaint)).Says("Sorry").DoesNotSay("not quite sure");
    }

    // ---- The repeat guard: never the same line twice ----

    [Theory]
    [InlineData("webchat")]
    [InlineData("sms")]
    public async Task An_answer_asked_for_again_and_again_never_repeats_a_line(string channel)
    {
        var owner = _host.NewOwner(channelId: channel);
        (await owner.SaysAsync("which harness should i get")).Says("H-style");
        var second = await LaterAsync(owner, "ok but which harness tho, what sizes");
        var third = await LaterAsync(owner, "so which harness size then");
        second.DoesNotSay("as I said a moment ago");
        third.DoesNotSay("as I said a moment ago");
        Assert.Empty(second.Texts.Intersect(third.Texts));
    }
}
