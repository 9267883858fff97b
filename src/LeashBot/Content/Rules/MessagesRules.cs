namespace LeashBot.Content.Rules;

/// <summary>The rules of dialogs/messages.json beyond its shape. Paths are JSON paths into the file.</summary>
internal static class MessagesRules
{
    public static IEnumerable<ContentProblem> Check(MessagesContent c)
    {
        // Every pronoun a cat can go by fills every pronoun slot (which pronouns there are, the schema requires).
        foreach (var (pronoun, slots) in c.CatPronouns)
        {
            foreach (var missing in Template.PronounNames.Where(n => slots?.ContainsKey(n) != true))
            {
                yield return new("catPronouns", $"'{pronoun}' says nothing for {{{missing}}}; every pronoun fills every slot.");
            }
        }

        // A phrase in two command lists would make "stop" mean cancel in one place and menu in another.
        var lists = new[] { ("help", c.Commands.Help), ("cancel", c.Commands.Cancel), ("menu", c.Commands.Menu), ("startOver", c.Commands.StartOver) };
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, phrases) in lists)
        {
            foreach (var phrase in phrases.Select(p => p.Trim().ToLowerInvariant()))
            {
                if (!owner.TryAdd(phrase, name) && owner[phrase] != name)
                {
                    yield return new($"commands.{name}", $"'{phrase}' is also a '{owner[phrase]}' command; a phrase may belong to one command only.");
                }
            }
        }
    }
}
