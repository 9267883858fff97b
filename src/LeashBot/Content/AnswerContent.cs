using Newtonsoft.Json;

namespace LeashBot.Content;

/// <summary>
/// dialogs/answers.json: how owners answer the bot's questions, end a chat or say the bot got it wrong (the words read),
/// and what the bot says when it repairs a misunderstanding.
/// </summary>
public sealed class AnswerContent
{
    [JsonProperty(Required = Required.Always)] public AnswerWords Words { get; set; } = new();
    [JsonProperty(Required = Required.Always)] public RepairWording Say { get; set; } = new();
}

/// <summary>The words the answer reading looks for; phrases are matched whole, without accents or apostrophes.</summary>
public sealed class AnswerWords
{
    [JsonProperty(Required = Required.Always)] public List<string> Yes { get; set; } = [];

    /// <summary>"ok", "k", "vale", "sounds good": a yes when the reply says nothing else.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Acceptance { get; set; } = [];

    [JsonProperty(Required = Required.Always)] public List<string> No { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Partly { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Unsure { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Positive { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Negative { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Negations { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Contrasts { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Exceptions { get; set; } = [];
    /// <summary>"wait", "btw", "por cierto": after an answer, they open a question of the owner's own.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> AsideLeads { get; set; } = [];

    [JsonProperty(Required = Required.Always)] public List<string> SelfCorrections { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Reported { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Targets { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Lookalikes { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Complaints { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Closings { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Chat { get; set; } = [];
}

/// <summary>What the bot says when it got something wrong, or is asked the same thing again.</summary>
public sealed class RepairWording
{
    /// <summary>A complaint that comes with a question the bot can answer: said before the answer.</summary>
    [JsonProperty(Required = Required.Always)] public string Sorry { get; set; } = "";

    /// <summary>"u already asked me that" at a question: sorry, then the question again.</summary>
    [JsonProperty(Required = Required.Always)] public string SorryAskAgain { get; set; } = "";

    /// <summary>"i already told u, 5 min": sorry, and the answer is taken.</summary>
    [JsonProperty(Required = Required.Always)] public string SorryYouDid { get; set; } = "";

    /// <summary>"thats not what i asked" with nothing pending: sorry, and the closest topics offered.</summary>
    [JsonProperty(Required = Required.Always)] public string SorryMisread { get; set; } = "";

    /// <summary>An answer asked for again: one sentence of it ({part}), each time with another lead-in.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> RepeatLeads { get; set; } = [];

    /// <summary>A message that sounds like the answer just given but shares nothing with it: not repeated, the owner is asked.</summary>

    /// <summary>The owner pushes back on the answer just given: the gap is admitted, nothing of the answer is sent again.</summary>
    [JsonProperty(Required = Required.Always)] public string RepeatGap { get; set; } = "";
}
