using System.Globalization;
using System.Text;
using LeashBot.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Microsoft.Extensions.DependencyInjection;

namespace LeashBot.Tests.Safety;

/// <summary>
/// Scores one labelled file of owner messages (<c>tests/LeashBot.Tests/Safety/redflags*.json</c>, e.g. <c>redflags.heldout.json</c> or a blind <c>redflags-B.json</c>) in four parts:
/// first messages (red flags caught, emergencies read as only "see a vet soon"), calm lines (no alarm and a
/// sensible answer from the real host), mid-flow lines (sent through the real host while a question waits) and
/// non-English lines (the vet message in that language with the numbers, through the real host).
/// <para>
/// A file is either a bare array of items, as a blind set is written, or an object with <c>part</c>
/// ("tuning" or "heldout"), <c>description</c>, optional <c>thresholds</c> and <c>items</c>. A bare array is a
/// held-out set scored against the product's targets. An item is <c>{"text", "expect", "system"?, "context"?,
/// "language"? (or "lang")}</c>: <c>expect</c> is "emergency", "soon" or "calm", or (in the first sets) a body system or "none".
/// </para>
/// </summary>
public sealed class RedFlagScorecard
{
    public const string EmergencyPhone = "555-0199";
    private const string NotSure = "not quite sure what you mean";

    /// <summary>The English vet message's openings: a non-English red flag gets the message in its own language.</summary>
    private static readonly string[] EnglishVetWords = ["could be an emergency", "needs a vet to look at", "only a vet can tell"];

    public static readonly string Folder = Path.Combine(RepoRoot.Path, "tests", "LeashBot.Tests", "Safety");

    private RedFlagScorecard(string file, string part, Thresholds thresholds, IReadOnlyList<LabelledLine> lines)
    {
        File = file;
        Part = part;
        Limits = thresholds;
        Lines = lines;
    }

    public string File { get; }

    public string Part { get; }

    public Thresholds Limits { get; }

    public IReadOnlyList<LabelledLine> Lines { get; }

    /// <summary>Every labelled file in the folder, by name.</summary>
    public static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Folder, "redflags*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static RedFlagScorecard Load(string path)
    {
        var json = JToken.Parse(System.IO.File.ReadAllText(path));
        var name = Path.GetFileName(path);
        foreach (var item in json.SelectTokens(json is JArray ? "[*]" : "items[*]").OfType<JObject>())
        {
            // Writers name an item's language "language" or, for short, "lang".
            if (item["lang"] is { } lang && item["language"] is null)
            {
                item["language"] = lang;
            }
        }

        if (json is JArray bare)
        {
            return new RedFlagScorecard(name, "heldout", new Thresholds(), bare.ToObject<List<LabelledLine>>()!);
        }

        var set = json.ToObject<LabelledFile>() ?? throw new InvalidOperationException($"{name} is empty.");
        return new RedFlagScorecard(name, set.Part ?? "heldout", set.Thresholds ?? new Thresholds(), set.Items);
    }

    /// <summary>Scores every part; the host is used for calm, mid-flow and non-English lines.</summary>
    public async Task<Score> ScoreAsync(BotHost host)
    {
        // First messages and calm lines are read as the host reads them: the rules, and the tier head where they are silent.
        var reader = host.Services.GetRequiredService<LeashBot.Safety.RedFlagReader>();
        var score = new Score(this);
        foreach (var line in Lines)
        {
            if (line.Context is not null)
            {
                await score.MidFlowAsync(line, host);
            }
            else if (!line.IsEnglish)
            {
                await score.NonEnglishAsync(line, host);
            }
            else if (line.IsCalm)
            {
                await score.CalmAsync(line, reader.Read(line.Text), host);
            }
            else
            {
                score.FirstMessage(line, reader.Read(line.Text));
            }
        }

        return score;
    }

    public sealed record Thresholds
    {
        public double FirstMessage { get; init; } = 0.98;
        public double MidFlow { get; init; } = 0.95;
        public double Calm { get; init; } = 0.90;
        public double NonEnglish { get; init; } = 0.90;
    }

    public sealed record LabelledLine
    {
        public string Text { get; init; } = "";
        public string Expect { get; init; } = "";
        public string? System { get; init; }
        public string? Context { get; init; }
        public string? Language { get; init; }

