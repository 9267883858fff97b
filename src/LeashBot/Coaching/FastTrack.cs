using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>
/// Owners whose cat is further along than the plan thinks ("she's been walking on a harness for a year, skip the
/// basics", "can we skip to the going outside bit"): the step that fits what they say is offered through the usual
/// step question, with what it skips and a kind word that rushing can set training back. "skip to …" names the step
/// wanted; otherwise what the cat already does, matched against the steps' titles, is behind it, and the step after
/// the furthest one it matches fits. When nothing matches, the plan is shown with the cat's place and the owner picks.
/// </summary>
public sealed class FastTrack(Replies replies)
{
    private readonly PhraseList _skip = new(replies.Content.Reading.StepSkip);
    private readonly List<(int Number, HashSet<string> Stems)> _titles = [.. replies.Content.Plan.Steps.Select(s => (s.Number, Stems(s.Title)))];

    /// <summary>True when the words ask to skip ahead ("skip", "jump to", "straight to").</summary>
    public bool AsksToSkip(string[] tokens) => _skip.IsIn(tokens);

    /// <summary>Offers the step that fits, or shows the plan to pick from; <see cref="StepAnswer.None"/> when the cat is already there or past it.</summary>
    public async Task<StepAnswer> AnswerAsync(ITurnContext turn, MessageReading reading, CatProfile cat, string[] tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(cat);
        ArgumentNullException.ThrowIfNull(tokens);
        var skipAt = _skip.Find(tokens);
        var namesTarget = skipAt >= 0 && Array.IndexOf(tokens, "to", skipAt) is var to and >= 0 && to - skipAt <= 2;
        // "can we start further along": the words asking to skip name no step themselves.
        var told = skipAt >= 0 ? [.. tokens[..skipAt], .. tokens[(skipAt + _skip.LengthAt(tokens, skipAt))..]] : tokens;
        var wanted = reading.StepNumber ?? (namesTarget ? Furthest(tokens[(skipAt + 1)..]) : Furthest(told) + 1);
        var steps = replies.Content.Plan.Steps.Count;
        if (wanted is null)
        {
            // "skip her ahead, she's done all that": the plan, with where the cat is, and how to say which step fits.
            await replies.SendAsync(turn, [replies.PlanOverview(cat), replies.Text(c => c.Plan.FastTrackPick, cat)], cancellationToken);
            return StepAnswer.Done;
        }

        var target = Math.Min(wanted.Value, steps);
        if (target <= cat.Step || cat.Finished)
        {
            return StepAnswer.None;
        }

        if (target == cat.Step + 1)
        {
            await replies.NextAsync(turn, cat, cancellationToken);
            return StepAnswer.Done;
        }

        var step = replies.Content.Step(target);
        await replies.SendAsync(turn, replies.Fill(replies.Content.Plan.SkipAhead, ("cat", cat.Name), ("title", step.Title), ("step", Number(target)),
            ("first", Number(cat.Step)), ("next", Number(target - 1))), cancellationToken);
        return new StepAnswer(true, new StepOfferOptions { Cats = [cat.Name], Steps = [target], MovesOn = false });
    }

    /// <summary>"going outside on the balcony", "wears it round the house": the furthest step whose title shares a word with these; null if none does.</summary>
    private int? Furthest(string[] tokens)
    {
        var said = Stems(string.Join(' ', tokens));
        return _titles.Where(t => t.Stems.Overlaps(said)).Select(t => (int?)t.Number).Max();
    }

    private static HashSet<string> Stems(string text) =>
        [.. PhraseList.Words(text).Where(w => w.Length > 3).Select(EnglishStemmer.Stem)];

    private static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);
}
