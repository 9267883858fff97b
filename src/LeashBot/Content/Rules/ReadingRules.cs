namespace LeashBot.Content.Rules;

/// <summary>The rules of dialogs/reading.json beyond its shape. Paths are JSON paths into the file.</summary>
internal static class ReadingRules
{
    public static IEnumerable<ContentProblem> Check(ReadingContent c)
    {
        if (c.NegationReach is < 1 or > 6)
        {
            yield return new("negationReach", "must be between 1 and 6 words.");
        }

        foreach (var dup in ContentRules.Duplicates(c.Languages.Select(l => l.Code)))
        {
            yield return new("languages", $"the language '{dup}' is listed twice.");
        }

        foreach (var (list, name) in new[] { (c.NameLeadIns, "nameLeadIns"), (c.NonNames, "nonNames"), (c.Negations, "negations") })
        {
            if (list.Count == 0 || list.Any(string.IsNullOrWhiteSpace))
            {
                yield return new(name, "needs at least one entry and no empty ones.");
            }
        }
    }
}
