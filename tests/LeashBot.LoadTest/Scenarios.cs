namespace LeashBot.LoadTest;

/// <summary>One turn of a scripted conversation: the owner joins (conversationUpdate) or says something.</summary>
/// <param name="Text">What the owner says; <c>{cat}</c> is replaced by the conversation's cat name. Null for a join.</param>
/// <param name="LeashBotSays">A fragment LeashBot's reply must contain (case-insensitive); <c>{cat}</c> as above.
/// The echo bot is only checked for a non-empty reply.</param>
internal sealed record Step(string? Text, string LeashBotSays)
{
    public bool IsJoin => Text is null;

    public static Step Join(string says) => new(null, says);

    public static Step Say(string text, string says) => new(text, says);
}

/// <summary>A scripted owner conversation, taken from what the transcript tests show owners say.</summary>
internal sealed record Scenario(string Name, IReadOnlyList<Step> Steps);

internal static class Scenarios
{
    public static readonly string[] CatNames = ["Luna", "Milo", "Mochi", "Olive", "Pip", "Nala", "Biscuit", "Tofu"];

    /// <summary>Readiness checklist: is my cat ready, the cat's name, six yes/no answers, yes to start the plan.</summary>
    public static readonly Scenario Checklist = new("checklist",
    [
        Step.Join("What would you like to do?"),
        Step.Say("is my cat ready for a leash?", "What's your cat's name?"),
        Step.Say("her name is {cat}", "Lovely to meet {cat}"),
        Step.Say("yes", "treats or toys"),
        Step.Say("yep", "curious"),
        Step.Say("no", "handled"),
        Step.Say("sure thing", "4 to 6 weeks"),
        Step.Say("yes", "slow progress"),
        Step.Say("yes", "{cat} looks ready"),
        Step.Say("yes please", "step 1 of 10"),
    ]);

    /// <summary>
    /// Free-text troubleshooting and gear questions, "yes"/"no" to "Did that help?". Starts with the question, as the
    /// transcript test does: after the greeting's menu, "my cat froze, what now?" is currently read as the menu's
    /// "Is my cat ready?" choice.
    /// </summary>
    public static readonly Scenario Troubleshooting = new("troubleshooting",
    [
        Step.Say("my cat froze, what now?", "Did that help?"),
        Step.Say("yes it did", "Glad"),
        Step.Say("what kind of harness should i get?", "H-style"),
        Step.Say("is it safe to walk my cat outside?", "unattended"),
        Step.Say("he keeps chewing the harness", "Did that help?"),
        Step.Say("no", "favourite play"),
        Step.Say("how long does leash training take", "4 to 6 weeks"),
    ]);

    /// <summary>Training check-ins: start the plan, log sessions, ask how the cat is doing.</summary>
    public static readonly Scenario CheckIns = new("check-ins",
    [
        Step.Join("What would you like to do?"),
        Step.Say("let's start training", "What's your cat's name?"),
        Step.Say("{cat}", "{cat} is on step 1 of 10"),
        Step.Say("we did 10 minutes today, she was relaxed", "on to step 2"),
        Step.Say("how's {cat} doing?", "step 2 of 10"),
        Step.Say("did 6 minutes, she tried to get it off and hissed", "stay on step 2"),
        Step.Say("how's {cat} doing?", "Sessions at this step: 1"),
        Step.Say("what's next?", "step 3"),
    ]);

    public static readonly IReadOnlyList<Scenario> All = [Checklist, Troubleshooting, CheckIns];
}
