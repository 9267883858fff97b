using Newtonsoft.Json;

namespace LeashBot.Content;

// The shape of dialogs/plan.json. Every property is required unless it is nullable; the loader rejects unknown
// properties so a typo in a key is reported instead of silently ignored.

public sealed class PlanContent
{
    [JsonProperty(Required = Required.Always)] public List<PlanStep> Steps { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public string Intro { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Current { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Goal { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string TipPrefix { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string AskHowLong { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string AskHowLongRetry { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string AskHowItWent { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public Moods Moods { get; set; } = new();
    [JsonProperty(Required = Required.Always)] public string Logged { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Advanced { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string NeedMoreTime { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string StayUnsure { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string StayStressed { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Finished { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string AlreadyFinished { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Progress { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string ProgressSessions { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string NoSessionsYet { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Next { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string OfTen { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string StepBack { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string LogHint { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Today { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string DaysAgo { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string OneDayAgo { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public MoodWords MoodWords { get; set; } = new();
    [JsonProperty(Required = Required.Always)] public string Duration { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string StepAbout { get; set; } = "";

    /// <summary>How long to stay on a step: no set number of days, and the sign the cat is ready (the step's MoveOnWhen).</summary>
    [JsonProperty(Required = Required.Always)] public string StepPace { get; set; } = "";

    /// <summary>After the pace of the cat's own step: the step that comes next.</summary>
    [JsonProperty(Required = Required.Always)] public string StepPaceNext { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string StepIsCurrent { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string StepPick { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Overview { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string OverviewStep { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string OverviewHere { get; set; } = "";
    /// <summary>What "undo" says it reversed, one line per part of the last change.</summary>
    [JsonProperty(Required = Required.Always)] public UndoWording Undo { get; set; } = new();

    /// <summary>A session the owner asked to remove.</summary>
    [JsonProperty(Required = Required.Always)] public string SessionDeleted { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string NothingToDelete { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string SessionMoved { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string SessionDayMoved { get; set; } = "";

    /// <summary>"i meant 15 not 50": the last session's length was corrected.</summary>
    [JsonProperty(Required = Required.Always)] public string LengthFixed { get; set; } = "";

    /// <summary>A cat's last session gets another mood ("bean was fine tho it was widget that was stressed"); it stays with its cat.</summary>
    [JsonProperty(Required = Required.Always)] public string MoodFixed { get; set; } = "";

    /// <summary>"only 1 session not 3 u doubled it up": asked before the extra sessions go, then said.</summary>
    [JsonProperty(Required = Required.Always)] public string SessionCountAsk { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string SessionCountFixed { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string SessionCountKept { get; set; } = "";

    /// <summary>"both of them did 5 mins" with three cats or more: which two ({cats}).</summary>
    [JsonProperty(Required = Required.Always)] public string WhichTwoCats { get; set; } = "";

    /// <summary>A session told again: already logged, not counted twice.</summary>
    [JsonProperty(Required = Required.Always)] public string SessionToldAgain { get; set; } = "";

    /// <summary>A session told again with another mood: already logged, its mood changed.</summary>
    [JsonProperty(Required = Required.Always)] public string SessionToldAgainMood { get; set; } = "";

    /// <summary>"that was the same session": the last two sessions became one.</summary>
    [JsonProperty(Required = Required.Always)] public string SessionMerged { get; set; } = "";

    /// <summary>A session that meets the step's goal: the cat may move on, once the owner says so.</summary>
    [JsonProperty(Required = Required.Always)] public string ReadyToMoveOn { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string MoveOnOffer { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string MoveOnOfferSeveral { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string FinishOffer { get; set; } = "";

    /// <summary>"pepper step 2": whether to put the cat on that step is asked, not assumed.</summary>
    [JsonProperty(Required = Required.Always)] public string StepOffer { get; set; } = "";

    /// <summary>Asks once before logging a length and a mood that may not be a session done ({cat}, {minutes}).</summary>
    [JsonProperty(Required = Required.Always)] public string LogOffer { get; set; } = "";

    /// <summary>The owner said no to logging it.</summary>
    [JsonProperty(Required = Required.Always)] public string LogOfferDeclined { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string MoveOnDeclined { get; set; } = "";

    /// <summary>"keep him on 4", "dont move him yet": the cat stays where it is.</summary>
    [JsonProperty(Required = Required.Always)] public string KeptOnStep { get; set; } = "";

    /// <summary>"why step back?", "will you remember where he is": a question about a step changes nothing.</summary>
    [JsonProperty(Required = Required.Always)] public string StepUnchanged { get; set; } = "";

    /// <summary>"we got the harness, step 1 is done": the step moved on on the owner's word.</summary>
    [JsonProperty(Required = Required.Always)] public string StepDoneOnWord { get; set; } = "";

    /// <summary>"step 3 is done" at a step that moves on only once the cat is relaxed.</summary>
    [JsonProperty(Required = Required.Always)] public string StepDoneNeedsRelaxed { get; set; } = "";

    /// <summary>"set her to step 8": the cat was put on the step named.</summary>
    [JsonProperty(Required = Required.Always)] public string StepSet { get; set; } = "";

    /// <summary>What putting the cat on a later step skipped (several steps).</summary>
    [JsonProperty(Required = Required.Always)] public string StepSetSkipped { get; set; } = "";

    /// <summary>What putting the cat on a later step skipped (one step).</summary>
    [JsonProperty(Required = Required.Always)] public string StepSetSkippedOne { get; set; } = "";

    /// <summary>"can i skip to going outside?": the steps that come first (several).</summary>
    [JsonProperty(Required = Required.Always)] public string SkipAhead { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string FastTrackPick { get; set; } = "";

    /// <summary>A worried owner's next small step: the cat's current step.</summary>
    [JsonProperty(Required = Required.Always)] public string SmallStep { get; set; } = "";

    [JsonProperty(Required = Required.Always)] public string NothingToMove { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string AlreadyFirstStep { get; set; } = "";
}

/// <summary>What "undo" says it put back: one line for each part of the last change.</summary>
public sealed class UndoWording
{
    [JsonProperty(Required = Required.Always)] public string SessionTakenBack { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string SessionBack { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string SessionRestored { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string StepRestored { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string FinishedRestored { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string CatRemoved { get; set; } = "";

    /// <summary>A cat the owner took off the list is back, with its sessions.</summary>
    [JsonProperty(Required = Required.Always)] public string CatBack { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string NameRestored { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Nothing { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string NothingMore { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string OtherCat { get; set; } = "";
}

/// <summary>Words that tell how a session went, checked stressed first, then unsure, then relaxed.</summary>
public sealed class MoodWords
{
    [JsonProperty(Required = Required.Always)] public List<string> Stressed { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Unsure { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Relaxed { get; set; } = [];
}

public sealed class PlanStep
{
    [JsonProperty(Required = Required.Always)] public int Number { get; set; }
    [JsonProperty(Required = Required.Always)] public string Title { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Goal { get; set; } = "";

    /// <summary>The sign a cat is ready to leave the step, finishing "… is ready to move on once …".</summary>
    [JsonProperty(Required = Required.Always)] public string MoveOnWhen { get; set; } = "";
    public string? Tip { get; set; }
    public MinuteRange? SessionMinutes { get; set; }
    [JsonProperty(Required = Required.Always)] public bool Outdoor { get; set; }

    /// <summary>The step has no "relaxed" goal (getting the gear): the owner saying it's done moves the cat on.</summary>
    public bool DoneOnWord { get; set; }
}

public sealed class MinuteRange
{
    [JsonProperty(Required = Required.Always)] public int Min { get; set; }
    [JsonProperty(Required = Required.Always)] public int Max { get; set; }
}

public sealed class Moods
{
    [JsonProperty(Required = Required.Always)] public string Relaxed { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Unsure { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Stressed { get; set; } = "";
}
