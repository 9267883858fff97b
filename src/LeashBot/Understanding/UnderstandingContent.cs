using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeashBot.Understanding;

/// <summary>A problem found in the content file: a JSON path (e.g. <c>$.topics[3].examples[0]</c>) and what is wrong.</summary>
public sealed record ValidationProblem(string Path, string Message);

/// <summary>The contents of <c>dialogs/understanding.json</c>.</summary>
public sealed partial class UnderstandingContent
{
    [JsonProperty("$schema")]
    public string? Schema { get; set; }

    [JsonProperty("version")]
    public int Version { get; set; } = 1;

    [JsonProperty("global")]
    public GlobalSettings? Global { get; set; }

    [JsonProperty("topics")]
    public List<TopicDefinition>? Topics { get; set; }

    /// <summary>Fields the schema does not know; reported by <see cref="Validate"/>.</summary>
    [JsonExtensionData]
    public IDictionary<string, JToken>? UnknownFields { get; set; }

    private static readonly JsonSerializerSettings Settings = new()
    {
        MissingMemberHandling = MissingMemberHandling.Ignore, // caught by the extension data instead, with a path
        DateParseHandling = DateParseHandling.None,
    };

    public static UnderstandingContent Parse(string json) =>
        JsonConvert.DeserializeObject<UnderstandingContent>(json, Settings)
        ?? throw new JsonSerializationException("The understanding content is empty.");

