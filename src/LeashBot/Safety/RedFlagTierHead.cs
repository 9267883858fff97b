using System.Reflection;
using LeashBot.Understanding;
using Newtonsoft.Json;

namespace LeashBot.Safety;

/// <summary>How pressing a message reads by its meaning, from the tier head: each tier's probability (they add up to 1).</summary>
public readonly record struct TierReading(double Calm, double Soon, double Emergency);

/// <summary>
/// A small classifier over the semantic reader's sentence embedding that reads how pressing a health message is:
/// calm, see a vet soon, or a vet now. Trained (<see cref="SemanticHeadTrainer"/>) on the tuning parts of the
/// labelled red-flag sets and shipped as data (<c>redflag-tier-head.json</c>, embedded in the assembly). It only
/// ever decides where the rules are silent (see <see cref="RedFlagReader"/>).
/// </summary>
public sealed class RedFlagTierHead
{
    public const string ResourceName = "LeashBot.redflag-tier-head.json";

    /// <summary>The tiers in the order of <see cref="Weights"/>.</summary>
    public static readonly string[] Tiers = ["calm", "soon", "emergency"];

    private static readonly Lazy<RedFlagTierHead> ShippedHead = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The assembly has no {ResourceName}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    /// <summary>One row of <see cref="SentenceEmbeddings.Dimensions"/> weights per tier.</summary>
    [JsonProperty("weights")]
    public required float[][] Weights { get; init; }

    [JsonProperty("bias")]
    public required float[] Bias { get; init; }

    /// <summary>Where the training lines came from and how many, for people reading the file.</summary>
    [JsonProperty("trainedOn")]
    public Dictionary<string, int> TrainedOn { get; init; } = [];

    /// <summary>The head shipped with the app, read once per process.</summary>
    public static RedFlagTierHead Shipped => ShippedHead.Value;

    public static RedFlagTierHead Parse(string json) =>
        JsonConvert.DeserializeObject<RedFlagTierHead>(json) ?? throw new InvalidOperationException("An empty tier head.");

    /// <summary>Each tier's probability for one embedding.</summary>
    public TierReading Read(ReadOnlySpan<float> embedding)
    {
        Span<double> p = stackalloc double[Tiers.Length];
        HeadScoring.Probabilities(Bias, Weights, embedding, p);
        return new TierReading(p[0], p[1], p[2]);
    }

    /// <summary>The file as committed: numbers rounded to 5 decimals, one tier's weights per line.</summary>
    public string ToJson()
    {
        static string Row(float[] row) => "[" + string.Join(",", row.Select(f => Math.Round(f, 5).ToString("R", CultureInfo.InvariantCulture))) + "]";
        var json = new StringBuilder();
        json.Append("{\n  \"trainedOn\": ").Append(JsonConvert.SerializeObject(TrainedOn)).Append(",\n");
        json.Append("  \"bias\": ").Append(Row(Bias)).Append(",\n");
        json.Append("  \"weights\": [\n    ").Append(string.Join(",\n    ", Weights.Select(Row))).Append("\n  ]\n}\n");
        return json.ToString();
    }
}
