using System.Globalization;
using System.Text;
using LeashBot.Understanding;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace LeashBot.Tests.Understanding.Sets;

/// <summary>
/// Scores every labelled set named topics.*.json in this folder through the real reading decision (the message
/// reader, word lists and semantic reader together, as the host builds it). A line in scope is right when the
/// bot's reply carries its advice: the topic itself, or "did you mean" offering it among two. A line out of scope
/// is right when it gets "that's not something I know". A file is an object with "use": "tuning" or "heldout"
/// (optionally its own "inScopeTarget" and "outOfScopeTarget") and "items"; a bare array of {text, topic} is a
/// held-out set with the held-out targets, so a sealed set works by dropping the file in.
/// </summary>
public sealed class TopicSetScoring(ITestOutputHelper output)
{
    private const double TuningInScope = 0.90;
    private const double TuningOutOfScope = 0.90;
    private const double HeldOutInScope = 0.80;
    private const double HeldOutOutOfScope = 0.50;

    internal sealed record SetFile(string Name, string Use, double InScopeTarget, double OutOfScopeTarget, List<(string Text, string Topic)> Items);

    internal sealed record Score(int InScope, int InScopeRight, int OutOfScope, int OutOfScopeRight, List<string> Misses)
    {
        public double InScopeRate => InScope == 0 ? 1 : (double)InScopeRight / InScope;
        public double OutOfScopeRate => OutOfScope == 0 ? 1 : (double)OutOfScopeRight / OutOfScope;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"in scope {InScopeRight}/{InScope} = {100 * InScopeRate:0.0} %, out of scope {OutOfScopeRight}/{OutOfScope} = {100 * OutOfScopeRate:0.0} %");
    }

    internal static string Folder => RepoFiles.PathOf("tests", "LeashBot.Tests", "Understanding", "Sets");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "topics.*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    internal static SetFile Load(string name)
    {
        var json = JToken.Parse(File.ReadAllText(Path.Combine(Folder, name)));
        var items = (json is JArray array ? array : (JArray)json["items"]!)
            .Select(i => ((string)i["text"]!, (string)i["topic"]!)).ToList();
        var use = json is JObject o ? (string?)o["use"] ?? "heldout" : "heldout";
        var heldOut = use != "tuning";
        double Target(string key, double fallback) => json is JObject obj && obj[key] is { } t ? (double)t : fallback;
        return new SetFile(name, use, Target("inScopeTarget", heldOut ? HeldOutInScope : TuningInScope), Target("outOfScopeTarget", heldOut ? HeldOutOutOfScope : TuningOutOfScope), items);
    }

    /// <summary>What the bot does with a line: the topic it answers, or "did you mean" with two.</summary>
    internal static bool Right(MessageReading reading, string expected)
    {
        var r = reading.Recognition;
        if (expected == TopicIds.OutOfScope)
        {
            return reading.Intent == TopicIds.OutOfScope && r.Kind == RecognitionKind.OutOfScope;
        }

        return reading.Intent == expected || SameReply(reading.Intent, expected)
            || (expected == TopicIds.Greeting && reading.Social == SocialAct.None && r is { Kind: RecognitionKind.Confident, TopicId: TopicIds.Greeting })
            || (r.Kind == RecognitionKind.Ambiguous && reading.Intent == r.TopicId && r.Candidates.Take(2).Any(c => c.TopicId == expected));
    }

    /// <summary>
    /// Intents the bot answers with the topic's own reply: "help" typed alone is the help command, which shows the help
    /// topic; a goodbye ("ok ty bye") is the thanks topic's "gratitude and goodbyes".
    /// </summary>
    private static bool SameReply(string intent, string expected) =>
        (expected, intent) is (TopicIds.Help, "command.help") or (TopicIds.Thanks, "social.goodbye");

    internal static Score Run(MessageReader reader, IEnumerable<(string Text, string Topic)> items)
    {
        int inScope = 0, inRight = 0, oos = 0, oosRight = 0;
        var misses = new List<string>();
        foreach (var (text, topic) in items)
        {
            var reading = reader.Read(text);
            var right = Right(reading, topic);
            if (topic == TopicIds.OutOfScope)
            {
                oos++;
                oosRight += right ? 1 : 0;
            }
            else
            {
                inScope++;
                inRight += right ? 1 : 0;
            }

            if (!right)
            {
                var r = reading.Recognition;
                misses.Add(string.Create(CultureInfo.InvariantCulture, $"{topic} -> {reading.Intent} ({r.Kind}; {string.Join(", ", r.Candidates.Take(2).Select(c => $"{c.TopicId}:{c.Score:0.00}"))}): {text}"));
            }
        }

        return new Score(inScope, inRight, oos, oosRight, misses);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_labelled_set_meets_its_targets_with_the_semantic_reader(string file)
    {
        var set = Load(file);
        var withWordListsOnly = Run(RepoFiles.Reader, set.Items);
        var score = Run(RepoFiles.SemanticReader, set.Items);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{set.Name} ({set.Use}, {set.Items.Count} lines)");
        report.AppendLine("  word lists only: " + withWordListsOnly);
        report.AppendLine("  with the semantic reader: " + score);
        // A held-out set's lines stay unread: only its scores are printed, so nobody tunes against it by accident.
        foreach (var miss in set.Use == "tuning" ? score.Misses : [])
        {
            report.AppendLine("    " + miss);
        }

        output.WriteLine(report.ToString());
        Assert.True(score.InScopeRate >= set.InScopeTarget, $"{file}: in scope {score.InScopeRate:P1} < {set.InScopeTarget:P0}");
        Assert.True(score.OutOfScopeRate >= set.OutOfScopeTarget, $"{file}: out of scope {score.OutOfScopeRate:P1} < {set.OutOfScopeTarget:P0}");
    }

    [Fact]
    public void Every_set_file_is_well_formed()
    {
        var ids = RepoFiles.Understanding.Topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Folder, "topics.*.json").Select(Path.GetFileName).OfType<string>())
        {
            var set = Load(file);
            Assert.True(set.Use is "tuning" or "heldout", $"{file}: use must be tuning or heldout");
            Assert.NotEmpty(set.Items);
            Assert.All(set.Items, i => Assert.True(ids.Contains(i.Topic), $"{file}: unknown topic {i.Topic}"));
        }
    }
}
