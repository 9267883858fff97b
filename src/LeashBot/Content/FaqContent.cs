using Newtonsoft.Json;

namespace LeashBot.Content;

// The shape of dialogs/faq.json. Every property is required unless it is nullable; the loader rejects unknown
// properties so a typo in a key is reported instead of silently ignored.

public sealed class FaqContent
{
    [JsonProperty(Required = Required.Always)] public string PickQuestion { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public List<FaqAnswer> Answers { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public string StoriesIntro { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public List<Story> Stories { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public string StoriesOutro { get; set; } = "";

    /// <summary>Narrower answers for questions that ask one part of a topic ("what size for a 5 kg cat", "how many times a week").</summary>
    public List<FocusedAnswer> Focused { get; set; } = [];

    /// <summary>Words of an owner who doubts the advice they just got ("really", "that bad", "my friend says"): they get its <see cref="FaqAnswer.Reason"/>.</summary>
    public List<string> Pushback { get; set; } = [];
}

/// <summary>
/// The answer to one part of a topic: said instead of the topic's answer when the question is one of
/// <see cref="Topics"/> and has one of the <see cref="Cues"/> in its words ("size", "kg" for the harness).
/// </summary>
public sealed class FocusedAnswer
{
    [JsonProperty(Required = Required.Always)] public string Id { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public List<string> Topics { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Cues { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public string Answer { get; set; } = "";
}

public sealed class FaqAnswer
{
    [JsonProperty(Required = Required.Always)] public string Id { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Title { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Answer { get; set; } = "";

    /// <summary>After the answer, offer the cat's current step as a small next step (for worried owners).</summary>
    public bool ThenSmallStep { get; set; }

    /// <summary>
    /// Said before the answer for each cat the question is about (else each of the owner's cats), with {cat}, {step} and
    /// {title}: where that cat is in the plan ("a break is fine: Milo stays on step 4"). Null for answers that need no cat.
    /// </summary>
    public string? EachCat { get; set; }

    /// <summary>
    /// Why the advice is what it is: said instead of the answer when the owner comes back on it ("is it really that bad?
    /// our garden is massive"), so a second ask engages with the rule instead of repeating it. Null: the answer in short.
    /// </summary>
    public string? Reason { get; set; }
}

public sealed class Story
{
    [JsonProperty(Required = Required.Always)] public string Id { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Title { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Text { get; set; } = "";
}
