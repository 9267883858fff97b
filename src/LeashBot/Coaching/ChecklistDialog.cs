using LeashBot.State;

namespace LeashBot.Coaching;

public sealed class ChecklistOptions
{
    public string CatName { get; set; } = "";

    /// <summary>The answers so far, in question order; the dialog replaces itself once per question.</summary>
    public List<bool> Answers { get; set; } = [];
}

public sealed class ChecklistValues
{
    public string CatName { get; set; } = "";
    public bool Ready { get; set; }
}

/// <summary>The readiness checklist: the article's questions one at a time, then a verdict stored for the cat.</summary>
public sealed class ChecklistDialog : WaterfallDialog<ChecklistValues>
{
    public const string DialogId = "checklist";

    private readonly Replies _replies;
    private readonly BotAccessors _state;
    private readonly TimeProvider _clock;

    public ChecklistDialog(Replies replies, BotAccessors state, TimeProvider clock)
        : base(DialogId)
    {
        _replies = replies;
        _state = state;
        _clock = clock;
        AddStep(AskAsync);
        AddStep(RecordAsync);
        AddStep(StartPlanAsync);
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext<ChecklistValues> step, CancellationToken cancellationToken)
    {
        var options = step.GetOptions<ChecklistOptions>() ?? new ChecklistOptions();
        var content = _replies.Content;
        var owner = await _state.OwnerAsync(step.Context, cancellationToken);
        var cat = owner.FindCat(options.CatName);
        if (cat is null)
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        if (options.Answers.Count == 0)
        {
            var intro = new List<string> { _replies.Text(c => c.Checklist.Intro, cat) };
            if (cat.Checklist is { } previous)
            {
                intro.Add(_replies.Text(c => c.Checklist.PreviousResult, ("cat", cat.Name),
                    ("verdict", previous.Ready ? content.Checklist.VerdictReady : content.Checklist.VerdictNotYet)));
            }

            await _replies.SendAsync(step.Context, intro, cancellationToken);
        }

        var question = content.Checklist.Questions[options.Answers.Count];
        return await step.PromptAsync(
            Prompts.Confirm,
            _replies.YesNo(_replies.Cat(question.Text, cat), _replies.Text(c => c.Messages.YesNoRetry) + " " + _replies.Cat(question.Text, cat)),
            cancellationToken);
    }

    private async Task<DialogTurnResult> RecordAsync(WaterfallStepContext<ChecklistValues> step, CancellationToken cancellationToken)
    {
        var options = step.GetOptions<ChecklistOptions>() ?? new ChecklistOptions();
        var answer = step.GetResult<bool?>();
        var content = _replies.Content;
        if (answer is null)
        {
            await _replies.SayAsync(step.Context, c => c.Messages.GaveUp, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        options.Answers.Add(answer.Value);
        if (options.Answers.Count < content.Checklist.Questions.Count)
        {
            return await step.ReplaceDialogAsync(DialogId, options, cancellationToken);
        }

        var owner = await _state.OwnerAsync(step.Context, cancellationToken);
        var cat = owner.FindCat(options.CatName);
        if (cat is null)
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        var questions = content.Checklist.Questions;
        var heldBack = questions.Where((_, i) => !options.Answers[i]).ToList();
        var ready = options.Answers.Count(a => a) >= content.Checklist.ReadyThreshold && !heldBack.Any(q => q.Id == "healthy");
        cat.Checklist = new ChecklistResult { At = _clock.GetUtcNow(), Ready = ready, HeldBackBy = heldBack.Select(q => q.Id).ToList() };

        if (ready)
        {
            step.Values.CatName = cat.Name;
            var verdict = new List<string> { _replies.Text(c => c.Checklist.Ready, cat) };
            if (heldBack.Count > 0)
            {
                // Most answers were yes, as the checklist asks; what was "no" is still worth naming.
                verdict.Add(_replies.Text(c => c.Checklist.ReadyWorkOn, ("cat", cat.Name), ("reasons", string.Join("; ", heldBack.Select(q => _replies.Cat(q.HeldBack, cat))))));
            }

            // A cat already training (past step 1, or with sessions logged) isn't offered the plan it is on.
            if (cat.Step > 1 || cat.Finished || cat.Sessions.Count > 0)
            {
                verdict.Add(_replies.StepText(content.Checklist.ReadyPlanRunning, cat, content.Step(cat.Step)));
                await _replies.SendAsync(step.Context, verdict, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            }

            await _replies.SendAsync(step.Context, verdict, cancellationToken);
            return await step.PromptAsync(Prompts.Confirm, _replies.OptionalYesNo(_replies.Text(c => c.Checklist.ReadyOfferPlan, cat)), cancellationToken);
        }

        var lines = new List<string>
        {
            _replies.Text(c => c.Checklist.NotYet, ("cat", cat.Name), ("reasons", string.Join("; ", heldBack.Select(q => _replies.Cat(q.HeldBack, cat))))),
        };
        if (heldBack.Any(q => q.Id == "healthy"))
        {
            lines.Add(_replies.Text(c => c.Checklist.HealthFirst, cat));
        }

        lines.Add(_replies.Text(c => c.Checklist.Alternatives, cat));
        await _replies.SendAsync(step.Context, lines, cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }

    private async Task<DialogTurnResult> StartPlanAsync(WaterfallStepContext<ChecklistValues> step, CancellationToken cancellationToken)
    {
        var start = step.GetResult<bool?>();
        if (start is null)
        {
            return await Router.HandBackAsync(step, cancellationToken);
        }

        var owner = await _state.OwnerAsync(step.Context, cancellationToken);
        var cat = owner.FindCat(step.Values.CatName);
        if (cat is not null && start.Value)
        {
            await _replies.CurrentStepAsync(step.Context, cat, withIntro: true, cancellationToken);
        }
        else
        {
            await _replies.SayAsync(step.Context, c => c.Messages.CatAddedNext, cat, cancellationToken);
        }

        return await step.EndDialogAsync(null, cancellationToken);
    }
}
