using Newtonsoft.Json;

namespace LeashBot.Content;

// The shape of dialogs/troubleshooting.json. Every property is required unless it is nullable; the loader rejects unknown
// properties so a typo in a key is reported instead of silently ignored.

public sealed class TroubleshootingContent
{
    [JsonProperty(Required = Required.Always)] public string PickStruggle { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public List<Struggle> Struggles { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public string BodyLanguage { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string DidThatHelp { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string GladItHelped { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string StepBackOffer { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string StepBackDeclined { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string StepAtCurrent { get; set; } = "";

    /// <summary>Places that belong to a later step ("the front door" is step 7), for a struggle there at an earlier step.</summary>
    [JsonProperty(Required = Required.Always)] public List<LaterStepWords> LaterSteps { get; set; } = [];

    /// <summary>Instead of <see cref="StepAtCurrent"/> when the struggle happened at a later step's place.</summary>
    [JsonProperty(Required = Required.Always)] public string LaterStep { get; set; } = "";
}

/// <summary>Words for a place that belongs to a step of the plan.</summary>
public sealed class LaterStepWords
{
    [JsonProperty(Required = Required.Always)] public int Step { get; set; }
    [JsonProperty(Required = Required.Always)] public List<string> Words { get; set; } = [];
}

public sealed class Struggle
{
    [JsonProperty(Required = Required.Always)] public string Id { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Title { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Why { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string WhatToDo { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string AnotherIdea { get; set; } = "";

    /// <summary>What to do first when it is happening now ("she slipped out and is under a car rn"); null for most struggles.</summary>
    [JsonProperty(Required = Required.DisallowNull)] public string? RightNow { get; set; }
}
