using System.Diagnostics;
using BenchmarkDotNet.Running;
using LeashBot.Benchmarks;
using LeashBot.Content;
using LeashBot.Understanding;

// Index build time: load the content once, then build several times and report the median (the first build includes JIT).
var content = BotContent.Load(RepoRoot.PathOf("dialogs")).Understanding;
var times = new List<double>();
TopicRecognizer? recognizer = null;
for (var i = 0; i < 11; i++)
{
    var sw = Stopwatch.StartNew();
    recognizer = TopicRecognizer.Build(content);
    times.Add(sw.Elapsed.TotalMilliseconds);
}

var first = times[0];
times.Sort();
Console.WriteLine($"Index build: first {first:0.0} ms (cold), median {times[times.Count / 2]:0.00} ms (warm); " +
                  $"{recognizer!.TermCount} terms, {recognizer.FeatureCount} features, {recognizer.Normalizer.VocabularySize} words");

TurnBenchmarks.CheckTurnCounts();
if (args is ["--allocations", ..])
{
    AllocationSampler.Run(rounds: 40);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(RecognizerBenchmarks).Assembly).Run(args);
