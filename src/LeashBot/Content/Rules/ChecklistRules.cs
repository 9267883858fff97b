namespace LeashBot.Content.Rules;

/// <summary>The rules of dialogs/checklist.json beyond its shape. Paths are JSON paths into the file.</summary>
internal static class ChecklistRules
{
    public static IEnumerable<ContentProblem> Check(ChecklistContent c)
    {
        foreach (var problem in ContentRules.SomeWithUniqueIds("questions", "question", c.Questions.Select(q => q.Id)))
        {
            yield return problem;
        }

        if (c.ReadyThreshold < 1 || c.ReadyThreshold > c.Questions.Count)
        {
            yield return new("readyThreshold", $"must be between 1 and the number of questions ({c.Questions.Count}).");
        }

        if (!c.Questions.Any(q => q.Id == "healthy"))
        {
            yield return new("questions", "one question must have the id 'healthy': a 'no' there sends the owner to their vet first.");
        }
    }
}