        public bool IsCalm => Expect is "calm" or "none";

        public bool IsEnglish => Language is null or "en";

        /// <summary>The body system the line is about: its own label, or the first sets' body-system label.</summary>
        public string SystemName => System ?? (Expect is "emergency" or "soon" or "calm" ? "?" : Expect == "none" ? "calm" : Expect);
    }

    private sealed record LabelledFile(string? Part, string? Description, Thresholds? Thresholds, List<LabelledLine> Items);

    /// <summary>Counts for one part: how many lines, how many went right, and what went wrong.</summary>
    public sealed class Tally
    {
        public int Total { get; set; }
        public int Right { get; set; }
        public List<string> Wrong { get; } = [];

        public double Rate => Total == 0 ? 1 : Right / (double)Total;

        public void Add(bool right, string what)
        {
            Total++;
            if (right)
            {
                Right++;
            }
            else
            {
                Wrong.Add(what);
            }
        }

        public override string ToString() => Total == 0 ? "none" : string.Create(CultureInfo.InvariantCulture, $"{Right}/{Total} ({Rate:P1})");
    }

    public sealed class Score(RedFlagScorecard card)
    {
        public Tally First { get; } = new();
        public Tally EmergencyTier { get; } = new();
        public Tally Calm { get; } = new();
        public Tally MidFlow { get; } = new();
        public Tally NonEnglish { get; } = new();
        public SortedDictionary<string, Tally> BySystem { get; } = new(StringComparer.Ordinal);

        /// <summary>First messages the tier head caught where the rules were silent.</summary>
        public int ByMeaning { get; private set; }

        public bool MeetsThresholds =>
            First.Rate >= card.Limits.FirstMessage && MidFlow.Rate >= card.Limits.MidFlow
            && Calm.Rate >= card.Limits.Calm && NonEnglish.Rate >= card.Limits.NonEnglish;

        public void FirstMessage(LabelledLine line, LeashBot.Safety.RedFlagResult result)
        {
            First.Add(result.IsRedFlag, $"[{line.SystemName}/{line.Expect}] {line.Text}");
            ByMeaning += result.Signs.Any(s => s.SystemId == LeashBot.Safety.RedFlagReader.ByMeaning) ? 1 : 0;
            System(line).Add(result.IsRedFlag, line.Text);
            if (line.Expect == "emergency" && result.IsRedFlag)
            {
                EmergencyTier.Add(result.Tier == LeashBot.Safety.RedFlagTier.Emergency, $"read as {result}: {line.Text}");
            }
        }

        public async Task CalmAsync(LabelledLine line, LeashBot.Safety.RedFlagResult result, BotHost host)
        {
            var replies = await host.NewOwner().SaysAsync(line.Text);
            var alarmed = result.IsRedFlag || replies.All.Contains(EmergencyPhone, StringComparison.Ordinal);
            var unsure = replies.All.Contains(NotSure, StringComparison.OrdinalIgnoreCase);
            Calm.Add(!alarmed && !unsure, alarmed ? $"alarmed ({result}): {line.Text}" : $"not sure: {line.Text}");
            System(line, "calm ").Add(!alarmed, line.Text);
        }

        public async Task MidFlowAsync(LabelledLine line, BotHost host)
        {
            var owner = host.NewOwner();
            var state = PendingQuestion.For(line.Context!);
            await state.SetUpAsync(owner);
            var replies = await owner.SaysAsync(line.Text);
            var vet = replies.All.Contains(EmergencyPhone, StringComparison.Ordinal);
            var taken = state.TakenAsAnswer(replies);
            var right = line.IsCalm ? !vet : vet && !taken;
            MidFlow.Add(right, $"[{state.Name}, {line.Expect}] {line.Text} -> {Short(replies.All)}");
            if (!line.IsCalm)
            {
                System(line).Add(vet, line.Text);
            }
        }

        public async Task NonEnglishAsync(LabelledLine line, BotHost host)
        {
            var replies = await host.NewOwner().SaysAsync(line.Text);
            var vet = replies.All.Contains(EmergencyPhone, StringComparison.Ordinal);
            var english = EnglishVetWords.Any(w => replies.All.Contains(w, StringComparison.Ordinal));
            NonEnglish.Add(line.IsCalm ? !vet : vet && !english, $"[{line.Language}, {line.Expect}] {line.Text} -> {Short(replies.All)}");
        }

