namespace LeashBot.LoadTest;

/// <summary>One turn of a scripted conversation: the owner joins (conversationUpdate) or says something.</summary>
/// <param name="Text">What the owner says; <c>{cat}</c> and <c>{cat2}</c> are replaced by the conversation's cat names. Null for a join.</param>
/// <param name="LeashBotSays">Fragments LeashBot's reply must all contain (case-insensitive; <c>{cat}</c>, <c>{cat2}</c> as above).
/// Empty for a loose check: any non-empty reply that is not one of LeashBot's error messages. The echo bot is only
/// checked for a non-empty reply.</param>
internal sealed record Step(string? Text, IReadOnlyList<string> LeashBotSays)
{
    public bool IsJoin => Text is null;

    public static Step Join(string says) => new(null, [says]);

    /// <summary>A turn whose reply must contain each fragment.</summary>
    public static Step Say(string text, params string[] says) => new(text, says);

    /// <summary>A turn checked loosely: the wording of its reply may change, so only a real, non-error reply is required.</summary>
    public static Step Ask(string text) => new(text, []);
}

/// <summary>A scripted owner conversation, taken from what the transcript tests show owners say.</summary>
internal sealed record Scenario(string Name, IReadOnlyList<Step> Steps);

/// <summary>A set of conversations that the load driver takes in turn, one per simulated owner.</summary>
/// <param name="FinishConversations">True when owners finish the conversation they are in after the measured window, so
/// stored state is that of whole conversations; false when conversations are too long for that (they stop there).</param>
internal sealed record Mix(string Name, string Description, IReadOnlyList<Scenario> Scenarios, bool FinishConversations = true);

internal static class Scenarios
{
    public const string ScriptedMix = "scripted";
    public const string FreeTextMix = "free-text";
    public const string LongMix = "long";

    /// <summary>Turns in each conversation of the long mix.</summary>
    public const int LongConversationTurns = 1000;

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
        Step.Say("we did 10 minutes today, she was relaxed", "move {cat} on to step 2"),
        Step.Say("yes", "on to step 2"),
        Step.Say("how's {cat} doing?", "step 2 of 10"),
        Step.Say("did 6 minutes, she tried to get it off and hissed", "stay on step 2"),
        Step.Say("how's {cat} doing?", "Sessions at this step: 1"),
        Step.Say("what's next?", "step 3"),
    ]);

    /// <summary>
    /// A worried owner types questions while "Did that help?" and other follow-ups are pending, in lowercase, with
    /// typos, small talk and thanks in between. Only facts that do not depend on wording are checked.
    /// </summary>
    public static readonly Scenario WorriedOwner = new("worried owner",
    [
        Step.Ask("hi there"),
        Step.Say("my cat froze, what now?", "Did that help?"),
        Step.Ask("he keeps chewing the harness"),
        Step.Ask("my cat froze again"),
        Step.Ask("what leash should i buy"),
        Step.Ask("can all cats learn this?"),
        Step.Ask("ok thx"),
        Step.Ask("she slipped out of her harness!! how do i stop that"),
        Step.Ask("is it safe to walk my cat outside?"),
        Step.Ask("lol ok"),
        Step.Ask("how long does leash trainng take"),
        Step.Ask("thanks!"),
    ]);

    /// <summary>Questions and corrections in the middle of the readiness checklist; the cat's name must stick.</summary>
    public static readonly Scenario ChecklistAsides = new("checklist with asides",
    [
        Step.Ask("is my cat ready for a leash?"),
        Step.Say("her name is {cat}", "{cat}"),
        Step.Ask("yes"),
        Step.Ask("wait, are retractable leashes ok?"),
        Step.Ask("yep"),
        Step.Ask("no sorry, i meant yes"),
        Step.Ask("how long does leash training take"),
        Step.Ask("yes"),
        Step.Ask("what's the capital of France"),
        Step.Ask("yes"),
        Step.Ask("yes"),
        Step.Ask("yes please"),
    ]);

    /// <summary>Two cats: meet both, log sessions for each, switch between them, correct a name, ask mid-prompt.</summary>
    public static readonly Scenario TwoCats = new("two cats",
    [
        Step.Ask("let's start training"),
        Step.Say("{cat}", "{cat}"),
        Step.Ask("we did 10 minutes today, she was relaxed"),
        Step.Ask("I have another cat"),
        Step.Say("{cat2}", "{cat2}"),
        Step.Say("how are my cats doing?", "{cat}", "{cat2}"),
        Step.Say("switch to {cat}", "{cat}"),
        Step.Ask("no wait, I meant {cat2}"),
        Step.Say("{cat2} did 5 minutes and hissed", "{cat2}"),
        Step.Ask("what's next?"),
        Step.Ask("we just did a session"),
        Step.Ask("how's {cat} doing?"),
        Step.Ask("about 5 minutes"),
        Step.Ask("is it safe to walk my cat outside?"),
        Step.Ask("Relaxed and happy"),
        Step.Ask("menu"),
        Step.Ask("2"),
        Step.Ask("cancel"),
    ]);

    public static readonly IReadOnlyList<Scenario> Scripted = [Checklist, Troubleshooting, CheckIns];

    public static readonly IReadOnlyList<Scenario> FreeText = [WorriedOwner, ChecklistAsides, TwoCats];

    /// <summary>
    /// One owner, one conversation of <see cref="LongConversationTurns"/> turns: the free-text conversations one after
    /// another, over and over, so questions keep arriving while follow-ups are pending. Its stored conversation
    /// record shows whether state stays flat. Every turn is checked loosely: from the second round on the owner
    /// already has cats, so the same words rightly get other answers.
    /// </summary>
    public static readonly Scenario Long = new("long conversation",
        FreeText.SelectMany(s => s.Steps).Select(s => Step.Ask(s.Text!)).Repeat().Take(LongConversationTurns).ToList());

    public static readonly IReadOnlyList<Mix> Mixes =
    [
        new(ScriptedMix, "answers to prompts: checklist, troubleshooting, check-ins", Scripted),
        new(FreeTextMix, "questions while follow-ups are pending, small talk, corrections, two cats", FreeText),
        new(LongMix, $"one conversation of {LongConversationTurns} free-text turns per owner", [Long], FinishConversations: false),
    ];

    public static Mix MixNamed(string name) =>
        Mixes.FirstOrDefault(m => m.Name == name) ?? throw new ArgumentException($"Unknown mix '{name}': use {string.Join(", ", Mixes.Select(m => m.Name))}.");

    private static IEnumerable<T> Repeat<T>(this IEnumerable<T> items)
    {
        while (true)
        {
            foreach (var item in items)
            {
                yield return item;
            }
        }
    }
}
