using LeashBot.Dialogs;
using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>
/// The root of every coaching conversation. A message with nothing pending is routed to a topic; a message
/// that arrives while a flow waits for an answer first passes the one interruption hook here, so "help",
/// "cancel", "menu" and mid-flow questions are handled in one place for every flow (health red flags are
/// handled before any dialog runs, in CoachBot).
/// </summary>
public sealed class CoachingDialog : ComponentDialog
{
    public const string DialogId = "coaching";

    private readonly Router _router;

    public CoachingDialog(Router router, Replies replies, BotAccessors state, TextRecognizers text, TopicRecognizer recognizer, TimeProvider clock)
        : base(DialogId)
    {
        ArgumentNullException.ThrowIfNull(router);
        _router = router;
        AddDialog(new WaterfallDialog<NoValues>(Router.DialogId, [router.RouteAsync, static (step, ct) => step.EndDialogAsync(null, ct)]));
        AddDialog(new ChecklistDialog(replies, state, clock));
        AddDialog(new LogSessionDialog(replies, state, text, clock));
        AddDialog(new TroubleshootDialog(replies, state, clock));
        AddDialog(new FaqMenuDialog(replies));
        AddDialog(new CatDialogs.AddCat(replies, state, clock));
        AddDialog(new CatDialogs.ChooseCat(replies, state));
        AddDialog(new ForgetMeDialog(replies));
        AddDialog(new DidYouMeanDialog(replies, router));
        AddDialog(new ConfirmPrompt(Prompts.Confirm));
        AddDialog(new ChoicePrompt(Prompts.Choice));
        AddDialog(new TextPrompt(Prompts.CatName, CatDialogs.ValidateNameAsync(replies, recognizer)));
        AddDialog(new DurationPrompt(Prompts.Duration, text, LogSessionDialog.ValidateDurationAsync));
        InitialDialogId = Router.DialogId;
    }

    protected override Task<DialogTurnResult?> OnInterruptAsync(DialogContext innerDc, CancellationToken cancellationToken) =>
        _router.InterruptAsync(innerDc, cancellationToken);
}

/// <summary>The ids of the prompts every coaching flow shares.</summary>
public static class Prompts
{
    public const string Confirm = "confirm";
    public const string Choice = "choice";
    public const string CatName = "catName";
    public const string Duration = "duration";
}
