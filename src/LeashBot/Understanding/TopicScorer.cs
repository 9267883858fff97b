using System.Buffers;

namespace LeashBot.Understanding;

/// <summary>
/// Scores every topic for a message's terms against the <see cref="TopicIndex"/>: cosine similarity with the
/// best example and with the topic's centroid, raised by keyword hits. A message of several sentences also
/// scores each sentence alone, and a topic keeps its best score. Stateless; safe from any thread.
/// </summary>
internal sealed class TopicScorer(TopicIndex index)
{
    // How the parts of a score are mixed. These shape the score scale; the decisions on it are the
    // thresholds in the content file.
    private const double MaxExampleWeight = 0.6;
    private const double CentroidWeight = 0.4;
    private const double KeywordGain = 0.4;

    /// <summary>A word the content doesn't know weighs this much of the rarest term's IDF, diluting the match.</summary>
    private const double UnknownWordFactor = 0.9;

    private readonly double _unknownWordWeight = UnknownWordFactor * Math.Log(index.TopicCount + 1);

    /// <summary>
    /// Scores <paramref name="terms"/> (term ids, -1 for an unknown word) split into sentences at
    /// <paramref name="sentenceEnds"/>, into <paramref name="scores"/> (one per topic).
    /// </summary>
    public void Score(ReadOnlySpan<int> terms, List<int> sentenceEnds, Span<double> scores)
    {
        var topicCount = index.TopicCount;
        var segment = ArrayPool<double>.Shared.Rent(topicCount);
        try
        {
            var ends = sentenceEnds.Count > 0 ? sentenceEnds : [terms.Length];
            scores.Clear();
            ScoreSegment(terms, ends, segment);
            MaxInto(scores, segment);
            if (ends.Count > 1)
            {
                var start = 0;
                foreach (var end in ends)
                {
                    ScoreSegment(terms[start..end], [end - start], segment);
                    MaxInto(scores, segment);
                    start = end;
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(segment);
        }
    }

    /// <summary>Scores every topic for one run of terms (split into sentences at <paramref name="ends"/>).</summary>
    private void ScoreSegment(ReadOnlySpan<int> terms, List<int> ends, double[] result)
    {
        var topicCount = index.TopicCount;
        var exampleCount = index.ExampleCount;
        var keywordCount = index.KeywordTerms.Length;
        var features = ArrayPool<int>.Shared.Rent(terms.Length * 2 + 1);
        var exampleDot = ArrayPool<double>.Shared.Rent(exampleCount);
        var centroidDot = ArrayPool<double>.Shared.Rent(topicCount);
        var keywordSum = ArrayPool<double>.Shared.Rent(topicCount);
        var keywordSeen = ArrayPool<bool>.Shared.Rent(keywordCount);
        try
        {
            Array.Clear(exampleDot, 0, exampleCount);
            Array.Clear(centroidDot, 0, topicCount);
            Array.Clear(keywordSum, 0, topicCount);
            Array.Clear(keywordSeen, 0, keywordCount);

            // Features: known terms, and known pairs of adjacent terms within a sentence.
            var featureCount = 0;
            var unknown = 0;
            var start = 0;
            foreach (var end in ends)
            {
                for (var i = start; i < end; i++)
                {
                    var term = terms[i];
                    if (term < 0)
                    {
                        unknown++;
                        continue;
                    }

                    features[featureCount++] = term;
                    if (i > start && terms[i - 1] >= 0 && index.BigramIds.TryGetValue(TopicIndex.BigramKey(terms[i - 1], term), out var bigram))
                    {
                        features[featureCount++] = bigram;
                    }

                    MatchKeywords(terms[start..end], i - start, keywordSeen, keywordSum);
                }

                start = end;
            }

            var span = features.AsSpan(0, featureCount);
            span.Sort();
            var normSquared = unknown * _unknownWordWeight * _unknownWordWeight;
            var examples = index.Examples;
            var centroids = index.Centroids;
            for (var i = 0; i < span.Length;)
            {
                var f = span[i];
                var tf = 0;
                while (i < span.Length && span[i] == f)
                {
                    tf++;
                    i++;
                }

                var q = index.Weight(f, tf);
                normSquared += q * q;
                for (var p = examples.Start[f]; p < examples.Start[f + 1]; p++)
                {
                    exampleDot[examples.Index[p]] += q * examples.Weight[p];
                }

                for (var p = centroids.Start[f]; p < centroids.Start[f + 1]; p++)
                {
                    centroidDot[centroids.Index[p]] += q * centroids.Weight[p];
                }
            }

            var norm = normSquared > 0 ? Math.Sqrt(normSquared) : 1;
            var topicExampleStart = index.TopicExampleStart;
            for (var t = 0; t < topicCount; t++)
            {
                var maxExample = 0.0;
                for (var e = topicExampleStart[t]; e < topicExampleStart[t + 1]; e++)
                {
                    maxExample = Math.Max(maxExample, exampleDot[e]);
                }

                var similarity = (MaxExampleWeight * maxExample + CentroidWeight * centroidDot[t]) / norm;
                result[t] = 1 - ((1 - Math.Clamp(similarity, 0, 1)) * Math.Exp(-KeywordGain * keywordSum[t]));
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(features);
            ArrayPool<double>.Shared.Return(exampleDot);
            ArrayPool<double>.Shared.Return(centroidDot);
            ArrayPool<double>.Shared.Return(keywordSum);
            ArrayPool<bool>.Shared.Return(keywordSeen);
        }
    }

    /// <summary>Keywords starting at <paramref name="position"/>; a phrase may skip up to two words between its words.</summary>
    private void MatchKeywords(ReadOnlySpan<int> sentence, int position, bool[] seen, double[] keywordSum)
    {
        foreach (var k in index.KeywordsByFirstTerm[sentence[position]])
        {
            if (seen[k])
            {
                continue;
            }

            var phrase = index.KeywordTerms[k];
            var at = position;
            var matched = true;
            for (var w = 1; w < phrase.Length && matched; w++)
            {
                if (at + 1 < sentence.Length && sentence[at + 1] == phrase[w])
                {
                    at += 1;
                }
                else if (at + 2 < sentence.Length && sentence[at + 2] == phrase[w])
                {
                    at += 2;
                }
                else if (at + 3 < sentence.Length && sentence[at + 3] == phrase[w])
                {
                    at += 3;
                }
                else
                {
                    matched = false;
                }
            }

            if (matched)
            {
                seen[k] = true;
                keywordSum[index.KeywordTopic[k]] += index.KeywordWeight[k];
            }
        }
    }

    private static void MaxInto(Span<double> into, double[] from)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] = Math.Max(into[i], from[i]);
        }
    }
}
