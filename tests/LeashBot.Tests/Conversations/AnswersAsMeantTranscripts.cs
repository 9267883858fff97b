using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// Answers at the bot's own questions read the way they were meant, through the real host on Web Chat and SMS: a yes with
/// a "no" inside it ("no rush") stays a yes, a no said in words is said back, Spanish and chat yeses ("obvio", "dale",
/// "kk", "yeh ta") answer, a checklist answer corrected in words takes the value the owner means (never the opposite) and
/// never restarts the checklist, "the next question" at the checklist is its next question, a Spanish readiness request
/// and "se llama …" start the checklist with the name, and a 🙏 in a question is no thanks. Phrasings of our own.
/// </summary>
public sealed class AnswersAsMeantTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private const string Healthy = "healthy and up to date";
    private const string Handling = "handled, like for brushing";
    private const string GladItHelped = "Glad to hear it";

    private readonly BotHost _host = shared.Host;

    private async Task<Replies> LaterAsync(Owner owner, string text)
    {
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        return await owner.SaysAsync(text);
    }

    /// <summary>An owner at the checklist for Mochi, with the first answers given.</summary>
    private Task<Owner> ChecklistAsync(string channel, params string[] answers) => StoredChecklist.StartAsync(_host, channel, "Mochi", answers);

    private Task<List<string>> HeldBackAsync(string channel, Owner owner) => StoredChecklist.HeldBackAsync(_host, channel, owner);

    // ---- A yes with a "no" inside it, and a no said in words ----

    [Theory]
    [InlineData("webchat", "sí claro, no tengo ninguna prisa 🙂")]
    [InlineData("sms", "yes, no rush on our end lol")]
    [InlineData("webchat", "of course!! doesnt bother me one bit")]
    public async Task A_yes_with_a_no_inside_it_is_a_yes(string channel, string yes)
    {
        var owner = await ChecklistAsync(channel, "yes", "yes", "yes", "yes", "yes");
        (await LaterAsync(owner, yes)).Says("looks ready").DoesNotSay("Partly").DoesNotSay("frustrating");
        Assert.DoesNotContain("patience", await HeldBackAsync(channel, owner));
    }

    [Theory]
    [InlineData("webchat", "la verdad no, se pone fatal con el cepillo")]
    [InlineData("sms", "nah not really, she bites when i do her claws")]
    public async Task A_no_said_in_words_is_said_back(string channel, string no)
    {
        var owner = await ChecklistAsync(channel, "yes", "yes", "yes");
        (await LaterAsync(owner, no)).Says("handling: not yet").Says("set aside regular time").DoesNotSay("Partly");
        await LaterAsync(owner, "yes");
        await LaterAsync(owner, "yes");
        Assert.Contains("handling", await HeldBackAsync(channel, owner));
    }

    [Fact]
    public async Task A_plain_no_is_not_said_back()
    {
        var owner = await ChecklistAsync("webchat", "yes", "yes", "yes");
        (await LaterAsync(owner, "nope")).DoesNotSay("not yet").Says("set aside regular time");
    }

    // ---- Yeses typed any way ----

    [Theory]
    [InlineData("webchat", "obvio 😸")]
    [InlineData("sms", "dale pues")]
    [InlineData("webchat", "simón")]
    [InlineData("sms", "vale")]
    [InlineData("webchat", "kk")]
    public async Task A_spanish_or_chat_yes_takes_the_step_offer(string channel, string yes)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Pip");
        (await LaterAsync(owner, "we did 10 minutes, he was relaxed")).Says("step 2");
        (await LaterAsync(owner, yes)).DoesNotSay("Did you mean").DoesNotSay("didn't catch");
        (await LaterAsync(owner, "show me pip's progress")).Says("step 2 of 10");
    }

    [Theory]
    [InlineData("sms", "yeh ta")]
    [InlineData("webchat", "k")]
    [InlineData("webchat", "kk thx")]
    [InlineData("sms", "yup cheers 👍")]
    public async Task Did_that_help_takes_a_yes_typed_any_way(string channel, string yes)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training bean");
        (await LaterAsync(owner, "bean just flops over as soon as the harness goes on")).Says("Did that help");
        (await LaterAsync(owner, yes)).Says(GladItHelped).DoesNotSay("Did you mean").DoesNotSay("not quite sure");
    }

    // ---- Checklist answers corrected in words ----

    [Theory]
    [InlineData("webchat", "¡pero si yo te dije que sí a lo de la paciencia! no me molesta que vaya lento")]
    [InlineData("sms", "mi respuesta es que sí, lo de ir lento está bien")]
    [InlineData("webchat", "quiero corregir la última: sí")]
    [InlineData("sms", "can i change my last answer to yes")]
    public async Task A_correction_in_words_sets_that_answer_and_never_restarts(string channel, string correction)
    {
        var owner = await ChecklistAsync(channel, "yes", "yes", "no", "no", "yes");
        (await LaterAsync(owner, "no")).Says("may not be ready");
        Assert.Contains("patience", await HeldBackAsync(channel, owner));
        (await LaterAsync(owner, correction)).Says("slow progress is a yes now").DoesNotSay("Six quick questions").DoesNotSay("is a no now");
        Assert.DoesNotContain("patience", await HeldBackAsync(channel, owner));
    }

    // ---- The next question, and a side question, at the checklist ----

    [Theory]
    [InlineData("webchat", "ok y la siguiente pregunta?")]
    [InlineData("sms", "whats the next question")]
    public async Task The_next_question_at_the_checklist_is_the_checklists(string channel, string next)
    {
        var owner = await ChecklistAsync(channel, "yes");
        (await LaterAsync(owner, next)).Says("treats or toys").DoesNotSay("step 2").DoesNotSay("Step 2");
    }

    [Theory]
    [InlineData("webchat", "y cuánto tiempo dura cada sesión?")]
    [InlineData("sms", "wait how long is each session meant to be?")]
    public async Task A_side_question_at_the_checklist_is_answered_and_the_question_asked_again(string channel, string aside)
    {
        var owner = await ChecklistAsync(channel, "yes", "yes");
        (await LaterAsync(owner, aside)).Says("minutes").Says("mostly curious");
        (await LaterAsync(owner, "yes")).Says(Handling);
    }

    // ---- A readiness request in Spanish, and its name ----

    [Theory]
    [InlineData("webchat", "buenas! mi gato está listo para la correa?", "se llama Tito", "Tito")]
    [InlineData("sms", "hola, quiero saber si mi gata esta lista para el arnes", "se llama Nube", "Nube")]
    public async Task A_spanish_readiness_request_starts_the_checklist_with_the_name(string channel, string request, string name, string cat)
    {
        var owner = _host.NewOwner(channelId: channel);
        (await owner.SaysAsync(request)).Says("name").DoesNotSay("not quite sure");
        (await LaterAsync(owner, name)).Says($"meet {cat}!").Says(Healthy).DoesNotSay("Llama").DoesNotSay("not quite sure");
    }

    // ---- 🙏 in a question ----

    [Theory]
    [InlineData("webchat", "is that enough? 🙏")]
    [InlineData("sms", "será suficiente?? 🙏")]
    [InlineData("webchat", "is 10 min a day enough? 🙏")]
    public async Task A_prayer_emoji_in_a_question_is_no_thanks(string channel, string question)
    {
        var owner = await ChecklistAsync(channel, "yes");
        (await LaterAsync(owner, question)).DoesNotSay("welcome").Says("treats or toys");
    }
}
