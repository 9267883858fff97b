using Newtonsoft.Json;

namespace LeashBot.Content;

/// <summary>
/// Phrasings staff labelled in the console and applied at once: a content overlay beside <c>dialogs/understanding.json</c>
/// that the message reader uses without a rebuild. Checked like every content file (<see cref="Check"/>, and
/// <c>dialogs/schemas/learned-phrasings.schema.json</c> for editors); the file is written only once it passes.
/// </summary>
public sealed class LearnedPhrasingsFile
{
    public const int MaxTextLength = 300;
    public const int MaxPhrasings = 5000;

    [JsonProperty("$schema", NullValueHandling = NullValueHandling.Ignore)]
    public string? Schema { get; set; } = "https://leashbot.example/schemas/learned-phrasings.schema.json";

    [JsonProperty("phrasings", Required = Required.Always)]
    public List<LearnedPhrasing> Phrasings { get; set; } = [];

    /// <summary>Every problem of the overlay against the bot's content (unknown topics, empty or long text, repeats); empty when fine.</summary>
    public IReadOnlyList<string> Check(BotContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var topics = content.Understanding.Topics.Select(t => t.Id).Append(UnderstandingContent.OutOfScopeTopic).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (Phrasings.Count > MaxPhrasings)
        {
            problems.Add($"learned phrasings: {Phrasings.Count} phrasings, {MaxPhrasings} at most");
        }

        for (var i = 0; i < Phrasings.Count; i++)
        {
            var p = Phrasings[i];
            if (string.IsNullOrWhiteSpace(p.Text) || p.Text.Length > MaxTextLength)
            {
                problems.Add($"learned phrasings [{i}]: the text must be 1 to {MaxTextLength} characters");
            }
            else if (!seen.Add(p.Text.Trim()))
            {
                problems.Add($"learned phrasings [{i}]: '{p.Text}' is there twice");
            }

            if (!topics.Contains(p.Topic))
            {
                problems.Add($"learned phrasings [{i}]: '{p.Topic}' is not a topic in understanding.json (or {UnderstandingContent.OutOfScopeTopic})");
            }
        }

        return problems;
    }

    /// <summary>Reads and checks the overlay; a missing file is an empty overlay.</summary>
    public static LearnedPhrasingsFile Load(string path, BotContent content)
    {
        if (!File.Exists(path))
        {
            return new LearnedPhrasingsFile();
        }

        LearnedPhrasingsFile file;
        try
        {
            file = JsonConvert.DeserializeObject<LearnedPhrasingsFile>(File.ReadAllText(path)) ?? new LearnedPhrasingsFile();
        }
        catch (JsonException ex)
        {
            throw new ContentException($"The learned phrasings in '{path}' can't be read: {ex.Message}");
        }

        var problems = file.Check(content);
        return problems.Count == 0 ? file
            : throw new ContentException($"The learned phrasings in '{path}' have problems:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)));
    }

    /// <summary>Writes the overlay (to a temporary file first, then moved over the old one, so a reader never sees half a file).</summary>
    public void Save(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, "." + Path.GetFileName(path) + ".tmp");
        File.WriteAllText(temporary, JsonConvert.SerializeObject(this, Formatting.Indented));
        File.Move(temporary, path, overwrite: true);
    }
}

/// <summary>One labelled phrasing: what an owner wrote and the topic it means (or out of scope).</summary>
public sealed class LearnedPhrasing
{
    [JsonProperty("text", Required = Required.Always)]
    public string Text { get; set; } = "";

    [JsonProperty("topic", Required = Required.Always)]
    public string Topic { get; set; } = "";

    /// <summary>Who labelled it, in the console.</summary>
    [JsonProperty("labelledBy")]
    public string? LabelledBy { get; set; }

    [JsonProperty("at")]
    public DateTimeOffset? At { get; set; }
}
