using Microsoft.Bot.Builder;

namespace LeashBot.Dialogs;

/// <summary>
/// Base class of everything that can sit on a dialog stack. A dialog object is a stateless definition
/// shared by all conversations; what one conversation needs between turns goes into
/// <see cref="DialogInstance.State"/>.
/// </summary>
public abstract class Dialog
{
    /// <summary>Initializes a dialog with the id it is registered and begun by.</summary>
    /// <param name="id">A non-empty id, unique within the <see cref="DialogSet"/> or <see cref="ComponentDialog"/> it is added to.</param>
    protected Dialog(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>Gets the result that tells the caller the dialog is waiting for the user.</summary>
    public static DialogTurnResult EndOfTurn { get; } = new(DialogTurnStatus.Waiting);

    /// <summary>Gets the id the dialog is registered and begun by.</summary>
    public string Id { get; }

    /// <summary>
    /// Gets a stamp of the dialog's definition, saved with every stack entry it creates. Change it when a
    /// saved conversation could no longer be continued correctly by the new definition: a saved stack with
    /// a different stamp is discarded (see <see cref="DialogContext.StackWasDiscarded"/>).
    /// </summary>
    public virtual string Version => "1";

    /// <summary>Starts the dialog; it has just been pushed onto <paramref name="dc"/>'s stack.</summary>
    /// <param name="dc">The context whose active dialog is this dialog's new entry.</param>
    /// <param name="options">Whatever the caller passed to <see cref="DialogContext.BeginDialogAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see cref="EndOfTurn"/> to wait for the user, or the result of ending the dialog.</returns>
    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default);

    /// <summary>Handles the user's message while this dialog is active. By default the dialog ends.</summary>
    /// <param name="dc">The context whose active dialog is this dialog.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see cref="EndOfTurn"/> to keep waiting, or the result of ending the dialog.</returns>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>Called when a child dialog this dialog started has ended. By default the dialog ends with the child's result.</summary>
    /// <param name="dc">The context whose active dialog is this dialog again.</param>
    /// <param name="reason">Why the dialog is resumed.</param>
    /// <param name="result">The child's result.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see cref="EndOfTurn"/> to wait for the user, or the result of ending the dialog.</returns>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(result, cancellationToken);
    }

    /// <summary>Asks the pending question again (for example after the bot answered "help"). By default does nothing.</summary>
    /// <param name="turnContext">The current turn.</param>
    /// <param name="instance">This dialog's stack entry.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the question has been sent.</returns>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    /// <summary>Called just before this dialog's entry is removed from the stack. By default does nothing.</summary>
    /// <param name="turnContext">The current turn.</param>
    /// <param name="instance">This dialog's stack entry.</param>
    /// <param name="reason">Why the dialog is ending.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when clean-up is done.</returns>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;
}
