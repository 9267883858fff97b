using Newtonsoft.Json;

namespace LeashBot.Content;

// The shape of dialogs/understanding.json: the topics owners type about, with example phrasings and strong
// keywords, and the normalization data and thresholds they are recognized with. Checked by
// UnderstandingRules like every other file.

/// <summary>The topics LeashBot recognizes in free text (<c>dialogs/understanding.json</c>).</summary>
public sealed class UnderstandingContent
{
    /// <summary>The topic every content must have: what LeashBot can't help with, so trivia isn't coached on.</summary>
    public const string OutOfScopeTopic = "outOfScope";

    public int Version { get; set; } = 1;
    [JsonProperty(Required = Required.Always)] public GlobalSettings Global { get; set; } = new();
    [JsonProperty(Required = Required.Always)] public List<TopicDefinition> Topics { get; set; } = [];
}

/// <summary>Normalization data and thresholds shared by all topics.</summary>
public sealed class GlobalSettings
{
    [JsonProperty(Required = Required.Always)] public Thresholds Thresholds { get; set; } = new();

    /// <summary>Contractions, with and without apostrophes, and their expansions ("wont" → "will not").</summary>
    [JsonProperty(Required = Required.DisallowNull)] public Dictionary<string, string> Contractions { get; set; } = [];

    /// <summary>Chat shorthand and their expansions ("u" → "you").</summary>
    [JsonProperty(Required = Required.DisallowNull)] public Dictionary<string, string> Shorthand { get; set; } = [];

    /// <summary>Emoji that carry meaning, as words; other emoji are dropped.</summary>
    [JsonProperty(Required = Required.DisallowNull)] public Dictionary<string, string> Emoji { get; set; } = [];

    /// <summary>Words dropped before matching.</summary>
    [JsonProperty(Required = Required.DisallowNull)] public List<string> FillerWords { get; set; } = [];

    /// <summary>Common words that count for little when matching.</summary>
    [JsonProperty(Required = Required.DisallowNull)] public List<string> StopWords { get; set; } = [];

    [JsonProperty(Required = Required.DisallowNull)] public List<SynonymGroup> Synonyms { get; set; } = [];

    /// <summary>Phrases that ask about the shop's or clinic's own business ("in stock", "opening hours", "how much is").</summary>
    [JsonProperty(Required = Required.DisallowNull)] public List<string> BusinessQuestions { get; set; } = [];

    /// <summary>Words a business question is cut at when another question follows ("… in stock and how tight should it be").</summary>
    [JsonProperty(Required = Required.DisallowNull)] public List<string> BusinessQuestionJoins { get; set; } = [];
}

/// <summary>Score thresholds (0..1) the recognizer decides with.</summary>
public sealed class Thresholds
{
    /// <summary>A best score at or above this (and clear of the runner-up) is confident.</summary>
    [JsonProperty(Required = Required.Always)] public double Confident { get; set; }

    /// <summary>Below this nothing counts as a match.</summary>
    [JsonProperty(Required = Required.Always)] public double Minimum { get; set; }

    /// <summary>The top two topics closer than this are ambiguous.</summary>
    [JsonProperty(Required = Required.Always)] public double AmbiguityMargin { get; set; }

    /// <summary>A best score between minimum and confident still counts when it leads the runner-up by this much.</summary>
    [JsonProperty(Required = Required.Always)] public double DecisiveMargin { get; set; }
}

/// <summary>Words or short phrases that mean the same thing; all are read as <see cref="Canonical"/>.</summary>
public sealed class SynonymGroup
{
    [JsonProperty(Required = Required.Always)] public string Canonical { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public List<string> Terms { get; set; } = [];
}

/// <summary>One topic: an id the conversation routes on, example phrasings and strong keywords.</summary>
public sealed class TopicDefinition
{
    [JsonProperty(Required = Required.Always)] public string Id { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>Small talk (greeting, thanks, help): loses to any other topic found in the same message.</summary>
    public bool Social { get; set; }

    [JsonProperty(Required = Required.Always)] public List<string> Examples { get; set; } = [];
    [JsonProperty(Required = Required.DisallowNull)] public List<KeywordDefinition> Keywords { get; set; } = [];
}

/// <summary>A strong word or short phrase for a topic.</summary>
public sealed class KeywordDefinition
{
    [JsonProperty(Required = Required.Always)] public string Text { get; set; } = "";
    public double Weight { get; set; } = 1.0;
}
