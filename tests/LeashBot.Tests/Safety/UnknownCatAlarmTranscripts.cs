using LeashBot.Tests.Support;

namespace LeashBot.Tests.Safety;

/// <summary>
/// An alarm about a cat the owner never told of names that cat back, never the one in training: the owner of Olive
/// who writes about Mochi is told to take Mochi.
/// </summary>
public sealed class UnknownCatAlarmTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    [Theory]
    [InlineData("mochi has been straining in the litter tray for ages and nothing comes out", "Mochi")]
    [InlineData("Biscuit is struggling to breathe, mouth open 😱", "Biscuit")]
    [InlineData("tigger was hit by a car just now", "Tigger")]
    public async Task The_named_cat_is_the_one_sent_to_the_vet(string line, string named)
    {
        var owner = shared.Host.NewOwner();
        await owner.SaysAsync("start training");
        (await owner.SaysAsync("her name is Olive")).Says("Olive");
        (await owner.SaysAsync(line)).Says(named).DoesNotSay("Olive");
    }

    [Fact]
    public async Task A_sign_word_opening_the_message_is_no_cats_name()
    {
        var owner = shared.Host.NewOwner();
        await owner.SaysAsync("start training");
        (await owner.SaysAsync("her name is Olive")).Says("Olive");
        (await owner.SaysAsync("blood is coming out when she pees")).Says("Olive").DoesNotSay("Blood ");
    }
}
