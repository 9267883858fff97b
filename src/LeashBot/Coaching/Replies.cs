using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>
/// How the conversation says things: wording is picked from the content by a typed selector
/// (<c>replies.SayAsync(turn, c => c.Messages.Help, ct)</c>), filled in and sent; and the coaching answers that
/// don't need a back-and-forth, each one content filled in and sent.
/// </summary>
public sealed class Replies(Phrasebook say, TimeProvider clock)
{
    /// <summary>Starts a run of a turn's logic: nothing has been said in it yet (a rerun after a storage conflict says it all again).</summary>
    public static void BeginTurn(ITurnContext turnContext) => SaidThisTurn.Forget(turnContext);

    /// <summary>The content, for what isn't a fixed piece of wording: limits, and the lists of answers, struggles and steps.</summary>
    public BotContent Content => say.Content;

    /// <summary>The time now, as the host's clock has it.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The clinic or shop the bot speaks for.</summary>
    public OrganizationOptions Organization => say.Organization;

    /// <summary>A piece of content wording, filled in with the organization's details and these values.</summary>
    public string Text(Func<BotContent, string> wording, params (string Name, string Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(wording);
        return say.Text(wording(Content), values);
    }

    /// <summary>A piece of content wording with {cat} filled in: the cat's name, or "your cat" when there is none.</summary>
    public string Text(Func<BotContent, string> wording, CatProfile? cat)
    {
        ArgumentNullException.ThrowIfNull(wording);
        return Cat(wording(Content), cat);
    }

    /// <summary>The pronoun slots for a cat that goes by <paramref name="pronoun"/>, for text filled outside a turn (a reminder).</summary>
    public IEnumerable<(string Name, string Value)> PronounSlots(string? pronoun) => say.PronounSlots(pronoun);

    /// <summary>Fills in a template that comes from a content list (an FAQ answer, a struggle's advice).</summary>
    public string Fill(string template, params (string Name, string Value)[] values) => say.Text(template, values);

    /// <summary>Says a piece of content wording.</summary>
    public Task SayAsync(ITurnContext turnContext, Func<BotContent, string> wording, CancellationToken cancellationToken) =>
        SendAsync(turnContext, Text(wording), cancellationToken);

    /// <summary>Says a piece of content wording about a cat.</summary>
    public Task SayAsync(ITurnContext turnContext, Func<BotContent, string> wording, CatProfile? cat, CancellationToken cancellationToken) =>
        SendAsync(turnContext, Text(wording, cat), cancellationToken);

    /// <summary>A question for a prompt, from a piece of content wording.</summary>
    public Activity Ask(Func<BotContent, string> wording, params (string Name, string Value)[] values) => MessageFactory.Text(Text(wording, values));

    /// <summary>A question that asks the owner to pick one of <paramref name="titles"/>, asked once more after a reply that picks none.</summary>
    public PromptOptions PickOne(Func<BotContent, string> question, IEnumerable<string> titles) => new()
    {
        MaxAttempts = Prompts.Attempts,
        Prompt = Ask(question),
        RetryPrompt = Ask(c => c.Messages.ChoiceRetry),
        Choices = titles.Select(t => new Choice { Value = t }).ToList(),
    };

    public Task SendAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken) =>
        DeliverAsync(turnContext, [MessageFactory.Text(text)], cancellationToken);