    public static UnderstandingContent Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>Checks the content; an empty list means it can be used.</summary>
    public IReadOnlyList<ValidationProblem> Validate()
    {
        var problems = new List<ValidationProblem>();
        ReportUnknown(problems, "$", UnknownFields);

        if (Global is null)
        {
            problems.Add(new("$.global", "The global section is missing."));
        }
        else
        {
            Global.Validate(problems);
        }

        if (Topics is null || Topics.Count == 0)
        {
            problems.Add(new("$.topics", "There are no topics."));
            return problems;
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var exampleOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Topics.Count; i++)
        {
            var path = $"$.topics[{i}]";
            var topic = Topics[i];
            if (topic is null)
            {
                problems.Add(new(path, "The topic is null."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(topic.Id))
            {
                problems.Add(new($"{path}.id", "The topic id is missing."));
            }
            else if (!TopicIdPattern().IsMatch(topic.Id))
            {
                problems.Add(new($"{path}.id", $"'{topic.Id}' is not a valid topic id (letters and digits, dot-separated, starting lower-case)."));
            }
            else if (ids.TryGetValue(topic.Id, out var first))
            {
                problems.Add(new($"{path}.id", $"Duplicate topic id '{topic.Id}' (first at $.topics[{first}])."));
            }
            else
            {
                ids[topic.Id] = i;
            }

            topic.Validate(path, problems, exampleOwners);
        }

        foreach (var required in new[] { TopicIds.OutOfScope })
        {
            if (!ids.ContainsKey(required))
            {
                problems.Add(new("$.topics", $"The '{required}' topic is required."));
            }
        }

        return problems;
    }

    internal static void ReportUnknown(List<ValidationProblem> problems, string path, IDictionary<string, JToken>? unknown)
    {
        if (unknown is null)
        {
            return;
        }

        foreach (var name in unknown.Keys)
        {
            problems.Add(new($"{path}.{name}", $"Unknown field '{name}'."));
        }
    }

    internal static string Normalized(string text) => text.Trim().ToLowerInvariant();

    [GeneratedRegex("^[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)*$")]
    private static partial Regex TopicIdPattern();
}

/// <summary>Normalization data and thresholds shared by all topics.</summary>
public sealed class GlobalSettings
{
    [JsonProperty("thresholds")]
    public Thresholds? Thresholds { get; set; }

    [JsonProperty("contractions")]
    public Dictionary<string, string>? Contractions { get; set; }

    [JsonProperty("shorthand")]
    public Dictionary<string, string>? Shorthand { get; set; }

    [JsonProperty("emoji")]
    public Dictionary<string, string>? Emoji { get; set; }

    [JsonProperty("fillerWords")]
    public List<string>? FillerWords { get; set; }

    /// <summary>Common words that count for little when matching.</summary>
    [JsonProperty("stopWords")]
    public List<string>? StopWords { get; set; }

    [JsonProperty("synonyms")]
    public List<SynonymGroup>? Synonyms { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JToken>? UnknownFields { get; set; }

    internal void Validate(List<ValidationProblem> problems)
    {
        UnderstandingContent.ReportUnknown(problems, "$.global", UnknownFields);
        if (Thresholds is null)
        {
            problems.Add(new("$.global.thresholds", "The thresholds are missing."));
        }
        else
        {
            Thresholds.Validate(problems);
        }

        ValidateMap(problems, "$.global.contractions", Contractions);
        ValidateMap(problems, "$.global.shorthand", Shorthand);
        ValidateMap(problems, "$.global.emoji", Emoji);

        var fillers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (FillerWords?.Count ?? 0); i++)
        {
            var word = FillerWords![i];
            var path = $"$.global.fillerWords[{i}]";
            if (string.IsNullOrWhiteSpace(word))
            {
                problems.Add(new(path, "Empty filler word."));
            }
            else if (!fillers.Add(UnderstandingContent.Normalized(word)))
            {
                problems.Add(new(path, $"Duplicate filler word '{word}'."));
            }
            else if (Contractions?.ContainsKey(word) == true || Shorthand?.ContainsKey(word) == true)
            {
                problems.Add(new(path, $"'{word}' is both a filler word and expanded as a contraction or shorthand."));
            }
        }

        var stopWords = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (StopWords?.Count ?? 0); i++)
        {
            var word = StopWords![i];
            var path = $"$.global.stopWords[{i}]";
            if (string.IsNullOrWhiteSpace(word))
            {
                problems.Add(new(path, "Empty stop word."));
            }
            else if (!stopWords.Add(UnderstandingContent.Normalized(word)))
            {
                problems.Add(new(path, $"Duplicate stop word '{word}'."));
            }
        }

        var termOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        var canonicals = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (Synonyms?.Count ?? 0); i++)
        {
            var group = Synonyms![i];
            var path = $"$.global.synonyms[{i}]";
            if (group is null)
            {
                problems.Add(new(path, "The synonym group is null."));
                continue;
            }

            UnderstandingContent.ReportUnknown(problems, path, group.UnknownFields);
            if (string.IsNullOrWhiteSpace(group.Canonical) || group.Canonical.Any(c => !char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c)))
            {
                problems.Add(new($"{path}.canonical", "The canonical name must be one lower-case word (a-z, 0-9)."));
            }
            else if (!canonicals.Add(group.Canonical))
            {
                problems.Add(new($"{path}.canonical", $"Duplicate synonym group '{group.Canonical}'."));
            }

            if (group.Terms is null || group.Terms.Count == 0)
            {
                problems.Add(new($"{path}.terms", "A synonym group needs at least one term."));
                continue;
            }

            for (var j = 0; j < group.Terms.Count; j++)
            {
                var term = group.Terms[j];
                var termPath = $"{path}.terms[{j}]";
                if (string.IsNullOrWhiteSpace(term))
                {
                    problems.Add(new(termPath, "Empty synonym term."));
                }
                else if (termOwners.TryGetValue(UnderstandingContent.Normalized(term), out var owner))
                {
                    problems.Add(new(termPath, $"'{term}' is already a term of {owner}."));
                }
                else
                {
                    termOwners[UnderstandingContent.Normalized(term)] = path;
                }
            }
        }
    }

    private static void ValidateMap(List<ValidationProblem> problems, string path, Dictionary<string, string>? map)
    {
        if (map is null)
        {
            return;
        }

        foreach (var (key, value) in map)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                problems.Add(new(path, "Empty key."));
            }
            else if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add(new($"{path}['{key}']", "Empty expansion."));
            }
            else if (key.Any(char.IsWhiteSpace))
            {
                problems.Add(new($"{path}['{key}']", "A key must be a single word."));
            }
        }
    }
}

/// <summary>Score thresholds (0..1) the recognizer decides with.</summary>
public sealed class Thresholds
{
    [JsonProperty("confident")]
    public double Confident { get; set; }

    [JsonProperty("minimum")]
    public double Minimum { get; set; }

