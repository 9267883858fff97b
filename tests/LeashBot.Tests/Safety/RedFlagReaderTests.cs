using LeashBot.Safety;
using LeashBot.Tests.Support;
using LeashBot.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace LeashBot.Tests.Safety;

/// <summary>
/// The tier head as a decision where the rules are silent, with the real model in the real host: worried lines the
/// rules don't know get a tier by meaning; the rules' calm (denied, long ago, a vet's all-clear, "fine now") is never
/// overridden, and the model is not even asked then; training questions never reach it.
/// </summary>
[Collection(nameof(EmbeddingCount))]
public sealed class RedFlagReaderTests(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    private RedFlagReader Reader => _host.Services.GetRequiredService<RedFlagReader>();

    private static long Embedded(Action read)
    {
        var before = SentenceEmbeddings.Instance.Computed;
        read();
        return SentenceEmbeddings.Instance.Computed - before;
    }

    /// <summary>Worried lines in owners' words (none from a labelled set); the test uses those the rules are silent on.</summary>
    private static readonly string[] Worried =
    [
        "her third eyelid is half across both eyes today and she just sits hunched in the corner",
        "his chin has gone all crusty and bumpy, kind of like spots",
        "she keeps sneezing and her nose is snotty since yesterday",
        "he's got a weird lump on his leg that feels warm and he yelps if i touch it",
        "walks funny on his back paw since he jumped off the wardrobe, still putting weight on it",
        "shes been drinking loads more water than normal this week",
        "he keeps scratching at his ear and shaking his head, theres brown gunk in it",
        "she's sat with her neck stretched out, mouth a bit open, sides heaving",
    ];

    [Fact]
    public void Worried_lines_the_rules_are_silent_on_get_a_tier_by_meaning()
    {
        var silent = Worried.Where(l => !Reader.Rules.Read(l).IsRedFlag).ToList();
        Assert.NotEmpty(silent); // else the rules know them all: write new ones
        var read = silent.Select(l => (Line: l, Result: Reader.Read(l))).ToList();
        Assert.All(read.SelectMany(r => r.Result.Signs), s => Assert.Equal(RedFlagReader.ByMeaning, s.SystemId));
        Assert.True(read.Count(r => r.Result.IsRedFlag) * 2 >= silent.Count, string.Join("\n", read.Select(r => $"{r.Result}: {r.Line}")));
    }

    [Theory]
    [InlineData("no vomiting at all and her breathing is totally normal, just lazy on the lead", "she is vomiting and struggling to breathe")]
    [InlineData("he was hit by a car three years ago, fully healed now, ok to start leash training?", "he was hit by a car just now")]
    [InlineData("the vet checked her cough and said it's nothing, so can we walk tonight", "she has a bad cough and keeps gagging")]
    public void A_calm_the_rules_read_is_never_overridden_and_the_model_is_not_asked(string calm, string worried)
    {
        Assert.True(Reader.Read(worried).IsRedFlag);
        var fresh = $"{calm} {Guid.NewGuid():N}"[..(calm.Length + 9)];
        RedFlagResult? read = null;
        Assert.Equal(0, Embedded(() => read = Reader.Read(fresh)));
        Assert.False(read!.IsRedFlag, read.ToString());
    }

    [Theory]
    [InlineData("how long should a session be")]
    [InlineData("she freezes at the door, what now")]
    [InlineData("what length of lead do you recommend")]
    public void Training_questions_never_reach_the_model(string question)
    {
        var fresh = $"{question} zq{Guid.NewGuid():N}"[..(question.Length + 9)];
        RedFlagResult? read = null;
        Assert.Equal(0, Embedded(() => read = Reader.Read(fresh)));
        Assert.False(read!.IsRedFlag);
    }

    /// <summary>Fear and struggle words are training words: the model, which can't tell a frightened cat from a hurt one, is not asked.</summary>
    [Theory]
    [InlineData("she hissed and growled at the harness buckle then ate her treat, 4 mins")]
    [InlineData("she was hiding under the sofa after the walk, scared of the bin lorry")]
    [InlineData("bolted behind the sofa when the lead came out, hissing")]
    public void Fear_stories_never_reach_the_model(string story)
    {
        var fresh = $"{story} zq{Guid.NewGuid():N}"[..(story.Length + 9)];
        RedFlagResult? read = null;
        Assert.Equal(0, Embedded(() => read = Reader.Read(fresh)));
        Assert.False(read!.IsRedFlag);
        Assert.True(Reader.News.In(story));
    }

    [Theory]
    [InlineData("she hid under the bed and her gums look really pale")]
    [InlineData("scared of the hoover and now vomiting")]
    public void A_fear_word_beside_a_health_word_is_no_training_news(string worry) => Assert.False(Reader.News.In(worry));
}
