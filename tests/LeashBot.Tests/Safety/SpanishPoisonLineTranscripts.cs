using LeashBot.Tests.Support;

namespace LeashBot.Tests.Safety;

/// <summary>
/// Short Spanish poison lines through the real host: the words Spanish and Italian share ("le di") give the Spanish
/// vet message, and a Spanish verb or a poison's name is never taken for a cat's name.
/// </summary>
public sealed class SpanishPoisonLineTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private const string SpanishVet = "veterinario";
    private const string ItalianOnly = "Porta ";

    [Theory]
    [InlineData("le di paracetamol")]
    [InlineData("le di paracetamol!!")]
    [InlineData("le di ibuprofeno 😰")]
    [InlineData("Le di un paracetamol")]
    public async Task A_short_line_in_words_spanish_shares_with_italian_gets_the_spanish_vet_message(string line)
    {
        var owner = shared.Host.NewOwner();
        (await owner.SaysAsync(line)).Says(SpanishVet).DoesNotSay(ItalianOnly).DoesNotSay("Chiama");
    }

    [Theory]
    [InlineData("mi gato tomo agua con lejia", "Tomo")]
    [InlineData("Ibuprofeno, le di uno", "Ibuprofeno")]
    [InlineData("mi gata comio chocolate 😭", "Comio")]
    public async Task A_spanish_verb_or_a_poison_is_never_kept_as_a_cats_name(string line, string notAName)
    {
        var owner = shared.Host.NewOwner();
        await owner.SaysAsync("start training");
        (await owner.SaysAsync("shes called Nube")).Says("Nube");
        await owner.SaysAsync(line);
        (await owner.SaysAsync("which cats do you have")).Says("Nube").DoesNotSay(notAName);
    }
}
