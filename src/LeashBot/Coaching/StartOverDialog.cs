using LeashBot.State;

namespace LeashBot.Coaching;

/// <summary>
/// "honestly can we just start over", "i want to restart": a start-over said inside a sentence is asked about
/// first (it may mean the chat or the cat's plan), and a yes of any kind ("yep do it") starts over from the menu.
/// The bare command ("start over") still acts at once.
/// </summary>
public sealed class StartOverDialog : WaterfallDialog<NoValues>
{
    public const string DialogId = "startOver";

    public StartOverDialog(Replies replies, BotAccessors state, Router router)
        : base(DialogId)
    {
        ArgumentNullException.ThrowIfNull(replies);
        AddStep(async (step, ct) =>
        {
            var owner = await state.OwnerAsync(step.Context, ct);
            return await step.PromptAsync(Prompts.Confirm, replies.OptionalYesNo(replies.Text(c => c.Messages.StartOverConfirm, owner.Current)), ct);
        });
        AddStep(async (step, ct) =>
        {
            var confirmed = step.GetResult<bool?>();
            if (confirmed == true)
            {
                await replies.SayAsync(step.Context, c => c.Messages.StartOver, ct);
                await router.ShowMenuAsync(step.Context, replies.Content.Messages.MenuPrompt, ct);
                return await step.EndDialogAsync(null, ct);
            }

            if (confirmed == false)
            {
                await replies.SayAsync(step.Context, c => c.Messages.StartOverKept, ct);
                return await step.EndDialogAsync(null, ct);
            }

            return await Router.HandBackAsync(step, ct);
        });
    }
}
