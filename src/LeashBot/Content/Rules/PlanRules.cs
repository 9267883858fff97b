namespace LeashBot.Content.Rules;

/// <summary>The rules of dialogs/plan.json beyond its shape. Paths are JSON paths into the file.</summary>
internal static class PlanRules
{
    public static IEnumerable<ContentProblem> Check(PlanContent c)
    {
        if (c.Steps.Count != 10)
        {
            yield return new("steps", $"the plan has {c.Steps.Count} steps; it must have 10.");
        }

        for (var i = 0; i < c.Steps.Count; i++)
        {
            var step = c.Steps[i];
            if (step.Number != i + 1)
            {
                yield return new($"steps[{i}].number", $"is {step.Number}; steps must be numbered 1 to 10 in order, so this one should be {i + 1}.");
            }

            if (step.SessionMinutes is { } range && (range.Min < 1 || range.Max < range.Min))
            {
                yield return new($"steps[{i}].sessionMinutes", "min must be at least 1 and no more than max.");
            }
        }
    }
}
