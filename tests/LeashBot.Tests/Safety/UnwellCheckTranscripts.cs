using LeashBot.Safety;
using LeashBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LeashBot.Tests.Safety;

/// <summary>
/// The second opinion through the real host: when the red-flag rules are silent but a message may be about a cat
/// unwell or hurt right now, the bot asks once with Yes/No. "Yes" gets the vet message, "no" answers what was
/// asked, anything else is read as a new message; never an alarm, never a trap.
/// </summary>
public sealed class UnwellCheckTranscripts(SharedHost shared, ITestOutputHelper output) : IClassFixture<SharedHost>
{
    private const string Question = "unwell or hurt right now?";
    private const string Vet = "555-0";

    private readonly BotHost _host = shared.Host;

    /// <summary>
    /// Worried lines in owners' words, some of which the rules may come to know: the transcripts use the first one
    /// the rules are silent on, so a rule added later doesn't make the second opinion untestable.
    /// </summary>
    private static readonly string[] Worried =
    [
        "she jumped off the wall chasing a bird and now she wont put her back leg down at all",
        "Pickle keeps gulping for air with her chin stretched up",
        "he got his paw caught in the door and keeps licking it, still up for a walk?",
        "hes barely touched his biscuits for two days and just lies about",
        "she keeps twitching her face and chomping her jaw and doesnt seem to know who i am",
        "my boy keeps running to the litter tray every 5 mins leaving wet spots the size of a coin",
        "no food or water for 36 hours now",
        "think a bee stung her nose, its puffy",
        "theres a bald patch on his back and its red",
        "she's been sneezing a lot today and her nose is runny",
        "he seems a bit off today and sleepy",
        "her fur is coming out in clumps",
    ];

    private UnwellCheck Check => _host.Services.GetRequiredService<UnwellCheck>();

    private string WorriedLine => Worried.FirstOrDefault(Check.ShouldAsk)
        ?? throw new InvalidOperationException("No worried line gets the question: the rules catch them all or the model reads none as unwell.");

    [Fact]
    public void Some_worried_lines_the_rules_miss_get_the_question()
    {
        var semantic = _host.Services.GetRequiredService<LeashBot.Understanding.SemanticDecision>().Reader;
        foreach (var line in Worried)
        {
            output.WriteLine($"asks {Check.ShouldAsk(line)}, health words {Check.ReadsHealthRelated(line)}, unwell {semantic.Unwell(line):0.00}: {line}");
        }

        Assert.NotNull(WorriedLine);
    }

    [Theory]
    [InlineData("how tight should the harness be")]
    [InlineData("she hisses at the harness, what now")]
    [InlineData("shes healthy, vet checked her last week, which leash should i get")]
    [InlineData("when is her next booster due")]
    [InlineData("we did 10 minutes and he was relaxed")]
    public void Training_questions_and_calm_health_lines_do_not_ask(string text) => Assert.False(Check.ShouldAsk(text));

    private async Task<Owner> WorriedOwnerAsync()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        (await owner.SaysAsync("his name is Tom")).Says("Lovely to meet Tom");
        (await owner.SaysAsync(WorriedLine)).Says("is Tom " + Question).Offers("Yes", "No").DoesNotSay(Vet);
        return owner;
    }

    [Fact]
    public async Task Yes_gets_the_vet_message()
    {
        var owner = await WorriedOwnerAsync();
        (await owner.SaysAsync("yes")).Says(Vet).DoesNotSay(Question);
    }

    [Fact]
    public async Task No_carries_on_with_what_the_owner_asked()
    {
        var owner = await WorriedOwnerAsync();
        var replies = await owner.SaysAsync("no hes fine");
        replies.DoesNotSay(Vet).DoesNotSay(Question);
        Assert.NotEmpty(replies.Texts);
    }

    [Fact]
    public async Task Anything_else_is_read_as_a_new_message_and_never_asked_again()
    {
        var owner = await WorriedOwnerAsync();
        (await owner.SaysAsync("how tight should the harness be")).DoesNotSay(Question).DoesNotSay(Vet).Says("loose");
        (await owner.SaysAsync("how's tom doing?")).Says("Tom: step 1 of 10");
    }
}
