using LeashBot.Understanding;
using LeashBot.Tests.Understanding.Sets;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Understanding.Semantic;

/// <summary>
/// The semantic reader's head is data trained from files in the repository: the topics' examples in
/// dialogs/understanding.json, the blind-written training lines (topics-train.json), topic lines of our own
/// (topics-own-train.json), the tuning sets' lines (Sets/topics.*.json with "use": "tuning"), CLINC150 queries as the
/// out-of-scope class (clinc150-out-of-scope.json, with pet-adjacent lines of our own in out-of-scope-train.json) and the red-flag lines for "unwell or hurt right now"
/// (unwell-train.json). Retraining must give the committed head. To retrain after changing any of them:
/// <c>LEASHBOT_WRITE_SEMANTIC_HEAD=1 dotnet test tests/LeashBot.Tests --filter FullyQualifiedName~SemanticHeadTrainingTests</c>.
/// </summary>
public sealed class SemanticHeadTrainingTests
{
    private const double Tolerance = 0.002;

    /// <summary>The committed head, read from the repository (what the next build embeds).</summary>
    internal static SemanticHead CommittedHead => LazyCommitted.Value;

    private static readonly Lazy<SemanticHead> LazyCommitted = new(() => SemanticHead.Parse(File.ReadAllText(HeadPath)));

    internal static string HeadPath => RepoFiles.PathOf("src", "LeashBot", "Understanding", "semantic-head.json");

    private static string DataPath(string file) => RepoFiles.PathOf("tests", "LeashBot.Tests", "Understanding", "Semantic", file);

    /// <summary>Every labelled line, in a fixed order: content order of the topics, then the files in a fixed order.</summary>
    internal static (string[] Classes, List<(string Text, int Label)> Topics, List<(string Text, int Label)> Unwell, Dictionary<string, int> Sources) TrainingLines()
    {
        var topics = RepoFiles.Understanding.Topics;
        var classes = topics.Select(t => t.Id).ToArray();
        var index = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var outOfScope = index[TopicIds.OutOfScope];
        var topicLines = new List<(string, int)>();
        var sources = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            topicLines.AddRange(topic.Examples.Select(e => (e, index[topic.Id])));
        }

        sources["dialogs/understanding.json examples"] = topicLines.Count;
        // Topic lines by topic: the blind-written ones, then our own.
        foreach (var file in new[] { "topics-train.json", "topics-own-train.json" })
        {
            var byTopic = JObject.Parse(File.ReadAllText(DataPath(file)))["topics"]!.ToObject<Dictionary<string, List<string>>>()!;
            Assert.All(byTopic.Keys, k => Assert.Contains(k, classes));
            foreach (var topic in classes.Where(byTopic.ContainsKey))
            {
                topicLines.AddRange(byTopic[topic].Select(e => (e, index[topic])));
            }

            sources[file] = byTopic.Values.Sum(v => v.Count);
        }

        // The tuning sets (Sets/topics.*.json with "use": "tuning") are other writers' voices: the head learns from them
        // too. Held-out sets never reach it.
        foreach (var file in Directory.GetFiles(TopicSetScoring.Folder, "topics.*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal))
        {
            var set = TopicSetScoring.Load(file);
            if (set.Use == "tuning")
            {
                topicLines.AddRange(set.Items.Select(i => (i.Text, index[i.Topic])));
                sources[file] = set.Items.Count;
            }
        }

        var ownOutOfScope = JObject.Parse(File.ReadAllText(DataPath("out-of-scope-train.json")))["lines"]!.ToObject<List<string>>()!;
        topicLines.AddRange(ownOutOfScope.Select(q => (q, outOfScope)));
        sources["out-of-scope-train.json"] = ownOutOfScope.Count;
        var clinc = JObject.Parse(File.ReadAllText(DataPath("clinc150-out-of-scope.json")))["queries"]!.ToObject<List<string>>()!;
        topicLines.AddRange(clinc.Select(q => (q, outOfScope)));
        sources["clinc150-out-of-scope.json"] = clinc.Count;

        // Unwell: the red flags against calm health lines and everything that is a topic (vet care included: a
        // question about vaccines is not a cat unwell right now).
        var unwell = JObject.Parse(File.ReadAllText(DataPath("unwell-train.json")));
        var unwellLines = new List<(string, int)>();
        unwellLines.AddRange(unwell["unwell"]!.ToObject<List<string>>()!.Select(t => (t, 1)));
        unwellLines.AddRange(unwell["calm"]!.ToObject<List<string>>()!.Select(t => (t, 0)));
        sources["unwell-train.json"] = unwellLines.Count;
        unwellLines.AddRange(topicLines.Where(l => l.Item2 != outOfScope).Select(l => (l.Item1, 0)));
        return (classes, topicLines, unwellLines, sources);
    }

    internal static SemanticHead Retrain()
    {
        var (classes, topicLines, unwellLines, sources) = TrainingLines();
        var all = topicLines.Select(l => l.Text).Concat(unwellLines.Select(l => l.Text)).Distinct(StringComparer.Ordinal).ToList();
        var vectors = SentenceEmbeddings.Instance.EmbedAll(all);
        var byText = all.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => vectors[x.i], StringComparer.Ordinal);
        return SemanticHeadTrainer.Train(
            classes,
            [.. topicLines.Select(l => new SemanticHeadTrainer.Example(byText[l.Text], l.Label))],
            [.. unwellLines.Select(l => new SemanticHeadTrainer.Example(byText[l.Text], l.Label))],
            sources);
    }

    [Fact]
    public void Retraining_from_the_repository_files_gives_the_committed_head()
    {
        var retrained = Retrain();
        if (Environment.GetEnvironmentVariable("LEASHBOT_WRITE_SEMANTIC_HEAD") == "1")
        {
            File.WriteAllText(HeadPath, retrained.ToJson() + "\n");
        }

        var committed = SemanticHead.Parse(File.ReadAllText(HeadPath));
        Assert.Equal(retrained.Classes, committed.Classes);
        Assert.Equal(retrained.TrainedOn, committed.TrainedOn);
        var worst = 0.0;
        for (var c = 0; c < committed.Classes.Length; c++)
        {
            worst = Math.Max(worst, Math.Abs(committed.Bias[c] - retrained.Bias[c]));
            for (var i = 0; i < SentenceEmbeddings.Dimensions; i++)
            {
                worst = Math.Max(worst, Math.Abs(committed.Weights[c][i] - retrained.Weights[c][i]));
            }
        }

        for (var i = 0; i < SentenceEmbeddings.Dimensions; i++)
        {
            worst = Math.Max(worst, Math.Abs(committed.UnwellWeights[i] - retrained.UnwellWeights[i]));
        }

        worst = Math.Max(worst, Math.Abs(committed.UnwellBias - retrained.UnwellBias));
        Assert.True(worst <= Tolerance, $"The committed head differs from a retrained one by up to {worst:0.0000}: retrain it (see the class comment).");
    }

    [Fact]
    public void The_committed_head_knows_every_topic_of_the_content()
    {
        var committed = SemanticHead.Parse(File.ReadAllText(HeadPath));
        Assert.Equal(RepoFiles.Understanding.Topics.Select(t => t.Id), committed.Classes);
        Assert.All(committed.Weights, w => Assert.Equal(SentenceEmbeddings.Dimensions, w.Length));
    }
}
