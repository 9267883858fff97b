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
}

public sealed class Story
{
    [JsonProperty(Required = Required.Always)] public string Id { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Title { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Text { get; set; } = "";
}
