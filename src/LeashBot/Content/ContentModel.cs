using Newtonsoft.Json;

namespace LeashBot.Content;

// The shapes of the files in dialogs/. Every property is required unless it is nullable; the loader
// rejects unknown properties so a typo in a key is reported instead of silently ignored.

public sealed class MessagesContent
{
    [JsonProperty(Required = Required.Always)] public string Greeting { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string GreetingBack { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Disclaimer { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string MenuPrompt { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string MenuAgain { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public MenuChoices MenuChoices { get; set; } = new();
    [JsonProperty(Required = Required.Always)] public string Help { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Cancelled { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string StartOver { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string PickUpAgain { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string SomethingWentWrong { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string CantSaveNow { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string TooLong { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string NonText { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Unsure { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string OutOfScope { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string DidYouMean { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string NoneOfThese { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string BackToIt { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string GreetingReply { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string ThanksReply { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string YesNoRetry { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string ChoiceRetry { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string ForgetMeConfirm { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string ForgetMeDone { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string ForgetMeKept { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string AskCatName { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string AskCatNameRetry { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string CatAdded { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string CatSwitched { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string CatAlreadyKnown { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string WhichCat { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string NoCatsYet { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string CatNotFound { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string TooManyCats { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string GaveUp { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string YourCat { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string CatAddedNext { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public Commands Commands { get; set; } = new();
    [JsonProperty(Required = Required.Always)] public List<string> NameLeadIns { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public Dictionary<string, string> TopicTitles { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public int MaxCats { get; set; }
    [JsonProperty(Required = Required.Always)] public int MaxTextLength { get; set; }
    [JsonProperty(Required = Required.Always)] public YesNoChoices YesNoChoices { get; set; } = new();
    [JsonProperty(Required = Required.Always)] public SmsMessages Sms { get; set; } = new();
}

/// <summary>Button titles on yes/no questions: the first means yes, the second no.</summary>
public sealed class YesNoChoices
{
    [JsonProperty(Required = Required.Always)] public string Yes { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string No { get; set; } = "";
}

/// <summary>Answers to the carrier keywords on the direct SMS route.</summary>
public sealed class SmsMessages
{
    [JsonProperty(Required = Required.Always)] public string OptedOut { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string OptedIn { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Help { get; set; } = "";
}

/// <summary>Whole messages that work as commands at any point, compared after normalizing case and punctuation.</summary>
public sealed class Commands
{
    [JsonProperty(Required = Required.Always)] public List<string> Help { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Cancel { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Menu { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> StartOver { get; set; } = [];
}

public sealed class MenuChoices
{
    [JsonProperty(Required = Required.Always)] public string Checklist { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Plan { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Troubleshoot { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Faq { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Stories { get; set; } = "";
}

public sealed class ChecklistContent
{
    [JsonProperty(Required = Required.Always)] public string Intro { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public List<ChecklistQuestion> Questions { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public int ReadyThreshold { get; set; }
    [JsonProperty(Required = Required.Always)] public string Ready { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string ReadyOfferPlan { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string NotYet { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string HealthFirst { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Alternatives { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string PreviousResult { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string VerdictReady { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string VerdictNotYet { get; set; } = "";
}

public sealed class ChecklistQuestion
{
    [JsonProperty(Required = Required.Always)] public string Id { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Text { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string HeldBack { get; set; } = "";
}

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
    public string? Tip { get; set; }
    public MinuteRange? SessionMinutes { get; set; }
    [JsonProperty(Required = Required.Always)] public bool Outdoor { get; set; }
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
}

public sealed class Struggle
{
    [JsonProperty(Required = Required.Always)] public string Id { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Title { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Why { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string WhatToDo { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string AnotherIdea { get; set; } = "";
}

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
}

public sealed class Story
{
    [JsonProperty(Required = Required.Always)] public string Id { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Title { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Text { get; set; } = "";
}
