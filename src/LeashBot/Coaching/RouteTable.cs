using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>Which of the owner's cats a topic needs.</summary>
public enum CatNeed
{
    /// <summary>Works without a cat; uses the cat the message is about when there is one.</summary>
    None,

    /// <summary>Needs exactly one cat: the one named, the one a pronoun fits, or the one being talked about; else ask.</summary>
    One,

    /// <summary>Every cat the message names, or all of them ("progress for milo and pickle").</summary>
    All,
}

/// <summary>The moments the bot says hello; <see cref="RouteTable.GreetAsync"/> decides what each one says.</summary>
public enum Hello
{
    /// <summary>The bot arrived in a conversation (a chat opened, the app was installed).</summary>
    Arrived,

    /// <summary>The owner said hi.</summary>
    OwnerSaidHi,

    /// <summary>The first reply on a channel that never announces a new conversation (SMS), whatever it answers.</summary>
    FirstReply,

    /// <summary>The same when that first reply is the vet message: the text must stay short, so the greeting waits.</summary>
    FirstReplyUrgent,
}

/// <summary>One routed message: what was read, whose cats, and the route step when a flow may start.</summary>
public sealed class RouteTurn
{
    public required ITurnContext Context { get; init; }

    /// <summary>The route step, to begin a flow from; null when the topic is answered as an aside.</summary>
    public required WaterfallStepContext<NoValues>? Step { get; init; }

    public required MessageReading Reading { get; init; }
    public required OwnerProfile Owner { get; init; }
    public required IReadOnlyList<CatProfile> Cats { get; init; }
    public required string Topic { get; init; }

    /// <summary>The one command the message gives (see <see cref="CommandReader"/>).</summary>
    public OwnerCommand Command { get; init; } = OwnerCommand.None;

    /// <summary>Questions beside a session report ("… 5 mins, whats next"), answered once the session is logged.</summary>
    public string? Then { get; init; }

    public CatProfile? Cat => Cats.Count > 0 ? Cats[0] : null;

    public WaterfallStepContext<NoValues> FlowStep =>
        Step ?? throw new InvalidOperationException($"The topic '{Topic}' starts a flow and can't be answered as an aside.");
}

/// <summary>A reply that needs no back-and-forth.</summary>
public delegate Task RouteAnswer(RouteTurn turn, CancellationToken cancellationToken);

/// <summary>Starts a flow (a dialog) from the route step.</summary>
public delegate Task<DialogTurnResult> RouteFlow(RouteTurn turn, CancellationToken cancellationToken);

/// <summary>
/// A row of the route table. A topic with a <see cref="Flow"/> starts it when routed; an <see cref="Answer"/>
/// is sent in one go, and when <see cref="AnswersAside"/> also mid-flow and as one of several questions. An answer
/// that is <see cref="Remembered"/> (a fixed piece of advice, not a view of the cat's progress) is not given word for
/// word twice in a row (see <see cref="AnswerMemory"/>).
/// </summary>
public sealed record Route(CatNeed Cats, RouteAnswer? Answer = null, RouteFlow? Flow = null, bool AnswersAside = false, bool Remembered = false);

/// <summary>
/// What each topic does, keyed by the topic ids. A new flow topic is one row here plus its dialog; FAQ answers
/// and struggles get their rows from the content, so a new FAQ topic needs no code.
/// </summary>
public sealed partial class RouteTable
{
    private readonly Dictionary<string, Route> _routes;
    private readonly Replies _replies;
    private readonly BotAccessors _state;
    private readonly MenuMatcher _menu;
    private readonly StepChanges _stepChanges;
    private readonly PhraseList _eachCat;
    private readonly PhraseList _returns;

