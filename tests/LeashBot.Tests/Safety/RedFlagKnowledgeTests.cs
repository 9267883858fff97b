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
    [InlineData("we think my Lily ate too fast, she ate her dinner in a minute", "Lily")]
    public void A_cat_called_by_a_plant_name_is_read_as_the_cat(string text, string name) =>
        Assert.False(Triage.Read(text, [name]).IsRedFlag, Triage.Explain(text));

    /// <summary>No cat's name known yet (a first message): a name that is also a poison is the cat when it does something.</summary>
    [Theory]
    [InlineData("Coco licked the gravy off her plate and wants more")]
    [InlineData("Brandy ate all her biscuits before the walk")]
    [InlineData("so Whisky keeps chewing the lead clip, how do i stop it")]
    [InlineData("Ginger ate her breakfast, then Jasmine had a nap in the harness")]
    [InlineData("holly nibbled my fingers when i did the buckle lol")]
    public void A_name_that_is_also_a_poison_is_the_cat_when_it_does_something(string text) =>
        Assert.False(Triage.Read(text).IsRedFlag, $"{Triage.Read(text)}: {Triage.Explain(text)}");

    [Theory]
    [InlineData("holly berries, she's been chewing them off the wreath")]
    [InlineData("she had a good lick of the brandy butter on my plate")]
    [InlineData("there's a daisy plant on the sill and he's chomped half of it")]
    [InlineData("lily on the kitchen table, he nibbled the petals")]
    [InlineData("the tulips were in a jug and Mochi chewed the leaves")]
    public void The_same_word_as_a_thing_still_alarms(string text) =>
        Assert.Equal(RedFlagTier.Emergency, Triage.Read(text).Tier);

    [Theory]
    [InlineData("Lily ate a lily leaf from the vase", "Lily")]
    [InlineData("ivy chewed the ivy by the back door", "Ivy")]
    public void The_same_word_as_the_thing_still_alarms_beside_the_cats_name(string text, string name) =>
        Assert.True(Triage.Read(text, [name]).IsRedFlag, Triage.Explain(text));

    /// <summary>Signs by body system, in phrasings owners use (not lines of the labelled sets).</summary>
    [Theory]
    [InlineData("his sides are pumping in and out even though hes asleep")]
    [InlineData("she makes a whistling noise every time she breathes in")]
    [InlineData("we came in 15 mins ago and he's still panting")]
    [InlineData("it was scorching in the conservatory and now she's drooling and floppy")]
    [InlineData("the shelf fell on her when she jumped at it")]
    [InlineData("got stung by a bee and her face is puffing up")]
    [InlineData("the tom next door caught him in the eye and he won't open it")]
    [InlineData("there's a grass seed stuck in her eye i think")]
    [InlineData("his eye has gone all red and cloudy since lunch")]
    [InlineData("her back paw is swollen and ice cold")]
    [InlineData("he's in and out the tray straining and nothing happening, hes a boy")]
    [InlineData("wont eat, hasnt touched his bowl in 3 days")]
    [InlineData("she feels really hot and just lies in the corner")]
    [InlineData("a big flap of skin is hanging off his side after the fight")]
    public void Emergencies_of_every_body_system_are_read_as_emergencies(string text) =>
        Assert.Equal(RedFlagTier.Emergency, Triage.Read(text).Tier);

    [Theory]
    [InlineData("she keeps scratching at her ears and theres black gunk in them")]
    [InlineData("he keeps shaking his head a lot since yesterday")]
    [InlineData("bald patches on her back legs from licking")]
    [InlineData("spotted flea dirt when i brushed him")]
    [InlineData("the tick came off but the head is still in her skin")]
    [InlineData("the harness strap has rubbed her armpit raw")]
    [InlineData("his breath smells awful and he drops biscuits when he chews")]
    [InlineData("one of her teeth looks cracked")]
    [InlineData("hacking up hairballs loads this week")]
    [InlineData("shes brought up a furball every day this week")]
    [InlineData("eating less than normal the last couple of days")]
    [InlineData("he's drinking loads more than he did")]
    [InlineData("she's weeing on the duvet, never did before")]
    [InlineData("a bit of sticky discharge in the corner of her eye")]
    public void See_a_vet_soon_signs_of_skin_ears_mouth_and_habits(string text) =>
        Assert.True(Triage.Read(text).IsRedFlag, $"{Triage.Read(text)}: {Triage.Explain(text)}");

    /// <summary>Denials, what the owner did to themselves, things put away, and a sign that was over in a moment.</summary>
    [Theory]
    [InlineData("she nipped me during the buckle and i bled a little, im fine")]
    [InlineData("had one hairball on sunday, just the one, she's fine")]
    [InlineData("only a single furball this week, totally normal for him")]
    [InlineData("the rat bait is locked inside the garage cupboard, can we walk past it")]
    [InlineData("our chocolate labrador wants to come on the walks too")]
    [InlineData("jumped off the kitchen chair, landed on all four paws and strutted off")]
    [InlineData("trod on her paw by mistake, she squeaked and now she's back to playing")]
    [InlineData("the vet said the bump is just a fatty lump, nothing to worry about")]
    [InlineData("he wont eat treats outside but his dinner goes down fine")]
    [InlineData("she snores like a little train when she naps")]
    [InlineData("had a fever as a kitten but she's been healthy for years, can she start")]
    public void Calm_lines_stay_calm(string text) =>
        Assert.False(Triage.Read(text).IsRedFlag, $"{Triage.Read(text)}: {Triage.Explain(text)}");

    /// <summary>"Nobody" denies like "no", and everyday words of another language are words, not typos of a red-flag one.</summary>
    [Theory]
    [InlineData("lol nobody is hurt, i meant a week off from training")]
    [InlineData("noone got hurt she just hissed at the door")]
    [InlineData("nobody was injured, it was just a bad session")]
    [InlineData("es demasiado tímida para aprender? tiene 5 años")]
    [InlineData("mi gata es demasiado mayor para el arnés??")]
    [InlineData("hola, una pregunta: cuál es el siguiente paso")]
    public void Nobody_hurt_and_everyday_words_of_other_languages_raise_no_flag(string text) =>
        Assert.False(Triage.Read(text).IsRedFlag, $"{Triage.Read(text)}: {Triage.Explain(text)}");

    [Theory]
    [InlineData("mi gata se desmayó en el patio y no reacciona")]
    [InlineData("he just collapsd in the hallway and wont get up")]
    [InlineData("nobody saw it but hes limping and his leg is hanging")]
    public void Fainting_in_another_language_a_typo_and_a_sign_after_nobody_are_still_read(string text) =>
        Assert.Equal(RedFlagTier.Emergency, Triage.Read(text).Tier);

    /// <summary>How the message is read: a "but" ends a pattern's reach, a sign's "unless" stops at "so", a bare "no." answers a question.</summary>
    [Fact]
    public void Reading_stops_where_the_thought_does()
    {
        Assert.False(Triage.Read("she won't take treats in the garden but she eats at home").IsRedFlag);
        Assert.Equal(RedFlagTier.Emergency, Triage.Read("she hasn't eaten since monday, so the treats do nothing for her").Tier);
        Assert.True(Triage.Read("no. there's a new lump on her side though").IsRedFlag);
        Assert.True(Triage.Read("nope. he's been drinking way more than he used to").IsRedFlag);
    }

    [Theory]
    [InlineData("elle a avalé de l'antigel dans le garage je pense", "fr")]
    [InlineData("il ne mange plus rien depuis deux jours", "fr")]
    [InlineData("das Zahnfleisch ist weiß und sie atmet schwer", "de")]
    [InlineData("er hat das Flohmittel vom Hund abgeleckt", "de")]
    [InlineData("ele tá com as patas geladas e não anda", "pt")]
    [InlineData("mi gato va al arenero cada rato y no sale nada", "es")]
    public void Red_flags_in_other_languages_carry_their_language(string text, string language)
    {
        Assert.True(Triage.Read(text).IsRedFlag, Triage.Explain(text));
        Assert.Equal(language, Triage.LanguageOf(text));
    }

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

    /// <summary>
    /// Open-mouth panting after hard play that stops within minutes can happen in a healthy cat (emergency vets say
    /// it is the one time it may be normal), so it is a call to the vet soon; the same panting at rest, going on, or
    /// with other signs is an emergency.
    /// </summary>
    [Theory]
    [InlineData("after the zoomies she was panting with her mouth open for a couple of mins, then totally fine", RedFlagTier.Soon)]
    [InlineData("he chased the laser for ages and panted like a dog after. settled down quickly tho", RedFlagTier.Soon)]
    [InlineData("panting with her mouth open after play and now shes lying flat and wont get up", RedFlagTier.Emergency)]
    [InlineData("breathing with her mouth open while just lying on the sofa", RedFlagTier.Emergency)]
    [InlineData("he was panting with his mouth open after chasing his toy and hes still doing it 20 mins later", RedFlagTier.Emergency)]
    [InlineData("mouth open panting after playing, fine after, but his gums look blue", RedFlagTier.Emergency)]
    public void Open_mouth_panting_after_play_that_stopped_is_a_call_soon_not_an_emergency(string text, RedFlagTier tier) =>
        Assert.Equal(tier, Triage.Read(text).Tier);

    /// <summary>Emergencies told by what the owner sees rather than a named sign (written from vet triage lists, not from any set).</summary>
    [Theory]
    [InlineData("shes been hiding all afternoon, shaking, and she cries when i stroke her")]
    [InlineData("he wont let anyone near his tail end, growls if you try")]
    [InlineData("the cut on her neck from the fight has gone all yellow and gunky and it stinks")]
    [InlineData("gave him his puffer twice already and hes still breathing weird")]
    [InlineData("4 days no food now, just sniffs the bowl and walks off")]
    public void Emergencies_told_by_their_effect_are_read(string text) =>
        Assert.Equal(RedFlagTier.Emergency, Triage.Read(text).Tier);

    [Theory]
    [InlineData("the scratch on my arm is oozing a bit lol, she's fine")]
    [InlineData("we keep her inhaler in the cupboard just in case, shes never needed it")]
    [InlineData("he hid under the bed when the hoover came out then came out for tea")]
    public void Their_calm_look_alikes_are_not(string text) =>
        Assert.False(Triage.Read(text).IsRedFlag, Triage.Explain(text));
}
