namespace LeashBot.Content.Rules;

/// <summary>The rules of dialogs/faq.json beyond its shape. Paths are JSON paths into the file.</summary>
internal static class FaqRules
{
    public static IEnumerable<ContentProblem> Check(FaqContent c)
    {
        foreach (var dup in ContentRules.Duplicates(c.Answers.Select(a => a.Id).Concat(c.Stories.Select(s => s.Id))))
        {
            yield return new("answers", $"the id '{dup}' is used twice.");
        }

        if (c.Stories.Count == 0)
        {
            yield return new("stories", "there must be at least one story.");
        }
    }
}
