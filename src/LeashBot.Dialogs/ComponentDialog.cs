using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeashBot.Dialogs;

/// <summary>
/// A dialog made of other dialogs, with its own inner stack saved in its stack entry. It begins
/// <see cref="InitialDialogId"/> and ends when its inner stack empties, with the inner result.
/// </summary>
/// <remarks>
/// Cancellation travels upward: when the inner stack ends up cancelled (for example because
/// <see cref="OnInterruptAsync"/> returned <c>innerDc.CancelAllDialogsAsync()</c>), the component cancels the stack
/// it sits on too, so a "cancel" reaches the top instead of resuming a parent that is waiting for an answer.
/// </remarks>
public class ComponentDialog : Dialog
{
    // Where earlier versions kept the inner stack, as JSON inside the entry's State; read once and moved to InnerStack.
    private const string LegacyInnerStateKey = "dialogs";

    private string? _version;

    /// <summary>Initializes a component.</summary>
    /// <param name="id">The dialog id.</param>
    public ComponentDialog(string id)
        : base(id)
    {
    }

    /// <summary>Gets or sets the id of the inner dialog begun first; by default the first one added.</summary>
    public string? InitialDialogId { get; set; }

    /// <summary>
    /// Gets a stamp combining <see cref="OwnVersion"/>, <see cref="InitialDialogId"/> and the ids and versions of
    /// all inner dialogs, so changing a nested waterfall invalidates saved stacks that contain this component.
    /// It is computed once (every turn checks the saved stack against it) and again after <see cref="AddDialog"/>;
    /// add a nested component's dialogs before the component is first used.
    /// </summary>
    public override string Version => _version ??= ComputeVersion();

    /// <summary>Gets the component's inner dialogs.</summary>
    protected DialogSet Dialogs { get; } = new();

    /// <summary>Gets the component's own part of <see cref="Version"/>; override to invalidate saved stacks when only the component's own code changed.</summary>
    protected virtual string OwnVersion => "1";

    /// <summary>Adds an inner dialog; the first one added becomes <see cref="InitialDialogId"/> unless it is set.</summary>
    /// <param name="dialog">The dialog; its id must be unique within the component.</param>
    /// <returns>This component, for chaining.</returns>
    public ComponentDialog AddDialog(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        Dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        _version = null;
        return this;
    }

    /// <summary>Finds an inner dialog by id.</summary>
    /// <param name="dialogId">The id.</param>
    /// <returns>The dialog, or null.</returns>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId);

    /// <inheritdoc/>
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog ?? throw new InvalidOperationException("Begin a component with DialogContext.BeginDialogAsync, which pushes its stack entry first.");

        var innerState = new DialogState();
        var innerDc = new DialogContext(Dialogs, dc, innerState);
        DialogTurnResult turnResult;
        try
        {
            turnResult = await OnBeginDialogAsync(innerDc, options, cancellationToken);
        }
        finally
        {
            WriteInnerState(instance, innerState);
        }

        return await HandleInnerResultAsync(dc, turnResult, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>Runs <see cref="OnInterruptAsync"/> first; only when it returns null does the inner dialog see the message.</remarks>
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog ?? throw new InvalidOperationException($"Component '{Id}' was continued on an empty stack.");

        var innerState = ReadInnerState(instance);
        var innerDc = new DialogContext(Dialogs, dc, innerState);
        DialogTurnResult turnResult;
        try
        {
            turnResult = await OnInterruptAsync(innerDc, cancellationToken)
                ?? await OnContinueDialogAsync(innerDc, cancellationToken);
        }
        finally
        {
            WriteInnerState(instance, innerState);
        }

        return await HandleInnerResultAsync(dc, turnResult, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Inner dialogs run on the inner stack, so the component is only resumed if it was used to start something on
    /// the outer stack; it then asks its pending question again and keeps waiting.
    /// </remarks>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.ActiveDialog is { } instance)
        {
            await RepromptDialogAsync(dc.Context, instance, cancellationToken);
        }

        return EndOfTurn;
    }

    /// <inheritdoc/>
    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(instance);
        var innerState = ReadInnerState(instance);
        var innerDc = new DialogContext(Dialogs, turnContext, innerState);
        await innerDc.RepromptDialogAsync(cancellationToken);
        WriteInnerState(instance, innerState);
    }

