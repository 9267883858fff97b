using System.Globalization;
using System.Text;
using LeashBot.Content;
using LeashBot.Safety;
using LeashBot.Tests.Support;
using LeashBot.Understanding;
using Xunit.Abstractions;

namespace LeashBot.Tests.Safety;

/// <summary>
/// The red-flag tier head is data trained from the tuning parts of the labelled red-flag sets in this folder (every
/// <c>redflags*.json</c> with <c>"part": "tuning"</c> whose lines carry a tier: emergency, soon or calm); held-out sets
/// never reach it. Retraining must give the committed head. To retrain after changing a tuning set:
/// <c>LEASHBOT_WRITE_TIER_HEAD=1 dotnet test tests/LeashBot.Tests --filter FullyQualifiedName~TierHeadTrainingTests</c>.
/// </summary>
public sealed class TierHeadTrainingTests(ITestOutputHelper output)
{
    private const double Tolerance = 0.002;

    /// <summary>How the committed head was trained: a strong pull to zero, as the lines are few for 384 numbers (0.3 was surer of itself less often on calm training talk than 0.1, trained without blind set T's tuning half and read on it).</summary>
    internal static readonly SemanticHeadTrainer.Settings Training = new(Rounds: 200, LearningRate: 0.015, L2: 0.3);

    internal static string HeadPath => Path.Combine(RepoRoot.Path, "src", "LeashBot", "Safety", "redflag-tier-head.json");

    /// <summary>
    /// Every tier-labelled line of the tuning files, in file order; <paramref name="leaveOut"/> skips one file, and with
    /// <paramref name="only"/> only the files named there are read.
    /// </summary>
    internal static (List<(string Text, int Tier)> Lines, Dictionary<string, int> Sources) TrainingLines(string? leaveOut = null, IReadOnlyCollection<string>? only = null)
    {
        var lines = new List<(string, int)>();
        var sources = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in RedFlagScorecard.Files().Where(f => f != leaveOut && (only is null || only.Contains(f))))
        {
            var card = RedFlagScorecard.Load(Path.Combine(RedFlagScorecard.Folder, file));
            var labelled = card.Lines.Where(l => Array.IndexOf(RedFlagTierHead.Tiers, l.Expect) >= 0).ToList();
            if (card.Part != "tuning" || labelled.Count == 0)
            {
                continue;
            }

            lines.AddRange(labelled.Select(l => (l.Text, Array.IndexOf(RedFlagTierHead.Tiers, l.Expect))));
            sources[file] = labelled.Count;
        }