    public RouteTable(Replies replies, BotAccessors state, MenuMatcher menu, StepChanges stepChanges)
    {
        ArgumentNullException.ThrowIfNull(replies);
        _replies = replies;
        _state = state;
        _menu = menu;
        _stepChanges = stepChanges;
        _eachCat = new(replies.Content.Reading.EachCat);
        _returns = new(replies.Content.Reading.Social.Returns);
        var content = replies.Content;
        var messages = content.Messages;

        _routes = new Dictionary<string, Route>(StringComparer.Ordinal)
        {
            [TopicIds.Greeting] = new(CatNeed.None, Answer: (t, ct) => GreetAsync(t.Context, Hello.OwnerSaidHi, ct)),
            [TopicIds.Help] = new(CatNeed.None, Answer: async (t, ct) =>
            {
                await replies.SayAsync(t.Context, c => c.Messages.Help, ct);
                await ShowMenuAsync(t.Context, messages.MenuPrompt, ct);
            }),
            [TopicIds.Thanks] = new(CatNeed.None, Answer: (t, ct) => replies.SayAsync(t.Context, c => c.Messages.ThanksReply, t.Cat ?? t.Owner.Current, ct)),
            [TopicIds.OutOfScope] = new(CatNeed.None, Answer: (t, ct) => t.Reading.AboutTheBusiness ? BusinessHandOffAsync(t.Context, ct)
                : ShowMenuAsync(t.Context, string.IsNullOrWhiteSpace(replies.Organization.StaffContact) ? messages.OutOfScope : messages.OutOfScopeStaff, ct)),
            [TopicIds.Checklist] = new(CatNeed.One, Flow: (t, ct) =>
                t.FlowStep.BeginDialogAsync(ChecklistDialog.DialogId, new ChecklistOptions { CatName = t.Cat!.Name }, ct)),
            [TopicIds.PlanStart] = new(CatNeed.One, Answer: async (t, ct) =>
            {
                // "start both": each of the owner's cats, the first with the plan's intro.
                List<CatProfile> each = t.Owner.Cats.Count > 1 && t.Reading.CatsMeant.Count != 1 && _eachCat.IsIn(PhraseList.Words(t.Reading.Text)) ? t.Owner.Cats : [t.Cat!];
                for (var i = 0; i < each.Count; i++)
                {
                    await replies.CurrentStepAsync(t.Context, each[i], withIntro: i == 0 && each[i].Sessions.Count == 0, ct);
                }
            }),
            [TopicIds.PlanProgress] = new(CatNeed.All, Answer: (t, ct) => replies.ProgressAsync(t.Context, t.Cats, ct), AnswersAside: true),
            
            // Right after a step change, "what's next?" is the step the cat just reached.
            // "thats what we just did, can we try putting it on": how to know the cat's step is done, and what comes next.
            [TopicIds.PlanNext] = new(CatNeed.One, AnswersAside: true, Answer: (t, ct) => t.Reading.AsksStepPace ? replies.StepPaceAsync(t.Context, t.Cat!.Step, t.Cat, withNext: true, ct)
                : stepChanges.JustArrived(t.Cat!)
                ? replies.CurrentStepAsync(t.Context, t.Cat!, withIntro: false, ct)
                : replies.NextAsync(t.Context, t.Cat!, ct)),
            [TopicIds.PlanStep] = new(CatNeed.None, Answer: (t, ct) => t.Reading is { AsksStepPace: true, StepNumber: { } paced }
                ? replies.StepPaceAsync(t.Context, paced, t.Cat, withNext: false, ct)
                : replies.StepAboutAsync(t.Context, t.Reading.StepNumber, t.Cat, ct), AnswersAside: true, Remembered: true),
            // A report the command reading is only fairly sure of ("he wears it fine for half an hr") is asked about once.
            [TopicIds.PlanLog] = new(CatNeed.One, Flow: (t, ct) =>
                t.FlowStep.BeginDialogAsync(t.Command is { Kind: CommandKind.LogSession, Certainty: Certainty.Likely } ? LogOfferDialog.DialogId : LogSessionDialog.DialogId,
                    new LogSessionOptions { CatName = t.Cat!.Name, Text = t.Reading.Text, Then = t.Then }, ct)),
            [TopicIds.PlanUndo] = new(CatNeed.None, Answer: UndoAsync),

            // "go back a step" moves the cat back; "why step back he was fine??" asks, and changes nothing.
            [TopicIds.PlanStepBack] = new(CatNeed.One, Answer: (t, ct) => t.Command.Is(CommandKind.StepBack)
                ? stepChanges.StepBackAsync(t.Context, t.Owner, t.Cat!, ct)
                : stepChanges.UnchangedAsync(t.Context, t.Cat!, ct)),
            [TopicIds.PlanMoveSession] = new(CatNeed.None, Flow: MoveSessionAsync),
            [TopicIds.PlanOverview] = new(CatNeed.None, Answer: (t, ct) => replies.SendAsync(t.Context, _replies.PlanOverview(t.Cat), ct), AnswersAside: true, Remembered: true),
            [TopicIds.VetCare] = new(CatNeed.None, Answer: (t, ct) => replies.SendAsync(t.Context, string.IsNullOrWhiteSpace(replies.Organization.Phone)
                ? replies.Text(c => c.Messages.VetCare, t.Cat)
                : replies.Text(c => c.Messages.VetCare, t.Cat) + " " + replies.Text(c => c.Messages.VetCareCall), ct), AnswersAside: true),

            // "my cat toast is 4": a name already in the message isn't asked for.
            [TopicIds.CatAdd] = new(CatNeed.None, Flow: (t, ct) => t.FlowStep.BeginDialogAsync(CatDialogs.AddCatId, new RouteOptions { Text = t.Reading.Text }, ct)),
            [TopicIds.CatSwitch] = new(CatNeed.None, Flow: SwitchCatAsync),
            [TopicIds.ForgetMe] = new(CatNeed.None, Flow: (t, ct) => t.FlowStep.BeginDialogAsync(ForgetMeDialog.DialogId, null, ct)),
            [TopicIds.Stories] = new(CatNeed.None, Answer: (t, ct) => replies.StoriesAsync(t.Context, ct), AnswersAside: true, Remembered: true),
            [TopicIds.BodyLanguage] = new(CatNeed.None, Answer: (t, ct) => replies.BodyLanguageAsync(t.Context, t.Cat, ct), AnswersAside: true, Remembered: true),
            [MenuMatcher.TroubleshootMenu] = new(CatNeed.None, Flow: (t, ct) => t.FlowStep.BeginDialogAsync(TroubleshootDialog.DialogId, new TroubleshootOptions(), ct)),
            [MenuMatcher.FaqMenu] = new(CatNeed.None, Flow: (t, ct) => t.FlowStep.BeginDialogAsync(FaqMenuDialog.DialogId, null, ct)),
        };

        // Content-only topics: every FAQ answer and every struggle is a row of its own.
        var faqChoice = new FaqChoice(content.Faq);
        foreach (var answer in content.Faq.Answers)
        {
            _routes.TryAdd(answer.Id, new(CatNeed.None, AnswersAside: true, Remembered: true, Answer: async (t, ct) =>
            {
                // "will they lose their progress over a week off?": each cat's step first, the cats named or all of them.
                if (answer.EachCat is { } eachCat)
                {
                    var cats = t.Reading.CatsMeant.Count > 0 ? t.Cats : t.Owner.Cats;
                    await replies.SendAsync(t.Context, [.. cats.Where(c => !c.Finished).Select(c => replies.StepText(eachCat, c, content.Step(c.Step)))], ct);
                }

                var flags = await state.FlagsAsync(t.Context, ct);
                await replies.SendAsync(t.Context, replies.Fill(faqChoice.Pick(answer, t.Reading.Text, said => AnswerMemory.GaveRecently(flags, replies.Fill(said)))), ct);
                if (t.Reading.AsksWhereToBuy)
                {
                    await WhereToBuyAsync(t.Context, ct);
                }

                if (answer.ThenSmallStep && t.Cat is { Finished: false } cat)
                {
                    await replies.SendAsync(t.Context, replies.StepText(content.Plan.SmallStep, cat, content.Step(cat.Step)), ct);
                }
            }));
        }

        foreach (var struggle in content.Troubleshooting.Struggles)
        {
            _routes.TryAdd(struggle.Id, new(
                CatNeed.None,
                Answer: (t, ct) => TroubleshootDialog.SendAdviceAsync(replies, t.Context, struggle.Id, t.Cat, t.Reading.Text, ct),
                Flow: (t, ct) => t.FlowStep.BeginDialogAsync(TroubleshootDialog.DialogId, new TroubleshootOptions { StruggleId = struggle.Id }, ct),
                AnswersAside: true,
                Remembered: true));
        }
    }

