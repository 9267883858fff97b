using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace LeashBot.Dialogs;

/// <summary>Asks for free text; any non-blank reply is recognized.</summary>
/// <param name="id">The dialog id.</param>
/// <param name="validator">Optional extra check.</param>
public class TextPrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    /// <inheritdoc/>
    protected override Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken) =>
        SendPromptAsync(turnContext, options, isRetry, cancellationToken);

    /// <inheritdoc/>
    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity?.Text;
        return Task.FromResult(string.IsNullOrWhiteSpace(text)
            ? new PromptRecognizerResult<string>()
            : new PromptRecognizerResult<string> { Succeeded = true, Value = text.Trim() });
    }
}

/// <summary>
/// Asks a yes/no question, recognized by <see cref="YesNoRecognizer"/> unless the owner of the prompt reads replies its own way. When <see cref="PromptOptions.Choices"/>
/// is given, the first choice means yes and the second no: they are shown as buttons (their values should be
/// words <see cref="YesNoRecognizer"/> knows) and also accepted by number or text.
/// </summary>
/// <param name="id">The dialog id.</param>
/// <param name="validator">Optional extra check.</param>
/// <param name="recognize">How a reply is read as yes (true), no (false) or neither (null); <see cref="YesNoRecognizer"/> when not given.</param>
public class ConfirmPrompt(string id, PromptValidator<bool>? validator = null, Func<string?, bool?>? recognize = null) : Prompt<bool>(id, validator)
{
    /// <inheritdoc/>
    protected override void ValidateOptions(PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Choices is { Count: not 2 })
        {
            throw new ArgumentException("A confirm prompt's Choices, when given, must be exactly two: the yes choice first, then the no choice.", nameof(options));
        }
    }

    /// <inheritdoc/>
    protected override Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken) =>
        ChoicePrompt.SendWithChoicesAsync(turnContext, options, isRetry, cancellationToken);

    /// <inheritdoc/>
    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var text = turnContext.Activity?.Text;
        var answer = (recognize ?? YesNoRecognizer.Recognize)(text);
        if (answer is null && options.Choices is { Count: 2 } choices && ChoiceRecognizer.Recognize(text, [.. choices]) is { } found)
        {
            answer = found.Index == 0;
        }

        return Task.FromResult(answer is { } value
            ? new PromptRecognizerResult<bool> { Succeeded = true, Value = value }
            : new PromptRecognizerResult<bool>());
    }
}

/// <summary>Asks the user to pick one of <see cref="PromptOptions.Choices"/>, shown with <see cref="ChoiceFactory"/> and recognized by <see cref="ChoiceRecognizer"/>.</summary>
/// <param name="id">The dialog id.</param>
/// <param name="validator">Optional extra check.</param>
public class ChoicePrompt(string id, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(id, validator)
{
    /// <summary>Sends the prompt (or retry prompt) with the options' choices rendered for the channel.</summary>
    internal static async Task SendWithChoicesAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var source = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        if (options.Choices is not { Count: > 0 } choices || options.Style == ListStyle.None)
        {
            await SendPromptAsync(turnContext, options, isRetry, cancellationToken);
            return;
        }

        var rendered = ChoiceFactory.ForChannel(turnContext.Activity?.ChannelId, source?.Text, choices, options.Style, turnContext.Activity?.Conversation?.ConversationType);

        // Keep whatever else the host put on its activity (speech, attachments, channel data) and add the choices.
        var activity = source is null ? rendered : JObject.FromObject(source, StateJson.Serializer).ToObject<Activity>(StateJson.Serializer)!;
        if (source is not null)
        {
            activity.Text = rendered.Text;
            activity.SuggestedActions = rendered.SuggestedActions ?? activity.SuggestedActions;
            activity.Attachments = [.. activity.Attachments ?? [], .. rendered.Attachments ?? []];
            activity.InputHint ??= InputHints.ExpectingInput;
        }

        await turnContext.SendActivityAsync(activity, cancellationToken);
    }

    /// <inheritdoc/>
    protected override void ValidateOptions(PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Choices is not { Count: > 0 } choices || choices.Any(c => c is null || string.IsNullOrWhiteSpace(c.Value)))
        {
            throw new ArgumentException("A choice prompt needs PromptOptions.Choices with at least one choice, each with a non-empty Value.", nameof(options));
        }
    }

    /// <inheritdoc/>
    protected override Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken) =>
        SendWithChoicesAsync(turnContext, options, isRetry, cancellationToken);

    /// <inheritdoc/>
    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var found = ChoiceRecognizer.Recognize(turnContext.Activity?.Text, [.. options.Choices ?? []]);
        return Task.FromResult(new PromptRecognizerResult<FoundChoice> { Succeeded = found is not null, Value = found });
    }
}

/// <summary>
/// Asks for a value one of the shared <see cref="TextRecognizers"/> reads from the reply: a number or a length of time.
/// </summary>
/// <typeparam name="T">The value asked for.</typeparam>
public abstract class RecognizedValuePrompt<T> : Prompt<T>
    where T : struct
{
    private readonly TextRecognizers _recognizers;
    private readonly Func<TextRecognizers, string, T?> _recognize;

    /// <summary>Initializes a prompt whose reply <paramref name="recognize"/> reads with the shared recognizers.</summary>
    /// <param name="id">The dialog id.</param>
    /// <param name="recognizers">The shared recognizers, created once at start-up.</param>
    /// <param name="recognize">Which of the recognizers reads the reply; null when it holds no such value.</param>
    /// <param name="validator">Optional extra check, for example a range.</param>
    protected RecognizedValuePrompt(string id, TextRecognizers recognizers, Func<TextRecognizers, string, T?> recognize, PromptValidator<T>? validator)
        : base(id, validator)
    {
        ArgumentNullException.ThrowIfNull(recognizers, nameof(recognizers));
        ArgumentNullException.ThrowIfNull(recognize, nameof(recognize));
        _recognizers = recognizers;
        _recognize = recognize;
    }

    /// <inheritdoc/>
    protected override Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken) =>
        SendPromptAsync(turnContext, options, isRetry, cancellationToken);

    /// <inheritdoc/>
    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var value = _recognize(_recognizers, turnContext.Activity?.Text ?? string.Empty);
        return Task.FromResult(value is { } found
            ? new PromptRecognizerResult<T> { Succeeded = true, Value = found }
            : new PromptRecognizerResult<T>());
    }
}

/// <summary>Asks for a number ("12", "twelve", "2.5", "a dozen"), recognized by <see cref="TextRecognizers.RecognizeNumber"/>.</summary>
/// <param name="id">The dialog id.</param>
/// <param name="recognizers">The shared recognizers, created once at start-up.</param>
/// <param name="validator">Optional extra check, for example a range.</param>
public class NumberPrompt(string id, TextRecognizers recognizers, PromptValidator<double>? validator = null)
    : RecognizedValuePrompt<double>(id, recognizers, static (r, text) => r.RecognizeNumber(text), validator);

/// <summary>
/// Asks for a length of time ("20 minutes", "half an hour", "an hour and a half", "90 seconds"; a bare number is
/// taken as minutes), recognized by <see cref="TextRecognizers.RecognizeDuration"/>.
/// </summary>
/// <param name="id">The dialog id.</param>
/// <param name="recognizers">The shared recognizers, created once at start-up.</param>
/// <param name="validator">Optional extra check, for example a sensible maximum.</param>
public class DurationPrompt(string id, TextRecognizers recognizers, PromptValidator<TimeSpan>? validator = null)
    : RecognizedValuePrompt<TimeSpan>(id, recognizers, static (r, text) => r.RecognizeDuration(text), validator);
