using System.Globalization;
using LeashBot.Safety;
using LeashBot.Tests.Support;
using LeashBot.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace LeashBot.Tests.Safety;

/// <summary>Runs alone: it counts the sentence embeddings the process computes, which other tests would add to.</summary>
[CollectionDefinition(nameof(EmbeddingCount), DisableParallelization = true)]
public sealed class EmbeddingCount;

/// <summary>
/// The second opinion's cost: the sentence embedding is computed only when the red-flag rules are silent and the
/// message's words read health-related; a red flag, a vet's all-clear or a training question never reaches the model.
/// </summary>
[Collection(nameof(EmbeddingCount))]
public sealed class SecondOpinionCostTests(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    [Fact]
    public void The_embedding_runs_only_when_the_rules_are_silent_and_the_message_reads_health_related()
    {
        var check = _host.Services.GetRequiredService<UnwellCheck>();
        var triage = _host.Services.GetRequiredService<RedFlagTriage>();
        Assert.NotNull(_host.Services.GetRequiredService<SemanticDecision>().Reader);
        var embeddings = SentenceEmbeddings.Instance;

        // A word no earlier message had, so no cached embedding hides a computed one.
        var fresh = "zq" + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture)[^6..];
        long Embedded(string text)
        {
            var before = embeddings.Computed;
            check.ShouldAsk(text);
            return embeddings.Computed - before;
        }

        var redFlag = $"she chewed a lily leaf {fresh}";
        Assert.True(triage.Read(redFlag).IsRedFlag);
        Assert.Equal(0, Embedded(redFlag));

        var allClear = $"the vet checked her gums {fresh} and says shes fine";
        Assert.True(check.ReadsHealthRelated(allClear));
        Assert.Equal(0, Embedded(allClear));

        var training = $"how long should a session be {fresh}";
        Assert.False(check.ReadsHealthRelated(training));
        Assert.Equal(0, Embedded(training));

        var worried = new[] { "her fur looks dull and clumpy", "his gums look a bit odd", "shes off colour, not herself" }
            .Select(w => $"{w} {fresh}")
            .First(w => !triage.Read(w).IsRedFlag && !triage.ReadsAllClear(w) && check.ReadsHealthRelated(w));
        Assert.Equal(1, Embedded(worried));
    }
}
