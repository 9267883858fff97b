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
    [JsonProperty(Required = Required.Always)] public string AlreadyGotIt { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string TooLong { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string NonText { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Unsure { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string OutOfScope { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string OutOfScopeStaff { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string VetCare { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string VetCareCall { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string UnwellCheck { get; set; } = "";
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

    /// <summary>"honestly can we just start over": asked before starting over, since it may mean the plan.</summary>
    [JsonProperty(Required = Required.Always)] public string StartOverConfirm { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string StartOverKept { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string AskCatName { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string AskCatNameRetry { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string CatAdded { get; set; } = "";

    /// <summary>A cat's name picked up from a message about something else ("my cat luna keeps freezing"), confirmed lightly.</summary>
    [JsonProperty(Required = Required.Always)] public string CatLearned { get; set; } = "";
    /// <summary>A cat renamed ("call her Mochi", "no, it's Mochi not Late"): {cat} is the new name, {old} the one it had.</summary>
    [JsonProperty(Required = Required.Always)] public string CatRenamed { get; set; } = "";

    /// <summary>The owner declined the pending question ("no session today", "skip"): it is dropped and nothing changes.</summary>
    [JsonProperty(Required = Required.Always)] public string Declined { get; set; } = "";

    /// <summary>A remark about the cat's body that is no red flag and no training question ("she sneezed once on the porch").</summary>
    [JsonProperty(Required = Required.Always)] public string HealthRemark { get; set; } = "";

    /// <summary>What the bot says instead of the same answer word for word, to half an answer, and to a side question it can't place.</summary>
    [JsonProperty(Required = Required.Always)] public ListeningMessages Listening { get; set; } = new();
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
    [JsonProperty(Required = Required.Always)] public Dictionary<string, string> TopicTitles { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public int MaxCats { get; set; }
    [JsonProperty(Required = Required.Always)] public int MaxTextLength { get; set; }
    [JsonProperty(Required = Required.Always)] public YesNoChoices YesNoChoices { get; set; } = new();
    [JsonProperty(Required = Required.Always)] public SmsMessages Sms { get; set; } = new();
    [JsonProperty(Required = Required.Always)] public MenuSynonyms MenuSynonyms { get; set; } = new();
    [JsonProperty(Required = Required.Always)] public SmallTalk SmallTalk { get; set; } = new();

    /// <summary>"I speak English for now", in the language the owner wrote in, keyed by language code (see reading.json).</summary>
    [JsonProperty(Required = Required.Always)] public Dictionary<string, string> OtherLanguage { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public string WhichCatOf { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string OrWord { get; set; } = "";
}

/// <summary>Replies that show the bot listened to how the owner answered, not only to what.</summary>
public sealed class ListeningMessages
{
    /// <summary>After the short answer again: the topics closest to what the owner wrote, as a "did you mean".</summary>
    [JsonProperty(Required = Required.Always)] public string RepeatDidYouMean { get; set; } = "";

    /// <summary>An answer the owner got a moment ago, asked for again: the sentence of it ({part}) that fits the follow-up best.</summary>
    [JsonProperty(Required = Required.Always)] public string RepeatShort { get; set; } = "";

    /// <summary>"Something else" picked from a "did you mean": what would they like to know?</summary>
    [JsonProperty(Required = Required.Always)] public string AskWhatElse { get; set; } = "";

    /// <summary>The owner moved on twice instead of answering a question: it is dropped, nothing lost.</summary>
    [JsonProperty(Required = Required.Always)] public string QuestionDropped { get; set; } = "";

    /// <summary>Half a yes to a checklist question ("kinda? brushing fine, nails she hates"): counted as one to work on, and said so.</summary>
    [JsonProperty(Required = Required.Always)] public string Partly { get; set; } = "";

    /// <summary>A question asked inside an answer that no topic recognizes: said, so it isn't silently skipped.</summary>
    [JsonProperty(Required = Required.Always)] public string SideQuestionUnsure { get; set; } = "";
}

/// <summary>Other words that pick a main-menu entry, besides its title.</summary>
public sealed class MenuSynonyms
{
    [JsonProperty(Required = Required.Always)] public List<string> Checklist { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Plan { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Troubleshoot { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Faq { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Stories { get; set; } = [];
}

/// <summary>Short warm answers to messages that are chat rather than questions.</summary>
public sealed class SmallTalk
{
    [JsonProperty(Required = Required.Always)] public string Acknowledgement { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Laughter { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Goodbye { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string GoodbyeMidFlow { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string ThanksMidFlow { get; set; } = "";
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
    [JsonProperty(Required = Required.Always)] public string HowToOptOut { get; set; } = "";
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
    [JsonProperty(Required = Required.Always)] public string ReadyWorkOn { get; set; } = "";

    /// <summary>Words that say an earlier answer is being changed ("actually", "wait", "i misread", "espera").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> ChangeWords { get; set; } = [];

    /// <summary>Words that point at the question answered just before ("that last one").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> LastOneWords { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public string ChangedYes { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string ChangedNo { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string ChangedPartly { get; set; } = "";
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

    /// <summary>"i meant 15 not 50": the last session's length was corrected.</summary>
    [JsonProperty(Required = Required.Always)] public string LengthFixed { get; set; } = "";

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

/// <summary>
/// The word lists a message is read with (dialogs/reading.json): negation, pronouns, chat that isn't a
/// question, what can't be a cat's name, and the other languages owners write in. Data, not wording.
/// </summary>
public sealed class ReadingContent
{
    [JsonProperty(Required = Required.Always)] public List<string> Negations { get; set; } = [];

    /// <summary>How many words after "not" it still flips ("not at all relaxed").</summary>
    [JsonProperty(Required = Required.Always)] public int NegationReach { get; set; }

    /// <summary>Words that start a new question inside one sentence ("..., also she hisses").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> ClauseBreaks { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public Dictionary<string, List<string>> Pronouns { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public SocialWords Social { get; set; } = new();
    /// <summary>Phrases that look like a mood word but aren't one ("a bit" is not "bit").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> NotMoods { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> NonNames { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> NameLeadIns { get; set; } = [];

    /// <summary>Words before a cat's name in a question ("is Milo ready?").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> NameQuestionSlots { get; set; } = [];

    /// <summary>Words after a cat's name in a question ("is milo ready", "can biscuit learn").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> NameQuestionEnds { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public StepWords StepWords { get; set; } = new();
    [JsonProperty(Required = Required.Always)] public Dictionary<string, int> NumberWords { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<LanguageWords> Languages { get; set; } = [];

    /// <summary>Words right before a cat's name in any sentence ("my cat luna keeps freezing", "start training pepper").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> NameSlots { get; set; } = [];

    /// <summary>Words that mark a message as fixing the last session ("sorry, that was pepper", "i meant 15 not 50").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Corrections { get; set; } = [];

    /// <summary>Words that point at the last session when its cat is corrected ("that was pepper", "the last session was pepper").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> SessionPointers { get; set; } = [];

    /// <summary>Words for cats and for other animals: a question about another animal alone is not the bot's, one that brings in the cat is.</summary>
    [JsonProperty(Required = Required.Always)] public AnimalWords Animals { get; set; } = new();

    /// <summary>Words that make one session report about every cat ("did both, 4 min each").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> EachCat { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> NameListJoins { get; set; } = [];

    /// <summary>Words that say the cat's current step is done ("step 1 is done", "we got the harness").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> StepDone { get; set; } = [];

    /// <summary>Words that put a cat on a step the owner names ("she's already on step 8", "set her to step 8").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> StepSet { get; set; } = [];

    /// <summary>Words that ask to jump ahead in the plan ("can i skip to going outside?").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> StepSkip { get; set; } = [];

    /// <summary>How owners tell the bot to change (or keep) a cat's step and its sessions.</summary>
    [JsonProperty(Required = Required.Always)] public StepCommandWords StepCommands { get; set; } = new();

    /// <summary>How a message is read for the one command it gives (see CommandReader).</summary>
    [JsonProperty(Required = Required.Always)] public CommandReadingWords CommandReading { get; set; } = new();

    /// <summary>Lead-ins ordinary words follow as often as names ("it's late", "i have 2 cats"): the name after one must look like a name.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> LooseNameLeadIns { get; set; } = [];

    /// <summary>Lead-ins that name the cat being talked about ("her name is Mochi"): with one cat known, they rename it.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> SingleCatNameLeadIns { get; set; } = [];

    /// <summary>Words that rename the cat being talked about ("call her Mochi").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> RenameLeadIns { get; set; } = [];

    /// <summary>Words that make a name a correction of the cat's name ("no, it's Mochi", "her name is actually Nori").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> NameFixWords { get; set; } = [];

    /// <summary>Words that make a name a further cat, never a rename ("my other cat is called Pepper").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> AnotherCatWords { get; set; } = [];

    /// <summary>Ordinary words that are no cat's name after a loose lead-in or in passing ("it's late").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> EverydayWords { get; set; } = [];

    /// <summary>Chat shorthand that is never a cat's name ("rn", "tbh").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> ChatShorthand { get; set; } = [];

    /// <summary>What makes a message a request to delete the owner's data.</summary>
    [JsonProperty(Required = Required.Always)] public ForgetMeWords ForgetMe { get; set; } = new();

    /// <summary>Half answers to "Did that help?" ("kinda", "a bit"): another idea follows, as after a no.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Hedges { get; set; } = [];

    /// <summary>"i said it already", "ya te dije": around an answer to the name question, never part of the name.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> AlreadySaid { get; set; } = [];

    /// <summary>Words a question opens with: a message with one opening a clause (or a "?") is never a session report.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> QuestionOpeners { get; set; } = [];

    /// <summary>Replies that decline a pending question ("no session today", "nada").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Declines { get; set; } = [];

    /// <summary>Replies that leave any pending question ("stop", "nvm", "i didn't ask for that"); a plain no still answers a yes/no question.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> LeaveQuestion { get; set; } = [];

    /// <summary>Per language code, answer words and their English reading ("10 minutos", "sí"), for pending questions.</summary>
    [JsonProperty(Required = Required.Always)] public Dictionary<string, Dictionary<string, string>> AnswerWords { get; set; } = [];
}

/// <summary>A request to delete the owner's data: an erasing verb and the owner's data, and not a question about something deleted.</summary>
public sealed class ForgetMeWords
{
    [JsonProperty(Required = Required.Always)] public List<string> Verbs { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Data { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> AskingAbout { get; set; } = [];
}

public sealed class SocialWords
{
    [JsonProperty(Required = Required.Always)] public List<string> Acknowledgements { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Thanks { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Laughter { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Goodbyes { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Done { get; set; } = [];
}

/// <summary>Animal words the reader tells apart (dialogs/reading.json, "animals").</summary>
public sealed class AnimalWords
{
    /// <summary>Words that name a cat ("cat", "kitten", "kitty").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Cats { get; set; } = [];

    /// <summary>Other animals, one or two words each ("dog", "guinea pig").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Others { get; set; } = [];
}

/// <summary>Words that decide whether a part of a message gives a command or only talks about one.</summary>
public sealed class CommandReadingWords
{
    /// <summary>"u said", "she told me": a command word after one is quoted, not given.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Reported { get; set; } = [];

    /// <summary>"i said undo": the owner repeating their own command.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> OwnVoice { get; set; } = [];

    /// <summary>"no", "ugh": words that open a part without being part of it.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Interjections { get; set; } = [];

    /// <summary>"if i undo it": a what-if gives no command.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Hypothetical { get; set; } = [];

    /// <summary>"did", "is": with a subject after it, the part opens a yes/no question.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Auxiliaries { get; set; } = [];

    /// <summary>"u", "she": a subject right after an auxiliary.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Subjects { get; set; } = [];

    /// <summary>"can you", "pls": a request worded as a question.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> PoliteOpeners { get; set; } = [];

    /// <summary>"where", "why": before a command word, the part asks about it.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> AskingWords { get; set; } = [];

    /// <summary>Where a sentence splits into parts read on their own ("but", "tho").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> PartBreaks { get; set; } = [];

    /// <summary>Units that make a number a length of time.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> TimeUnits { get; set; } = [];

    /// <summary>"half an hour", "a few minutes": a length without a number.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> TimeAmounts { get; set; } = [];

    /// <summary>"log", "record": a session to log, even without a length.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> LogCommands { get; set; } = [];

    /// <summary>"we did", "log": a session done, or one to log.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> LogWords { get; set; } = [];

    /// <summary>"that 5 min one": words pointing at a session already logged.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Pointers { get; set; } = [];

    /// <summary>Pronoun words and the cat pronoun ("he" or "she") they stand for.</summary>
    [JsonProperty(Required = Required.Always)] public Dictionary<string, string> Pronouns { get; set; } = [];
}


/// <summary>Words of the commands that change a cat's step or its sessions ("keep him on 4", "put her back on 2", "undo").</summary>
public sealed class StepCommandWords
{
    /// <summary>"keep him on 4", "stay on this step": the cat stays, or goes to the step named.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Keep { get; set; } = [];

    /// <summary>"put her on 2", "move him to step 5": the cat goes to the step named after them.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Move { get; set; } = [];

    /// <summary>"dont move him": right before a command word (or one word before it), the command is forbidden.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Forbid { get; set; } = [];

    /// <summary>"keep him where he is", "stay on this step": after a keep word, the cat stays at its step.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> KeepAt { get; set; } = [];

    /// <summary>"move him on", "ready for the next step": the owner wants the cat to move on.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> MoveOn { get; set; } = [];

    /// <summary>"back a step", "go back": with a command, one step back.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Back { get; set; } = [];

    /// <summary>"can you", "pls": a question that is really a request.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Polite { get; set; } = [];

    /// <summary>"why", "will you": before the command word, the sentence asks about a step rather than changing it.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Asking { get; set; } = [];

    /// <summary>Words that come after a number that is not a step ("10 min", "2 times").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> NotStepAfter { get; set; } = [];

    /// <summary>"undo", "put it back", "undo that delete": reverse the last change.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Undo { get; set; } = [];

    /// <summary>"delete the 10 min session", "remove the last one": take a session out.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Delete { get; set; } = [];

    /// <summary>"same session", "that was the same one": the last report repeated the session before it.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> SameSession { get; set; } = [];

    /// <summary>Words that point at a session rather than a step ("change the step 1 session to 10 min").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> SessionWords { get; set; } = [];
}

public sealed class StepWords
{
    [JsonProperty(Required = Required.Always)] public List<string> Step { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> After { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Before { get; set; } = [];
}

/// <summary>A language LeashBot recognizes but doesn't speak: words only that language uses, and common ones.</summary>
public sealed class LanguageWords
{
    [JsonProperty(Required = Required.Always)] public string Code { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public List<string> Strong { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Words { get; set; } = [];
}
