using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>Gear and safety questions from the menu: pick one, get the answer.</summary>
public sealed class FaqMenuDialog : WaterfallDialog<NoValues>
{
    public const string DialogId = "faq";

    public FaqMenuDialog(Replies replies)
        : base(DialogId)
    {
        AddStep(async (step, ct) =>
        {
            var questions = replies.Content.Faq.Answers.Select(a => a.Title);
            return await step.PromptAsync(Prompts.Choice, replies.PickOne(c => c.Faq.PickQuestion, questions), ct);
        });
        AddStep(async (step, ct) =>
        {
            if (step.GetResult<FoundChoice>() is { } picked)
            {
                await replies.FaqAsync(step.Context, replies.Content.Faq.Answers[picked.Index].Id, ct);
            }

            return await step.EndDialogAsync(null, ct);
        });
    }
}

/// <summary>
/// What the coaching dialog ends with once the owner confirmed "delete my data": the bot deletes the owner's profile
/// and this conversation when the turn ends, after the goodbye was sent and nothing is left to save.
/// </summary>
public sealed class ForgetMeRequest
{
}

/// <summary>
/// "Delete my data", confirmed first; ends with a <see cref="ForgetMeRequest"/> for the bot to carry out. Deleting
/// can't be undone, so only a yes said as a yes deletes: an "ok", "kinda" or "sure whatever" keeps everything.
/// </summary>
public sealed class ForgetMeDialog : WaterfallDialog<NoValues>
{
    public const string DialogId = "forgetMe";

    public ForgetMeDialog(Replies replies, AnswerReader answers)
        : base(DialogId)
    {
        AddStep(async (step, ct) =>
        {
            return await step.PromptAsync(Prompts.Confirm, replies.OptionalYesNo(replies.Text(c => c.Messages.ForgetMeConfirm)), ct);
        });
        AddStep(async (step, ct) =>
        {
            // The prompt took the reply as an answer or not (a button counts); what it says is read once.
            var confirmed = step.GetResult<bool?>();
            if (answers.ReadAnswer(step.Context.Activity.Text).IsPlainYes)
            {
                await replies.SayAsync(step.Context, c => c.Messages.ForgetMeDone, ct);
                return await step.EndDialogAsync(new ForgetMeRequest(), ct);
            }

            // Anything but a clear yes keeps the data; a reply that wasn't yes or no is then handled as a new message.
            await replies.SayAsync(step.Context, c => c.Messages.ForgetMeKept, ct);
            return confirmed is not false ? await Router.HandBackAsync(step, ct) : await step.EndDialogAsync(null, ct);
        });
    }
}

public sealed class DidYouMeanOptions
{
    public List<string> Topics { get; set; } = [];
    public string? Text { get; set; }

    /// <summary>Offered because the answer the owner asked for again was just given: the question says so.</summary>
    public bool AfterRepeat { get; set; }
}

/// <summary>Two topics came out close: ask which one was meant, with both as choices and a way out.</summary>
public sealed class DidYouMeanDialog : WaterfallDialog<NoValues>
{
    public const string DialogId = "didYouMean";

    public DidYouMeanDialog(Replies replies, Router router)
        : base(DialogId)
    {
        AddStep(async (step, ct) =>
        {
            var options = step.GetOptions<DidYouMeanOptions>() ?? new DidYouMeanOptions();
            var choices = options.Topics.Select(t => new Choice { Value = router.TitleOf(t) }).ToList();
            choices.Add(new Choice { Value = replies.Content.Messages.NoneOfThese });
            return await step.PromptAsync(Prompts.Choice, new PromptOptions
            {
                MaxAttempts = Prompts.Attempts,
                Prompt = replies.Ask(options.AfterRepeat ? c => c.Messages.Listening.RepeatDidYouMean : c => c.Messages.DidYouMean),
                Choices = choices,
                Optional = true,
            }, ct);
        });
        AddStep(async (step, ct) =>
        {
            var options = step.GetOptions<DidYouMeanOptions>() ?? new DidYouMeanOptions();
            if (step.GetResult<FoundChoice>() is { } picked && picked.Index < options.Topics.Count)
            {
                return await Router.ContinueWithAsync(step, new RouteOptions { TopicId = options.Topics[picked.Index], Text = options.Text }, ct);
            }

            if (step.GetResult<FoundChoice>() is null)
            {
                // The reply wasn't one of the choices: take it as a fresh message rather than drop it.
                return await Router.HandBackAsync(step, ct);
            }

            // "Something else": they know what they want, so they are asked for it in their own words.
            await replies.SayAsync(step.Context, c => c.Messages.Listening.AskWhatElse, ct);
            return await step.EndDialogAsync(null, ct);
        });
    }
}
