using Microsoft.Bot.Builder;

namespace LeashBot.Dialogs;

/// <summary>Runs a root dialog from a bot's turn handler.</summary>
public static class DialogExtensions
{
    /// <summary>Continues the conversation's active dialog, or begins <paramref name="dialog"/> when none is active.</summary>
    /// <param name="dialog">The root dialog.</param>
    /// <param name="turnContext">The current turn.</param>
    /// <param name="accessor">Where the stack is kept; the caller saves the state at the end of the turn.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Where the stack stands after the turn.</returns>
    public static Task<DialogTurnStatus> RunAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken = default) =>
        RunAsync(dialog, turnContext, accessor, null, cancellationToken);

    /// <summary>
    /// Like <see cref="RunAsync(Dialog, ITurnContext, IStatePropertyAccessor{DialogState}, CancellationToken)"/>, and
    /// calls <paramref name="onStackDiscarded"/> first when a saved stack was discarded because the dialogs changed,
    /// so the bot can say it is starting over before the dialog begins again.
    /// </summary>
    /// <param name="dialog">The root dialog.</param>
    /// <param name="turnContext">The current turn.</param>
    /// <param name="accessor">Where the stack is kept.</param>
    /// <param name="onStackDiscarded">Called when <see cref="DialogContext.StackWasDiscarded"/> is set; may be null.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Where the stack stands after the turn.</returns>
    public static async Task<DialogTurnStatus> RunAsync(
        this Dialog dialog,
        ITurnContext turnContext,
        IStatePropertyAccessor<DialogState> accessor,
        Func<DialogContext, CancellationToken, Task>? onStackDiscarded,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(accessor);

        var dialogs = new DialogSet(accessor).Add(dialog);
        var dc = await dialogs.CreateContextAsync(turnContext, cancellationToken);
        if (dc.StackWasDiscarded && onStackDiscarded is not null)
        {
            await onStackDiscarded(dc, cancellationToken);
        }

        var result = await dc.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty)
        {
            result = await dc.BeginDialogAsync(dialog.Id, null, cancellationToken);
        }

        return result.Status;
    }
}