    /// <summary>The topics with a row.</summary>
    public IReadOnlyCollection<string> Topics => _routes.Keys;

    public Route? Find(string topicId) => _routes.GetValueOrDefault(topicId);

    /// <summary>Sends the main menu and remembers it was shown, so a bare "2" picks its second entry.</summary>
    public async Task ShowMenuAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        await _replies.MenuAsync(turn, text, _menu.Choices, cancellationToken);
        var flags = await _state.FlagsAsync(turn, cancellationToken);
        flags.MenuShown = true;
    }

    /// <summary>
    /// Every hello the bot says, decided here. The first one in a conversation introduces the bot: the greeting, a
    /// welcome back to an owner whose cat the bot knows, and the disclaimer (with the vet message, only the
    /// disclaimer). Later, the bot arriving again says nothing, and an owner's "hi" gets a short greeting back,
    /// unless the introduction went out earlier in the same turn (an SMS that says "hi"). Arriving and "hi" end with
    /// the menu; a channel's first reply goes on to answer the message instead.
    /// </summary>
    public async Task GreetAsync(ITurnContext turn, Hello hello, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var flags = await _state.FlagsAsync(turn, cancellationToken);

        var owner = await _state.OwnerAsync(turn, cancellationToken);

        // "hey its me again", "im back" from an owner whose cats the bot knows: welcomed back with where each cat
        // stands, never the introduction again. A cat met earlier in this same message ("hi my cat is called Mo") is
        // new, not one to welcome back.
        var known = owner.Cats.Count > 0 && turn.TurnState.Get<CatNaming.MetThisTurn>() is null;
        var returning = known && hello is (Hello.OwnerSaidHi or Hello.FirstReply) && turn.TurnState.Get<IntroducedThisTurn>() is null && Returns(turn.Activity.Text);

        // "Good afternoon." after a talk that never opened with a hello (a channel that didn't announce the chat): a
        // pleasantry back, not the introduction and the menu all over again.
        if (hello == Hello.OwnerSaidHi && flags.Talked && !flags.Greeted && !returning)
        {
            flags.Greeted = true;
            await _replies.SayAsync(turn, c => c.Messages.SmallTalk.Pleasantry, owner.Current, cancellationToken);
            return;
        }

        // Coming back in a chat that is already going is no moment for the introduction's disclaimer either.
        flags.Greeted |= returning && flags.Talked;
        var introduce = !flags.Greeted;
        var lines = new List<string>();
        if (returning)
        {
            lines.Add(_replies.Text(c => c.Messages.GreetingReturning));
            lines.AddRange((owner.Current is { } current ? [current] : owner.Cats).Select(_replies.Progress));
        }

        if (introduce)
        {
            flags.Greeted = true;
            turn.TurnState.Set(new IntroducedThisTurn());
            if (hello != Hello.FirstReplyUrgent && !returning)
            {
                lines.Add(_replies.Text(c => c.Messages.Greeting));
                if (known && owner.Current is { } cat)
                {
                    lines.Add(_replies.Text(c => c.Messages.GreetingBack, cat));
                }
            }

            lines.Add(_replies.Text(c => c.Messages.Disclaimer));
        }
        else if (hello == Hello.OwnerSaidHi && !returning && turn.TurnState.Get<IntroducedThisTurn>() is null)
        {
            lines.Add(_replies.Text(c => c.Messages.GreetingReply));
        }

        // Beside a first vet message on SMS the disclaimer is never the part cut to fit the text.
        await Replies.DeliverAsync(turn, [.. lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => hello == Hello.FirstReplyUrgent ? ReplyMarks.KeptWhole(MessageFactory.Text(l)) : MessageFactory.Text(l))], cancellationToken);
        if (hello == Hello.OwnerSaidHi || (hello == Hello.Arrived && introduce))
        {
            await ShowMenuAsync(turn, _replies.Content.Messages.MenuPrompt, cancellationToken);
        }
    }

    /// <summary>"do u have the H harness in stock": where to ask about the store's or clinic's own business.</summary>
    private Task BusinessHandOffAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        HandOffAsync(turn, _replies.Content.Messages.Business.Store, _replies.Content.Messages.Business.Clinic, cancellationToken);

    /// <summary>"where can i buy one", after the gear advice: who sells it, and how to reach them.</summary>
    private Task WhereToBuyAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        HandOffAsync(turn, _replies.Content.Messages.Business.BuyStore, _replies.Content.Messages.Business.BuyClinic, cancellationToken);

    private Task HandOffAsync(ITurnContext turn, string store, string clinic, CancellationToken cancellationToken)
    {
        var organization = _replies.Organization;
        var business = _replies.Content.Messages.Business;
        var text = _replies.Fill(organization.Kind == Content.OrganizationKind.Clinic ? clinic : store);
        // Where to reach the staff, as the site set it up: its contact, else its phone; never "the website" the visitor is on.
        var reach = !string.IsNullOrWhiteSpace(organization.StaffContact) ? business.Contact : !string.IsNullOrWhiteSpace(organization.Phone) ? business.Phone : null;
        return _replies.SendAsync(turn, reach is null ? text : text + " " + _replies.Fill(reach), cancellationToken);
    }

    /// <summary>"hey its me again", "ok im back!": a short message that says the owner is back.</summary>
    private bool Returns(string? text)
    {
        var words = PhraseList.Words(text ?? "");
        return words.Length <= ReturnWords && _returns.IsIn(words) && text?.Contains('?', StringComparison.Ordinal) != true;
    }

    /// <summary>Most words a message that says the owner is back has ("hey hey its me again!!").</summary>
    private const int ReturnWords = 6;

    /// <summary>Marks a turn in which the bot introduced itself, so a "hi" in the same message isn't greeted twice.</summary>
    private sealed class IntroducedThisTurn;

    private async Task<DialogTurnResult> SwitchCatAsync(RouteTurn turn, CancellationToken cancellationToken)
    {
        var step = turn.FlowStep;
        if (turn.Reading.CatsMeant.Count > 0 && turn.Cat is { } cat)
        {
            await _replies.SayAsync(turn.Context, c => c.Messages.CatSwitched, cat, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        return await step.BeginDialogAsync(turn.Owner.Cats.Count > 1 ? CatDialogs.ChooseCatId : CatDialogs.AddCatId, null, cancellationToken);
    }
}
