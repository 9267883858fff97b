using LeashBot.Safety;
using LeashBot.Understanding;

namespace LeashBot.Tests.Understanding;

/// <summary>The topic head and the red-flag tier head score an embedding the one same way: a linear layer and a softmax.</summary>
public sealed class HeadScoringTests
{
    private static readonly float[][] Weights = [[1f, 0f, 0.5f], [0f, 1f, -0.5f], [0.25f, 0.25f, 0f]];
    private static readonly float[] Bias = [0f, 0.5f, -1f];

    [Fact]
    public void Probabilities_are_the_softmax_of_bias_plus_weights_times_the_embedding()
    {
        float[] embedding = [2f, 1f, 0f];
        Span<double> p = stackalloc double[3];
        HeadScoring.Probabilities(Bias, Weights, embedding, p);

        double[] z = [0 + 2.0, 0.5 + 1.0, -1 + 0.75];
        var total = z.Sum(Math.Exp);
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(Math.Exp(z[c]) / total, p[c], 12);
        }
    }

    [Fact]
    public void The_tier_head_and_the_topic_head_read_the_same_weights_alike()
    {
        float[] embedding = [0.3f, -1.2f, 2.5f];
        var tiers = new RedFlagTierHead { Weights = Weights, Bias = Bias }.Read(embedding);
        var topics = new SemanticHead { Classes = ["a", "b", "c"], Weights = Weights, Bias = Bias, UnwellWeights = [0f, 0f, 0f], UnwellBias = 0f };
        Span<double> p = stackalloc double[3];
        topics.Topics(embedding, p);

        Assert.Equal(new[] { p[0], p[1], p[2] }, new[] { tiers.Calm, tiers.Soon, tiers.Emergency });
        Assert.Equal(1.0, tiers.Calm + tiers.Soon + tiers.Emergency, 12);
        Assert.Equal(0.5, topics.Unwell(embedding), 12);
    }
}
