using Microsoft.Bot.Builder;

namespace LeashBot.Dialogs;

/// <summary>
/// A dialog stack together with the turn it is being used in and the dialogs it can start.
/// Created per turn by <see cref="DialogSet.CreateContextAsync"/> (or by a component for its inner stack).
/// </summary>
public class DialogContext
{
    /// <summary>Initializes a context over a stack.</summary>
    /// <param name="dialogs">The dialogs this context can start.</param>
    /// <param name="turnContext">The current turn.</param>
    /// <param name="state">The stack.</param>
    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(state);
        Dialogs = dialogs;
        Context = turnContext;
        state.DialogStack ??= [];
        Stack = state.DialogStack;
    }

    /// <summary>Initializes a context over a component's inner stack.</summary>
    /// <param name="dialogs">The component's dialogs.</param>
    /// <param name="parent">The context the component itself is on.</param>
    /// <param name="state">The inner stack.</param>
    public DialogContext(DialogSet dialogs, DialogContext parent, DialogState state)
        : this(dialogs, parent?.Context ?? throw new ArgumentNullException(nameof(parent)), state)
    {
        Parent = parent;
    }

    /// <summary>Initializes a context that shares another context's stack, as a waterfall step context does.</summary>
    /// <param name="shared">The context whose stack, dialogs and parent are shared.</param>
    protected DialogContext(DialogContext shared)
    {
        ArgumentNullException.ThrowIfNull(shared);
        Dialogs = shared.Dialogs;
        Context = shared.Context;
        Stack = shared.Stack;
        Parent = shared.Parent;
        StackWasDiscarded = shared.StackWasDiscarded;
    }

    /// <summary>Gets the current turn.</summary>
    public ITurnContext Context { get; }

    /// <summary>Gets the dialogs this context can start (besides its parents' dialogs).</summary>
    public DialogSet Dialogs { get; }

    /// <summary>Gets the stack; the active dialog is at index 0.</summary>
    public List<DialogInstance> Stack { get; }

    /// <summary>Gets the active dialog's entry, or null when the stack is empty.</summary>
    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;

    /// <summary>Gets the context of the component this context belongs to, or null at the top.</summary>
    public DialogContext? Parent { get; }

    /// <summary>
    /// Gets a value indicating whether the saved stack was thrown away when this context was created, because it
    /// named a dialog that no longer exists or one whose version changed. The bot can then tell the user it is
    /// starting that part over.
    /// </summary>
    public bool StackWasDiscarded { get; internal init; }

    /// <summary>Pushes a dialog onto the stack and starts it.</summary>
    /// <param name="dialogId">The id of a dialog in <see cref="Dialogs"/> or a parent's set.</param>
    /// <param name="options">Passed to the dialog's <see cref="Dialog.BeginDialogAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The dialog's turn result.</returns>
    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogId);
        var dialog = FindDialog(dialogId) ?? throw new InvalidOperationException(
            $"No dialog with id '{dialogId}' was found in this context or its parents. Add it with DialogSet.Add or ComponentDialog.AddDialog before beginning it.");

        Stack.Insert(0, new DialogInstance { Id = dialog.Id, Version = dialog.Version, State = [] });
        return await dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    /// <summary>Starts a prompt.</summary>
    /// <param name="dialogId">The prompt's id.</param>
    /// <param name="options">The activities to send and the prompt's settings.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The prompt's turn result (normally <see cref="Dialog.EndOfTurn"/>).</returns>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogId);
        ArgumentNullException.ThrowIfNull(options, nameof(options));
        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Hands the user's message to the active dialog.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The active dialog's result, or <see cref="DialogTurnStatus.Empty"/> when the stack is empty.</returns>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is not { } instance)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        var dialog = FindActive(instance);
        return await dialog.ContinueDialogAsync(this, cancellationToken);
    }

    /// <summary>Ends the active dialog and resumes the one below it, which receives <paramref name="result"/>.</summary>
    /// <param name="result">The ending dialog's result.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The resumed dialog's result, or <see cref="DialogTurnStatus.Complete"/> with <paramref name="result"/> when the stack is now empty.</returns>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.EndCalled, cancellationToken);

        if (ActiveDialog is { } instance)
        {
            var dialog = FindActive(instance);
            return await dialog.ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken);
        }

        return new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    /// <summary>
    /// Ends the active dialog and starts another in its place; the dialog below never notices, so it later
    /// receives the replacement's result. Replacing a dialog with itself is the way to loop.
    /// </summary>
    /// <param name="dialogId">The id of the dialog to start.</param>
    /// <param name="options">Passed to the new dialog.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new dialog's turn result.</returns>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogId);
        await EndActiveDialogAsync(DialogReason.ReplaceCalled, cancellationToken);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>
    /// Ends every dialog on this context's stack. Inside a component, the component then cancels its own
    /// stack as well, so a cancel reaches the top (see <see cref="ComponentDialog"/>).
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see cref="DialogTurnStatus.Cancelled"/>, or <see cref="DialogTurnStatus.Empty"/> when there was nothing to cancel.</returns>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (Stack.Count == 0)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        while (Stack.Count > 0)
        {
            await EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken);
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Asks the active dialog to send its pending question again.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the question has been sent.</returns>
    public async Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is { } instance)
        {
            await FindActive(instance).RepromptDialogAsync(Context, instance, cancellationToken);
        }
    }

    /// <summary>Finds a dialog in this context's set or, failing that, in its parents' sets.</summary>
    /// <param name="id">The dialog id.</param>
    /// <returns>The dialog, or null.</returns>
    public Dialog? FindDialog(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Dialogs.Find(id) ?? Parent?.FindDialog(id);
    }

    private Dialog FindActive(DialogInstance instance) =>
        FindDialog(instance.Id) ?? throw new InvalidOperationException(
            $"The active dialog '{instance.Id}' is not in this context's DialogSet or its parents. "
            + "Add every dialog that can be on the stack to the set before creating the context.");

    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } instance)
        {
            return;
        }

        if (FindDialog(instance.Id) is { } dialog)
        {
            await dialog.EndDialogAsync(Context, instance, reason, cancellationToken);
        }

        // The dialog's clean-up may itself have changed the stack; remove this entry, wherever it now is.
        Stack.Remove(instance);
    }
}
