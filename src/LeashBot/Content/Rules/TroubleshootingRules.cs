namespace LeashBot.Content.Rules;

/// <summary>The rules of dialogs/troubleshooting.json beyond its shape. Paths are JSON paths into the file.</summary>
internal static class TroubleshootingRules
{
    public static IEnumerable<ContentProblem> Check(TroubleshootingContent c) =>
        ContentRules.SomeWithUniqueIds("struggles", "struggle", c.Struggles.Select(s => s.Id));
}
