namespace LeashBot.Dialogs;

/// <summary>
/// What one waterfall step sees: the waterfall's options, the previous step's result and the typed values.
/// It is also a <see cref="DialogContext"/> over the same stack, so a step can begin children and prompts.
/// </summary>
/// <typeparam name="TValues">The waterfall's values type.</typeparam>
public class WaterfallStepContext<TValues> : DialogContext
    where TValues : class, new()
{
    private readonly WaterfallDialog<TValues> _waterfall;
    private readonly DialogContext _dc;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog<TValues> waterfall, DialogContext dc, int index, DialogReason reason, object? options, object? result, TValues values)
        : base(dc)
    {
        _waterfall = waterfall;
        _dc = dc;
        Index = index;
        Reason = reason;
        Options = options;
        Result = result;
        Values = values;
    }

    /// <summary>Gets the zero-based index of the running step.</summary>
    public int Index { get; }

    /// <summary>Gets why the step is running.</summary>
    public DialogReason Reason { get; }

    /// <summary>
    /// Gets the options the waterfall was begun with, in their saved JSON form (a <c>JToken</c>), or null.
    /// Use <see cref="GetOptions{T}"/> to read them as a type.
    /// </summary>
    public object? Options { get; }

    /// <summary>
    /// Gets the previous step's outcome: a prompt's or child dialog's result, the user's text when the step
    /// waited with <see cref="Dialog.EndOfTurn"/>, or what was passed to <see cref="NextAsync"/>.
    /// </summary>
    public object? Result { get; }

    /// <summary>Gets the waterfall's typed values; changes are saved after the step.</summary>
    public TValues Values { get; }

    /// <summary>Reads <see cref="Options"/> as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The options type.</typeparam>
    /// <returns>The options, or <c>default</c> when there are none or they do not fit the type.</returns>
    public T? GetOptions<T>() => StateJson.ConvertOrDefault<T>(Options);

    /// <summary>
    /// Reads <see cref="Result"/> as <typeparamref name="T"/>, converting saved forms (Int64 to int, JSON to objects)
    /// and never throwing for a value of the wrong type. Ask for a nullable type (<c>GetResult&lt;double?&gt;()</c>)
    /// to tell "no result", such as a prompt that gave up, from a zero.
    /// </summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <returns>The result, or <c>default</c> when there is none or it does not fit the type.</returns>
    public T? GetResult<T>() => StateJson.ConvertOrDefault<T>(Result);

    /// <summary>Skips to the next step at once, handing it <paramref name="result"/>. Call it at most once per step.</summary>
    /// <param name="result">The next step's <see cref="Result"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The next step's turn result.</returns>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException(
                $"NextAsync was already called in step {Index} of waterfall '{_waterfall.Id}'. Call it once and return its result.");
        }

        _nextCalled = true;
        if (ActiveDialog is { } instance)
        {
            WaterfallDialog<TValues>.SaveValues(instance, Values);
        }

        return _waterfall.ResumeDialogAsync(_dc, DialogReason.NextCalled, result, cancellationToken);
    }
}
