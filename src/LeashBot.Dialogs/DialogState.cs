using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeashBot.Dialogs;

/// <summary>
/// One entry on a dialog stack. Plain data: it is saved with the conversation state as JSON
/// without type names, so everything a dialog keeps between turns lives in <see cref="State"/>.
/// </summary>
public sealed class DialogInstance
{
    /// <summary>Gets or sets the id of the dialog this entry belongs to.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets the <see cref="Dialog.Version"/> of the dialog when this entry was created;
    /// <see cref="DialogSet.CreateContextAsync"/> discards a saved stack whose versions no longer match.
    /// </summary>
    public string Version { get; set; } = string.Empty;

    /// <summary>Gets or sets the dialog's own saved data.</summary>
    public JObject State { get; set; } = [];

    /// <summary>
    /// Gets or sets a <see cref="ComponentDialog"/>'s inner stack (null for other dialogs). It is a typed part of the
    /// entry rather than JSON inside <see cref="State"/>, so a turn uses it as it was loaded instead of converting it
    /// from JSON and back on every message.
    /// </summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public DialogState? InnerStack { get; set; }
}

/// <summary>The saved dialog stack of one conversation (or of one component's inner dialogs).</summary>
public sealed class DialogState
{
    /// <summary>Initializes a new, empty stack.</summary>
    public DialogState()
    {
    }

    /// <summary>Initializes a stack with existing entries.</summary>
    /// <param name="stack">The entries, top of the stack first.</param>
    public DialogState(List<DialogInstance>? stack)
    {
        DialogStack = stack ?? [];
    }

    /// <summary>Gets or sets the stack entries; the active dialog is at index 0.</summary>
    public List<DialogInstance> DialogStack { get; set; } = [];
}
