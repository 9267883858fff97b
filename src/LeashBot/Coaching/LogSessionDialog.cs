using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

public sealed class LogSessionOptions
{
    public string CatName { get; set; } = "";

    /// <summary>The owner's report, e.g. "we did 10 minutes today, she was relaxed": what it already says isn't asked again.</summary>
    public string? Text { get; set; }

    /// <summary>Questions asked beside the report ("… whats next"), routed once the session is logged.</summary>
    public string? Then { get; set; }

    /// <summary>The next cat of a several-cat report still to ask about ("did mochi and bean 4 min each"), once this one is logged.</summary>
    public LogSessionOptions? Next { get; set; }

    /// <summary>Cats of the same report ready to move on, asked about once every cat is logged.</summary>
    public StepOfferOptions? Offer { get; set; }
}

public sealed class LogSessionValues
{
    public string CatName { get; set; } = "";
    public double? Minutes { get; set; }
    public Mood? Mood { get; set; }

    /// <summary>The length was asked for, so the reply to that question may also say how it went.</summary>
    public bool LengthAsked { get; set; }
}

/// <summary>
/// Logs a training session: how long and how the cat seemed, then what it means for the step. A session that meets
/// the step's goal asks before moving the cat on, unless the report already said to move on or to stay.
/// </summary>
public sealed partial class LogSessionDialog : WaterfallDialog<LogSessionValues>
{
    public const string DialogId = "plan.log";

    private readonly Replies _replies;
    private readonly BotAccessors _state;
    private readonly MessageReader _reader;
    private readonly ProgressLedger _ledger;
    private readonly StepChanges _stepChanges;

    public LogSessionDialog(Replies replies, BotAccessors state, MessageReader reader, TextRecognizers text, ProgressLedger ledger, StepChanges stepChanges)
        : base(DialogId)
    {
        ArgumentNullException.ThrowIfNull(text);
        _replies = replies;
        _state = state;
        _reader = reader;
        _ledger = ledger;
        _stepChanges = stepChanges;
        AddStep(AskDurationAsync);
        AddStep(AskMoodAsync);
        AddStep(LogAsync);
    }

    /// <summary>
    /// A length, or a number among the words people hedge it with ("idk like 5?", "maybe 5ish": reading.json
    /// lengthHedges), which is minutes as a bare number is.
    /// </summary>
    public static PromptValidator<TimeSpan> ValidateDuration(TextRecognizers recognizers, PhraseList hedges) =>
        (prompt, cancellationToken) =>
        {
            if (!prompt.Recognized.Succeeded && prompt.Context.Activity.Text is { Length: > 0 } text
                && recognizers.RecognizeDuration(hedges.Without(NumberThenSuffix().Replace(text, "$1 $2"))) is { } hedged)
            {
                prompt.Recognized.Succeeded = true;
                prompt.Recognized.Value = hedged;
            }

            return Task.FromResult(prompt.Recognized.Succeeded && IsSensible(prompt.Recognized.Value));
        };

    /// <summary>"5ish": a number run into a word after it.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(\d)([a-z]{2,})\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NumberThenSuffix();

    private static bool IsSensible(TimeSpan duration) => duration > TimeSpan.Zero && duration.TotalMinutes <= TrainingPlan.LongestSessionMinutes;

    /// <summary>
    /// The mood question takes a mood the reply describes (with negation: "not relaxed at all" is not relaxed)
    /// or a tapped button; anything else ("what?? i didnt do anything") is asked again with the buttons.
    /// </summary>
    public static PromptValidator<FoundChoice> ValidateMoodAsync(MessageReader reader, BotAccessors state) =>
        async (prompt, ct) =>
        {
            var owner = await state.OwnerAsync(prompt.Context, ct);
            var reading = reader.Read(prompt.Context, prompt.Context.Activity.Text ?? "", owner);
            return reading.Mood is not null || (prompt.Recognized.Succeeded && prompt.Recognized.Value is { Score: >= 1.0 });
        };

