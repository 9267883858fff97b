using LeashBot.Tests.Support;

namespace LeashBot.Tests.Safety;

/// <summary>
/// Saying which cat is a girl and which a boy is no health worry: no vet message, no held training, whatever the
/// names (a name the red flags also know, "Biscuit") and however it's typed.
/// </summary>
public sealed class CatSexTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    [Theory]
    [InlineData("pepper is a girl and biscuit's a boy")]
    [InlineData("Pepper's a girl, biscuit is a boy 😸")]
    [InlineData("oh and biscuit is male, pepper female")]
    [InlineData("pepper = girl, biscuit = boy lol")]
    public async Task Which_cat_is_a_girl_and_which_a_boy_raises_nothing(string line)
    {
        var owner = shared.Host.NewOwner();
        await owner.SaysAsync("start training");
        (await owner.SaysAsync("we've got two, pepper and biscuit")).Says("Pepper");
        (await owner.SaysAsync(line)).DoesNotSay("vet").DoesNotSay("unwell");
        (await owner.SaysAsync("how's pepper doing")).DoesNotSay("vet").Says("step 1");
    }
}
