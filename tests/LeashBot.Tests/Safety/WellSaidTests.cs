using LeashBot.Content;
using LeashBot.Safety;

namespace LeashBot.Tests.Safety;

/// <summary>
/// "The cat is well" keeps a message from the tier head, so it must be said: a negated well word ("not eating
/// normally") or one followed by a change ("she was fine but now…") says the opposite, and the head still reads it.
/// </summary>
public sealed class WellSaidTests
{
    private static readonly Lazy<WellSaid> Well = new(() => new WellSaid(BotContent.Load(Path.Combine(RepoRoot.Path, "dialogs")).RedFlags.WellSaid));

    [Theory]
    [InlineData("shes eating and drinking normally, just wondering about harnesses")]
    [InlineData("healthy 3yo boy, vet checked him last month")]
    [InlineData("pees fine, poops fine, just hates the vest lol")]
    public void The_cat_said_to_be_well_is_well_said(string text) => Assert.True(Well.Value.In(text));

    [Theory]
    [InlineData("shes not eating normally and keeps hiding")]
    [InlineData("his breathing doesnt sound normal at all")]
    [InlineData("she was fine this morning but now shes breathing really fast")]
    [InlineData("he was eating normally until today, now nothing")]
    [InlineData("she seemed fine then suddenly fell over")]
    [InlineData("breathing way faster than normal")]
    public void A_negated_well_word_or_a_change_after_it_is_not(string text) => Assert.False(Well.Value.In(text));
}
