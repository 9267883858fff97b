using System.Buffers;
using System.Collections.Frozen;

namespace LeashBot.Understanding;

/// <summary>
/// Recognizes which topic a chat message is about, on the machine, from <see cref="UnderstandingContent"/>.
/// Each message (and each of its sentences) is normalized into terms; TF-IDF vectors of terms and
/// term pairs are compared with every example (best match) and with each topic's centroid, and
/// keyword hits raise a topic's score. Built once; <see cref="Recognize"/> is thread-safe.
/// </summary>
public sealed class TopicRecognizer
{
    // How the parts of a score are mixed. These shape the score scale; the decisions on it are the
    // thresholds in the content file.
    private const double MaxExampleWeight = 0.6;
    private const double CentroidWeight = 0.4;
    private const double KeywordGain = 0.4;
    private const double BigramFactor = 0.5;
    private const double UnknownWordFactor = 0.9;
    private const double SocialPenalty = 0.5;
    private const double StopWordFactor = 0.3;
    private const int CandidateCount = 3;

    private readonly TextNormalizer _normalizer;
    private readonly Thresholds _thresholds;
    private readonly string[] _topicIds;
    private readonly bool[] _social;
    private readonly int _outOfScope;
    private readonly FrozenDictionary<string, int> _termIds;
    private readonly FrozenDictionary<long, int> _bigramIds; // (term << 32 | term) -> feature id
    private readonly double[] _idf; // per feature
    private readonly int[] _topicExampleStart; // examples of topic t: [start[t], start[t + 1])
    private readonly int[] _exampleStart, _exampleIndex; // CSR: feature -> examples
    private readonly double[] _exampleWeight;
    private readonly int[] _centroidStart, _centroidTopic; // CSR: feature -> topics
    private readonly double[] _centroidWeight;
    private readonly int[][] _keywordsByFirstTerm;
    private readonly int[][] _keywordTerms;
    private readonly int[] _keywordTopic;
    private readonly double[] _keywordWeight;
    private readonly double _unknownWordWeight;

    private TopicRecognizer(
        TextNormalizer normalizer, Thresholds thresholds, string[] topicIds, bool[] social,
        FrozenDictionary<string, int> termIds, FrozenDictionary<long, int> bigramIds, double[] idf,
        int[] topicExampleStart, (int[] Start, int[] Index, double[] Weight) examples,
        (int[] Start, int[] Index, double[] Weight) centroids,
        int[][] keywordTerms, int[] keywordTopic, double[] keywordWeight)
    {
        _normalizer = normalizer;
        _thresholds = thresholds;
        _topicIds = topicIds;
        _social = social;
        _outOfScope = Array.IndexOf(topicIds, TopicIds.OutOfScope);
        _termIds = termIds;
        _bigramIds = bigramIds;
        _idf = idf;
        _topicExampleStart = topicExampleStart;
        (_exampleStart, _exampleIndex, _exampleWeight) = examples;
        (_centroidStart, _centroidTopic, _centroidWeight) = centroids;
        _keywordTerms = keywordTerms;
        _keywordTopic = keywordTopic;
        _keywordWeight = keywordWeight;
        _unknownWordWeight = UnknownWordFactor * Math.Log(topicIds.Length + 1);

        var byFirst = new List<int>[termIds.Count];
        for (var k = 0; k < keywordTerms.Length; k++)
        {
            (byFirst[keywordTerms[k][0]] ??= []).Add(k);
        }

        _keywordsByFirstTerm = [.. byFirst.Select(l => l is null ? [] : l.ToArray())];
    }

    /// <summary>Topic ids in content order.</summary>
    public IReadOnlyList<string> TopicIdList => _topicIds;

    /// <summary>Distinct terms (stems and synonym groups) the recognizer knows.</summary>
    public int TermCount => _termIds.Count;

    /// <summary>Features (terms and term pairs) in the index.</summary>
    public int FeatureCount => _idf.Length;

    /// <summary>The normalizer the recognizer reads text with.</summary>
    public TextNormalizer Normalizer => _normalizer;

