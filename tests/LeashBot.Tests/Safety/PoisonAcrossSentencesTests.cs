using LeashBot.Safety;
using LeashBot.Tests.Support;

namespace LeashBot.Tests.Safety;

/// <summary>
/// Poisons told the way owners tell them: named in one sentence and eaten in the next, taken off the cat too late or
/// only nearly eaten, written in Spanish; dog painkillers; cries of pain, sudden big pupils with a wobble, and a
/// queen in labour who strains with no kitten. Also what stays calm beside them: a person's own illness, a cat who
/// bolts under a parked car in a fright, blood tests, and plain howling on walks. Phrasings are new ones, not lines of
/// the labelled sets.
/// </summary>
public sealed class PoisonAcrossSentencesTests(SharedHost shared) : IClassFixture<SharedHost>
{
    private const string Emergency = "could be an emergency";

    private static RedFlagTriage Triage => RedFlagSetTests.Triage.Value;

    [Theory]
    [InlineData("my sister left a bag of raisins on the sofa. Biscuit has eaten most of them")]
    [InlineData("there was a box of paracetamol on the bedside table. i think he chewed some 😟")]
    [InlineData("husband sprayed slug killer round the veg patch this am. shes been licking her paws ever since")]
    [InlineData("half a bar of 85% cocoa was on the desk. she had a good go at it")]
    public void A_poison_named_in_one_sentence_and_eaten_in_the_next_is_an_emergency(string text) =>
        Assert.Equal(RedFlagTier.Emergency, Triage.Read(text).Tier);

    [Theory]
    [InlineData("my partner hides her chocolate stash in the cupboard over the fridge. the cat ate her own dinner and went to sleep")]
    [InlineData("mum bought grapes at the market. he sniffed the bag and wandered off")]
    public void A_poison_named_and_a_meal_after_it_that_doesnt_point_back_stays_calm(string text) =>
        Assert.False(Triage.Read(text).IsRedFlag, Triage.Explain(text));

    [Theory]
    [InlineData("she nearly ate a bit of my garlic bread but i whipped it away in time lol")]
    [InlineData("he almost had a chew of the lily on the table, i moved it before he got there")]
    [InlineData("he almost licked the bleachy floor but i picked him up first")]
    public void A_near_miss_is_calm(string text) =>
        Assert.False(Triage.Read(text).IsRedFlag, Triage.Explain(text));

    [Theory]
    [InlineData("she grabbed one of my ibuprofen off the floor, i almost got it out of her mouth but she swallowed it")]
    [InlineData("tried to get the grape off him but he gulped it down")]
    [InlineData("nearly had it off her but she swallowed it 😩")]
    public void Taken_off_the_cat_too_late_is_an_emergency(string text) =>
        Assert.Equal(RedFlagTier.Emergency, Triage.Read(text).Tier);

    [Theory]
    [InlineData("the dogs rimadyl tablet fell on the floor and the cat ate it")]
    [InlineData("pretty sure kitty had one of the dogs previcox chews")]
    public void A_dog_painkiller_eaten_by_the_cat_is_an_emergency(string text) =>
        Assert.Equal(RedFlagTier.Emergency, Triage.Read(text).Tier);

    [Theory]
    [InlineData("hes been yowling like hes in real pain for an hour")]
    [InlineData("she keeps crying out in agony and wont settle")]
    [InlineData("out of nowhere her pupils are enormous black discs and shes staggering about")]
    [InlineData("pupils gone massive and hes wobbling all over the kitchen")]
    [InlineData("our queen has been pushing for ages and still no kitten")]
    [InlineData("pregnant girl has dark discharge but no kittens and shes just lying there")]
    [InlineData("he sounds like he cant get air and his tongue looks kinda blue")]
    [InlineData("theres a splinter or something poking out of her eye")]
    public void Cries_of_pain_big_pupils_with_a_wobble_a_blue_tongue_an_eye_and_labour_signs_are_emergencies(string text) =>
        Assert.Equal(RedFlagTier.Emergency, Triage.Read(text).Tier);

    [Theory]
    [InlineData("my daughter has a stomach bug and has been throwing up all day, the cat keeps her company")]
    [InlineData("my brother has a seizure condition and the cat sits with him when it happens. is that normal cat behaviour?")]
    [InlineData("she shot under a parked car when the bus went by but came out after a bit, how do i help her with traffic")]
    [InlineData("he had bloods done at his checkup and all good, can we start leash training")]
    public void A_persons_illness_a_fright_under_a_car_and_blood_tests_are_calm(string text) =>
        Assert.False(Triage.Read(text).IsRedFlag, Triage.Explain(text));

    [Theory]
    [InlineData("she howls the whole way round the garden on her lead")]
    [InlineData("my boy yowls at the back door every time we go out")]
    public async Task Howling_on_walks_is_a_training_question(string text)
    {
        Assert.False(Triage.Read(text).IsRedFlag, Triage.Explain(text));
        (await shared.Host.NewOwner().SaysAsync(text)).Says("stress response").DoesNotSay(RedFlagScorecard.EmergencyPhone);
    }

    [Theory]
    [InlineData("mi gata se ha comido un trozo de chocolate negro")]
    [InlineData("creo que ha mordido el veneno para ratas del garaje")]
    [InlineData("ella se comio el raticida 😭")]
    [InlineData("lejia!! la pisó y se lamió las patas")]
    [InlineData("le di un ibuprofeno para el dolor")]
    [InlineData("mordisqueó un lirio del ramo")]
    [InlineData("bebió anticongelante del suelo del garaje")]
    public async Task A_poison_named_in_Spanish_gets_the_Spanish_vet_message_with_both_numbers(string text)
    {
        var replies = await shared.Host.NewOwner().SaysAsync(text);
        replies.Says("Puede ser una urgencia").Says(RedFlagScorecard.EmergencyPhone).Says("555-0100").DoesNotSay(Emergency);
    }
}
