using System.Globalization;
using LeashBot.State;
using LeashBot.Understanding;
using Newtonsoft.Json;
using Xunit.Abstractions;

namespace LeashBot.Tests.Understanding;

/// <summary>
/// Owner phrasings in the styles the dev set lacks, scored on what the reader makes of a whole message: the
/// intent it will be handled as, the mood with negation, and which of the owner's cats it means. The tuning
/// part may be tuned against; the held-out part never is (its score is only reported in the README).
/// </summary>
public sealed class OwnerPhrasingTests(ITestOutputHelper output)
{
    private const double TuningTarget = 0.90;
    private const double HeldOutFloor = 0.75;

    internal sealed record CatItem(string Name, string Pronoun);

    internal sealed record Item(string Text, string Intent, List<CatItem>? Cats, string? Mood, List<string>? CatsMeant);

    internal sealed record Set(string Description, List<Item> Items);

    internal static Set Load(string part) =>
        JsonConvert.DeserializeObject<Set>(File.ReadAllText(RepoFiles.PathOf("tests", "LeashBot.Tests", "Understanding", $"owners-{part}.json")))
        ?? throw new InvalidOperationException("Empty set.");

    [Fact]
    public void The_sets_are_large_distinct_and_apart()
    {
        var tuning = Load("tuning").Items;
        var heldOut = Load("heldout").Items;
        Assert.True(tuning.Count + heldOut.Count >= 200, $"{tuning.Count} + {heldOut.Count}");
        Assert.InRange(heldOut.Count / (double)(tuning.Count + heldOut.Count), 0.2, 0.35);
        var devSet = DevSetTests.Load().Items.Select(i => i.Text.Trim().ToLowerInvariant()).ToHashSet();
        var seen = new HashSet<string>();
        Assert.All(tuning.Concat(heldOut), i => Assert.True(seen.Add(i.Text.Trim().ToLowerInvariant()), $"twice: {i.Text}"));
        Assert.All(tuning.Concat(heldOut), i => Assert.DoesNotContain(i.Text.Trim().ToLowerInvariant(), devSet));
    }

    [Fact]
    public void Tuning_part_meets_its_target() => Assert.True(Score("tuning") >= TuningTarget, "tuning score below target");

    [Fact]
    public void Held_out_part_stays_above_its_floor() => Assert.True(Score("heldout") >= HeldOutFloor, "held-out score below floor");

    private double Score(string part)
    {
        var items = Load(part).Items;
        var correct = 0;
        var misses = new List<string>();
        foreach (var item in items)
        {
            var cats = item.Cats?.Select(c => new CatProfile { Name = c.Name, Pronoun = c.Pronoun }).ToList() ?? [];
            var reading = RepoFiles.Reader.Read(item.Text, cats);
            var problems = new List<string>();
            if (reading.Intent != item.Intent)
            {
                problems.Add($"intent {reading.Intent}");
            }

            if (item.Mood is { } mood && !string.Equals(reading.Mood?.Mood.ToString(), mood, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"mood {reading.Mood?.Mood.ToString() ?? "none"}");
            }

            if (item.CatsMeant is { } meant && !meant.SequenceEqual(reading.CatsMeant))
            {
                problems.Add($"cats [{string.Join(", ", reading.CatsMeant)}]");
            }

            if (problems.Count == 0)
            {
                correct++;
            }
            else
            {
                misses.Add($"  {item.Text}  (expected {item.Intent}): {string.Join("; ", problems)}");
            }
        }

        var score = correct / (double)items.Count;
        output.WriteLine($"Owner phrasings, {part}: {correct}/{items.Count} = {score.ToString("P1", CultureInfo.InvariantCulture)}");
        foreach (var miss in misses)
        {
            output.WriteLine(miss);
        }

        return score;
    }
}
