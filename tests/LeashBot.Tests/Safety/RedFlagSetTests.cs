using LeashBot.Content;
using LeashBot.Safety;
using LeashBot.Tests.Support;
using Newtonsoft.Json;
using Xunit.Abstractions;

namespace LeashBot.Tests.Safety;

/// <summary>
/// The triage over the labelled owner messages: every red flag caught, no calm message alarmed. The rules in
/// dialogs/redflags.json are tuned against the tuning file only; the held-out file was split off before any rule
/// existed and is scored, never tuned against.
/// </summary>
public sealed class RedFlagSetTests(ITestOutputHelper output)
{
    internal static readonly Lazy<RedFlagTriage> Triage = new(() => RedFlagTriage.FromContent(BotContent.Load(Path.Combine(RepoRoot.Path, "dialogs"))));

    internal sealed record Item(string Text, string Expect, bool Added = false);

    internal sealed record LabelledSet(string Description, List<Item> Items);

    private static readonly string[] Systems = ["breathing", "gums", "neuro", "urinary", "digestive", "toxins", "trauma", "eyes", "pain", "heat", "appetite"];

    internal static LabelledSet Load(string name) =>
        JsonConvert.DeserializeObject<LabelledSet>(File.ReadAllText(Path.Combine(RepoRoot.Path, "tests", "LeashBot.Tests", "Safety", name)))
        ?? throw new InvalidOperationException("Empty set.");

    [Fact]
    public void The_set_has_300_lines_220_red_flags_over_every_body_system_and_80_calm_ones_with_a_quarter_held_out()
    {
        var tuning = Load("redflags.tuning.json").Items;
        var held = Load("redflags.heldout.json").Items;
        var all = tuning.Concat(held).ToList();
        Assert.True(all.Count >= 300, $"{all.Count} lines");
        Assert.True(all.Count(i => i.Expect != "none") >= 220);
        Assert.True(all.Count(i => i.Expect == "none") >= 80);
        Assert.InRange(held.Count / (double)(held.Count + tuning.Count(i => !i.Added)), 0.24, 0.26); // the split as made, before any line was added
        Assert.True(held.Count >= 0.2 * all.Count);
        Assert.All(all, i => Assert.Contains(i.Expect, Systems.Append("none")));
        Assert.All(Systems, s => Assert.True(all.Count(i => i.Expect == s) >= 15, s));
        Assert.Equal(all.Count, all.Select(i => i.Text.ToLowerInvariant()).Distinct().Count());
        Assert.Equal(Systems.Append("skin").Append("birth").Order(), Triage.Value.SystemIds.Order()); // skin and ears, and giving birth, came later
    }

    public static TheoryData<string> LabelledFiles() => [.. RedFlagScorecard.Files()];

    /// <summary>
    /// Every labelled file in this folder, scored on its own against its own thresholds: a new file (a blind set)
    /// is scored by adding it here, nothing else.
    /// </summary>
    [Theory]
    [MemberData(nameof(LabelledFiles))]
    public async Task Every_labelled_file_meets_its_own_thresholds(string file)
    {
        var card = RedFlagScorecard.Load(Path.Combine(RedFlagScorecard.Folder, file));
        using var host = new BotHost();
        var score = await card.ScoreAsync(host);
        var report = score.Report();
        output.WriteLine(report);
        Assert.True(score.MeetsThresholds, report);
    }
}
