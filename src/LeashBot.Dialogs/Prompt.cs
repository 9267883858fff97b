using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeashBot.Dialogs;

/// <summary>
/// Base of prompts: asks a question, then on each reply recognizes a value and runs the validator.
/// An accepted value ends the prompt with that value. Otherwise the prompt sends
/// <see cref="PromptOptions.RetryPrompt"/> (or <see cref="PromptOptions.Prompt"/>) and waits again, unless the
/// validator already sent something this turn. After <see cref="PromptOptions.MaxAttempts"/> unaccepted replies
/// (after the first one when the prompt is <see cref="PromptOptions.Optional"/>) the prompt gives up and ends with a
/// <b>null</b> result, sending nothing: the caller decides what to say.
/// Begin prompts with <see cref="DialogContext.PromptAsync"/>.
/// </summary>
/// <typeparam name="T">The recognized value's type.</typeparam>
public abstract class Prompt<T> : Dialog
{
    internal const string OptionsKey = "options";
    private const string AttemptCountKey = "attemptCount";

    private readonly PromptValidator<T>? _validator;

    /// <summary>Initializes a prompt.</summary>
    /// <param name="id">The dialog id.</param>
    /// <param name="validator">Optional extra check of the recognized value.</param>
    protected Prompt(string id, PromptValidator<T>? validator = null)
        : base(id)
    {
        _validator = validator;
    }

    /// <inheritdoc/>
    /// <remarks><paramref name="options"/> must be a <see cref="PromptOptions"/>.</remarks>
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (options is not PromptOptions promptOptions)
        {
            throw new ArgumentException(
                $"Prompt '{Id}' needs a PromptOptions. Start it with dc.PromptAsync(\"{Id}\", new PromptOptions {{ Prompt = ... }}).",
                nameof(options));
        }

        if (promptOptions.MaxAttempts < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), promptOptions.MaxAttempts, "PromptOptions.MaxAttempts must be 0 (ask for ever) or a positive number of replies.");
        }

        if (promptOptions.Optional && promptOptions.RetryPrompt is not null)
        {
            throw new ArgumentException(
                $"Prompt '{Id}' is optional, so it never asks again and its RetryPrompt would never be sent. Drop the RetryPrompt, or set Optional = false to ask again.",
                nameof(options));
        }

        ValidateOptions(promptOptions);

        var instance = dc.ActiveDialog ?? throw new InvalidOperationException("Begin a prompt with DialogContext.PromptAsync, which pushes its stack entry first.");
        try
        {
            instance.State[OptionsKey] = JObject.FromObject(promptOptions, StateJson.Serializer);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException(
                $"The options of prompt '{Id}' could not be saved as JSON. Keep Validations plain data: options are stored with the dialog stack.",
                nameof(options),
                ex);
        }

        instance.State[AttemptCountKey] = 0;

        // Send the saved copy, as every later turn does: the caller's activity object is never modified by sending.
        await OnPromptAsync(dc.Context, LoadOptions(instance), false, cancellationToken);
        return EndOfTurn;
    }

    /// <inheritdoc/>
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);

        // Typing indicators, conversation updates and the like are not answers.
        if (dc.Context.Activity?.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var instance = dc.ActiveDialog ?? throw new InvalidOperationException($"Prompt '{Id}' was continued on an empty stack.");
        var options = LoadOptions(instance);
        var attemptCount = (instance.State[AttemptCountKey]?.Type == JTokenType.Integer ? instance.State.Value<int>(AttemptCountKey) : 0) + 1;
        instance.State[AttemptCountKey] = attemptCount;

        var recognized = await OnRecognizeAsync(dc.Context, options, cancellationToken) ?? new PromptRecognizerResult<T>();

        var sentBefore = SendCounter.For(dc.Context).Count;
        var accepted = _validator is null
            ? recognized.Succeeded
            : await _validator(new PromptValidatorContext<T>(dc.Context, recognized, options, attemptCount), cancellationToken);
        var validatorResponded = SendCounter.For(dc.Context).Count > sentBefore;

        if (accepted)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken);
        }

        if (options.Optional || (options.MaxAttempts > 0 && attemptCount >= options.MaxAttempts))
        {
            return await dc.EndDialogAsync(null, cancellationToken);
        }

        if (!validatorResponded)
        {
            await OnPromptAsync(dc.Context, options, true, cancellationToken);
        }

        return EndOfTurn;
    }

    /// <inheritdoc/>
    /// <remarks>A prompt starts no children; if it is resumed anyway it asks again.</remarks>
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
    /// <remarks>Sends <see cref="PromptOptions.Prompt"/> again; a reprompt does not count as an attempt.</remarks>
    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(instance);
        return OnPromptAsync(turnContext, LoadOptions(instance), false, cancellationToken);
    }

    /// <summary>Sends the question.</summary>
    /// <param name="turnContext">The current turn.</param>
    /// <param name="options">The prompt's options.</param>
    /// <param name="isRetry">True when the previous reply was not accepted.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the question has been sent.</returns>
    protected abstract Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken);

    /// <summary>Recognizes a value in the user's reply.</summary>
    /// <param name="turnContext">The current turn.</param>
    /// <param name="options">The prompt's options.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The recognition result.</returns>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>Checks options when the prompt begins; throw <see cref="ArgumentException"/> to reject them.</summary>
    /// <param name="options">The options.</param>
    protected virtual void ValidateOptions(PromptOptions options)
    {
    }

    /// <summary>Sends <see cref="PromptOptions.RetryPrompt"/> on a retry when there is one, else <see cref="PromptOptions.Prompt"/>.</summary>
    /// <param name="turnContext">The current turn.</param>
    /// <param name="options">The prompt's options.</param>
    /// <param name="isRetry">True when the previous reply was not accepted.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the activity (if any) has been sent.</returns>
    protected static async Task SendPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var activity = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        if (activity is not null)
        {
            await turnContext.SendActivityAsync(activity, cancellationToken);
        }
    }

    private PromptOptions LoadOptions(DialogInstance instance) =>
        (instance.State[OptionsKey] as JObject)?.ToObject<PromptOptions>(StateJson.Serializer)
        ?? throw new InvalidOperationException($"The stack entry of prompt '{Id}' has no saved options. Begin prompts with DialogContext.PromptAsync.");
}

