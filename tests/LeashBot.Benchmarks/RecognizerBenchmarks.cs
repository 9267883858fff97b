using BenchmarkDotNet.Attributes;
using LeashBot.Content;
using LeashBot.Understanding;
using Newtonsoft.Json.Linq;

namespace LeashBot.Benchmarks;

/// <summary>Recognize over a fixed mix of dev-set utterances: all topics, typos, emoji and out-of-scope; per utterance.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class RecognizerBenchmarks
{
    private const int Utterances = 100;
    private TopicRecognizer _recognizer = null!;
    private string[] _texts = [];
    private readonly string[] _cats = ["Milo", "Luna"];

    [GlobalSetup]
    public void Setup()
    {
        _recognizer = TopicRecognizer.Build(BotContent.Load(RepoRoot.PathOf("dialogs")).Understanding);
        var items = (JArray)JObject.Parse(File.ReadAllText(RepoRoot.PathOf("tests", "LeashBot.Tests", "Understanding", "devset.json")))["items"]!;

        // Every other utterance of the dev set, in file order: all topics, typos, emoji and out-of-scope.
        _texts = [.. items.Select(i => (string)i["text"]!).Where((_, n) => n % 2 == 0).Take(Utterances)];
    }

    [Benchmark(OperationsPerInvoke = Utterances)]
    public int RecognizePerUtterance()
    {
        var kinds = 0;
        foreach (var text in _texts)
        {
            kinds += (int)_recognizer.Recognize(text, _cats).Kind;
        }

        return kinds;
    }
}
