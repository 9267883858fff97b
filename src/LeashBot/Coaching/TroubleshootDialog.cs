using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

public sealed class TroubleshootOptions
{
    /// <summary>The struggle already recognized in the owner's message; null asks which one.</summary>
    public string? StruggleId { get; set; }
}

public sealed class TroubleshootValues
{
    public string? StruggleId { get; set; }
}

/// <summary>A walk went wrong: why it happens and what to do, then "did that help?", then another idea or a step back.</summary>
public sealed class TroubleshootDialog : WaterfallDialog<TroubleshootValues>
{
    public const string DialogId = "troubleshoot";

    private readonly Replies _replies;
    private readonly BotAccessors _state;
    private readonly StepChanges _stepChanges;
    private readonly PhraseList _hedges;
    private readonly AnswerMemory _memory;

    public TroubleshootDialog(Replies replies, BotAccessors state, StepChanges stepChanges)
        : base(DialogId)
    {
        ArgumentNullException.ThrowIfNull(replies);
        _replies = replies;
        _hedges = new(replies.Content.Reading.Hedges);
        _state = state;
        _memory = new AnswerMemory(state, replies);
        _stepChanges = stepChanges;
        AddStep(PickAsync);
        AddStep(AdviseAsync);
        AddStep(FollowUpAsync);
        AddStep(StepBackAsync);
    }

    /// <summary>
    /// Why the struggle happens and what to do, pointing at the cat's current step when it has one. A struggle at a
    /// place that belongs to a later step ("he freezes at the front door" at step 4) says that part comes later and
    /// what to do at the current step instead.
    /// </summary>
    public static Task SendAdviceAsync(Replies replies, ITurnContext turn, string struggleId, CatProfile? cat, string? message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var content = replies.Content;
        var struggle = content.Troubleshooting.Struggles.Find(s => s.Id == struggleId);
        if (struggle is null)
        {
            return Task.CompletedTask;
        }

        var lines = new List<string> { replies.Cat(struggle.Why, cat) + " " + replies.Cat(struggle.WhatToDo, cat) };

        // "she slipped out and is under a car rn": what to do this minute comes before why it happens.
        if (struggle.RightNow is { } rightNow && message is not null && new PhraseList(content.Reading.HappeningNow).IsIn(PhraseList.Words(message)))
        {
            lines.Insert(0, replies.Cat(rightNow, cat));
        }

        if (cat is not null && replies.LaterStepNote(cat, message) is { } later)
        {
            lines.Add(later);
        }
        else if (cat is { Finished: false, Sessions.Count: > 0 })
        {
            lines.Add(replies.StepText(content.Troubleshooting.StepAtCurrent, cat, content.Step(cat.Step)));
        }

        return replies.SendAsync(turn, lines, cancellationToken);
    }

    private async Task<DialogTurnResult> PickAsync(WaterfallStepContext<TroubleshootValues> step, CancellationToken cancellationToken)
    {
        var options = step.GetOptions<TroubleshootOptions>() ?? new TroubleshootOptions();
        if (options.StruggleId is not null)
        {
            return await step.NextAsync(options.StruggleId, cancellationToken);
        }

        var struggles = _replies.Content.Troubleshooting.Struggles.Select(s => s.Title);
        return await step.PromptAsync(Prompts.Choice, _replies.PickOne(c => c.Troubleshooting.PickStruggle, struggles), cancellationToken);
    }

    private async Task<DialogTurnResult> AdviseAsync(WaterfallStepContext<TroubleshootValues> step, CancellationToken cancellationToken)
    {
        var struggles = _replies.Content.Troubleshooting.Struggles;
        var struggleId = step.Result switch
        {
            FoundChoice picked => struggles[picked.Index].Id,
            string id => id,
            _ => null,
        };
        if (struggleId is null || struggles.Find(s => s.Id == struggleId) is null)
        {
            await _replies.SayAsync(step.Context, c => c.Messages.GaveUp, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        step.Values.StruggleId = struggleId;
        var owner = await _state.OwnerAsync(step.Context, cancellationToken);

        // "hes not slipping out of anything tho": advice given a moment ago isn't sent again, nor "did that help?" about it.
        if (await _memory.SayOnceAsync(step.Context, () => SendAdviceAsync(_replies, step.Context, struggleId, owner.Current, step.Context.Activity.Text, cancellationToken), cancellationToken) == Answered.Repeated)
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        return await step.PromptAsync(Prompts.Confirm, _replies.OptionalYesNo(_replies.Text(c => c.Troubleshooting.DidThatHelp)), cancellationToken);
    }

    private async Task<DialogTurnResult> FollowUpAsync(WaterfallStepContext<TroubleshootValues> step, CancellationToken cancellationToken)
    {
        var content = _replies.Content.Troubleshooting;
        var helped = step.GetResult<bool?>();
        if (helped is null)
        {
            return await Router.HandBackAsync(step, cancellationToken);
        }

        // "kinda", "a bit": half a yes gets another idea, like a no.
        var helpedFully = helped.Value && !_hedges.IsIn(PhraseList.Words(step.Context.Activity.Text ?? ""));
        TurnEvents.Note(step.Context, new TurnEvent(TurnEventKind.Helped) { Topic = step.Values.StruggleId, Helped = helpedFully });
        if (helpedFully)
        {
            await _replies.SayAsync(step.Context, c => c.Troubleshooting.GladItHelped, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        var owner = await _state.OwnerAsync(step.Context, cancellationToken);
        var cat = owner.Current;
        var struggle = content.Struggles.Find(s => s.Id == step.Values.StruggleId);
        await _replies.SendAsync(step.Context, _replies.Cat(struggle?.AnotherIdea ?? content.BodyLanguage, cat), cancellationToken);
        if (cat is null || cat.Step <= 1)
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        return await step.PromptAsync(Prompts.Confirm, _replies.OptionalYesNo(_replies.Text(c => c.Troubleshooting.StepBackOffer, cat)), cancellationToken);
    }

    private async Task<DialogTurnResult> StepBackAsync(WaterfallStepContext<TroubleshootValues> step, CancellationToken cancellationToken)
    {
        var stepBack = step.GetResult<bool?>();
        if (stepBack is null)
        {
            return await Router.HandBackAsync(step, cancellationToken);
        }

        // The step back was offered as a question: only this yes moves the cat.
        var owner = await _state.OwnerAsync(step.Context, cancellationToken);
        var cat = owner.Current;
        if (cat is not null && stepBack.Value)
        {
            await _stepChanges.StepBackAsync(step.Context, owner, cat, cancellationToken);
        }
        else
        {
            await _replies.SayAsync(step.Context, c => c.Troubleshooting.StepBackDeclined, cat, cancellationToken);
        }

        return await step.EndDialogAsync(null, cancellationToken);
    }
}
