using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>
/// A length and a mood that may be a session done or may be what the cat can do ("he wears it fine for like half an
/// hr"): the command reading is only likely, so it is asked once ("Shall I log 30 min with Toffee?"). Yes logs it as
/// any report is logged, no logs nothing, and anything else is taken as a new message.
/// </summary>
public sealed class LogOfferDialog : WaterfallDialog<LogSessionOptions>
{
    public const string DialogId = "plan.logOffer";

    /// <summary>Up to this many words, a yes or a no in the reply is the answer.</summary>
    private const int ShortAnswer = 5;

    public LogOfferDialog(Replies replies, BotAccessors state, MessageReader reader)
        : base(DialogId)
    {
        ArgumentNullException.ThrowIfNull(replies);
        ArgumentNullException.ThrowIfNull(reader);
        AddStep(async (step, ct) =>
        {
            var offer = step.GetOptions<LogSessionOptions>() ?? new LogSessionOptions();
            step.Values.CatName = offer.CatName;
            step.Values.Text = offer.Text;
            var owner = await state.OwnerAsync(step.Context, ct);
            if (reader.Read(step.Context, offer.Text ?? "", owner).Duration is not { } length)
            {
                return await step.ReplaceDialogAsync(LogSessionDialog.DialogId, offer, ct);
            }

            var question = replies.Text(c => c.Plan.LogOffer, ("cat", offer.CatName), ("minutes", replies.Minutes(length.TotalMinutes)));
            return await step.PromptAsync(Prompts.Confirm, replies.OptionalYesNo(question), ct);
        });
        AddStep(async (step, ct) =>
        {
            var answer = PhraseList.Words(step.Context.Activity.Text ?? "").Length <= ShortAnswer ? step.GetResult<bool?>() : null;
            if (answer is null)
            {
                return await Router.HandBackAsync(step, ct);
            }

            if (answer == false)
            {
                await replies.SayAsync(step.Context, c => c.Plan.LogOfferDeclined, ct);
                return await step.EndDialogAsync(null, ct);
            }

            return await step.ReplaceDialogAsync(LogSessionDialog.DialogId, new LogSessionOptions { CatName = step.Values.CatName, Text = step.Values.Text }, ct);
        });
    }
}
