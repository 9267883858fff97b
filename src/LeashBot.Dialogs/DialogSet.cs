using Microsoft.Bot.Builder;

namespace LeashBot.Dialogs;

/// <summary>A collection of dialogs by id, and the entry point that loads a conversation's stack.</summary>
public class DialogSet
{
    private readonly IStatePropertyAccessor<DialogState>? _dialogState;
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    /// <summary>Initializes a set whose stack is loaded from and saved to conversation state.</summary>
    /// <param name="dialogState">The accessor, usually <c>conversationState.CreateProperty&lt;DialogState&gt;("DialogState")</c>.</param>
    public DialogSet(IStatePropertyAccessor<DialogState> dialogState)
    {
        ArgumentNullException.ThrowIfNull(dialogState, nameof(dialogState));
        _dialogState = dialogState;
    }

    /// <summary>Initializes a set without state of its own, as used inside a <see cref="ComponentDialog"/>.</summary>
    public DialogSet()
    {
    }

    /// <summary>Gets the dialogs in the set, in no particular order.</summary>
    public IEnumerable<Dialog> GetDialogs() => _dialogs.Values;

    /// <summary>Adds a dialog.</summary>
    /// <param name="dialog">The dialog; its id must not be in the set yet.</param>
    /// <returns>This set, for chaining.</returns>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new ArgumentException(
                $"A dialog with id '{dialog.Id}' is already in this set. Give each dialog a unique id, or add the existing one only once.",
                nameof(dialog));
        }

        return this;
    }

    /// <summary>Finds a dialog of this set (not of parent sets) by id.</summary>
    /// <param name="id">The dialog id.</param>
    /// <returns>The dialog, or null when the set has none with that id.</returns>
    public Dialog? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _dialogs.GetValueOrDefault(id);
    }

    /// <summary>
    /// Loads the conversation's stack and wraps it in a context for this turn. When a saved entry names a dialog
    /// that no longer exists, or one whose <see cref="Dialog.Version"/> has changed (checked through components'
    /// inner stacks too), the whole stack is cleared and <see cref="DialogContext.StackWasDiscarded"/> is set:
    /// continuing half of an old conversation with a new definition would misread the saved state.
    /// </summary>
    /// <param name="turnContext">The current turn.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The context for this turn.</returns>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (_dialogState is null)
        {
            throw new InvalidOperationException(
                "This DialogSet was created without a state accessor (the parameterless constructor is for components). "
                + "Create it with new DialogSet(conversationState.CreateProperty<DialogState>(\"DialogState\")).");
        }

        var state = await _dialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken) ?? new DialogState();

        // Storage without type names hands BotState a JObject, which it converts on every read; setting the
        // converted object back makes sure the changes made this turn are the ones that get saved.
        state.DialogStack ??= [];
        await _dialogState.SetAsync(turnContext, state, cancellationToken);

        var discarded = false;
        if (!IsCompatible(state.DialogStack, Find))
        {
            state.DialogStack.Clear();
            discarded = true;
        }

        return new DialogContext(this, turnContext, state) { StackWasDiscarded = discarded };
    }

    /// <summary>Checks saved entries against the current definitions, descending into components.</summary>
    internal static bool IsCompatible(IEnumerable<DialogInstance> stack, Func<string, Dialog?> find)
    {
        foreach (var instance in stack)
        {
            if (instance?.Id is null || find(instance.Id) is not { } dialog || dialog.Version != instance.Version)
            {
                return false;
            }

            instance.State ??= [];
            if (dialog is ComponentDialog component)
            {
                if (ComponentDialog.TryReadInnerState(instance) is not { } inner
                    || !IsCompatible(inner.DialogStack, id => component.FindDialog(id) ?? find(id)))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
