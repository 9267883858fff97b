namespace LeashBot.Dialogs;

/// <summary>Where the dialog stack stands after a turn has been handled.</summary>
public enum DialogTurnStatus
{
    /// <summary>The stack was empty: nothing handled the turn.</summary>
    Empty,

    /// <summary>A dialog is waiting for the user's next message.</summary>
    Waiting,

    /// <summary>The last dialog on the stack ended normally.</summary>
    Complete,

    /// <summary>The dialogs were cancelled.</summary>
    Cancelled,
}

/// <summary>Why a dialog is being begun, continued, resumed or ended.</summary>
public enum DialogReason
{
    /// <summary>The dialog was started with <see cref="DialogContext.BeginDialogAsync"/>.</summary>
    BeginCalled,

    /// <summary>The dialog is being continued with the user's message.</summary>
    ContinueCalled,

    /// <summary>The dialog (or a child it started) ended.</summary>
    EndCalled,

    /// <summary>The dialog was replaced by another one with <see cref="DialogContext.ReplaceDialogAsync"/>.</summary>
    ReplaceCalled,

    /// <summary>The dialog was cancelled with <see cref="DialogContext.CancelAllDialogsAsync"/>.</summary>
    CancelCalled,

    /// <summary>A waterfall step skipped ahead with <see cref="WaterfallStepContext{TValues}.NextAsync"/>.</summary>
    NextCalled,
}

/// <summary>The outcome of a dialog operation: a status and, when a dialog ended, its result.</summary>
/// <param name="status">Where the stack stands.</param>
/// <param name="result">The value the ending dialog returned, if any.</param>
public sealed class DialogTurnResult(DialogTurnStatus status, object? result = null)
{
    /// <summary>Gets where the stack stands.</summary>
    public DialogTurnStatus Status { get; } = status;

    /// <summary>Gets the value the ending dialog returned, if any.</summary>
    public object? Result { get; } = result;
}
