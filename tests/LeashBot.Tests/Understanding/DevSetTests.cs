using System.Globalization;
using System.Text;
using LeashBot.Understanding;
using Newtonsoft.Json;
using Xunit.Abstractions;

namespace LeashBot.Tests.Understanding;

public sealed class DevSetTests(ITestOutputHelper output)
{
    private const double InScopeTarget = 0.95;
    private const double OutOfScopeTarget = 0.80;

    internal sealed record DevItem(string Text, string Topic, List<string>? Cats);

    internal sealed record DevSet(string? Description, List<DevItem> Items);

    internal static DevSet Load() =>
        JsonConvert.DeserializeObject<DevSet>(File.ReadAllText(RepoFiles.PathOf("tests", "LeashBot.Tests", "Understanding", "devset.json")))
        ?? throw new InvalidOperationException("Empty dev set.");

    [Fact]
    public void Dev_set_is_well_formed_and_independent_of_the_examples()
    {
        var set = Load();
        var ids = RepoFiles.Understanding.Topics.Select(t => t.Id).ToHashSet();
        var examples = RepoFiles.Understanding.Topics.SelectMany(t => t.Examples).Select(e => e.Trim().ToLowerInvariant()).ToHashSet();
        Assert.True(set.Items.Count >= 220, $"{set.Items.Count} items");
        Assert.All(set.Items, i => Assert.Contains(i.Topic, ids));
        Assert.All(set.Items, i => Assert.DoesNotContain(i.Text.Trim().ToLowerInvariant(), examples));
        Assert.All(ids, id => Assert.True(set.Items.Count(i => i.Topic == id) >= 5, id));
        Assert.True(set.Items.Count(i => i.Topic == TopicIds.OutOfScope) >= 35);
    }

    [Fact]
    public void Dev_set_accuracy_meets_the_targets()
    {
        var set = Load();
        var perTopic = new SortedDictionary<string, (int Correct, int Total)>(StringComparer.Ordinal);
        var confusion = new Dictionary<(string Expected, string Got), List<string>>();
        int inScope = 0, inScopeCorrect = 0, inScopeConfident = 0, oos = 0, oosHandled = 0;
        var kinds = new Dictionary<RecognitionKind, int>();

        foreach (var item in set.Items)
        {
            // What routing sees: the message reader's topic, word lists and semantic reader together, as the host reads by default.
            var r = RepoFiles.SemanticReader.Read(item.Text, item.Cats?.Select(c => new LeashBot.State.CatProfile { Name = c }).ToList()).Recognition;
            kinds[r.Kind] = kinds.GetValueOrDefault(r.Kind) + 1;
            bool correct;
            string got;
            if (item.Topic == TopicIds.OutOfScope)
            {
                oos++;
                correct = r.Kind is RecognitionKind.OutOfScope or RecognitionKind.Unsure;
                oosHandled += correct ? 1 : 0;
                got = correct ? TopicIds.OutOfScope : $"{r.TopicId} ({r.Kind})";
            }
            else
            {
                inScope++;
                correct = r.TopicId == item.Topic && r.Kind is RecognitionKind.Confident or RecognitionKind.Ambiguous;
                inScopeCorrect += correct ? 1 : 0;
                inScopeConfident += correct && r.Kind == RecognitionKind.Confident ? 1 : 0;
                got = r.Kind is RecognitionKind.Unsure ? $"(unsure: {(r.Candidates.Count > 0 ? r.Candidates[0].TopicId : "-")})" : $"{r.TopicId} ({r.Kind})";
            }

            var (c, t) = perTopic.GetValueOrDefault(item.Topic);
            perTopic[item.Topic] = (c + (correct ? 1 : 0), t + 1);
            if (!correct)
            {
                var key = (item.Topic, got);
                if (!confusion.TryGetValue(key, out var list))
                {
                    confusion[key] = list = [];
                }

                list.Add($"{item.Text}  [{string.Join(", ", r.Candidates.Select(x => $"{x.TopicId}:{x.Score.ToString("0.00", CultureInfo.InvariantCulture)}"))}]");
            }
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Dev set: {set.Items.Count} utterances");
        foreach (var (topic, (c, t)) in perTopic)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {topic,-20} {c,3}/{t,-3} {100.0 * c / t,6:0.0} %{(c < t ? "  <" : "")}");
        }

        var inScopeAccuracy = (double)inScopeCorrect / inScope;
        var oosAccuracy = (double)oosHandled / oos;
        report.AppendLine(CultureInfo.InvariantCulture, $"In scope top-1: {inScopeCorrect}/{inScope} = {100 * inScopeAccuracy:0.0} % (Confident only: {100.0 * inScopeConfident / inScope:0.0} %)");
        report.AppendLine(CultureInfo.InvariantCulture, $"Out of scope handled: {oosHandled}/{oos} = {100 * oosAccuracy:0.0} %");
        report.AppendLine("Kinds: " + string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}")));
        report.AppendLine("Confusions (expected -> got):");
        foreach (var ((expected, got), texts) in confusion.OrderByDescending(kv => kv.Value.Count))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {expected} -> {got}: {texts.Count}");
            foreach (var text in texts)
            {
                report.AppendLine("      " + text);
            }
        }

        output.WriteLine(report.ToString());
        Assert.True(inScopeAccuracy >= InScopeTarget, $"In-scope top-1 {inScopeAccuracy:P1} < {InScopeTarget:P0}");
        Assert.True(oosAccuracy >= OutOfScopeTarget, $"Out-of-scope handled {oosAccuracy:P1} < {OutOfScopeTarget:P0}");
    }
}
