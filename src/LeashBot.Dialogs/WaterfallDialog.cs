using System.Runtime.CompilerServices;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeashBot.Dialogs;

/// <summary>One step of a waterfall.</summary>
/// <typeparam name="TValues">The waterfall's typed values, saved between turns.</typeparam>
/// <param name="stepContext">The step's context: options, previous result, values.</param>
/// <param name="cancellationToken">Cancels the operation.</param>
/// <returns>Usually <see cref="Dialog.EndOfTurn"/> after sending something, a prompt's or child's turn result, or <see cref="WaterfallStepContext{TValues}.NextAsync"/>.</returns>
public delegate Task<DialogTurnResult> WaterfallStep<TValues>(WaterfallStepContext<TValues> stepContext, CancellationToken cancellationToken)
    where TValues : class, new();

/// <summary>Values type for waterfalls that keep nothing between steps.</summary>
public sealed class NoValues;

/// <summary>
/// A dialog made of steps run in order: each step usually asks something (a prompt or child dialog) and the
/// next step receives the answer in <see cref="WaterfallStepContext{TValues}.Result"/>. Data gathered along the
/// way lives in <see cref="WaterfallStepContext{TValues}.Values"/>, an instance of <typeparamref name="TValues"/>
/// saved as JSON in the stack entry after every step. When the last step has run, the waterfall ends with the
/// last step's result.
/// </summary>
/// <typeparam name="TValues">Plain, JSON-serializable data the waterfall keeps between turns.</typeparam>
public class WaterfallDialog<TValues> : Dialog
    where TValues : class, new()
{
    private const string StepIndexKey = "stepIndex";
    private const string OptionsKey = "options";
    internal const string ValuesKey = "values";

    private readonly List<WaterfallStep<TValues>> _steps = [];

    // Steps of one turn can run inside each other (a step begins a child that ends at once, which runs the next
    // step before the first one has returned). Sharing one live Values object per stack entry keeps them from
    // reading stale JSON or overwriting each other; entries are per turn, so the table forgets them afterwards.
    private readonly ConditionalWeakTable<DialogInstance, TValues> _liveValues = [];

    /// <summary>Initializes a waterfall.</summary>
    /// <param name="id">The dialog id.</param>
    /// <param name="steps">The steps in order; more can be added with <see cref="AddStep"/>.</param>
    public WaterfallDialog(string id, IEnumerable<WaterfallStep<TValues>>? steps = null)
        : base(id)
    {
        foreach (var step in steps ?? [])
        {
            AddStep(step);
        }
    }

    /// <summary>
    /// Gets the part of <see cref="Version"/> the developer controls. The step count is added automatically;
    /// set a new revision when a step's meaning changes without the count changing.
    /// </summary>
    public string Revision { get; init; } = "1";

    /// <summary>Gets the number of steps.</summary>
    public int StepCount => _steps.Count;

    /// <inheritdoc/>
    public override string Version => $"{Revision}.{_steps.Count}";

    /// <summary>Appends a step.</summary>
    /// <param name="step">The step.</param>
    /// <returns>This waterfall, for chaining.</returns>
    public WaterfallDialog<TValues> AddStep(WaterfallStep<TValues> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _steps.Add(step);
        return this;
    }

    /// <inheritdoc/>
    /// <remarks><paramref name="options"/> is saved as JSON, so it must be plain data.</remarks>
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog ?? throw new InvalidOperationException("Begin a waterfall with DialogContext.BeginDialogAsync, which pushes its stack entry first.");

        JToken? savedOptions;
        try
        {
            savedOptions = StateJson.ToToken(options);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException(
                $"The options for waterfall '{Id}' could not be saved as JSON. Pass plain data (no delegates, services or cycles): they are stored with the dialog stack.",
                nameof(options),
                ex);
        }

        instance.State[OptionsKey] = savedOptions;
        instance.State[StepIndexKey] = -1;
        _liveValues.AddOrUpdate(instance, new TValues());
        return await RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>The user's text becomes the next step's result; activities other than messages are ignored.</remarks>
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Context.Activity?.Type != Microsoft.Bot.Schema.ActivityTypes.Message)
        {
            return Task.FromResult(EndOfTurn);
        }

        return ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog ?? throw new InvalidOperationException($"Waterfall '{Id}' was resumed on an empty stack.");
        var index = instance.State[StepIndexKey]?.Type == JTokenType.Integer ? instance.State.Value<int>(StepIndexKey) : -1;
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    /// <summary>Runs one step; the step context calls this again for <see cref="WaterfallStepContext{TValues}.NextAsync"/>.</summary>
    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken);
        }

        var instance = dc.ActiveDialog!;
        instance.State[StepIndexKey] = index;
        var values = _liveValues.GetValue(instance, LoadValues);
        var stepContext = new WaterfallStepContext<TValues>(this, dc, index, reason, instance.State[OptionsKey], result, values);

        DialogTurnResult? turnResult;
        try
        {
            turnResult = await _steps[index](stepContext, cancellationToken);
        }
        finally
        {
            SaveValues(instance, values);
        }

        return turnResult ?? throw new InvalidOperationException(
            $"Step {index} of waterfall '{Id}' returned null. Return a DialogTurnResult: Dialog.EndOfTurn, a prompt's or child's result, or await stepContext.NextAsync().");
    }

    /// <summary>Saves the values now, so that anything run before the step returns reads the current data.</summary>
    internal static void SaveValues(DialogInstance instance, TValues values) =>
        instance.State[ValuesKey] = JObject.FromObject(values, StateJson.Serializer);

    private TValues LoadValues(DialogInstance instance)
    {
        if (instance.State[ValuesKey] is not JObject saved)
        {
            return new TValues();
        }

        try
        {
            return saved.ToObject<TValues>(StateJson.Serializer) ?? new TValues();
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException(
                $"The saved values of waterfall '{Id}' no longer fit {typeof(TValues).Name}. "
                + "When the values type changes incompatibly, set a new Revision on the waterfall so saved conversations are discarded.",
                ex);
        }
    }
}

/// <summary>A waterfall that keeps no typed values.</summary>
/// <param name="id">The dialog id.</param>
/// <param name="steps">The steps in order.</param>
public class WaterfallDialog(string id, IEnumerable<WaterfallStep<NoValues>>? steps = null)
    : WaterfallDialog<NoValues>(id, steps);

/// <summary>What a waiting waterfall has gathered so far, to correct it from outside (an owner's correction mid-flow).</summary>
public static class WaterfallValues
{
    /// <summary>The values saved on a waterfall's stack entry; null when it has none yet.</summary>
    /// <typeparam name="TValues">The waterfall's values type.</typeparam>
    /// <param name="instance">The waterfall's stack entry.</param>
    /// <returns>A copy of the saved values.</returns>
    public static TValues? Of<TValues>(DialogInstance instance)
        where TValues : class, new()
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.State[WaterfallDialog<TValues>.ValuesKey] is JObject saved ? saved.ToObject<TValues>(StateJson.Serializer) : null;
    }

    /// <summary>Saves corrected values on a waiting waterfall's stack entry; its next step reads them.</summary>
    /// <typeparam name="TValues">The waterfall's values type.</typeparam>
    /// <param name="instance">The waterfall's stack entry.</param>
    /// <param name="values">The corrected values.</param>
    public static void Save<TValues>(DialogInstance instance, TValues values)
        where TValues : class, new()
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(values);
        WaterfallDialog<TValues>.SaveValues(instance, values);
    }
}
