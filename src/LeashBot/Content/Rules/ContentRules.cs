namespace LeashBot.Content.Rules;

/// <summary>
/// What the content loader checks in each file beyond its shape: one class of rules per file (<see cref="MessagesRules"/>,
/// <see cref="RedFlagRules"/>, ...), each a <c>Check</c> that yields <see cref="ContentProblem"/>s, and
/// <see cref="CrossFileRules"/> between files. What the rules share is here.
/// </summary>
internal static class ContentRules
{
    /// <summary>A list of things with ids (<paramref name="what"/>: "struggle", "question") has at least one, and no id twice.</summary>
    public static IEnumerable<ContentProblem> SomeWithUniqueIds(string path, string what, IEnumerable<string> ids)
    {
        var all = ids.ToList();
        if (all.Count == 0)
        {
            yield return new(path, $"there must be at least one {what}.");
        }

        foreach (var dup in Duplicates(all))
        {
            yield return new(path, $"the {what} id '{dup}' is used twice.");
        }
    }

    public static IEnumerable<string> Duplicates(IEnumerable<string> ids) =>
        ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
}

/// <summary>A problem in a content file: where (a JSON path into the file) and what is wrong, for whoever edits it.</summary>
internal readonly record struct ContentProblem(string Path, string Problem);