    /// <summary>Builds the recognizer. Throws when the content has validation problems.</summary>
    public static TopicRecognizer Build(UnderstandingContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var problems = content.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "The understanding content is not valid:" + Environment.NewLine +
                string.Join(Environment.NewLine, problems.Select(p => $"  {p.Path}: {p.Message}")));
        }

        var global = content.Global!;
        var topics = content.Topics!;
        var normalizer = new TextNormalizer(global);
        normalizer.SetVocabulary(
            topics.SelectMany(t => t.Examples!.Concat((t.Keywords ?? []).Select(k => k.Text)))
                .Concat((global.Synonyms ?? []).SelectMany(g => g.Terms ?? [])));

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
            foreach (var example in topics[t].Examples!)
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
            foreach (var keyword in topics[t].Keywords ?? [])
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
                bigramIds.TryAdd(BigramKey(terms[i - 1], terms[i]), termIds.Count + bigramIds.Count);
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

        foreach (var stopWord in global.StopWords ?? [])
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
            var v = features.ToDictionary(kv => kv.Key, kv => Weight(kv.Key, kv.Value, termIds.Count, idf));
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

        return new TopicRecognizer(
            normalizer, global.Thresholds!, [.. topics.Select(t => t.Id)], [.. topics.Select(t => t.Social)],
            termIds.ToFrozenDictionary(StringComparer.Ordinal), bigramIds.ToFrozenDictionary(), idf,
            topicExampleStart, Invert(exampleVectors, featureCount), Invert(centroids, featureCount),
            [.. keywordTerms], [.. keywordTopic], [.. keywordWeight]);
    }

    /// <summary>Recognizes the topic of a message. <paramref name="catNames"/> are the owner's cats' names, ignored in the text.</summary>
    public Recognition Recognize(string text, IReadOnlyCollection<string>? catNames = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string?>(16);
        var sentenceEnds = new List<int>(4);
        _normalizer.Normalize(text, catNames, words, sentenceEnds);
        if (words.Count == 0)
        {
            return new Recognition(null, 0, RecognitionKind.Unsure, []);
        }

        var terms = ArrayPool<int>.Shared.Rent(words.Count);
        var topicCount = _topicIds.Length;
        var scores = ArrayPool<double>.Shared.Rent(topicCount);
        var segment = ArrayPool<double>.Shared.Rent(topicCount);
        try
        {
            for (var i = 0; i < words.Count; i++)
            {
                terms[i] = words[i] is { } w && _termIds.TryGetValue(w, out var id) ? id : -1;
            }

            var allTerms = terms.AsSpan(0, words.Count);
            var ends = sentenceEnds.Count > 0 ? sentenceEnds : [words.Count];
            Array.Clear(scores, 0, topicCount);
            ScoreSegment(allTerms, ends, segment);
            MaxInto(scores, segment, topicCount);
            if (ends.Count > 1)
            {
                var start = 0;
                foreach (var end in ends)
                {
                    ScoreSegment(allTerms[start..end], [end - start], segment);
                    MaxInto(scores, segment, topicCount);
                    start = end;
                }
            }

            return Decide(scores.AsSpan(0, topicCount));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(terms);
            ArrayPool<double>.Shared.Return(scores);
            ArrayPool<double>.Shared.Return(segment);
        }
    }

    private Recognition Decide(Span<double> scores)
    {
        var t = _thresholds;
        var bestNonSocial = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (!_social[i])
            {
                bestNonSocial = Math.Max(bestNonSocial, scores[i]);
            }
        }

        if (bestNonSocial >= t.Confident)
        {
            for (var i = 0; i < scores.Length; i++)
            {
                if (_social[i])
                {
                    scores[i] *= SocialPenalty;
                }
            }
        }

        // Best three in-scope topics.
        Span<int> top = [-1, -1, -1];
        for (var i = 0; i < scores.Length; i++)
        {
            if (i == _outOfScope)
            {
                continue;
            }

            for (var k = 0; k < CandidateCount; k++)
            {
                if (top[k] < 0 || scores[i] > scores[top[k]])
                {
                    for (var m = CandidateCount - 1; m > k; m--)
                    {
                        top[m] = top[m - 1];
                    }

                    top[k] = i;
                    break;
                }
            }
        }

        var best = top[0] < 0 ? 0 : scores[top[0]];
        var second = top[1] < 0 ? 0 : scores[top[1]];

        // Out of scope also wins a near tie: better to say "that's not something I can help with" than to coach on a misreading.
        if (_outOfScope >= 0 && scores[_outOfScope] >= t.Minimum && scores[_outOfScope] >= best - t.AmbiguityMargin)
        {
            return new Recognition(TopicIds.OutOfScope, scores[_outOfScope], RecognitionKind.OutOfScope, Candidates(scores, _outOfScope, top[0], top[1]));
        }

        var candidates = Candidates(scores, top[0], top[1], top[2]);
        if (best < t.Minimum)
        {
            return new Recognition(null, best, RecognitionKind.Unsure, candidates);
        }

        var gap = best - second;
        if (second >= t.Minimum && gap < t.AmbiguityMargin)
        {
            return new Recognition(_topicIds[top[0]], best, RecognitionKind.Ambiguous, candidates);
        }

        if (best >= t.Confident || gap >= t.DecisiveMargin)
        {
            return new Recognition(_topicIds[top[0]], best, RecognitionKind.Confident, candidates);
        }

        return new Recognition(null, best, RecognitionKind.Unsure, candidates);
    }

    private TopicScore[] Candidates(Span<double> scores, int a, int b, int c)
    {
        var count = (a >= 0 ? 1 : 0) + (b >= 0 ? 1 : 0) + (c >= 0 ? 1 : 0);
        var result = new TopicScore[count];
        var n = 0;
        foreach (var i in (ReadOnlySpan<int>)[a, b, c])
        {
            if (i >= 0)
            {
                result[n++] = new TopicScore(_topicIds[i], Math.Round(scores[i], 4));
            }
        }

        return result;
    }

    /// <summary>Scores every topic for one run of terms (split into sentences at <paramref name="ends"/>).</summary>
    private void ScoreSegment(ReadOnlySpan<int> terms, List<int> ends, double[] result)
    {
        var topicCount = _topicIds.Length;
        var exampleCount = _topicExampleStart[topicCount];
        var features = ArrayPool<int>.Shared.Rent(terms.Length * 2 + 1);
        var exampleDot = ArrayPool<double>.Shared.Rent(exampleCount);
        var centroidDot = ArrayPool<double>.Shared.Rent(topicCount);
        var keywordSum = ArrayPool<double>.Shared.Rent(topicCount);
        var keywordSeen = ArrayPool<bool>.Shared.Rent(_keywordTerms.Length);
        try
        {
            Array.Clear(exampleDot, 0, exampleCount);
            Array.Clear(centroidDot, 0, topicCount);
            Array.Clear(keywordSum, 0, topicCount);
            Array.Clear(keywordSeen, 0, _keywordTerms.Length);

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
                    if (i > start && terms[i - 1] >= 0 && _bigramIds.TryGetValue(BigramKey(terms[i - 1], term), out var bigram))
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
            for (var i = 0; i < span.Length;)
            {
                var f = span[i];
                var tf = 0;
                while (i < span.Length && span[i] == f)
                {
                    tf++;
                    i++;
                }

                var q = Weight(f, tf, _termIds.Count, _idf);
                normSquared += q * q;
                for (var p = _exampleStart[f]; p < _exampleStart[f + 1]; p++)
                {
                    exampleDot[_exampleIndex[p]] += q * _exampleWeight[p];
                }

                for (var p = _centroidStart[f]; p < _centroidStart[f + 1]; p++)
                {
                    centroidDot[_centroidTopic[p]] += q * _centroidWeight[p];
                }
            }

            var norm = normSquared > 0 ? Math.Sqrt(normSquared) : 1;
            for (var t = 0; t < topicCount; t++)
            {
                var maxExample = 0.0;
                for (var e = _topicExampleStart[t]; e < _topicExampleStart[t + 1]; e++)
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
        foreach (var k in _keywordsByFirstTerm[sentence[position]])
        {
            if (seen[k])
            {
                continue;
            }

            var phrase = _keywordTerms[k];
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
                keywordSum[_keywordTopic[k]] += _keywordWeight[k];
            }
        }
    }

    private static void MaxInto(double[] into, double[] from, int count)
    {
        for (var i = 0; i < count; i++)
        {
            into[i] = Math.Max(into[i], from[i]);
        }
    }

    private static long BigramKey(int a, int b) => ((long)a << 32) | (uint)b;

    private static double Weight(int feature, int tf, int termCount, double[] idf) =>
        (1 + Math.Log(tf)) * idf[feature] * (feature >= termCount ? BigramFactor : 1);

    private static Dictionary<int, int> Features(int[] terms, Dictionary<long, int> bigramIds)
    {
        var features = new Dictionary<int, int>();
        for (var i = 0; i < terms.Length; i++)
        {
            features[terms[i]] = features.GetValueOrDefault(terms[i]) + 1;
            if (i > 0 && bigramIds.TryGetValue(BigramKey(terms[i - 1], terms[i]), out var bigram))
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

    /// <summary>Vectors (row per document) to a feature -> (document, weight) index in CSR form.</summary>
    private static (int[] Start, int[] Index, double[] Weight) Invert(List<Dictionary<int, double>> vectors, int featureCount)
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

        return (start, index, weight);
    }
}
