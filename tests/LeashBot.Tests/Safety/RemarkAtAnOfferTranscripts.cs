using LeashBot.Tests.Support;

namespace LeashBot.Tests.Safety;

/// <summary>
/// A remark that the cat seems unwell, written while the bot waits for a yes or no ("Shall I move Milo on to step
/// 2?"), is never that answer, however much of a "kind of" is in it: the bot asks whether the cat is unwell, and a
/// "no" leaves the offer with the cat where it was.
/// </summary>
public sealed class RemarkAtAnOfferTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private const string Question = "unwell or hurt right now?";

    private static async Task<Owner> OfferedAsync(Owner owner)
    {
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Milo");
        (await owner.SaysAsync("we did 10 min tonight, he was super relaxed")).Says("Shall I move Milo on to step 2");
        return owner;
    }

    [Fact]
    public async Task The_remark_gets_the_unwell_question_and_no_leaves_the_offer()
    {
        var owner = await OfferedAsync(shared.Host.NewOwner());
        (await owner.SaysAsync("my cat has been kind of off today")).Says(Question).DoesNotSay("on to step 2");
        (await owner.SaysAsync("no")).DoesNotSay("on to step 2");
        (await owner.SaysAsync("how's milo doing?")).Says("step 1 of 10");
    }

    [Fact]
    public async Task A_remark_the_rules_read_gets_the_vet_and_no_move()
    {
        var owner = await OfferedAsync(shared.Host.NewOwner());
        (await owner.SaysAsync("hmm hes been sort of off today tbh, not himself")).Says("555-0").DoesNotSay("on to step 2");
        (await owner.SaysAsync("how's milo doing?")).DoesNotSay("step 2");
    }

    [Fact]
    public async Task Yes_to_the_unwell_question_gets_the_vet_and_no_move()
    {
        var owner = await OfferedAsync(shared.Host.NewOwner());
        (await owner.SaysAsync("my cat has been kind of off today")).Says(Question);
        (await owner.SaysAsync("yes")).Says("555-0").DoesNotSay("on to step 2");
    }
}
