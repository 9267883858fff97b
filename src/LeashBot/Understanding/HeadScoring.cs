namespace LeashBot.Understanding;

/// <summary>
/// How a trained head over a sentence embedding scores: a linear layer (a bias and a row of weights per class) and a
/// softmax. The topic head (<see cref="SemanticHead"/>) and the red-flag tier head both read embeddings this way.
/// </summary>
public static class HeadScoring
{
    /// <summary>Each class's probability (they add up to 1) for <paramref name="embedding"/>, into <paramref name="probabilities"/>.</summary>
    public static void Probabilities(float[] bias, float[][] weights, ReadOnlySpan<float> embedding, Span<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(bias);
        ArgumentNullException.ThrowIfNull(weights);
        var classes = bias.Length;
        var max = double.NegativeInfinity;
        for (var c = 0; c < classes; c++)
        {
            var z = bias[c] + Dot(weights[c], embedding);
            probabilities[c] = z;
            max = Math.Max(max, z);
        }

        var sum = 0.0;
        for (var c = 0; c < classes; c++)
        {
            probabilities[c] = Math.Exp(probabilities[c] - max);
            sum += probabilities[c];
        }

        for (var c = 0; c < classes; c++)
        {
            probabilities[c] /= sum;
        }
    }

    /// <summary>The weights' dot product with the embedding, summed in double precision.</summary>
    public static double Dot(float[] weights, ReadOnlySpan<float> embedding)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i] * embedding[i];
        }

        return sum;
    }
}
