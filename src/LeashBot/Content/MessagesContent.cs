using Newtonsoft.Json;

namespace LeashBot.Content;

// The shape of dialogs/messages.json. Every property is required unless it is nullable; the loader rejects unknown
// properties so a typo in a key is reported instead of silently ignored.

public sealed class MessagesContent
{
    [JsonProperty(Required = Required.Always)] public string Greeting { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string GreetingBack { get; set; } = "";

    /// <summary>"hey its me again", "im back" from an owner whose cats the bot knows, before where each cat stands.</summary>
    [JsonProperty(Required = Required.Always)] public string GreetingReturning { get; set; } = "";
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
    [JsonProperty(Required = Required.Always)] public BusinessHandOff Business { get; set; } = new();
    [JsonProperty(Required = Required.Always)] public string VetCare { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string VetCareCall { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string UnwellCheck { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string DidYouMean { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string NoneOfThese { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string BackToIt { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string GreetingReply { get; set; } = "";

    /// <summary>What the pronoun slots say for a cat that goes by "she", "he", or "they" (not known yet), slot by slot.</summary>
    [JsonProperty(Required = Required.Always)] public Dictionary<string, Dictionary<string, string>> CatPronouns { get; set; } = [];
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

    /// <summary>Seeing and tidying the owner's list of cats.</summary>
    [JsonProperty(Required = Required.Always)] public CatListMessages CatList { get; set; } = new();
}

/// <summary>Replies that show the bot listened to how the owner answered, not only to what.</summary>
public sealed class ListeningMessages
{
    /// <summary>After the short answer again: the topics closest to what the owner wrote, as a "did you mean".</summary>
    [JsonProperty(Required = Required.Always)] public string RepeatDidYouMean { get; set; } = "";

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

/// <summary>The answer to a question about the store's or clinic's own business: where to ask instead.</summary>
public sealed class BusinessHandOff
{
    [JsonProperty(Required = Required.Always)] public string Store { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Clinic { get; set; } = "";

    /// <summary>Added when the site gives a staff contact ({org.staffContact}).</summary>
    [JsonProperty(Required = Required.Always)] public string Contact { get; set; } = "";

    /// <summary>Added instead when the site gives no staff contact but a phone ({org.phone}).</summary>
    [JsonProperty(Required = Required.Always)] public string Phone { get; set; } = "";

    /// <summary>After the gear advice, to "where can i buy one": who sells it, by Organization:Kind.</summary>
    [JsonProperty(Required = Required.Always)] public string BuyStore { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string BuyClinic { get; set; } = "";
}

/// <summary>Short warm answers to messages that are chat rather than questions.</summary>
public sealed class SmallTalk
{
    [JsonProperty(Required = Required.Always)] public string Acknowledgement { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Laughter { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Goodbye { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string GoodbyeMidFlow { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string ThanksMidFlow { get; set; } = "";

    /// <summary>"Good afternoon." once the owner has been talking: a pleasantry back, not the introduction.</summary>
    [JsonProperty(Required = Required.Always)] public string Pleasantry { get; set; } = "";

    /// <summary>"brb", "one sec": take your time; a question asked stays open.</summary>
    [JsonProperty(Required = Required.Always)] public string Pause { get; set; } = "";
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
    [JsonProperty(Required = Required.Always)] public string OptedInWithCats { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string WelcomeBack { get; set; } = "";
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
