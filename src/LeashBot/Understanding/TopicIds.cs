namespace LeashBot.Understanding;

/// <summary>The topic ids other code routes on. The content file must use exactly these.</summary>
public static class TopicIds
{
    public const string Greeting = "greeting";
    public const string Help = "help";
    public const string Thanks = "thanks";
    public const string Checklist = "checklist";
    public const string PlanStart = "plan.start";
    public const string PlanProgress = "plan.progress";
    public const string PlanNext = "plan.next";
    public const string PlanLog = "plan.log";
    public const string PlanStep = "plan.step";
    public const string PlanUndo = "plan.undo";
    public const string PlanStepBack = "plan.stepBack";
    public const string PlanMoveSession = "plan.moveSession";
    public const string PlanOverview = "plan.overview";
    public const string CatAdd = "cat.add";
    public const string CatSwitch = "cat.switch";
    public const string StruggleFreezes = "struggle.freezes";
    public const string StruggleChews = "struggle.chews";
    public const string StruggleVocal = "struggle.vocal";
    public const string StruggleWontMove = "struggle.wontMove";
    public const string StruggleSlipsOut = "struggle.slipsOut";
    public const string BodyLanguage = "bodyLanguage";
    public const string FaqCanAllCats = "faq.canAllCats";
    public const string FaqSafety = "faq.safety";
    public const string FaqHatesHarness = "faq.hatesHarness";
    public const string FaqHarness = "faq.harness";
    public const string FaqLeash = "faq.leash";
    public const string FaqDuration = "faq.duration";

    /// <summary>How long one session should be and how often: with a length of time and no question, a session report.</summary>
    public const string FaqSessionLength = "faq.sessionLength";
    public const string VetCare = "vetCare";
    public const string Stories = "stories";
    public const string ForgetMe = "forgetMe";
    public const string OutOfScope = UnderstandingContent.OutOfScopeTopic;

    /// <summary>Every fixed id, in the order of the content file.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Greeting, Help, Thanks, Checklist, PlanStart, PlanProgress, PlanNext, PlanLog, PlanStep, PlanUndo, PlanStepBack, PlanMoveSession, PlanOverview, CatAdd, CatSwitch,
        StruggleFreezes, StruggleChews, StruggleVocal, StruggleWontMove, StruggleSlipsOut, BodyLanguage,
        FaqCanAllCats, FaqSafety, FaqHatesHarness, FaqHarness, FaqLeash, FaqDuration, FaqSessionLength, VetCare, Stories, ForgetMe, OutOfScope,
    ];
}
