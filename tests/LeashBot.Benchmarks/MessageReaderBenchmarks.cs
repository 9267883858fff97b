using BenchmarkDotNet.Attributes;
using LeashBot.Content;
using LeashBot.Dialogs;
using LeashBot.State;
using LeashBot.Understanding;
using Newtonsoft.Json.Linq;

namespace LeashBot.Benchmarks;

/// <summary>
/// The whole reading of a message (topics per clause, cats, pronoun, mood with negation, step, names, chat,
/// yes/no, language) against the recognizer alone, over the owner phrasings: short replies, rambling reports
/// with moods, typos, several questions, other languages, two cats. The recognizer is the baseline, so the
/// ratio columns say what reading costs on top of recognition in the same run.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MessageReaderBenchmarks
{
    private const int Messages = 200;
    private readonly List<CatProfile> _cats = [new() { Name = "Milo", Pronoun = "he" }, new() { Name = "Luna", Pronoun = "she" }];
    private readonly string[] _catNames = ["Milo", "Luna"];
    private string[] _texts = [];
    private TopicRecognizer _recognizer = null!;
    private MessageReader _reader = null!;
    private MessageReader _semanticReader = null!;

    [GlobalSetup]
    public void Setup()
    {
        var content = BotContent.Load(RepoRoot.PathOf("dialogs"));
        _recognizer = TopicRecognizer.Build(content.Understanding);
        _reader = new MessageReader(_recognizer, new TextRecognizers(), content);
        _semanticReader = new MessageReader(_recognizer, new TextRecognizers(), content, new SemanticDecision(new SemanticReader(SemanticHead.Shipped, new SemanticOptions())));
        SentenceEmbeddings.Instance.Embed("warm");
        _texts =
        [
            .. new[] { "owners-tuning.json", "owners-heldout.json" }.SelectMany(file =>
                ((JArray)JObject.Parse(File.ReadAllText(RepoRoot.PathOf("tests", "LeashBot.Tests", "Understanding", file)))["items"]!)
                    .Select(i => (string)i["text"]!)).Take(Messages),
        ];
        if (_texts.Length < Messages)
        {
            throw new InvalidOperationException($"The owner phrasings have {_texts.Length} messages; the benchmark reads {Messages}.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public int RecognizePerMessage()
    {
        var kinds = 0;
        foreach (var text in _texts)
        {
            kinds += (int)_recognizer.Recognize(text, _catNames).Kind;
        }

        return kinds;
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public int ReadPerMessage()
    {
        var words = 0;
        foreach (var text in _texts)
        {
            words += _reader.Read(text, _cats).WordCount;
        }

        return words;
    }

    /// <summary>The reading with the semantic reader on, as the host reads by default; repeated messages come from its cache.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public int ReadWithSemanticPerMessage()
    {
        var words = 0;
        foreach (var text in _texts)
        {
            words += _semanticReader.Read(text, _cats).WordCount;
        }

        return words;
    }

    /// <summary>What a message the cache hasn't seen costs: one sentence embedding (the head itself is a few thousand multiplications).</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public int EmbedUncachedPerMessage()
    {
        var length = 0;
        foreach (var text in _texts)
        {
            length += SentenceEmbeddings.Instance.EmbedAll([text])[0].Length;
        }

        return length;
    }
}
