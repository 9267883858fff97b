using System.Numerics;

namespace LeashBot.Understanding;

/// <summary>
/// Trains a <see cref="SemanticHead"/> deterministically: each embedding dimension is standardized, then full-batch
/// Adam runs a fixed number of rounds over the lines in a fixed order, with no randomness; classes are weighted by
/// their size (out of scope has many more lines than a topic). The standardization is folded back into the
/// weights, so the head reads raw embeddings. The same lines give the same head, up to the embeddings' noise.
/// </summary>
public static class SemanticHeadTrainer
{
    /// <summary>How the head is trained; the defaults are what the committed head was trained with.</summary>
    /// <param name="OutOfScopeWeight">How much the out-of-scope class weighs against one topic: it stands for everything else
    /// an owner may ask, so it gets six topics' share (at one share, as many lines as a topic, it lost every close call:
    /// blind set D's held-out part was 69 % out of scope against 86 % at six, for one in-scope line fewer).</param>
    public sealed record Settings(int Rounds = 200, double LearningRate = 0.015, double L2 = 0.01, double UnwellL2 = 0.3, double OutOfScopeWeight = 6.0);

    /// <summary>A labelled line: its embedding and its class (or, for the unwell head, 1 or 0).</summary>
    public sealed record Example(float[] Embedding, int Label);

    public static SemanticHead Train(string[] classes, IReadOnlyList<Example> topicLines, IReadOnlyList<Example> unwellLines, Dictionary<string, int> trainedOn, Settings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(classes);
        settings ??= new Settings();
        var (weights, bias) = Softmax(classes.Length, topicLines, settings, Array.IndexOf(classes, TopicIds.OutOfScope));
        // The unwell lines are few and alike (red flags): a much stronger pull to zero keeps it from learning their wording.
        var (unwellWeights, unwellBias) = Softmax(2, unwellLines, settings with { L2 = settings.UnwellL2 }, -1);

        // A two-class softmax is a logistic regression on the difference of its rows.
        var w = new float[SentenceEmbeddings.Dimensions];
        for (var i = 0; i < w.Length; i++)
        {
            w[i] = unwellWeights[1][i] - unwellWeights[0][i];
        }

        return new SemanticHead
        {
            Classes = classes,
            Weights = weights,
            Bias = bias,
            UnwellWeights = w,
            UnwellBias = unwellBias[1] - unwellBias[0],
            TrainedOn = trainedOn,
        };
    }

