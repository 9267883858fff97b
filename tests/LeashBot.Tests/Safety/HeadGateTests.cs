using System.Text;
using LeashBot.Safety;
using LeashBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LeashBot.Tests.Safety;

/// <summary>
/// What each gate in front of the tier head costs and saves, over every labelled file: the red flags it keeps from a
/// head that would have caught them, and the calm lines it keeps from a head that would have alarmed. Held-out files
/// are counted only (their lines are never printed); tuning files name their lines.
/// </summary>
[Collection(nameof(EmbeddingCount))]
public sealed class HeadGateTests(SharedHost shared, ITestOutputHelper output) : IClassFixture<SharedHost>
{
    private RedFlagReader Reader => shared.Host.Services.GetRequiredService<RedFlagReader>();

    internal sealed record GateTally(Dictionary<HeadGate, int> RedFlagsKept, Dictionary<HeadGate, int> AlarmsSaved, List<string> Lines);

    internal static GateTally Measure(RedFlagReader reader, IEnumerable<string> files, bool nameLines)
    {
        var tally = new GateTally([], [], []);
        foreach (var file in files)
        {
            var card = RedFlagScorecard.Load(Path.Combine(RedFlagScorecard.Folder, file));
            var showLines = nameLines && card.Part == "tuning";
            foreach (var line in card.Lines.Where(l => l.Context is null && l.IsEnglish))
            {
                var rules = reader.Rules.Read(line.Text);
                var gate = reader.GateFor(rules, line.Text);
                if (gate is HeadGate.Asked or HeadGate.Off or HeadGate.RulesSpoke || reader.HeadTierOf(line.Text) == RedFlagTier.None)
                {
                    continue;
                }

                var counts = line.IsCalm ? tally.AlarmsSaved : tally.RedFlagsKept;
                counts[gate] = counts.GetValueOrDefault(gate) + 1;
                if (showLines)
                {
                    tally.Lines.Add($"{file} {gate} {(line.IsCalm ? "calm kept calm" : "RED FLAG KEPT")}: {line.Text}");
                }
            }
        }

        return tally;
    }

    [Fact]
    public void Each_gate_keeps_fewer_red_flags_from_the_head_than_false_alarms_on_the_tuning_sets()
    {
        var tuning = RedFlagScorecard.Files().Where(f => RedFlagScorecard.Load(Path.Combine(RedFlagScorecard.Folder, f)).Part == "tuning");
        var tally = Measure(Reader, tuning, nameLines: true);
        var report = new StringBuilder();
        foreach (var gate in Enum.GetValues<HeadGate>())
        {
            report.AppendLine($"{gate}: red flags kept from a head that would catch them {tally.RedFlagsKept.GetValueOrDefault(gate)}, calm lines saved from its alarm {tally.AlarmsSaved.GetValueOrDefault(gate)}");
        }

        tally.Lines.ForEach(l => report.AppendLine(l));
        output.WriteLine(report.ToString());
        Assert.All(tally.RedFlagsKept, kept => Assert.True(kept.Value <= tally.AlarmsSaved.GetValueOrDefault(kept.Key), report.ToString()));
    }

    /// <summary>
    /// Mid-flow red flags the reader catches on their own but the host, with a question pending, doesn't send to a vet:
    /// what the conversation loses after the reading. Counted over every file; tuning lines are named.
    /// </summary>
    [Fact]
    public async Task A_mid_flow_red_flag_the_reader_catches_always_gets_the_vet_message()
    {
        var lost = new List<string>();
        var heldOutLost = 0;
        var caught = 0;
        foreach (var file in RedFlagScorecard.Files())
        {
            var card = RedFlagScorecard.Load(Path.Combine(RedFlagScorecard.Folder, file));
            foreach (var line in card.Lines.Where(l => l.Context is not null && !l.IsCalm && Reader.Read(l.Text).IsRedFlag))
            {
                caught++;
                var owner = shared.Host.NewOwner();
                var question = RedFlagScorecard.PendingQuestion.For(line.Context!);
                await question.SetUpAsync(owner);
                if (!(await owner.SaysAsync(line.Text)).All.Contains(RedFlagScorecard.EmergencyPhone, StringComparison.Ordinal))
                {
                    heldOutLost += card.Part == "tuning" ? 0 : 1;
                    lost.Add(card.Part == "tuning" ? $"{file} [{question.Name}] {line.Text}" : $"{file} (held out)");
                }
            }
        }

        output.WriteLine($"mid-flow red flags the reader catches: {caught}; no vet message through the host: {lost.Count} ({heldOutLost} held out)");
        lost.ForEach(output.WriteLine);
        Assert.Empty(lost);
    }

    [Fact]
    public void Held_out_counts_per_gate()
    {
        var held = RedFlagScorecard.Files().Where(f => RedFlagScorecard.Load(Path.Combine(RedFlagScorecard.Folder, f)).Part == "heldout");
        var tally = Measure(Reader, held, nameLines: false);
        foreach (var gate in Enum.GetValues<HeadGate>())
        {
            output.WriteLine($"{gate}: red flags kept {tally.RedFlagsKept.GetValueOrDefault(gate)}, calm saved {tally.AlarmsSaved.GetValueOrDefault(gate)}");
        }

        Assert.Empty(tally.Lines);
    }
}
