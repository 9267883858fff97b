using LeashBot.Safety;

namespace LeashBot.Tests.Safety;

/// <summary>How the triage reads: typos, denials and their reach, vet clearances, tiers, and very long text.</summary>
public sealed class RedFlagTriageTests
{
    private static RedFlagTriage Triage => RedFlagSetTests.Triage.Value;

    [Theory]
    [InlineData("shes been vomitting since lunch")]
    [InlineData("his paw is bleding")]
    [InlineData("cant breath!!")]
    [InlineData("siezure!!! what do i do")]
    [InlineData("MY CAT ATE IBUPROFEN")]
    [InlineData("she's had the runs 🤮 all day")]
    public void Typos_capitals_and_emoji_still_count(string text) =>
        Assert.True(Triage.Read(text).IsRedFlag, Triage.Explain(text));

    [Theory]
    [InlineData("she's not limping, she's dragging her back legs")]
    [InlineData("no vomiting but her gums are pale")]
    [InlineData("i'm not sure if she's limping")]
    [InlineData("she can't stop vomiting")]
    [InlineData("every time she goes in the litter box, she strains")]
    [InlineData("her gums, they look pale")]
    [InlineData("not eating and he won't walk and is vomiting")]
    public void A_denial_reaches_only_its_own_clause_and_doubt_is_no_denial(string text) =>
        Assert.True(Triage.Read(text).IsRedFlag, Triage.Explain(text));

    [Theory]
    [InlineData("I don't think she's in pain, she just sulks")]
    [InlineData("no limping, no vomiting, no nothing")]
    [InlineData("she was wheezing last week but the vet checked her and said she's fine")]
    [InlineData("Lily hissed at the harness")]
    [InlineData("she is a bit nervous on the grass")]
    [InlineData("no straining in the litter box, she pees fine")]
    [InlineData("the lilies are fake plastic ones, she didn't eat any real lily")]
    public void Denials_clearances_and_lookalike_words_are_calm(string text) =>
        Assert.False(Triage.Read(text).IsRedFlag, $"{Triage.Read(text)}: {Triage.Explain(text)}");

    [Theory]
    [InlineData("a motorbike backfired and he ran behind the bin, hes fine now. how do we get his confidence back")]
    [InlineData("the neighbours van alarm went off and she bolted inside, just nervous now")]
    [InlineData("honestly i'm going to pass out, she pulled me round the park for an hour")]
    [InlineData("my dog just had his advantix put on, how long do i keep them separate?")]
    public void A_vehicle_heard_an_owner_worn_out_and_a_product_kept_apart_are_calm(string text) =>
        Assert.False(Triage.Read(text).IsRedFlag, $"{Triage.Read(text)}: {Triage.Explain(text)}");

    [Theory]
    [InlineData("a van clipped her on the road and shes limping")]
    [InlineData("i came home and she had collapsed by the door")]
    [InlineData("he's sneezing and snotty since yesterday")]
    [InlineData("shes been a bit snotty for two days")]
    [InlineData("the dog's advantix, she licked it off him an hour ago")]
    public void The_same_words_still_alarm_when_the_cat_is_hurt_or_unwell(string text) =>
        Assert.True(Triage.Read(text).IsRedFlag, Triage.Explain(text));

    [Fact]
    public void A_vets_all_clear_before_a_but_does_not_calm_what_comes_after()
    {
        Assert.True(Triage.Read("the vet said she's fine but now she's wheezing").IsRedFlag);
    }

    [Fact]
    public void Fine_now_calms_a_see_a_vet_soon_sign_but_never_an_emergency()
    {
        Assert.False(Triage.Read("she threw up once this morning but she's fine now").IsRedFlag);
        var seizure = Triage.Read("she had a seizure this morning but she seems fine now");
        Assert.Equal(RedFlagTier.Emergency, seizure.Tier);
        Assert.Contains(seizure.Signs, s => s.SystemId == "neuro");
    }

    [Fact]
    public void The_highest_tier_wins_and_every_sign_is_named_with_its_body_system()
    {
        var result = Triage.Read("he's limping and his gums look grey");
        Assert.Equal(RedFlagTier.Emergency, result.Tier);
        Assert.Contains(result.Signs, s => s.SystemId == "pain" && s.Tier == RedFlagTier.Soon);
        Assert.Contains(result.Signs, s => s.SystemId == "gums" && s.Tier == RedFlagTier.Emergency);
        Assert.Equal(RedFlagTier.Soon, Triage.Read("he's limping a bit").Tier);
    }

    [Fact]
    public void A_huge_message_is_read_to_the_end()
    {
        var text = string.Concat(Enumerable.Repeat("She sat on the step and watched the birds. ", 20_000)) + "Now she is gasping.";
        Assert.True(text.Length > 800_000);
        Assert.Equal(RedFlagTier.Emergency, Triage.Read(text).Tier);
        Assert.False(Triage.Read(string.Concat(Enumerable.Repeat("x", 100_000))).IsRedFlag);
    }

    [Theory]
    [InlineData("ok I'll call, is it serious?", true)]
    [InlineData("can it wait till the morning", true)]
    [InlineData("ok thanks, I'm calling them", false)]
    public void Health_questions_are_told_from_other_replies(string text, bool asks) =>
        Assert.Equal(asks, Triage.AsksAboutHealth(text));
}

/// <summary>The recognizer's dev set is everyday coaching talk written for another purpose: the triage must leave it alone.</summary>
public sealed class RedFlagDevSetTests
{
    [Fact]
    public void Coaching_talk_from_the_recognizers_dev_set_raises_no_red_flag_except_peeing_outside_the_box()
    {
        var items = Understanding.DevSetTests.Load().Items;
        var flagged = items.Where(i => RedFlagSetTests.Triage.Value.Read(i.Text).IsRedFlag).Select(i => i.Text).ToList();

        // Peeing outside the box is a classic sign of a bladder problem: a vet check first is deliberate.
        Assert.Equal(["my cat pees outside the litter box"], flagged);
    }
}
