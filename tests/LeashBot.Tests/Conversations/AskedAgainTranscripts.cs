using LeashBot.Storage;
using LeashBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// Four things owners hit, through the real host on Web Chat and SMS: a question asked again gets its answer again in
/// short, never a request to ask it another way; a farewell at a pending question ends it with a goodbye and logs
/// nothing; everyday Spanish no's ("qué va", "ni de broma", "nel") answer a yes/no question; and a pronoun said outright
/// ("he's a boy, not a they") is stored for the cat, correcting one learned before. Phrasings of our own.
/// </summary>
public sealed class AskedAgainTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    /// <summary>Bits of the session-length answer: each reply to the question must carry one of them.</summary>
    private static readonly string[] SessionLengthParts = ["Short and often", "15 to 30", "5 to 10", "4 to 6 weeks", "no set number"];

    private readonly BotHost _host = shared.Host;

    private async Task<Replies> LaterAsync(Owner owner, string text)
    {
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        return await owner.SaysAsync(text);
    }

    private async Task<JToken> StoredCatAsync(string channel, Owner owner) =>
        JObject.Parse((await ((JsonStorage)_host.Storage).ReadTextAsync($"{channel}/users/{owner.UserId}"))!.Value.Json)
            .SelectToken("owner.Cats[0]")!;

    // ---- Asking again gets the answer ----

    [Theory]
    [InlineData("webchat", "how long should a session be", "how long per session??", "sorry how long each time", "cuántos minutos cada vez??")]
    [InlineData("sms", "how long should each training session last", "wait so how long a session", "per session how long tho", "how many mins per go pls")]
    public async Task A_question_asked_again_and_again_is_answered_each_time(string channel, params string[] asks)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training miso");
        foreach (var ask in asks)
        {
            var reply = await LaterAsync(owner, ask);
            reply.DoesNotSay("another way").DoesNotSay("misread");
            Assert.True(SessionLengthParts.Any(p => reply.All.Contains(p, StringComparison.Ordinal)), $"'{ask}' got: {reply.All}");
        }
    }

    // ---- A farewell ends a pending question ----

    [Theory]
    [InlineData("webchat", "Right, that'll do for this evening.")]
    [InlineData("sms", "ok thats me done for tonight 🌙")]
    [InlineData("webchat", "that will do for now, cheers")]
    public async Task A_farewell_at_the_session_length_question_ends_it_and_logs_nothing(string channel, string farewell)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training miso");
        (await LaterAsync(owner, "we did a session")).Says("How long was today's session");
        (await LaterAsync(owner, farewell)).Says("leave it there").DoesNotSay("How long was").DoesNotSay("Logged");
        (await LaterAsync(owner, "show me miso's progress")).Says("No sessions logged yet");
    }

    // ---- Spanish no ----

    [Theory]
    [InlineData("webchat", "que va")]
    [InlineData("sms", "que va, otro día")]
    [InlineData("webchat", "ni de broma 😹")]
    [InlineData("sms", "nel")]
    [InlineData("webchat", "para nada")]
    public async Task An_everyday_spanish_no_keeps_the_cat_on_its_step(string channel, string no)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training pip");
        (await LaterAsync(owner, "we did 10 minutes, she was relaxed")).Says("step 2");
        (await LaterAsync(owner, no)).Says("stays on step 1").DoesNotSay("didn't catch");
    }

    // ---- Pronoun corrections stick ----

    [Theory]
    [InlineData("webchat", "which harness for biscuit? she is tiny", "he's a boy btw, sorry", "he")]
    [InlineData("sms", "can biscuit wear the harness all day? he is a wriggler", "omg sorry she is a she!!", "she")]
    [InlineData("webchat", "is biscuit ready? they are 2", "Biscuit is a girl by the way", "she")]
    public async Task A_pronoun_said_outright_is_stored_and_corrects_the_one_before(string channel, string before, string correction, string pronoun)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training biscuit");
        await LaterAsync(owner, before);
        await LaterAsync(owner, correction);
        Assert.Equal(pronoun, (string?)(await StoredCatAsync(channel, owner))["Pronoun"]);

        // A pronoun in passing, about someone else, changes nothing after that.
        await LaterAsync(owner, pronoun == "he" ? "my vet is lovely, she said biscuit looks great" : "my vet is lovely, he said biscuit looks great");
        Assert.Equal(pronoun, (string?)(await StoredCatAsync(channel, owner))["Pronoun"]);
    }
}
