using LeashBot.Safety;

namespace LeashBot.Tests.Safety;

/// <summary>
/// The knowledge lists (toxic plants, human medicines, foods, household products, drugs), body part × abnormal
/// state, events, the thing-before-the-verb order, other languages, and cats called by a red-flag word. Phrasings
/// here are new ones, not lines of the labelled sets.
/// </summary>
public sealed class RedFlagKnowledgeTests
{
    private static RedFlagTriage Triage => RedFlagSetTests.Triage.Value;

    [Theory]
    [InlineData("tulips. he had a good chew on the bulb")]
    [InlineData("azalea leaves, shes been munching them on the patio")]
    [InlineData("my dad dropped his propranolol and the cat swallowed one")]
    [InlineData("she knocked my prozac off the nightstand and now i can only find half of it")]
    [InlineData("raisins!! he scoffed a handful from the kids lunchbox")]
    [InlineData("he licked up spilt antifreeze in the garage")]
    [InlineData("a cannabis gummy, she ate it off the coffee table")]
    [InlineData("the diffuser tipped over and she walked through the tea tree oil")]
    [InlineData("my roommate fed him a bit of onion bhaji")]
    public void A_poison_is_read_whichever_comes_first_the_thing_or_the_verb(string text) =>
        Assert.Equal(RedFlagTier.Emergency, Triage.Read(text).Tier);

    [Theory]
    [InlineData("a motorbike knocked her over outside the shop")]
    [InlineData("he got hit by a lorry i think, hes hiding in the shed")]
    [InlineData("she slipped off the balcony rail, we are 3 floors up")]
    [InlineData("his front leg is just dangling")]
    [InlineData("hes not putting his front paw down at all since this morning")]
    [InlineData("the neighbours staffy grabbed her by the neck")]
    [InlineData("she bit through the lamp cord and got zapped")]
    [InlineData("he fell into the swimming pool and swallowed loads of water")]
    [InlineData("theres a bit of string hanging out of her bum")]
    public void Events_and_a_leg_that_hangs_or_isnt_used_are_emergencies(string text) =>
        Assert.Equal(RedFlagTier.Emergency, Triage.Read(text).Tier);

    [Theory]
    [InlineData("i ate half a box of chocolates watching tv while she slept")]
    [InlineData("took an ibuprofen for my back after the walk lol")]
    [InlineData("we keep the grapes in the fridge, she can't get at them")]
    [InlineData("after training she sleeps for an hour")]
    [InlineData("how would i know if she ate something bad on a walk?")]
    [InlineData("my son ate the last brownie and the cat watched")]
    public void People_eating_and_taking_things_and_what_ifs_are_calm(string text) =>
        Assert.False(Triage.Read(text).IsRedFlag, $"{Triage.Read(text)}: {Triage.Explain(text)}");

    [Theory]
    [InlineData("Lily the cat ate her dinner", "Lily")]
    [InlineData("daisy chewed the harness strap again", "Daisy")]
    [InlineData("ivy licked the treats off my hand", "Ivy")]
    public void A_cat_called_by_a_plant_name_is_read_as_the_cat(string text, string name)
    {
        Assert.False(Triage.Read(text, [name]).IsRedFlag, Triage.Explain(text));
        Assert.True(Triage.Read(text).IsRedFlag || name != "Lily", "without the owner's cats the plant reading stands");
    }

    [Theory]
    [InlineData("Lily ate a lily leaf from the vase", "Lily")]
    [InlineData("ivy chewed the ivy by the back door", "Ivy")]
    public void The_same_word_as_the_thing_still_alarms_beside_the_cats_name(string text, string name) =>
        Assert.True(Triage.Read(text, [name]).IsRedFlag, Triage.Explain(text));

    [Theory]
    [InlineData("mi gata no puede respirar bien")]
    [InlineData("mi gato se comió una hoja de lirio")]
    [InlineData("lo atropello un carro")]
    [InlineData("tiene convulsiones")]
    [InlineData("esta vomitando sangre")]
    [InlineData("no puede hacer pis y llora en el arenero")]
    [InlineData("sus encias estan muy palidas")]
    [InlineData("no apoya la pata trasera")]
    [InlineData("creo que tiene un golpe de calor")]
    [InlineData("lleva dos dias sin comer")]
    [InlineData("tiene el ojo hinchado y rojo")]
    [InlineData("mon chat ne respire pas bien")]
    [InlineData("meine katze hat einen krampfanfall")]
    [InlineData("meu gato comeu veneno de rato")]
    public void Common_signs_are_read_in_other_languages(string text) =>
        Assert.True(Triage.Read(text).IsRedFlag, Triage.Explain(text));
}