    /// <inheritdoc/>
    /// <remarks>When the component is cancelled, its inner dialogs are cancelled first so their clean-up runs.</remarks>
    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(instance);
        if (reason == DialogReason.CancelCalled)
        {
            var innerState = ReadInnerState(instance);
            var innerDc = new DialogContext(Dialogs, turnContext, innerState);
            await innerDc.CancelAllDialogsAsync(cancellationToken);
            WriteInnerState(instance, innerState);
        }
    }

    private string ComputeVersion()
    {
        var text = new StringBuilder().Append(OwnVersion).Append('|').Append(InitialDialogId);
        foreach (var dialog in Dialogs.GetDialogs().OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            text.Append('|').Append(dialog.Id).Append('=').Append(dialog.Version);
        }

        // A short hash keeps the saved stamp small however deep the nesting goes.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexString(hash, 0, 8).ToLowerInvariant();
    }

    /// <summary>Reads the inner stack saved in a stack entry (an empty one if there is none yet), or null when it is unreadable.</summary>
    internal static DialogState? TryReadInnerState(DialogInstance instance)
    {
        if (instance.InnerStack is { } loaded)
        {
            loaded.DialogStack ??= [];
            return loaded;
        }

        DialogState? stack = null;
        if (instance.State[LegacyInnerStateKey] is JObject saved)
        {
            try
            {
                stack = saved.ToObject<DialogState>(StateJson.Serializer) ?? new DialogState();
            }
            catch (JsonException)
            {
                return null;
            }

            instance.State.Remove(LegacyInnerStateKey);
        }

        stack ??= new DialogState();
        stack.DialogStack ??= [];
        instance.InnerStack = stack;
        return stack;
    }

    /// <summary>Begins the inner dialogs; by default <see cref="InitialDialogId"/> with the component's options.</summary>
    /// <param name="innerDc">The context over the inner stack.</param>
    /// <param name="options">The options the component was begun with.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The inner turn result.</returns>
    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        if (string.IsNullOrEmpty(InitialDialogId))
        {
            throw new InvalidOperationException($"Component '{Id}' has no initial dialog. Add one with AddDialog or set InitialDialogId.");
        }

        return innerDc.BeginDialogAsync(InitialDialogId, options, cancellationToken);
    }

    /// <summary>Hands the user's message to the inner stack.</summary>
    /// <param name="innerDc">The context over the inner stack.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The inner turn result.</returns>
    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return innerDc.ContinueDialogAsync(cancellationToken);
    }

    /// <summary>
    /// Looks at every message before the inner dialogs do. Return null to let them handle it. Otherwise the
    /// returned result is this turn's result: for "help", send the help and
    /// <c>await innerDc.RepromptDialogAsync(ct)</c>, then return <see cref="Dialog.EndOfTurn"/>; for "cancel",
    /// return <c>await innerDc.CancelAllDialogsAsync(ct)</c>.
    /// </summary>
    /// <param name="innerDc">The context over the inner stack.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Null when not interrupted, or the turn's result.</returns>
    protected virtual Task<DialogTurnResult?> OnInterruptAsync(DialogContext innerDc, CancellationToken cancellationToken) =>
        Task.FromResult<DialogTurnResult?>(null);

    /// <summary>Ends the component with the inner result, resuming whatever is below it.</summary>
    /// <param name="outerDc">The context the component is on.</param>
    /// <param name="result">The inner result.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The outer turn result.</returns>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        return outerDc.EndDialogAsync(result, cancellationToken);
    }

    private static DialogState ReadInnerState(DialogInstance instance) =>
        TryReadInnerState(instance) ?? throw new InvalidOperationException(
            $"The saved inner stack of dialog '{instance.Id}' could not be read. Create the context with DialogSet.CreateContextAsync, which discards unreadable stacks.");

    private static void WriteInnerState(DialogInstance instance, DialogState innerState) => instance.InnerStack = innerState;

    private Task<DialogTurnResult> HandleInnerResultAsync(DialogContext outerDc, DialogTurnResult turnResult, CancellationToken cancellationToken) =>
        turnResult.Status switch
        {
            DialogTurnStatus.Waiting => Task.FromResult(turnResult),
            DialogTurnStatus.Cancelled => outerDc.CancelAllDialogsAsync(cancellationToken),
            _ => EndComponentAsync(outerDc, turnResult.Result, cancellationToken),
        };
}