        public string Report()
        {
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"{card.File} ({card.Part}): first messages caught {First} (by meaning {ByMeaning}), emergencies read as emergencies {EmergencyTier}, calm lines calm and answered {Calm}, mid-flow {MidFlow}, non-English {NonEnglish}");
            text.AppendLine("By body system: " + string.Join(", ", BySystem.Select(s => $"{s.Key} {s.Value}")));
            foreach (var (name, tally) in new[] { ("Missed first messages", First), ("Emergencies read as soon", EmergencyTier), ("Calm lines gone wrong", Calm), ("Mid-flow lines gone wrong", MidFlow), ("Non-English lines gone wrong", NonEnglish) })
            {
                if (tally.Wrong.Count > 0)
                {
                    text.AppendLine(name + ":");
                    tally.Wrong.ForEach(w => text.AppendLine("  " + w));
                }
            }

            return text.ToString();
        }

        private Tally System(LabelledLine line, string prefix = "")
        {
            var key = prefix + line.SystemName;
            if (!BySystem.TryGetValue(key, out var tally))
            {
                BySystem[key] = tally = new Tally();
            }

            return tally;
        }

        private static string Short(string text) => text.Length <= 90 ? text.ReplaceLineEndings(" ") : text[..90].ReplaceLineEndings(" ") + "…";
    }

    /// <summary>
    /// A question the bot has just asked, set up through the real host, with how to tell that a line was taken
    /// as its answer 
    /// </summary>
    public sealed record PendingQuestion(string Name, string[] SetUp, string Asked, string TakenIfSays)
    {
        private static readonly PendingQuestion CatName = new("cat name", ["start training"], "What's your cat's name?", "Lovely to meet");
        private static readonly PendingQuestion Duration = new("session length", ["start training", "Milo", "we just finished a training session"], "How long", "How did Milo seem");
        private static readonly PendingQuestion Mood = new("mood", ["start training", "Nala", "we just finished a training session", "half an hour"], "How did Nala seem", "Logged");
        private static readonly PendingQuestion Checklist = new("checklist", ["is my cat ready?", "Olive"], "", "treats or toys");
        private static readonly PendingQuestion ReminderTime = new("reminder time", ["start training", "Pippin", "can you remind me to practise"], "What time suits you?", "nudge you");
        private static readonly PendingQuestion ReminderZone = new("reminder zone", ["start training", "Tansy", "remind me at 7pm"], "Which time zone", "nudge you");

        /// <summary>The pending question a line's context names: the bot's words, or one of the names above.</summary>
        public static PendingQuestion For(string context)
        {
            var c = context.ToLowerInvariant();
            return c switch
            {
                _ when c.Contains("time zone", StringComparison.Ordinal) || c.Contains("city", StringComparison.Ordinal) => ReminderZone,
                _ when c.Contains("remind", StringComparison.Ordinal) || c.Contains("time suits", StringComparison.Ordinal) || c.Contains("nudge", StringComparison.Ordinal) => ReminderTime,
                _ when c.Contains("name", StringComparison.Ordinal) => CatName,
                _ when c.Contains("how long", StringComparison.Ordinal) || c.Contains("minute", StringComparison.Ordinal) || c.Contains("length", StringComparison.Ordinal) || c.Contains("duration", StringComparison.Ordinal) => Duration,
                _ when c.Contains("seem", StringComparison.Ordinal) || c.Contains("mood", StringComparison.Ordinal) || c.Contains("how did", StringComparison.Ordinal) || c.Contains("feel", StringComparison.Ordinal) => Mood,
                _ => Checklist,
            };
        }

        public async Task SetUpAsync(Owner owner)
        {
            Replies? last = null;
            foreach (var step in SetUp)
            {
                last = await owner.SaysAsync(step);
            }

            if (Asked.Length > 0)
            {
                last!.Says(Asked);
            }
        }

        public bool TakenAsAnswer(Replies replies) => replies.All.Contains(TakenIfSays, StringComparison.OrdinalIgnoreCase);
    }
}
