using BenchmarkDotNet.Attributes;
using LeashBot.Content;
using LeashBot.Dialogs;
using LeashBot.State;
using LeashBot.Understanding;
using Newtonsoft.Json.Linq;

namespace LeashBot.Benchmarks;

/// <summary>
/// Recognize, and the whole reading of a message (topics per clause, cats, mood, names, duration, language),
/// over a fixed mix of dev-set utterances; results are per utterance, so the two compare within one run.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RecognizerBenchmarks
{
    private const int Utterances = 100;
    private TopicRecognizer _recognizer = null!;
    private string[] _texts = [];
    private readonly string[] _cats = ["Milo", "Luna"];
    private readonly List<CatProfile> _catProfiles = [new() { Name = "Milo", Pronoun = "he" }, new() { Name = "Luna", Pronoun = "she" }];
    private MessageReader _reader = null!;

    [GlobalSetup]
    public void Setup()
    {
        _recognizer = TopicRecognizer.Build(UnderstandingContent.Load(RepoRoot.PathOf("dialogs", "understanding.json")));
        var items = (JArray)JObject.Parse(File.ReadAllText(RepoRoot.PathOf("tests", "LeashBot.Tests", "Understanding", "devset.json")))["items"]!;

        // Every other utterance of the dev set, in file order: all topics, typos, emoji and out-of-scope.
        _texts = [.. items.Select(i => (string)i["text"]!).Where((_, n) => n % 2 == 0).Take(Utterances)];

        var content = BotContent.Load(RepoRoot.PathOf("dialogs"));
        _reader = new MessageReader(TopicRecognizer.Build(content.Understanding), new TextRecognizers(), content);
    }

    [Benchmark(OperationsPerInvoke = Utterances)]
    public int ReadPerUtterance()
    {
        var words = 0;
        foreach (var text in _texts)
        {
            words += _reader.Read(text, _catProfiles).WordCount;
        }

        return words;
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