    [JsonProperty("ambiguityMargin")]
    public double AmbiguityMargin { get; set; }

    [JsonProperty("decisiveMargin")]
    public double DecisiveMargin { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JToken>? UnknownFields { get; set; }

    internal void Validate(List<ValidationProblem> problems)
    {
        const string Path = "$.global.thresholds";
        UnderstandingContent.ReportUnknown(problems, Path, UnknownFields);
        Check("confident", Confident);
        Check("minimum", Minimum);
        Check("ambiguityMargin", AmbiguityMargin);
        Check("decisiveMargin", DecisiveMargin);
        if (Minimum > Confident)
        {
            problems.Add(new($"{Path}.minimum", "minimum must not be above confident."));
        }

        void Check(string name, double value)
        {
            if (double.IsNaN(value) || value < 0 || value > 1)
            {
                problems.Add(new($"{Path}.{name}", $"{name} must be between 0 and 1 (is {value.ToString(CultureInfo.InvariantCulture)})."));
            }
        }
    }
}

/// <summary>Words or short phrases that mean the same thing; all are read as <see cref="Canonical"/>.</summary>
public sealed class SynonymGroup
{
    [JsonProperty("canonical")]
    public string Canonical { get; set; } = "";

    [JsonProperty("terms")]
    public List<string>? Terms { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JToken>? UnknownFields { get; set; }
}

/// <summary>One topic: an id other code routes on, example phrasings and strong keywords.</summary>
public sealed class TopicDefinition
{
    [JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonProperty("description")]
    public string? Description { get; set; }

    /// <summary>Small talk (greeting, thanks, help): loses to any other topic found in the same message.</summary>
    [JsonProperty("social")]
    public bool Social { get; set; }

    [JsonProperty("examples")]
    public List<string>? Examples { get; set; }

    [JsonProperty("keywords")]
    public List<KeywordDefinition>? Keywords { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JToken>? UnknownFields { get; set; }

    internal void Validate(string path, List<ValidationProblem> problems, Dictionary<string, string> exampleOwners)
    {
        UnderstandingContent.ReportUnknown(problems, path, UnknownFields);
        if (Examples is null || Examples.Count == 0)
        {
            problems.Add(new($"{path}.examples", "A topic needs at least one example."));
        }
        else
        {
            for (var i = 0; i < Examples.Count; i++)
            {
                var example = Examples[i];
                var examplePath = $"{path}.examples[{i}]";
                if (string.IsNullOrWhiteSpace(example))
                {
                    problems.Add(new(examplePath, "Empty example."));
                }
                else if (exampleOwners.TryGetValue(UnderstandingContent.Normalized(example), out var owner))
                {
                    problems.Add(new(examplePath, $"Duplicate example '{example}' (also at {owner})."));
                }
                else
                {
                    exampleOwners[UnderstandingContent.Normalized(example)] = examplePath;
                }
            }
        }

        var keywords = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (Keywords?.Count ?? 0); i++)
        {
            var keyword = Keywords![i];
            var keywordPath = $"{path}.keywords[{i}]";
            if (keyword is null)
            {
                problems.Add(new(keywordPath, "The keyword is null."));
                continue;
            }

            UnderstandingContent.ReportUnknown(problems, keywordPath, keyword.UnknownFields);
            if (string.IsNullOrWhiteSpace(keyword.Text))
            {
                problems.Add(new($"{keywordPath}.text", "Empty keyword."));
            }
            else if (!keywords.Add(UnderstandingContent.Normalized(keyword.Text)))
            {
                problems.Add(new($"{keywordPath}.text", $"Duplicate keyword '{keyword.Text}'."));
            }

            if (double.IsNaN(keyword.Weight) || keyword.Weight <= 0 || keyword.Weight > 5)
            {
                problems.Add(new($"{keywordPath}.weight", "The weight must be above 0 and at most 5."));
            }
        }
    }
}

/// <summary>A strong word or short phrase for a topic.</summary>
public sealed class KeywordDefinition
{
    [JsonProperty("text")]
    public string Text { get; set; } = "";

    [JsonProperty("weight")]
    public double Weight { get; set; } = 1.0;

    [JsonExtensionData]
    public IDictionary<string, JToken>? UnknownFields { get; set; }
}