    private async Task<DialogTurnResult> AskDurationAsync(WaterfallStepContext<LogSessionValues> step, CancellationToken cancellationToken)
    {
        var options = step.GetOptions<LogSessionOptions>() ?? new LogSessionOptions();
        step.Values.CatName = options.CatName;
        var owner = await _state.OwnerAsync(step.Context, cancellationToken);
        var reading = options.Text is null ? null : _reader.Read(step.Context, options.Text, owner);
        step.Values.Mood = reading?.Mood?.Mood;
        if (reading?.Duration is { } duration && IsSensible(duration))
        {
            return await step.NextAsync(duration, cancellationToken);
        }

        var cat = options.CatName;
        step.Values.LengthAsked = true;
        return await step.PromptAsync(Prompts.Duration, new PromptOptions
        {
            MaxAttempts = Prompts.Attempts,
            Prompt = _replies.Ask(c => c.Plan.AskHowLong, ("cat", cat)),
            RetryPrompt = _replies.Ask(c => c.Plan.AskHowLongRetry, ("cat", cat)),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskMoodAsync(WaterfallStepContext<LogSessionValues> step, CancellationToken cancellationToken)
    {
        var duration = step.GetResult<TimeSpan?>();
        if (duration is null)
        {
            await _replies.SayAsync(step.Context, c => c.Messages.GaveUp, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        step.Values.Minutes = duration.Value.TotalMinutes;

        // "we did 10 min, she was not relaxed" as the answer to "how long?" already says how it went.
        if (step.Values.Mood is null && step.Values.LengthAsked && step.Context.Activity.Text is { Length: > 0 } answer)
        {
            var owner = await _state.OwnerAsync(step.Context, cancellationToken);
            step.Values.Mood = _reader.Read(step.Context, answer, owner).Mood?.Mood;
        }

        if (step.Values.Mood is { } mood)
        {
            return await step.NextAsync(null, cancellationToken);
        }

        var plan = _replies.Content.Plan;
        return await step.PromptAsync(Prompts.Mood, new PromptOptions
        {
            MaxAttempts = Prompts.Attempts,
            Prompt = _replies.Ask(c => c.Plan.AskHowItWent, ("cat", step.Values.CatName)),
            RetryPrompt = _replies.Ask(c => c.Messages.ChoiceRetry),
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
        // What the reply says wins over the button it resembles: "not relaxed" must not pick "Relaxed".
        // "biscuit hated it, pepper was fine" when Pepper's mood is asked: the words said of Pepper answer it.
        var owner = await _state.OwnerAsync(step.Context, cancellationToken);
        var said = step.Context.Activity.Text ?? "";
        var own = CatParts.Of(said, owner.Cats, _replies.Content.Reading.NameListJoins).Where(p => p.Cat.Name == step.Values.CatName).Select(p => p.Text).FirstOrDefault();
        var mood = step.Values.Mood
            ?? (own is null ? null : _reader.Read(step.Context, own, owner).Mood?.Mood)
            ?? _reader.Read(step.Context, said, owner).Mood?.Mood
            ?? (step.GetResult<FoundChoice>() is { } picked ? (Mood)picked.Index : null);
        if (mood is null)
        {
            await _replies.SayAsync(step.Context, c => c.Messages.GaveUp, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        var cat = owner.FindCat(step.Values.CatName);
        var options = step.GetOptions<LogSessionOptions>();
        var offer = options?.Offer;
        if (cat is not null && step.Values.Minutes is { } minutes)
        {
            var change = ProgressLedger.Begin(owner, ChangeKind.SessionLogged);
            var result = _ledger.LogSession(change, cat, minutes, mood.Value);

            // "log that but keep him on 4", "20 min relaxed, move her on": the report says what the owner wants.
            var wish = _stepChanges.Read(options?.Text ?? "");
            if (await _stepChanges.AfterSessionAsync(step.Context, change, cat, minutes, result, wish, cancellationToken) is { } ready)
            {
                offer ??= new StepOfferOptions { MovesOn = ready.MovesOn };
                offer.Cats.AddRange(ready.Cats);
                offer.Steps.AddRange(ready.Steps);
            }
        }

        // The next cat of the same report is asked about before any move on is.
        if (options?.Next is { } next)
        {
            next.Offer = offer;
            next.Then ??= options.Then;
            return await step.ReplaceDialogAsync(DialogId, next, cancellationToken);
        }

        if (offer is { Cats.Count: > 0 })
        {
            return await step.ReplaceDialogAsync(StepOfferDialog.DialogId, offer, cancellationToken);
        }

        // The question beside the report is answered after it, as a message of its own.
        return step.GetOptions<LogSessionOptions>()?.Then is { Length: > 0 } then
            ? await step.EndDialogAsync(new RouteOptions { Text = then }, cancellationToken)
            : await step.EndDialogAsync(null, cancellationToken);
    }
}
