using LeashBot.Tests.Support;

namespace LeashBot.Tests.Safety;

/// <summary>
/// Through the real host: training news and fear stories (a hiss at the velcro, hiding from the bin lorry, flopping in
/// a new vest) are coaching: no alarm, no vet message, no "unwell or hurt?" question and no health remark. The same
/// fright with a real health sign in it still alarms.
/// </summary>
public sealed class TrainingNewsTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    private async Task<Owner> OwnerTrainingAsync(string cat)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync(cat);
        return owner;
    }

    [Theory]
    [InlineData("tried the harness on the sofa, she hissed when the buckle clicked and then took a treat, 6 mins maybe")]
    [InlineData("he hid behind the curtains as soon as the lead came out, growled at it a bit, we stopped after 3 mins")]
    [InlineData("the recycling truck went past and she bolted back inside, now shes sulking behind the sofa")]
    [InlineData("she flopped over like a pancake the second the vest went on lol, 5 min")]
    [InlineData("if he freezes and hisses at the door do i carry him back in or wait")]
    [InlineData("hes not sick or anything just a nervous boy, spooked by the hoover and hid all afternoon")]
    [InlineData("swatted at the velcro strap and hissed twice 😾 ate his churu after tho. about 7 minutes")]
    [InlineData("she was cowering under the bed after our walk, terrified of the motorbike that went past")]
    public async Task Training_news_and_fear_stories_stay_coaching(string news)
    {
        var owner = await OwnerTrainingAsync("Sorrel");
        (await owner.SaysAsync(news))
            .DoesNotSay(RedFlagScorecard.EmergencyPhone).DoesNotSay("could be an emergency").DoesNotSay("needs a vet")
            .DoesNotSay("unwell or hurt").DoesNotSay("can't judge health");
    }

    [Theory]
    [InlineData("she hid under the bed after the walk and now shes panting with her mouth open")]
    [InlineData("he bolted into the road and a car clipped him, hes hiding under the hedge")]
    [InlineData("she got spooked by fireworks and fell off the balcony, hiding now")]
    [InlineData("hissed at the harness then collapsed and wont wake up properly")]
    public async Task A_fright_with_a_health_sign_in_it_still_alarms(string worry)
    {
        var owner = await OwnerTrainingAsync("Sorrel");
        (await owner.SaysAsync(worry)).FirstSays("could be an emergency").Says(RedFlagScorecard.EmergencyPhone);
    }

    /// <summary>
    /// Hiding told on its own, with nothing of training in it, can be a sign of pain or illness: it is no training news, so
    /// the meaning of it is still read (an alarm or the "unwell or hurt?" question), never the coaching reply alone.
    /// </summary>
    [Theory]
    [InlineData("shes been hiding under the bed since yesterday and wont come out, so not like her")]
    [InlineData("she keeps hiding behind the washing machine today, hasnt come out for hours")]
    public async Task Hiding_with_nothing_of_training_in_it_is_still_read_for_health(string worry)
    {
        var owner = await OwnerTrainingAsync("Sorrel");
        var reply = await owner.SaysAsync(worry);
        Assert.True(reply.All.Contains("unwell or hurt", StringComparison.OrdinalIgnoreCase) || reply.All.Contains("vet", StringComparison.OrdinalIgnoreCase), $"Expected a health reading, got: {reply.All}");
    }
}
