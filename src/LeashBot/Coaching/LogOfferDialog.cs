using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>
/// A length and a mood that may be a session done or may be what the cat can do ("he wears it fine for like half an
/// hr"): the command reading is only likely, so it is asked once ("Shall I log 30 min with Toffee?"). Yes logs it as
/// any report is logged, no logs nothing, and anything else is taken as a new message.
/// </summary>
public sealed class LogOfferDialog(Replies replies, BotAccessors state, MessageReader reader) : AskOnceDialog<LogSessionOptions>(DialogId, replies)
{
    public const string DialogId = "plan.logOffer";

    /// <summary>Up to this many words, a yes or a no in the reply is the answer.</summary>
    private const int ShortAnswer = 5;

    protected override async Task<string?> QuestionAsync(WaterfallStepContext<LogSessionOptions> step, CancellationToken cancellationToken)
    {
        var offer = step.GetOptions<LogSessionOptions>() ?? new LogSessionOptions();
        step.Values.CatName = offer.CatName;
        step.Values.Text = offer.Text;
        var owner = await state.OwnerAsync(step.Context, cancellationToken);
        return reader.Read(step.Context, offer.Text ?? "", owner).Duration is { } length
            ? Replies.Text(c => c.Plan.LogOffer, ("cat", offer.CatName), ("minutes", Replies.Minutes(length.TotalMinutes)))
            : null;
    }

    /// <summary>No length to offer after all: the report is logged the usual way.</summary>
    protected override Task<DialogTurnResult> NothingToAskAsync(WaterfallStepContext<LogSessionOptions> step, CancellationToken cancellationToken) =>
        step.ReplaceDialogAsync(LogSessionDialog.DialogId, step.GetOptions<LogSessionOptions>() ?? new LogSessionOptions(), cancellationToken);

    /// <summary>A long reply with a yes or a no in it is a new message.</summary>
    protected override bool? AnswerIn(WaterfallStepContext<LogSessionOptions> step) =>
        PhraseList.Words(step.Context.Activity.Text ?? "").Length <= ShortAnswer ? step.GetResult<bool?>() : null;

    protected override async Task<DialogTurnResult> NoAsync(WaterfallStepContext<LogSessionOptions> step, CancellationToken cancellationToken)
    {
        await Replies.SayAsync(step.Context, c => c.Plan.LogOfferDeclined, cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }

    protected override Task<DialogTurnResult> YesAsync(WaterfallStepContext<LogSessionOptions> step, CancellationToken cancellationToken) =>
        step.ReplaceDialogAsync(LogSessionDialog.DialogId, new LogSessionOptions { CatName = step.Values.CatName, Text = step.Values.Text }, cancellationToken);
}