        // Ordinary training talk and shop questions: calm (a copy, so the head doesn't move when the topics change).
        var calm = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(Path.Combine(RedFlagScorecard.Folder, "tier-calm-train.json")))["calm"]!.ToObject<List<string>>()!;
        lines.AddRange(calm.Select(c => (c, 0)));
        sources["tier-calm-train.json"] = calm.Count;
        return (lines, sources);
    }

    internal static RedFlagTierHead Retrain(List<(string Text, int Tier)> lines, Dictionary<string, int> sources, SemanticHeadTrainer.Settings? settings = null)
    {
        var texts = lines.Select(l => l.Text).Distinct(StringComparer.Ordinal).ToList();
        var vectors = SentenceEmbeddings.Instance.EmbedAll(texts);
        var byText = texts.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => vectors[x.i], StringComparer.Ordinal);
        var (weights, bias) = SemanticHeadTrainer.TrainClasses(RedFlagTierHead.Tiers.Length, [.. lines.Select(l => new SemanticHeadTrainer.Example(byText[l.Text], l.Tier))], settings ?? Training);
        return new RedFlagTierHead { Weights = weights, Bias = bias, TrainedOn = sources };
    }

    [Fact]
    public void Retraining_from_the_tuning_sets_gives_the_committed_tier_head()
    {
        // Retraining on the sources the committed head names must give it; a tuning set added later changes the head only
        // when it is retrained on purpose (LEASHBOT_WRITE_TIER_HEAD=1 reads every tuning set).
        var write = Environment.GetEnvironmentVariable("LEASHBOT_WRITE_TIER_HEAD") == "1";
        var (lines, sources) = TrainingLines(only: write ? null : [.. RedFlagTierHead.Parse(File.ReadAllText(HeadPath)).TrainedOn.Keys]);
        var retrained = Retrain(lines, sources);
        if (write)
        {
            File.WriteAllText(HeadPath, retrained.ToJson());
        }

        var committed = RedFlagTierHead.Parse(File.ReadAllText(HeadPath));
        Assert.Equal(retrained.TrainedOn, committed.TrainedOn);
        var worst = 0.0;
        for (var t = 0; t < RedFlagTierHead.Tiers.Length; t++)
        {
            worst = Math.Max(worst, Math.Abs(committed.Bias[t] - retrained.Bias[t]));
            for (var i = 0; i < SentenceEmbeddings.Dimensions; i++)
            {
                worst = Math.Max(worst, Math.Abs(committed.Weights[t][i] - retrained.Weights[t][i]));
            }
        }

        Assert.True(worst <= Tolerance, $"The committed tier head differs from a retrained one by up to {worst:0.0000}: retrain it (see the class comment).");
    }

    [Fact]
    public void The_shipped_tier_head_is_the_committed_one()
    {
        var committed = RedFlagTierHead.Parse(File.ReadAllText(HeadPath));
        Assert.Equal(committed.TrainedOn, RedFlagTierHead.Shipped.TrainedOn);
        Assert.All(RedFlagTierHead.Shipped.Weights, w => Assert.Equal(SentenceEmbeddings.Dimensions, w.Length));
    }

    /// <summary>
    /// For choosing the settings and thresholds (run by hand with LEASHBOT_TIER_EXPERIMENT=1): trained without one tuning
    /// file, how the head reads that file's lines the rules are silent on.
    /// </summary>
    [Fact]
    public void Experiment_the_head_on_a_tuning_file_it_was_not_trained_on()
    {
        if (Environment.GetEnvironmentVariable("LEASHBOT_TIER_EXPERIMENT") is not { Length: > 0 } file)
        {
            return;
        }

        var content = BotContent.Load(Path.Combine(RepoRoot.Path, "dialogs"));
        var triage = RedFlagTriage.FromContent(content);
        var health = new HealthWords(content);
        var report = new StringBuilder();
        var card = RedFlagScorecard.Load(Path.Combine(RedFlagScorecard.Folder, file));
        foreach (var l2 in new[] { 0.1, 0.3 })
        {
            var (lines, sources) = TrainingLines(leaveOut: file);
            var head = Retrain(lines, sources, Training with { L2 = l2 });
            report.AppendLine(CultureInfo.InvariantCulture, $"== L2 {l2}");
            foreach (var line in card.Lines.Where(l => Array.IndexOf(RedFlagTierHead.Tiers, l.Expect) >= 0))
            {
                var rules = triage.Read(line.Text);
                if (rules.IsRedFlag || rules.IsCalmed || !health.In(line.Text))
                {
                    continue;
                }

                var p = head.Read(SentenceEmbeddings.Instance.Embed(line.Text));
                report.AppendLine(CultureInfo.InvariantCulture, $"{line.Expect}\t{(line.Context is null ? "" : "ctx")}\t{line.Language}\tcalming={triage.ReadsCalming(line.Text)}\tdenial={System.Text.RegularExpressions.Regex.IsMatch(line.Text, @"\b(no|not|never|nope|nothing|isnt|isn't|wasnt|doesnt|didnt|hasnt|wont|cant|n't)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)}\tE={p.Emergency:0.00}\tS={p.Soon:0.00}\tC={p.Calm:0.00}\t{line.Text}");
            }
        }

        foreach (var shop in new[] { "cat cafes in leeds", "what time do you shut on saturdays", "do you deliver", "r u open bank holiday monday?", "do u ship to ireland", "where's your shop in bradford, is there parking", "do you sell cat flaps" })
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"SHOP {triage.Read(shop)} health={triage.Read(shop).MentionsHealth} words={health.In(shop)} | {triage.Explain(shop)} | {shop}");
        }

        File.WriteAllText(Path.Combine(Path.GetTempPath(), "tier-experiment.txt"), report.ToString());
        output.WriteLine(report.ToString());
    }
}