    /// <summary>A softmax head over any classes (the red-flag tiers), trained as given by <paramref name="settings"/>: one weight row and bias per class, for raw embeddings.</summary>
    public static (float[][] Weights, float[] Bias) TrainClasses(int classCount, IReadOnlyList<Example> lines, Settings settings)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(settings);
        return Softmax(classCount, lines, settings, -1);
    }

    private static (float[][] Weights, float[] Bias) Softmax(int classCount, IReadOnlyList<Example> lines, Settings settings, int outOfScope)
    {
        const int d = SentenceEmbeddings.Dimensions;
        var n = lines.Count;

        // Standardize every dimension: the raw embeddings share one big direction, which makes plain descent crawl.
        var mean = new double[d];
        var scale = new double[d];
        foreach (var line in lines)
        {
            for (var i = 0; i < d; i++)
            {
                mean[i] += line.Embedding[i] / (double)n;
            }
        }

        foreach (var line in lines)
        {
            for (var i = 0; i < d; i++)
            {
                var dx = line.Embedding[i] - mean[i];
                scale[i] += dx * dx / n;
            }
        }

        for (var i = 0; i < d; i++)
        {
            scale[i] = Math.Sqrt(scale[i]) + 1e-6;
        }

        var x = new double[n][];
        for (var k = 0; k < n; k++)
        {
            x[k] = new double[d];
            for (var i = 0; i < d; i++)
            {
                x[k][i] = (lines[k].Embedding[i] - mean[i]) / scale[i];
            }
        }

        var counts = new int[classCount];
        foreach (var line in lines)
        {
            counts[line.Label]++;
        }

        // Balanced: every class weighs as much in total, whatever its number of lines.
        var present = counts.Count(c => c > 0);
        var classWeight = counts.Select(c => c == 0 ? 0.0 : (double)n / (present * c)).ToArray();
        if (outOfScope >= 0)
        {
            classWeight[outOfScope] *= settings.OutOfScopeWeight;
        }
        var w = Rows(classCount, d);
        var b = new double[classCount];
        var gw = Rows(classCount, d);
        var gb = new double[classCount];
        var mw = Rows(classCount, d);
        var vw = Rows(classCount, d);
        var mb = new double[classCount];
        var vb = new double[classCount];
        var p = new double[classCount];
        const double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        for (var round = 1; round <= settings.Rounds; round++)
        {
            foreach (var row in gw)
            {
                Array.Clear(row);
            }

            Array.Clear(gb);
            for (var k = 0; k < n; k++)
            {
                var xk = x[k];
                var label = lines[k].Label;
                var max = double.NegativeInfinity;
                for (var c = 0; c < classCount; c++)
                {
                    p[c] = b[c] + Dot(w[c], xk);
                    max = Math.Max(max, p[c]);
                }

                var sum = 0.0;
                for (var c = 0; c < classCount; c++)
                {
                    p[c] = Math.Exp(p[c] - max);
                    sum += p[c];
                }

                for (var c = 0; c < classCount; c++)
                {
                    var g = classWeight[label] * ((p[c] / sum) - (c == label ? 1 : 0)) / n;
                    gb[c] += g;
                    AddScaled(gw[c], xk, g);
                }
            }

            var lr = settings.LearningRate * Math.Sqrt(1 - Math.Pow(beta2, round)) / (1 - Math.Pow(beta1, round));
            for (var c = 0; c < classCount; c++)
            {
                for (var i = 0; i < d; i++)
                {
                    var g = gw[c][i] + (settings.L2 * w[c][i]);
                    mw[c][i] = (beta1 * mw[c][i]) + ((1 - beta1) * g);
                    vw[c][i] = (beta2 * vw[c][i]) + ((1 - beta2) * g * g);
                    w[c][i] -= lr * mw[c][i] / (Math.Sqrt(vw[c][i]) + eps);
                }

                mb[c] = (beta1 * mb[c]) + ((1 - beta1) * gb[c]);
                vb[c] = (beta2 * vb[c]) + ((1 - beta2) * gb[c] * gb[c]);
                b[c] -= lr * mb[c] / (Math.Sqrt(vb[c]) + eps);
            }
        }

        // Fold the standardization back in: w·((e − mean) / scale) + b = (w / scale)·e + (b − Σ w·mean / scale).
        var weights = new float[classCount][];
        var bias = new float[classCount];
        for (var c = 0; c < classCount; c++)
        {
            weights[c] = new float[d];
            var shift = 0.0;
            for (var i = 0; i < d; i++)
            {
                weights[c][i] = (float)(w[c][i] / scale[i]);
                shift += w[c][i] * mean[i] / scale[i];
            }

            bias[c] = (float)(b[c] - shift);
        }

        return (weights, bias);
    }

    private static double[][] Rows(int count, int length)
    {
        var rows = new double[count][];
        for (var i = 0; i < count; i++)
        {
            rows[i] = new double[length];
        }

        return rows;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = Vector<double>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<double>.Count; i += Vector<double>.Count)
        {
            sum += new Vector<double>(a, i) * new Vector<double>(b, i);
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    private static void AddScaled(double[] into, double[] x, double factor)
    {
        var f = new Vector<double>(factor);
        var i = 0;
        for (; i <= into.Length - Vector<double>.Count; i += Vector<double>.Count)
        {
            (new Vector<double>(into, i) + (f * new Vector<double>(x, i))).CopyTo(into, i);
        }

        for (; i < into.Length; i++)
        {
            into[i] += factor * x[i];
        }
    }
}
