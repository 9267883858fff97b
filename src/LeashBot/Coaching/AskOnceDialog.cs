namespace LeashBot.Coaching;

/// <summary>
/// A change asked about once with a yes/no question ("Take Eating off your list?", "Start over?"): yes makes it, no
/// leaves everything as it was, and a reply that is neither is taken as a new message. Each dialog says what it asks
/// (or that there is nothing to ask), how it reads the reply when not as the prompt did, and what yes and no do.
/// </summary>
/// <typeparam name="TValues">What the dialog keeps between the question and the answer.</typeparam>
public abstract class AskOnceDialog<TValues> : WaterfallDialog<TValues>
    where TValues : class, new()
{
    protected AskOnceDialog(string dialogId, Replies replies)
        : base(dialogId)
    {
        ArgumentNullException.ThrowIfNull(replies);
        Replies = replies;
        AddStep(async (step, ct) => await QuestionAsync(step, ct) is { } question
            ? await step.PromptAsync(Prompts.Confirm, replies.OptionalYesNo(question), ct)
            : await NothingToAskAsync(step, ct));
        AddStep(async (step, ct) => AnswerIn(step) switch
        {
            true => await YesAsync(step, ct),
            false => await NoAsync(step, ct),
            null => await Router.HandBackAsync(step, ct),
        });
    }

    protected Replies Replies { get; }

    /// <summary>The question to ask, or null when there is nothing to ask.</summary>
    protected abstract Task<string?> QuestionAsync(WaterfallStepContext<TValues> step, CancellationToken cancellationToken);

    /// <summary>What happens when there is nothing to ask: the dialog ends.</summary>
    protected virtual Task<DialogTurnResult> NothingToAskAsync(WaterfallStepContext<TValues> step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>The reply's answer: yes (true), no (false) or neither (null); the prompt's reading unless a dialog reads it its own way.</summary>
    protected virtual bool? AnswerIn(WaterfallStepContext<TValues> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.GetResult<bool?>();
    }

    protected abstract Task<DialogTurnResult> YesAsync(WaterfallStepContext<TValues> step, CancellationToken cancellationToken);

    protected abstract Task<DialogTurnResult> NoAsync(WaterfallStepContext<TValues> step, CancellationToken cancellationToken);
}
