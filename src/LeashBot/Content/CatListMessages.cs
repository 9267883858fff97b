using Newtonsoft.Json;

namespace LeashBot.Content;

/// <summary>
/// The wording for the owner's list of cats (dialogs/messages.json, "catList"): which cats are saved, and taking a cat
/// off the list ("delete em", "4yo isn't a cat"), asked once and then said back with what went with it.
/// </summary>
public sealed class CatListMessages
{
    [JsonProperty(Required = Required.Always)] public string RemoveAsk { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string RemoveAskSessions { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Removed { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string RemovedSessions { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Kept { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string CatsNow { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string NoCatsNow { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Saved { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string NoneSaved { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string WhichToRemove { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string UnknownCat { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Item { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string ItemFinished { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string AndWord { get; set; } = "";
}