    public Task SendAsync(ITurnContext turnContext, IEnumerable<string> texts, CancellationToken cancellationToken) =>
        DeliverAsync(turnContext, [.. texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => MessageFactory.Text(t))], cancellationToken);

    /// <summary>The main menu, as buttons where the channel has them and a numbered list where it doesn't.</summary>
    public Task MenuAsync(ITurnContext turnContext, string prompt, IList<Choice> choices, CancellationToken cancellationToken) =>
        DeliverAsync(turnContext, [ChoiceFactory.ForChannel(turnContext.Activity.ChannelId, say.Text(prompt), choices, conversationType: turnContext.Activity.Conversation?.ConversationType)], cancellationToken);

    /// <summary>
    /// Where every reply of the coaching goes out. A plain paragraph already said in this turn is left out (one reply
    /// never says the same thing twice, however many answers it joins); while an answer is being weighed
    /// (<see cref="AnswerMemory"/>) its activities are held instead of sent.
    /// </summary>
    internal static async Task DeliverAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var said = SaidThisTurn.Of(turnContext);
        var fresh = activities.Where(a => !SaidThisTurn.IsPlain(a) || said.Add(a.Text)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        if (turnContext.TurnState.Get<HeldAnswer>() is { } held)
        {
            held.Activities.AddRange(fresh);
            return;
        }

        await turnContext.SendActivitiesAsync([.. fresh], cancellationToken);
    }

    /// <summary>
    /// A yes/no follow-up the owner may ignore: a reply that isn't yes or no ends the question at once
    /// (the flow then hands the message back to the router) instead of asking again.
    /// </summary>
    public PromptOptions OptionalYesNo(string text)
    {
        var options = YesNo(text);
        options.Optional = true;
        return options;
    }

    /// <summary>
    /// A yes/no question with Yes and No buttons where the channel has buttons (a short numbered list on SMS);
    /// typed answers ("yep", "nope", "1") work as before.
    /// </summary>
    public PromptOptions YesNo(string text, string? retry = null)
    {
        var titles = Content.Messages.YesNoChoices;
        return new PromptOptions
        {
            MaxAttempts = Prompts.Attempts,
            Prompt = MessageFactory.Text(text),
            RetryPrompt = retry is null ? null : MessageFactory.Text(retry),
            Choices = [new Choice(titles.Yes), new Choice(titles.No)],
        };
    }

    /// <summary>
    /// Sends health advice as one message marked high importance, so channels that join a turn's replies (SMS)
    /// put it first and never shorten it.
    /// </summary>
    public Task UrgentAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        var urgent = MessageFactory.Text(text);
        urgent.Importance = ActivityImportance.High;
        return turnContext.SendActivityAsync(urgent, cancellationToken);
    }

    public Task FaqAsync(ITurnContext turnContext, string topicId, CancellationToken cancellationToken)
    {
        var answer = Content.Faq.Answers.Find(a => a.Id == topicId);
        return answer is null ? Task.CompletedTask : SendAsync(turnContext, say.Text(answer.Answer), cancellationToken);
    }

    public Task StoriesAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var faq = Content.Faq;
        return SendAsync(turnContext, [say.Text(faq.StoriesIntro), .. faq.Stories.Select(s => $"{s.Title}: {say.Text(s.Text)}"), say.Text(faq.StoriesOutro)], cancellationToken);
    }

    public Task BodyLanguageAsync(ITurnContext turnContext, CatProfile? cat, CancellationToken cancellationToken) =>
        SendAsync(turnContext, Cat(Content.Troubleshooting.BodyLanguage, cat), cancellationToken);

    /// <summary>The step a cat is on, what it's for, and the gear tip where the step has one.</summary>
    public Task CurrentStepAsync(ITurnContext turnContext, CatProfile cat, bool withIntro, CancellationToken cancellationToken)
    {
        var plan = Content.Plan;
        if (cat.Finished)
        {
            return SendAsync(turnContext, Cat(plan.AlreadyFinished, cat), cancellationToken);
        }

        var step = Content.Step(cat.Step);
        var lines = new List<string>();
        if (withIntro)
        {
            lines.Add(Cat(plan.Intro, cat));
        }

        lines.Add(StepText(plan.Current, cat, step) + " " + StepText(plan.Goal, cat, step));
        if (step.Tip is not null)
        {
            lines.Add(StepText(plan.TipPrefix, cat, step));
        }

        lines.Add(Cat(plan.LogHint, cat));
        return SendAsync(turnContext, lines, cancellationToken);
    }

    /// <summary>Where each cat stands; with no cat named, every cat the owner has.</summary>
    public Task ProgressAsync(ITurnContext turnContext, IEnumerable<CatProfile> cats, CancellationToken cancellationToken) =>
        SendAsync(turnContext, cats.Select(Progress), cancellationToken);

    /// <summary>Where a cat stands: its step, since when, and its sessions there.</summary>
    public string Progress(CatProfile cat)
    {
        var plan = Content.Plan;
        if (cat.Finished)
        {
            return Cat(plan.AlreadyFinished, cat);
        }

        var step = Content.Step(cat.Step);
        var atStep = cat.SessionsAtCurrentStep.ToList();
        var where = say.Text(plan.Progress, ("cat", cat.Name), ("step", Number(cat.Step)), ("title", step.Title), ("since", Since(cat.StepStarted)));
        if (atStep.Count == 0)
        {
            return where + " " + Cat(plan.NoSessionsYet, cat);
        }

        var last = atStep[^1];
        return where + " " + say.Text(plan.ProgressSessions, ("cat", cat.Name), ("sessions", Number(atStep.Count)),
            ("total", Minutes(atStep.Sum(s => s.Minutes))), ("minutes", Minutes(last.Minutes)), ("mood", MoodTitle(last.Mood)));
    }

    /// <summary>What a step of the plan is about; with no step read, which one the owner means is asked.</summary>
    public Task StepAboutAsync(ITurnContext turnContext, int? number, CatProfile? cat, CancellationToken cancellationToken)
    {
        var plan = Content.Plan;
        if (number is not { } n || n < 1 || n > plan.Steps.Count)
        {
            return SendAsync(turnContext, say.Text(plan.StepPick), cancellationToken);
        }

        var step = Content.Step(n);
        var name = cat?.Name ?? Content.Messages.YourCat;
        var lines = new List<string>
        {
            say.Text(plan.StepAbout, ("step", Number(n)), ("title", step.Title), ("goal", say.Text(step.Goal, ("cat", name)))),
        };
        if (cat is { Finished: false } && cat.Step == n)
        {
            lines.Add(Cat(plan.StepIsCurrent, cat));
        }

        return SendAsync(turnContext, lines, cancellationToken);
    }

    /// <summary>
    /// "how many days on step 3?": no set number of days, and the step's sign the cat is ready to move on; for the cat's
    /// own step (<paramref name="withNext"/>) also the step that comes after it.
    /// </summary>
    public Task StepPaceAsync(ITurnContext turnContext, int number, CatProfile? cat, bool withNext, CancellationToken cancellationToken)
    {
        var plan = Content.Plan;
        var step = Content.Step(Math.Clamp(number, 1, plan.Steps.Count));
        var name = cat?.Name ?? Content.Messages.YourCat;
        var lines = new List<string> { say.Text(plan.StepPace, ("step", Number(step.Number)), ("title", step.Title), ("cat", name), ("goal", step.MoveOnWhen)) };
        if (withNext && step.Number < plan.Steps.Count)
        {
            lines.Add(say.Text(plan.StepPaceNext, ("next", Number(step.Number + 1)), ("title", Content.Step(step.Number + 1).Title), ("cat", name)));
        }

        return SendAsync(turnContext, lines, cancellationToken);
    }

    public Task NextAsync(ITurnContext turnContext, CatProfile cat, CancellationToken cancellationToken)
    {
        var plan = Content.Plan;
        if (cat.Finished || cat.Step >= plan.Steps.Count)
        {
            return CurrentStepAsync(turnContext, cat, false, cancellationToken);
        }

        var next = Content.Step(cat.Step + 1);
        // The next step's goal says how it's done ("the harness came, what now?" gets step 2's how-to).
        return SendAsync(turnContext, say.Text(plan.Next, ("cat", cat.Name), ("next", Number(next.Number)), ("title", next.Title),
            ("goal", say.Text(next.Goal, ("cat", cat.Name)))), cancellationToken);
    }

    /// <summary>
    /// What a session means for the cat: "Logged: …" (left out when the session was already logged and only changed
    /// hands) and the step's verdict. A session that meets the goal says so; moving on is the owner's call.
    /// </summary>
    public Task SessionOutcomeAsync(ITurnContext turnContext, CatProfile cat, double minutes, SessionResult result, CancellationToken cancellationToken, bool logged = true)
    {
        ArgumentNullException.ThrowIfNull(cat);
        var plan = Content.Plan;
        var step = Content.Step(result.Step);
        var outcome = result.Outcome switch
        {
            SessionOutcome.ReadyToMoveOn => StepText(plan.ReadyToMoveOn, cat, step),
            SessionOutcome.NeedMoreTime => say.Text(plan.NeedMoreTime, ("cat", cat.Name), ("target", Number(result.TargetMinutes))),
            SessionOutcome.StayUnsure => StepText(plan.StayUnsure, cat, step),
            SessionOutcome.StayStressed => say.Text(plan.StayStressed, ("cat", cat.Name), ("step", Number(step.Number)), ("shorter", Number(result.ShorterMinutes))),
            _ => Cat(plan.AlreadyFinished, cat),
        };
        var lines = new List<string>();
        if (logged)
        {
            lines.Add(say.Text(plan.Logged, ("cat", cat.Name), ("minutes", Minutes(minutes)), ("step", Number(result.Step))));
        }

        lines.Add(outcome);
        return SendAsync(turnContext, lines, cancellationToken);
    }

    /// <summary>The cat just moved on: the new step with its goal and gear tip, or the whole plan done.</summary>
    public Task MovedOnAsync(ITurnContext turnContext, CatProfile cat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cat);
        var plan = Content.Plan;
        if (cat.Finished)
        {
            return SendAsync(turnContext, Cat(plan.Finished, cat), cancellationToken);
        }

        var step = Content.Step(cat.Step);
        var lines = new List<string> { StepText(plan.Advanced, cat, step) + " " + StepText(plan.Goal, cat, step) };
        if (step.Tip is not null)
        {
            lines.Add(StepText(plan.TipPrefix, cat, step));
        }

        return SendAsync(turnContext, lines, cancellationToken);
    }

    /// <summary>
    /// "he freezes at the front door" or "should i bring him near the door yet?" with the cat on step 4: the place
    /// belongs to a later step, so that part comes later, and what to do at the current step now. Null when the
    /// message names no later step's place.
    /// </summary>
    public string? LaterStepNote(CatProfile cat, string? message)
    {
        ArgumentNullException.ThrowIfNull(cat);
        var troubleshooting = Content.Troubleshooting;
        if (cat.Finished || string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        var words = PhraseList.Words(message);
        if (troubleshooting.LaterSteps.Where(l => l.Step > cat.Step && new PhraseList(l.Words).IsIn(words)).Select(l => (int?)l.Step).Min() is not { } later)
        {
            return null;
        }

        var step = Content.Step(cat.Step);
        return say.Text(troubleshooting.LaterStep, ("cat", cat.Name), ("step", Number(step.Number)), ("title", step.Title),
            ("goal", say.Text(step.Goal, ("cat", cat.Name))), ("next", Number(later)));
    }

    /// <summary>All ten steps in one compact list (it fits an SMS), the cat's own step marked when there is a cat.</summary>
    public string PlanOverview(CatProfile? cat)
    {
        var plan = Content.Plan;
        var lines = new List<string> { Text(c => c.Plan.Overview) };
        foreach (var step in plan.Steps)
        {
            var number = ("step", step.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            lines.Add(cat is { Finished: false } && cat.Step == step.Number
                ? Text(c => c.Plan.OverviewHere, number, ("title", step.Title), ("cat", cat.Name))
                : Text(c => c.Plan.OverviewStep, number, ("title", step.Title)));
        }

        return string.Join("\n", lines);
    }

    /// <summary>Fills {cat} with the cat's name, or "your cat" when the owner hasn't told us about one.</summary>
    public string Cat(string template, CatProfile? cat) => say.Text(template, ("cat", cat?.Name ?? Content.Messages.YourCat));

    public string StepText(string template, CatProfile cat, PlanStep step) =>
        say.Text(template, ("cat", cat.Name), ("step", Number(step.Number)), ("title", step.Title),
            ("goal", say.Text(step.Goal, ("cat", cat.Name))), ("tip", say.Text(step.Tip ?? "", ("cat", cat.Name))));

    public string MoodTitle(Mood mood) => mood switch
    {
        Mood.Relaxed => Content.Plan.Moods.Relaxed,
        Mood.Unsure => Content.Plan.Moods.Unsure,
        _ => Content.Plan.Moods.Stressed,
    };

    public string Minutes(double minutes) =>
        say.Text(Content.Plan.Duration, ("minutes", Math.Round(minutes, minutes < 10 ? 1 : 0).ToString(CultureInfo.InvariantCulture)));

    private string Since(DateTimeOffset start)
    {
        var days = (int)(clock.GetUtcNow() - start).TotalDays;
        return days switch
        {
            <= 0 => Content.Plan.Today,
            1 => Content.Plan.OneDayAgo,
            _ => say.Text(Content.Plan.DaysAgo, ("days", Number(days))),
        };
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
