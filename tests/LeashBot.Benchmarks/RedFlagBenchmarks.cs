using BenchmarkDotNet.Attributes;
using LeashBot.Content;
using LeashBot.Safety;
using Newtonsoft.Json.Linq;

namespace LeashBot.Benchmarks;

/// <summary>
/// The red-flag triage every message meets first: per message over the labelled set, per message over the first
/// blind set (owner phrasings written without the rules: long rambling messages, other languages) read with the
/// owner's cats' names, the all-clear check, and one 2,000-character message.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RedFlagBenchmarks
{
    private RedFlagTriage _triage = null!;
    private string[] _texts = [];
    private string _long = "";
    private string[] _blind = [];
    private readonly string[] _cats = ["Lily", "Pepper"];

    [GlobalSetup]
    public void Setup()
    {
        _triage = RedFlagTriage.FromContent(BotContent.Load(RepoRoot.PathOf("dialogs")));
        var items = (JArray)JObject.Parse(File.ReadAllText(RepoRoot.PathOf("tests", "LeashBot.Tests", "Safety", "redflags.tuning.json")))["items"]!;
        _texts = [.. items.Select(i => (string)i["text"]!)];
        var blind = (JArray)JObject.Parse(File.ReadAllText(RepoRoot.PathOf("tests", "LeashBot.Tests", "Safety", "redflags.blind-a.json")))["items"]!;
        _blind = [.. blind.Select(i => (string)i["text"]!)];
        var filler = "We went out to the garden again today and she sniffed the roses for a while, then sat by the fence watching birds. ";
        _long = string.Concat(Enumerable.Repeat(filler, 8)) + "Oh and a car clipped her on the way back in. " + string.Concat(Enumerable.Repeat(filler, 9));
    }

    [Benchmark(OperationsPerInvoke = 270)]
    public int ReadPerMessage()
    {
        var flagged = 0;
        for (var i = 0; i < 270; i++)
        {
            flagged += (int)_triage.Read(_texts[i % _texts.Length]).Tier;
        }

        return flagged;
    }

    [Benchmark(OperationsPerInvoke = 357)]
    public int ReadPerBlindMessageWithCatNames()
    {
        var flagged = 0;
        for (var i = 0; i < 357; i++)
        {
            flagged += (int)_triage.Read(_blind[i % _blind.Length], _cats).Tier;
        }

        return flagged;
    }

    [Benchmark(OperationsPerInvoke = 357)]
    public int AllClearPerBlindMessage()
    {
        var clear = 0;
        for (var i = 0; i < 357; i++)
        {
            clear += _triage.ReadsAllClear(_blind[i % _blind.Length]) ? 1 : 0;
        }

        return clear;
    }

    [Benchmark]
    public RedFlagTier ReadTwoThousandCharacters() => _triage.Read(_long).Tier;
}
