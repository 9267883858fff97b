using System.Collections.Frozen;

namespace LeashBot.Understanding;

/// <summary>
/// The topics in searchable form, built once by <see cref="TopicIndexBuilder"/> and never changed: term and
/// term-pair features with their IDF, each feature's examples and topic centroids (compressed sparse rows),
/// and the keyword phrases by their first term. Read by <see cref="TopicScorer"/> from any thread.
/// </summary>
internal sealed class TopicIndex
{
    /// <summary>How much a term pair counts against a single term.</summary>
    public const double BigramFactor = 0.5;

    /// <summary>Topic ids in content order; a topic's number is its place here.</summary>
    public required string[] TopicIds { get; init; }

    /// <summary>Small-talk topics, which yield to any other topic found in the same message.</summary>
    public required bool[] Social { get; init; }

    /// <summary>Term (stem or synonym group) -> feature id; term ids come before every pair's.</summary>
    public required FrozenDictionary<string, int> TermIds { get; init; }

    /// <summary><see cref="BigramKey"/> of two adjacent terms -> feature id.</summary>
    public required FrozenDictionary<long, int> BigramIds { get; init; }

    /// <summary>Inverse document frequency per feature (a topic is one document).</summary>
    public required double[] Idf { get; init; }

    /// <summary>The examples of topic t are [TopicExampleStart[t], TopicExampleStart[t + 1]).</summary>
    public required int[] TopicExampleStart { get; init; }

    /// <summary>Feature -> (example, weight) in the examples' normalized vectors.</summary>
    public required SparseRows Examples { get; init; }

    /// <summary>Feature -> (topic, weight) in the topics' normalized centroids.</summary>
    public required SparseRows Centroids { get; init; }

    /// <summary>Each keyword phrase as term ids, with its topic and weight.</summary>
    public required int[][] KeywordTerms { get; init; }

    public required int[] KeywordTopic { get; init; }

    public required double[] KeywordWeight { get; init; }

    /// <summary>Keywords by the term they start with.</summary>
    public required int[][] KeywordsByFirstTerm { get; init; }

    public int TopicCount => TopicIds.Length;

    public int TermCount => TermIds.Count;

    public int FeatureCount => Idf.Length;

    public int ExampleCount => TopicExampleStart[^1];

    public static long BigramKey(int a, int b) => ((long)a << 32) | (uint)b;

    /// <summary>The TF-IDF weight of a feature seen <paramref name="tf"/> times; a pair counts half a term.</summary>
    public double Weight(int feature, int tf) => Weight(feature, tf, TermCount, Idf);

    public static double Weight(int feature, int tf, int termCount, double[] idf) =>
        (1 + Math.Log(tf)) * idf[feature] * (feature >= termCount ? BigramFactor : 1);
}

/// <summary>Rows of a sparse matrix by feature: the entries of feature f are [Start[f], Start[f + 1]) of Index and Weight.</summary>
internal sealed record SparseRows(int[] Start, int[] Index, double[] Weight);
