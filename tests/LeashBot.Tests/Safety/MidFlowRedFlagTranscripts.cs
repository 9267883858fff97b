using LeashBot.Tests.Support;

namespace LeashBot.Tests.Safety;

/// <summary>
/// Through the real host: a red flag that arrives while the bot waits for an answer (a cat's name, a session's length,
/// how the cat seemed, a checklist question, a reminder's time or time zone) always wins: the vet message with the
/// numbers comes, and the line is never taken as the answer.
/// </summary>
public sealed class MidFlowRedFlagTranscripts(MidFlowRedFlagTranscripts.RemindersOn shared) : IClassFixture<MidFlowRedFlagTranscripts.RemindersOn>
{
    private readonly BotHost _host = shared.Host;

    /// <summary>The real host with reminders offered, so a reminder's time and time zone can be pending.</summary>
    public sealed class RemindersOn : IDisposable
    {
        public BotHost Host { get; } = new(new Dictionary<string, string?> { ["Reminders:Enabled"] = "true", ["Reminders:SendInBackground"] = "false" });

        public void Dispose() => Host.Dispose();
    }

    [Theory]
    [InlineData("What's your cat's name?", "omg she just had a fit on the kitchen floor, legs going everywhere")]
    [InlineData("What's your cat's name?", "mi gata se cayó del tejado y no se levanta")]
    [InlineData("How long was the session?", "5 mins but then he keeled over and isnt responding")]
    [InlineData("How long was the session?", "er hat vorhin rattengift gefressen")]
    [InlineData("How did she seem: relaxed, unsure or stressed?", "stressed and now theres blood in her wee")]
    [InlineData("How did she seem: relaxed, unsure or stressed?", "il saigne beaucoup de la patte, ça coule partout")]
    [InlineData("Is your cat healthy and up to date on vaccinations?", "yes but shes been straining in the tray for hours and nothing comes out")]
    [InlineData("Is your cat healthy and up to date on vaccinations?", "não faz xixi desde ontem, fica forçando na caixinha")]
    [InlineData("What time suits you for a reminder?", "7pm but he just got hit by a van!!")]
    [InlineData("What time suits you for a reminder?", "she ate a bit of my sertraline that fell on the floor")]
    [InlineData("Which time zone are you in?", "london. also hes gasping with his tongue all blue")]
    [InlineData("Which time zone are you in?", "ha mangiato del veleno per topi")]
    public async Task A_red_flag_at_a_pending_question_gets_the_vet_and_is_not_taken_as_the_answer(string context, string line)
    {
        var owner = _host.NewOwner();
        var question = RedFlagScorecard.PendingQuestion.For(context);
        await question.SetUpAsync(owner);
        var replies = await owner.SaysAsync(line);
        replies.Says(RedFlagScorecard.EmergencyPhone);
        Assert.False(question.TakenAsAnswer(replies), $"{question.Name}: {replies.All}");
    }
}
