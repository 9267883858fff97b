namespace LeashBot.Content.Rules;

/// <summary>dialogs/answers.json: what its schema can't say.</summary>
internal static class AnswerRules
{
    public static IEnumerable<ContentProblem> Check(AnswerContent content)
    {
        var leads = content.Say.RepeatLeads;
        if (leads.Count < 2)
        {
            yield return new("say.repeatLeads", "give at least two lead-ins, so an answer asked for twice never opens the same way.");
        }

        for (var i = 0; i < leads.Count; i++)
        {
            if (!leads[i].Contains("{part}", StringComparison.Ordinal))
            {
                yield return new($"say.repeatLeads[{i}]", "a lead-in must hold the part of the answer ({part}).");
            }
        }
    }
}
