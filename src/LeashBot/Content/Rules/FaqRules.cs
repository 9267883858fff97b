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

        var ids = c.Answers.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (focus, i) in c.Focused.Select((f, i) => (f, i)))
        {
            foreach (var topic in focus.Topics.Where(t => !ids.Contains(t)))
            {
                yield return new($"focused[{i}].topics", $"'{topic}' is not an answer's id.");
            }
        }

        foreach (var dup in ContentRules.Duplicates(c.Focused.Select(f => f.Id)))
        {
            yield return new("focused", $"the id '{dup}' is used twice.");
        }

        if (c.Stories.Count == 0)
        {
            yield return new("stories", "there must be at least one story.");
        }
    }
}