/// <summary>Counts the activities sent in a turn, so a prompt can tell whether its validator replied.</summary>
internal sealed class SendCounter
{
    private const string TurnStateKey = "LeashBot.Dialogs.SendCounter";

    public int Count { get; private set; }

    /// <summary>Gets the turn's counter, hooking it into the turn the first time.</summary>
    public static SendCounter For(ITurnContext turnContext)
    {
        if (turnContext.TurnState.Get<SendCounter>(TurnStateKey) is { } existing)
        {
            return existing;
        }

        // ITurnContext.Responded would also be true for anything sent before the validator ran (say, by an
        // interruption handler), and send handlers cannot be removed, so one counting handler per turn it is.
        var counter = new SendCounter();
        turnContext.TurnState.Set(TurnStateKey, counter);
        turnContext.OnSendActivities(async (_, activities, next) =>
        {
            var responses = await next();
            counter.Count += activities.Count(a => a.Type != ActivityTypes.Trace);
            return responses;
        });
        return counter;
    }
}

/// <summary>Reads what a prompt on the stack is waiting for, e.g. so an interruption hook can treat optional questions differently.</summary>
public static class PromptState
{
    /// <summary>Options read from a stack entry, by the saved JSON they were read from (which lives as long as the turn's loaded state).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JObject, PromptOptions> Read = [];

    /// <summary>
    /// The options a prompt's stack entry was begun with, or null when the entry is not a prompt's. Interruption hooks ask
    /// for them on every message, some twice: the saved JSON is read once, and the same options are handed back for it
    /// until the prompt is begun again, so treat them as read-only.
    /// </summary>
    /// <param name="instance">A stack entry.</param>
    public static PromptOptions? OptionsOf(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.State?[Prompt<object>.OptionsKey] is JObject options
            ? Read.GetValue(options, saved => saved.ToObject<PromptOptions>(StateJson.Serializer)!)
            : null;
    }
}
