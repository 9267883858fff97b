using LeashBot.Dialogs;
using LeashBot.State;
using Microsoft.Bot.Builder;

namespace LeashBot.Coaching;

public sealed class LogSessionOptions
{
    public string CatName { get; set; } = "";

    /// <summary>The owner's report, e.g. "we did 10 minutes today, she was relaxed": what it already says isn't asked again.</summary>
    public string? Text { get; set; }
}

public sealed class LogSessionValues
{
    public string CatName { get; set; } = "";
    public double? Minutes { get; set; }
    public Mood? Mood { get; set; }
}

/// <summary>Logs a training session: how long and how the cat seemed, then moves the cat on or keeps it at its step.</summary>
public sealed class LogSessionDialog : WaterfallDialog<LogSessionValues>
{
    public const string DialogId = "plan.log";

    private readonly Replies _replies;
    private readonly BotAccessors _state;
    private readonly TextRecognizers _text;
    private readonly TimeProvider _clock;

    public LogSessionDialog(Replies replies, BotAccessors state, TextRecognizers text, TimeProvider clock)
        : base(DialogId)
    {
        _replies = replies;
        _state = state;
        _text = text;
        _clock = clock;
        AddStep(AskDurationAsync);
        AddStep(AskMoodAsync);
        AddStep(LogAsync);
    }

    public static Task<bool> ValidateDurationAsync(PromptValidatorContext<TimeSpan> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Recognized.Succeeded && IsSensible(prompt.Recognized.Value));

    private static bool IsSensible(TimeSpan duration) => duration > TimeSpan.Zero && duration.TotalMinutes <= TrainingPlan.LongestSessionMinutes;

    /// <summary>The mood a report describes, if it says: distress words win over calm ones.</summary>
    public static Mood? ReadMood(string? text, Content.MoodWords words)
    {
        var normalized = Phrases.Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        if (words.Stressed.Any(w => Phrases.ContainsPhrase(normalized, w)))
        {
            return Mood.Stressed;
        }

        if (words.Unsure.Any(w => Phrases.ContainsPhrase(normalized, w)))
        {
            return Mood.Unsure;
        }

        return words.Relaxed.Any(w => Phrases.ContainsPhrase(normalized, w)) ? Mood.Relaxed : null;
    }

    private async Task<DialogTurnResult> AskDurationAsync(WaterfallStepContext<LogSessionValues> step, CancellationToken cancellationToken)
    {
        var options = step.GetOptions<LogSessionOptions>() ?? new LogSessionOptions();
        var plan = _replies.Say.Content.Plan;
        step.Values.CatName = options.CatName;
        step.Values.Mood = ReadMood(options.Text, plan.MoodWords);
        var said = options.Text is null ? null : _text.RecognizeDuration(options.Text);
        if (said is { } duration && IsSensible(duration))
        {
            return await step.NextAsync(duration, cancellationToken);
        }

        var cat = options.CatName;
        return await step.PromptAsync(Prompts.Duration, new PromptOptions
        {
            Prompt = MessageFactory.Text(_replies.Say.Text(plan.AskHowLong, ("cat", cat))),
            RetryPrompt = MessageFactory.Text(_replies.Say.Text(plan.AskHowLongRetry, ("cat", cat))),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskMoodAsync(WaterfallStepContext<LogSessionValues> step, CancellationToken cancellationToken)
    {
        var duration = step.GetResult<TimeSpan?>();
        if (duration is null)
        {
            await _replies.SendAsync(step.Context, _replies.Say.Text(_replies.Say.Content.Messages.GaveUp), cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        step.Values.Minutes = duration.Value.TotalMinutes;
        if (step.Values.Mood is { } mood)
        {
            return await step.NextAsync(null, cancellationToken);
        }

        var plan = _replies.Say.Content.Plan;
        return await step.PromptAsync(Prompts.Choice, new PromptOptions
        {
            Prompt = MessageFactory.Text(_replies.Say.Text(plan.AskHowItWent, ("cat", step.Values.CatName))),
            RetryPrompt = MessageFactory.Text(_replies.Say.Text(_replies.Say.Content.Messages.ChoiceRetry)),
            Choices =
            [
                new Choice { Value = plan.Moods.Relaxed, Synonyms = plan.MoodWords.Relaxed },
                new Choice { Value = plan.Moods.Unsure, Synonyms = plan.MoodWords.Unsure },
                new Choice { Value = plan.Moods.Stressed, Synonyms = plan.MoodWords.Stressed },
            ],
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> LogAsync(WaterfallStepContext<LogSessionValues> step, CancellationToken cancellationToken)
    {
        var mood = step.Values.Mood;
        if (mood is null)
        {
            var picked = step.GetResult<FoundChoice>();
            if (picked is null)
            {
                await _replies.SendAsync(step.Context, _replies.Say.Text(_replies.Say.Content.Messages.GaveUp), cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            }

            mood = (Mood)picked.Index;
        }

        var owner = await _state.OwnerAsync(step.Context, cancellationToken);
        var cat = owner.FindCat(step.Values.CatName);
        if (cat is not null && step.Values.Minutes is { } minutes)
        {
            var result = TrainingPlan.LogSession(cat, _replies.Say.Content.Plan, minutes, mood.Value, _clock.GetUtcNow());
            await _replies.SessionOutcomeAsync(step.Context, cat, minutes, result, cancellationToken);
        }

        return await step.EndDialogAsync(null, cancellationToken);
    }
}
