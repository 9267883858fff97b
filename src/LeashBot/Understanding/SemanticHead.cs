using System.Reflection;
using Newtonsoft.Json;

namespace LeashBot.Understanding;

/// <summary>
/// The trained classifiers over a sentence embedding: a multinomial logistic regression over the topics (with
/// out of scope as a class of its own) and a binary one for "the cat is unwell or hurt right now". Trained by
/// <see cref="SemanticHeadTrainer"/> from labelled lines in the repository and shipped as data (semantic-head.json,
/// embedded in the assembly).
/// </summary>
public sealed class SemanticHead
{
    public const string ResourceName = "LeashBot.semantic-head.json";

    /// <summary>The class ids, in the order of <see cref="Weights"/>.</summary>
    [JsonProperty("classes")]
    public required string[] Classes { get; init; }

    /// <summary>One row of <see cref="SentenceEmbeddings.Dimensions"/> weights per class.</summary>
    [JsonProperty("weights")]
    public required float[][] Weights { get; init; }

    [JsonProperty("bias")]
    public required float[] Bias { get; init; }

    /// <summary>Weights of the "unwell or hurt right now" classifier.</summary>
    [JsonProperty("unwellWeights")]
    public required float[] UnwellWeights { get; init; }

    [JsonProperty("unwellBias")]
    public required float UnwellBias { get; init; }

    /// <summary>Where the training lines came from and how many, for people reading the file.</summary>
    [JsonProperty("trainedOn")]
    public Dictionary<string, int> TrainedOn { get; init; } = [];

    private static readonly Lazy<SemanticHead> ShippedHead = new(Embedded);

    /// <summary>The head shipped with the app, read once per process.</summary>
    public static SemanticHead Shipped => ShippedHead.Value;

    /// <summary>Reads the head shipped with the app.</summary>
    public static SemanticHead Embedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The assembly has no {ResourceName}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static SemanticHead Parse(string json) =>
        JsonConvert.DeserializeObject<SemanticHead>(json) ?? throw new InvalidOperationException("An empty semantic head.");

    /// <summary>The file as committed: numbers rounded to 5 decimals, one class per line.</summary>
    public string ToJson() => JsonConvert.SerializeObject(this, Formatting.Indented, new RoundedFloats());

    /// <summary>Class probabilities (softmax) for one embedding, into <paramref name="probabilities"/>.</summary>
    public void Topics(ReadOnlySpan<float> embedding, Span<double> probabilities) =>
        HeadScoring.Probabilities(Bias, Weights, embedding, probabilities);

    /// <summary>The probability that the message is about the cat being unwell or hurt right now.</summary>
    public double Unwell(ReadOnlySpan<float> embedding) => 1.0 / (1.0 + Math.Exp(-(UnwellBias + HeadScoring.Dot(UnwellWeights, embedding))));

    private sealed class RoundedFloats : JsonConverter
    {
        public override bool CanConvert(Type objectType) => objectType == typeof(float[]);

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
            throw new NotSupportedException();

        public override bool CanRead => false;

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
        {
            // One array per line keeps the file readable in a diff.
            writer.WriteRawValue("[" + string.Join(",", ((float[])value!).Select(f => Math.Round(f, 5).ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + "]");
        }
    }
}
