using LeashBot.State;

namespace LeashBot.Coaching;

/// <summary>
/// "honestly can we just start over", "i want to restart": a start-over said inside a sentence is asked about
/// first (it may mean the chat or the cat's plan), and a yes of any kind ("yep do it") starts over from the menu.
/// The bare command ("start over") still acts at once.
/// </summary>
public sealed class StartOverDialog(Replies replies, BotAccessors state, Router router) : AskOnceDialog<NoValues>(DialogId, replies)
{
    public const string DialogId = "startOver";

    protected override async Task<string?> QuestionAsync(WaterfallStepContext<NoValues> step, CancellationToken cancellationToken)
    {
        var owner = await state.OwnerAsync(step.Context, cancellationToken);
        return Replies.Text(c => c.Messages.StartOverConfirm, owner.Current);
    }

    protected override async Task<DialogTurnResult> YesAsync(WaterfallStepContext<NoValues> step, CancellationToken cancellationToken)
    {
        await Replies.SayAsync(step.Context, c => c.Messages.StartOver, cancellationToken);
        await router.ShowMenuAsync(step.Context, Replies.Content.Messages.MenuPrompt, cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }

    protected override async Task<DialogTurnResult> NoAsync(WaterfallStepContext<NoValues> step, CancellationToken cancellationToken)
    {
        await Replies.SayAsync(step.Context, c => c.Messages.StartOverKept, cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }
}
