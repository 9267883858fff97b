using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace LeashBot.Dialogs;

/// <summary>How a prompt's choices are shown.</summary>
public enum ListStyle
{
    /// <summary>Whatever suits the channel (see <see cref="ChoiceFactory.ForChannel"/>).</summary>
    Auto,

    /// <summary>Suggested-action buttons that disappear once tapped.</summary>
    SuggestedAction,

    /// <summary>A hero card with a button per choice.</summary>
    HeroCard,

    /// <summary>A numbered plain-text list appended to the text.</summary>
    List,

    /// <summary>Only the text; the choices are not shown.</summary>
    None,
}

/// <summary>
/// What a prompt sends and how it behaves. Saved as JSON with the prompt's stack entry, so everything in it must
/// be plain data; after a round trip <see cref="Validations"/> comes back as a <c>JToken</c>.
/// </summary>
public class PromptOptions
{
    /// <summary>Gets or sets the question.</summary>
    public Activity? Prompt { get; set; }

    /// <summary>Gets or sets what is sent after an answer was not accepted; <see cref="Prompt"/> when null.</summary>
    public Activity? RetryPrompt { get; set; }

    /// <summary>Gets or sets the choices (required by <see cref="ChoicePrompt"/>; optional buttons for <see cref="ConfirmPrompt"/>).</summary>
    public IList<Choice>? Choices { get; set; }

    /// <summary>Gets or sets how choices are shown.</summary>
    public ListStyle Style { get; set; } = ListStyle.Auto;

    /// <summary>
    /// Gets or sets how many unaccepted answers the prompt takes before giving up and ending with a null result;
    /// 0 means it keeps asking for ever. Not used by an <see cref="Optional"/> prompt.
    /// </summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// Gets or sets a value indicating whether the question may be ignored (a follow-up such as "Did that help?"):
    /// the first reply that is not accepted ends the prompt at once with a null result and nothing is asked again,
    /// so the caller can treat that reply as a new message. An interruption hook can read it from the stack with
    /// <see cref="PromptState.OptionsOf"/> to let anything but an answer pass. An optional prompt takes no
    /// <see cref="RetryPrompt"/>, which it would never send.
    /// </summary>
    public bool Optional { get; set; }

    /// <summary>Gets or sets free data for the validator (for example a range). Plain data only.</summary>
    public object? Validations { get; set; }
}

/// <summary>One option of a choice prompt.</summary>
public class Choice
{
    /// <summary>Initializes an empty choice (for serializers and initializers).</summary>
    public Choice()
    {
    }

    /// <summary>Initializes a choice with its value.</summary>
    /// <param name="value">The value returned when chosen, also the button's value and default title.</param>
    public Choice(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>Gets or sets the value returned when chosen; it is also what a button sends.</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>Gets or sets other words that select this choice.</summary>
    public IList<string>? Synonyms { get; set; }

    /// <summary>Gets or sets the text shown for the choice; <see cref="Value"/> when null.</summary>
    public string? Title { get; set; }
}

/// <summary>The choice a user picked.</summary>
public class FoundChoice
{
    /// <summary>Gets or sets the chosen <see cref="Choice.Value"/>.</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>Gets or sets the zero-based index of the choice in the list.</summary>
    public int Index { get; set; }

    /// <summary>Gets or sets how confident the match is, from 0 to 1 (1 for an exact value or number).</summary>
    public double Score { get; set; }
}

/// <summary>What a prompt recognized in the user's reply.</summary>
/// <typeparam name="T">The prompt's value type.</typeparam>
public class PromptRecognizerResult<T>
{
    /// <summary>Gets or sets a value indicating whether a value was recognized.</summary>
    public bool Succeeded { get; set; }

    /// <summary>Gets or sets the recognized value.</summary>
    public T? Value { get; set; }
}

/// <summary>What a prompt validator is given.</summary>
/// <typeparam name="T">The prompt's value type.</typeparam>
/// <param name="context">The current turn.</param>
/// <param name="recognized">What was recognized; check <see cref="PromptRecognizerResult{T}.Succeeded"/> first.</param>
/// <param name="options">The prompt's options.</param>
/// <param name="attemptCount">How many replies the prompt has had, counting this one (1 on the first reply).</param>
public class PromptValidatorContext<T>(ITurnContext context, PromptRecognizerResult<T> recognized, PromptOptions options, int attemptCount)
{
    /// <summary>Gets the current turn; a validator may send its own explanation, which replaces the retry prompt.</summary>
    public ITurnContext Context { get; } = context;

    /// <summary>Gets what was recognized.</summary>
    public PromptRecognizerResult<T> Recognized { get; } = recognized;

    /// <summary>Gets the prompt's options.</summary>
    public PromptOptions Options { get; } = options;

    /// <summary>Gets how many replies the prompt has had, counting this one.</summary>
    public int AttemptCount { get; } = attemptCount;
}

/// <summary>Decides whether a recognized reply is acceptable. It is called even when recognition failed.</summary>
/// <typeparam name="T">The prompt's value type.</typeparam>
/// <param name="promptContext">The reply and the prompt's state.</param>
/// <param name="cancellationToken">Cancels the operation.</param>
/// <returns>True to accept the value and end the prompt.</returns>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);
