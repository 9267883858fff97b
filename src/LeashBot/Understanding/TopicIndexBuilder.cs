using System.Collections.Frozen;

namespace LeashBot.Understanding;

/// <summary>
/// Builds the <see cref="TopicIndex"/> from the understanding content: every example and keyword normalized
/// into terms, term pairs from the examples, IDF over topics (stop words damped), then each example's
/// normalized TF-IDF vector and each topic's centroid, inverted by feature for fast scoring.
/// </summary>
internal static class TopicIndexBuilder
{
    /// <summary>How much a stop word ("the", "my") keeps of its IDF.</summary>
    private const double StopWordFactor = 0.3;

    public static TopicIndex Build(UnderstandingContent content, TextNormalizer normalizer)
    {
        var topics = content.Topics;
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        int TermId(string term)
        {
            if (!termIds.TryGetValue(term, out var id))
            {
                termIds[term] = id = termIds.Count;
            }

            return id;
        }

        // Examples as term-id sequences, topic by topic.
        var exampleTerms = new List<int[]>();
        var topicExampleStart = new int[topics.Count + 1];
        for (var t = 0; t < topics.Count; t++)
        {
            topicExampleStart[t] = exampleTerms.Count;
            foreach (var example in topics[t].Examples)
            {
                exampleTerms.Add([.. normalizer.NormalizeToTerms(example).Where(s => s is not null).Select(s => TermId(s!))]);
            }
        }

        topicExampleStart[topics.Count] = exampleTerms.Count;

        var keywordTerms = new List<int[]>();
        var keywordTopic = new List<int>();
        var keywordWeight = new List<double>();
        for (var t = 0; t < topics.Count; t++)
        {
            foreach (var keyword in topics[t].Keywords)
            {
                int[] terms = [.. normalizer.NormalizeToTerms(keyword.Text).Where(s => s is not null).Select(s => TermId(s!))];
                if (terms.Length > 0)
                {
                    keywordTerms.Add(terms);
                    keywordTopic.Add(t);
                    keywordWeight.Add(keyword.Weight);
                }
            }
        }

        // Bigram features from the examples.
        var bigramIds = new Dictionary<long, int>();
        foreach (var terms in exampleTerms)
        {
            for (var i = 1; i < terms.Length; i++)
            {
                bigramIds.TryAdd(TopicIndex.BigramKey(terms[i - 1], terms[i]), termIds.Count + bigramIds.Count);
            }
        }

        var featureCount = termIds.Count + bigramIds.Count;
        var exampleFeatures = exampleTerms.Select(terms => Features(terms, bigramIds)).ToList();

        // Document frequency over topics (a topic is one document), then IDF.
        var df = new int[featureCount];
        for (var t = 0; t < topics.Count; t++)
        {
            var seen = new HashSet<int>();
            for (var e = topicExampleStart[t]; e < topicExampleStart[t + 1]; e++)
            {
                seen.UnionWith(exampleFeatures[e].Keys);
            }

            foreach (var f in seen)
            {
                df[f]++;
            }
        }

        var idf = new double[featureCount];
        for (var f = 0; f < featureCount; f++)
        {
            idf[f] = df[f] == 0 ? Math.Log(topics.Count + 1) : Math.Log((topics.Count + 1.0) / df[f]);
        }

        foreach (var stopWord in content.Global.StopWords)
        {
            foreach (var term in normalizer.NormalizeToTerms(stopWord))
            {
                if (term is not null && termIds.TryGetValue(term, out var id))
                {
                    idf[id] *= StopWordFactor;
                }
            }
        }

        // Normalized example vectors and topic centroids.
        var exampleVectors = new List<Dictionary<int, double>>();
        foreach (var features in exampleFeatures)
        {
            var v = features.ToDictionary(kv => kv.Key, kv => TopicIndex.Weight(kv.Key, kv.Value, termIds.Count, idf));
            exampleVectors.Add(Normalize(v));
        }

        var centroids = new List<Dictionary<int, double>>();
        for (var t = 0; t < topics.Count; t++)
        {
            var c = new Dictionary<int, double>();
            for (var e = topicExampleStart[t]; e < topicExampleStart[t + 1]; e++)
            {
                foreach (var (f, w) in exampleVectors[e])
                {
                    c[f] = c.GetValueOrDefault(f) + w;
                }
            }

            centroids.Add(Normalize(c));
        }

        var byFirst = new List<int>[termIds.Count];
        for (var k = 0; k < keywordTerms.Count; k++)
        {
            (byFirst[keywordTerms[k][0]] ??= []).Add(k);
        }

        return new TopicIndex
        {
            TopicIds = [.. topics.Select(t => t.Id)],
            Social = [.. topics.Select(t => t.Social)],
            TermIds = termIds.ToFrozenDictionary(StringComparer.Ordinal),
            BigramIds = bigramIds.ToFrozenDictionary(),
            Idf = idf,
            TopicExampleStart = topicExampleStart,
            Examples = Invert(exampleVectors, featureCount),
            Centroids = Invert(centroids, featureCount),
            KeywordTerms = [.. keywordTerms],
            KeywordTopic = [.. keywordTopic],
            KeywordWeight = [.. keywordWeight],
            KeywordsByFirstTerm = [.. byFirst.Select(l => l is null ? [] : l.ToArray())],
        };
    }

    private static Dictionary<int, int> Features(int[] terms, Dictionary<long, int> bigramIds)
    {
        var features = new Dictionary<int, int>();
        for (var i = 0; i < terms.Length; i++)
        {
            features[terms[i]] = features.GetValueOrDefault(terms[i]) + 1;
            if (i > 0 && bigramIds.TryGetValue(TopicIndex.BigramKey(terms[i - 1], terms[i]), out var bigram))
            {
                features[bigram] = features.GetValueOrDefault(bigram) + 1;
            }
        }

        return features;
    }

    private static Dictionary<int, double> Normalize(Dictionary<int, double> v)
    {
        var norm = Math.Sqrt(v.Values.Sum(w => w * w));
        return norm == 0 ? v : v.ToDictionary(kv => kv.Key, kv => kv.Value / norm);
    }

    /// <summary>Vectors (row per document) to a feature -> (document, weight) index.</summary>
    private static SparseRows Invert(List<Dictionary<int, double>> vectors, int featureCount)
    {
        var start = new int[featureCount + 1];
        foreach (var v in vectors)
        {
            foreach (var f in v.Keys)
            {
                start[f + 1]++;
            }
        }

        for (var f = 0; f < featureCount; f++)
        {
            start[f + 1] += start[f];
        }

        var fill = (int[])start.Clone();
        var index = new int[start[featureCount]];
        var weight = new double[start[featureCount]];
        for (var d = 0; d < vectors.Count; d++)
        {
            foreach (var (f, w) in vectors[d])
            {
                index[fill[f]] = d;
                weight[fill[f]++] = w;
            }
        }

        return new SparseRows(start, index, weight);
    }
}
