using Newtonsoft.Json;

namespace LeashBot.Content;

// The shape of dialogs/checklist.json. Every property is required unless it is nullable; the loader rejects unknown
// properties so a typo in a key is reported instead of silently ignored.

public sealed class ChecklistContent
{
    [JsonProperty(Required = Required.Always)] public string Intro { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public List<ChecklistQuestion> Questions { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public int ReadyThreshold { get; set; }
    [JsonProperty(Required = Required.Always)] public string Ready { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string ReadyOfferPlan { get; set; } = "";

    /// <summary>Said instead of <see cref="ReadyOfferPlan"/> when the cat is already training: the plan isn't offered again.</summary>
    [JsonProperty(Required = Required.Always)] public string ReadyPlanRunning { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string NotYet { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string HealthFirst { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Alternatives { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string PreviousResult { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string VerdictReady { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string VerdictNotYet { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string ReadyWorkOn { get; set; } = "";

    /// <summary>Words that say an earlier answer is being changed ("actually", "wait", "i misread", "espera").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> ChangeWords { get; set; } = [];

    /// <summary>Words that point at the question answered just before ("that last one").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> LastOneWords { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public string ChangedYes { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string ChangedNo { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string ChangedPartly { get; set; } = "";

    /// <summary>A no said in words ("no mucho jaja, odia las uñas"): the owner hears how it was taken.</summary>
    [JsonProperty(Required = Required.Always)] public string AnsweredNo { get; set; } = "";
}

public sealed class ChecklistQuestion
{
    [JsonProperty(Required = Required.Always)] public string Id { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Text { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string HeldBack { get; set; } = "";

    /// <summary>What the question is about, as said when its answer is changed ("treats and toys").</summary>
    [JsonProperty(Required = Required.Always)] public string Title { get; set; } = "";

    /// <summary>Words (or their beginnings) owners use for this question when they change an earlier answer.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> About { get; set; } = [];
}
