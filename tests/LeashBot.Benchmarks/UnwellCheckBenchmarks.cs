using BenchmarkDotNet.Attributes;
using LeashBot.Content;
using LeashBot.Safety;
using Newtonsoft.Json.Linq;

namespace LeashBot.Benchmarks;

/// <summary>
/// The health check every message gets without the model: the red-flag triage, then, when it is silent, whether the
/// message reads health-related (the gate before the second opinion's embedding). Per message over the red-flag set,
/// the owner phrasings and the third blind set's owner-voiced lines.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class UnwellCheckBenchmarks
{
    private const int Messages = 400;
    private RedFlagTriage _triage = null!;
    private HealthWords _health = null!;
    private string[] _texts = [];

    [GlobalSetup]
    public void Setup()
    {
        var content = BotContent.Load(RepoRoot.PathOf("dialogs"));
        _triage = RedFlagTriage.FromContent(content);
        _health = new HealthWords(content);
        _texts =
        [
            .. ((JArray)JObject.Parse(File.ReadAllText(RepoRoot.PathOf("tests", "LeashBot.Tests", "Safety", "redflags.tuning.json")))["items"]!).Select(i => (string)i["text"]!),
            .. ((JArray)JObject.Parse(File.ReadAllText(RepoRoot.PathOf("tests", "LeashBot.Tests", "Understanding", "owners-tuning.json")))["items"]!).Select(i => (string)i["text"]!),
            .. ((JArray)JObject.Parse(File.ReadAllText(RepoRoot.PathOf("tests", "LeashBot.Tests", "Safety", "redflags.blind-d.json")))["items"]!).Select(i => (string)i["text"]!),
        ];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public int TriagePerMessage()
    {
        var flagged = 0;
        for (var i = 0; i < Messages; i++)
        {
            flagged += (int)_triage.Read(_texts[i % _texts.Length]).Tier;
        }

        return flagged;
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public int TriageAndHealthWordsPerMessage()
    {
        var asked = 0;
        for (var i = 0; i < Messages; i++)
        {
            var text = _texts[i % _texts.Length];
            asked += !_triage.Read(text).IsRedFlag && _health.In(text) ? 1 : 0;
        }

        return asked;
    }
}
