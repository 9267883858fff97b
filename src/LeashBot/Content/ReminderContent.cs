using LeashBot.Content.Rules;
using Newtonsoft.Json;

namespace LeashBot.Content;

/// <summary>dialogs/reminders.json: what the bot says about practice reminders, the reminders' pool of words, and how owners ask.</summary>
public sealed class ReminderContent
{
    [JsonProperty(Required = Required.Always)] public string Offer { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string AskTime { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string AskZone { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string ZoneUnknown { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string ZoneGaveUp { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string SetAside { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Declined { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public ReminderPlaces Places { get; set; } = new();
    [JsonProperty(Required = Required.Always)] public string Set { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string SetOnce { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string HowToChange { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string WindowNote { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Paused { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Resumed { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Stopped { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string NothingSet { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string NotOffered { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string NotOfferedTexts { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string NotOfferedAgain { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Current { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string CurrentPaused { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string CurrentTextsOff { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string WelcomeBack { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public ReminderDays Days { get; set; } = new();
    [JsonProperty(Required = Required.Always)] public List<string> Nudges { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public ReminderStreak Streak { get; set; } = new();
    [JsonProperty(Required = Required.Always)] public ReminderWords Words { get; set; } = new();
}

public sealed class ReminderDays
{
    [JsonProperty(Required = Required.Always)] public string EveryDay { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Weekdays { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Weekends { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Some { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Once { get; set; } = "";
}

public sealed class ReminderStreak
{
    [JsonProperty(Required = Required.Always)] public string None { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string One { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Many { get; set; } = "";
}

/// <summary>The words owners use about reminders, lower case.</summary>
public sealed class ReminderWords
{
    [JsonProperty(Required = Required.Always)] public List<string> Ask { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Practise { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Stop { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Pause { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Resume { get; set; } = [];

    /// <summary>Words that open a question about reminders ("when do my reminders end?"): it asks, never stops or pauses them.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Questions { get; set; } = [];

    /// <summary>Words that ask what reminders are set ("what are my reminders?", "when's my nudge").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Status { get; set; } = [];

    /// <summary>Words that change a plan the owner has ("make it 8pm instead"): with a time, a reminder word isn't needed.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Change { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Weekdays { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Weekends { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> EveryDay { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Tomorrow { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Pm { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Am { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> At { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public Dictionary<string, string> PartsOfDay { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public Dictionary<string, int> Numbers { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public Dictionary<string, int> Periods { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public Dictionary<string, DayOfWeek> DayNames { get; set; } = [];
}

/// <summary>Where owners say they are ("manchester", "east coast", "uk", "AEST"), lower case, each with its IANA time zone.</summary>
public sealed class ReminderPlaces
{
    /// <summary>Where the list comes from.</summary>
    [JsonProperty(Required = Required.Always)] public string Source { get; set; } = "";

    /// <summary>The terms the list may be used under.</summary>
    [JsonProperty(Required = Required.Always)] public string Licence { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public Dictionary<string, string> Zones { get; set; } = [];
}

internal static class ReminderRules
{
    public static IEnumerable<ContentProblem> Check(ReminderContent content)
    {
        foreach (var (name, zone) in content.Places.Zones)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            {
                yield return new($"places.zones['{name}']", $"'{zone}' is not a time zone this machine knows (use an IANA name such as Europe/London).");
            }
        }

        foreach (var (name, time) in content.Words.PartsOfDay)
        {
            if (!TimeOnly.TryParseExact(time, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
            {
                yield return new($"words.partsOfDay['{name}']", $"'{time}' is not a time like 19:00.");
            }
        }

        for (var i = 0; i < content.Nudges.Count; i++)
        {
            if (!content.Nudges[i].Contains("{cat}", StringComparison.Ordinal) || !content.Nudges[i].Contains("{step}", StringComparison.Ordinal))
            {
                yield return new($"nudges[{i}]", "a reminder must name the cat ({cat}) and the step ({step}).");
            }
        }
    }
}
