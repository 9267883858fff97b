using System.Globalization;
using LeashBot.Content;
using LeashBot.State;
using LeashBot.Understanding;
using Microsoft.Bot.Builder;

namespace LeashBot.Coaching;

/// <summary>
/// Owners who are ahead of the plan or want to jump: "step 1 is done" moves on when the step's goal is the
/// owner's word (getting the gear) and says what moving on needs otherwise; "she's already on step 8, set her
/// to step 8" puts the cat there and says what that skips; "can i skip to going outside?" kindly names the steps
/// that come first, because rushing is what causes setbacks.
/// </summary>
public sealed class StepChanges(Replies replies, TimeProvider clock)
{
    /// <summary>A step change is said in a sentence or two; a longer message is about something else.</summary>
    private const int LongestStepChange = 20;

    private readonly PhraseList _done = new(replies.Content.Reading.StepDone);
    private readonly PhraseList _set = new(replies.Content.Reading.StepSet);
    private readonly PhraseList _skip = new(replies.Content.Reading.StepSkip);
    private readonly HashSet<string> _negations = [.. replies.Content.Reading.Negations.Select(n => n.ToLowerInvariant())];

    /// <summary>Answers a step change for the cat the message is about; false when the message isn't one.</summary>
    public async Task<bool> AnswerAsync(ITurnContext turn, MessageReading reading, CatProfile? cat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (cat is null || reading.WordCount > LongestStepChange || reading.Command != Command.None)
        {
            return false;
        }

        var tokens = PhraseList.Words(reading.Text);
        var steps = replies.Content.Plan.Steps;
        var asks = reading.Text.Contains('?', StringComparison.Ordinal);

        if (_skip.IsIn(tokens) && (reading.StepNumber ?? StepTitled(tokens, steps)) is { } wanted && wanted > cat.Step)
        {
            await SkipAheadAsync(turn, cat, wanted, cancellationToken);
            return true;
        }

        if (reading.StepNumber is { } number && !asks && _set.IsIn(tokens) && number != cat.Step)
        {
            await SetStepAsync(turn, cat, number, cancellationToken);
            return true;
        }

        // "step 1 is done", "we got the harness": done names the step, by number or by what it is about.
        if ((reading.StepNumber ?? StepTitled(tokens, steps)) == cat.Step && !cat.Finished && !asks && _done.IsIn(tokens)
            && !tokens.Any(_negations.Contains) && reading.Duration is null && reading.Social != SocialAct.Goodbye)
        {
            await StepDoneAsync(turn, cat, cancellationToken);
            return true;
        }

        return false;
    }

    /// <summary>
    /// True when the cat moved to its step so recently that nothing was done there yet: "what's next?" then means
    /// this step, not the one after it.
    /// </summary>
    public bool JustArrived(CatProfile cat)
    {
        ArgumentNullException.ThrowIfNull(cat);
        return cat.Step > 1 && !cat.SessionsAtCurrentStep.Any() && clock.GetUtcNow() - cat.StepStarted < TimeSpan.FromHours(1);
    }

    private async Task StepDoneAsync(ITurnContext turn, CatProfile cat, CancellationToken cancellationToken)
    {
        var content = replies.Content;
        var step = content.Step(cat.Step);
        if (!step.DoneOnWord)
        {
            await replies.SendAsync(turn, replies.StepText(content.Plan.StepDoneNeedsRelaxed, cat, step), cancellationToken);
            return;
        }

        var done = cat.Step;
        MoveTo(cat, done + 1);
        await replies.SendAsync(turn, replies.Fill(replies.StepText(content.Plan.StepDoneOnWord, cat, content.Step(cat.Step)), ("first", Number(done))), cancellationToken);
    }

    private async Task SetStepAsync(ITurnContext turn, CatProfile cat, int number, CancellationToken cancellationToken)
    {
        var plan = replies.Content.Plan;
        var from = cat.Step;
        MoveTo(cat, number);
        var lines = new List<string> { replies.StepText(plan.StepSet, cat, replies.Content.Step(number)) };
        if (number > from + 1)
        {
            lines.Add(replies.Fill(replies.Text(c => number - 1 == from ? c.Plan.StepSetSkippedOne : c.Plan.StepSetSkipped, cat),
                ("first", Number(from)), ("next", Number(number - 1))));
        }

        await replies.SendAsync(turn, lines, cancellationToken);
    }

    private async Task SkipAheadAsync(ITurnContext turn, CatProfile cat, int wanted, CancellationToken cancellationToken)
    {
        var content = replies.Content;
        if (wanted == cat.Step + 1)
        {
            await replies.NextAsync(turn, cat, cancellationToken);
            return;
        }

                var target = content.Step(wanted);
        var text = replies.Fill(content.Plan.SkipAhead, ("cat", cat.Name), ("title", target.Title), ("step", Number(wanted)), ("first", Number(cat.Step)), ("next", Number(wanted - 1)));
        await replies.SendAsync(turn, text, cancellationToken);
        await replies.CurrentStepAsync(turn, cat, withIntro: false, cancellationToken);
    }

    private void MoveTo(CatProfile cat, int number)
    {
        cat.Step = Math.Clamp(number, 1, replies.Content.Plan.Steps.Count);
        cat.Finished = false;
        cat.StepStarted = clock.GetUtcNow();
    }

    /// <summary>"going outside on the balcony": the step whose title shares the most words with the message, if any does.</summary>
    private static int? StepTitled(string[] tokens, IReadOnlyList<PlanStep> steps)
    {
        var words = tokens.Where(t => t.Length > 3).ToHashSet(StringComparer.Ordinal);
        var best = steps.Select(s => (s.Number, Shared: PhraseList.Words(s.Title).Count(t => t.Length > 3 && words.Contains(t))))
            .Where(s => s.Shared > 0).OrderByDescending(s => s.Shared).ThenBy(s => s.Number).FirstOrDefault();
        return best.Shared > 0 ? best.Number : null;
    }

    private static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);
}
