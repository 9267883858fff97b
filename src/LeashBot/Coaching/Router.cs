using LeashBot.Safety;
using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>
/// Routes a message with nothing pending: reads it once (<see cref="MessageReader"/>), decides the topic
/// (a command, a menu pick, chat, several questions, a session report, or the recognizer's topic), settles
/// which cat it is about, and runs that topic's row of the <see cref="RouteTable"/>.
/// </summary>
public sealed partial class Router(Replies replies, BotAccessors state, MessageReader reader, MenuMatcher menu, RouteTable routes, SessionCorrections corrections, StepChanges stepChanges, LanguageNote language, ForeignAnswers foreign, RedFlagTriage triage, ProgressLedger ledger, CommandReader commands, TrainingNews trainingNews, RestatedSessions restated)
{
    public const string DialogId = "route";

    /// <summary>Below this confidence a topic was only loosely placed (the recognizer's "confident" starts at 0.42).</summary>
    private const double LooselyPlaced = 0.6;

    private readonly AsideAnswers _asides = new(state, replies, routes);
    private readonly CatNaming _naming = new(replies, ledger, commands);
    private readonly TopicSettling _topics = new(replies, reader, routes, commands, triage, trainingNews);
    private readonly ChatCues _cues = new(replies.Content);
    private readonly ChecklistCorrections _checklistFixes = new(replies, state, new AnswerReader(replies.Content), new ChatCues(replies.Content));
    private readonly MessageLeadIns _leadIns = new(reader, commands, replies.Content);
    private readonly CatListReader _catList = new(replies.Content);
    private readonly SessionCountReader _sessionCounts = new(replies.Content);

    /// <summary>
    /// The route waterfall: route the message, then route again whatever a finished flow hands back. A
    /// <see cref="ForgetMeRequest"/> is passed up, so the coaching dialog ends with it and the bot can act on it.
    /// </summary>
    public WaterfallStep<NoValues>[] Steps => [RouteAsync, RouteAgainAsync];

    /// <summary>Sends the main menu and remembers it was shown, so a bare "2" picks its second entry.</summary>
    public Task ShowMenuAsync(ITurnContext turn, string text, CancellationToken cancellationToken) =>
        routes.ShowMenuAsync(turn, text, cancellationToken);

    /// <summary>Says hello as the moment calls for (see <see cref="RouteTable.GreetAsync"/>).</summary>
    public Task GreetAsync(ITurnContext turn, Hello hello, CancellationToken cancellationToken) =>
        routes.GreetAsync(turn, hello, cancellationToken);

    /// <summary>The title a topic goes by in "did you mean" choices.</summary>
    public string TitleOf(string topicId)
    {
        var content = replies.Content;
        return content.Troubleshooting.Struggles.Find(s => s.Id == topicId)?.Title
            ?? content.Faq.Answers.Find(a => a.Id == topicId)?.Title
            ?? (content.Messages.TopicTitles.TryGetValue(topicId, out var title) ? title : topicId);
    }

    private async Task<DialogTurnResult> RouteAgainAsync(WaterfallStepContext<NoValues> step, CancellationToken cancellationToken)
    {
        if (step.GetResult<RouteOptions>() is { } again && (again.Text is not null || again.TopicId is not null))
        {
            return await step.ReplaceDialogAsync(DialogId, again, cancellationToken);
        }

        return await step.EndDialogAsync(step.Result as ForgetMeRequest, cancellationToken);
    }

    /// <summary>Most words a bare yes or no in another language has ("qué va", "claro que sí").</summary>
    private const int BareAnswerWords = 3;

    private async Task<DialogTurnResult> RouteAsync(WaterfallStepContext<NoValues> step, CancellationToken cancellationToken)
    {
        var options = step.GetOptions<RouteOptions>() ?? new RouteOptions();
        var turn = step.Context;
        var text = options.Text ?? turn.Activity.Text ?? "";
        var flags = await state.FlagsAsync(turn, cancellationToken);
        var menuWasShown = flags.MenuShown;
        flags.MenuShown = false;

        var owner = await state.OwnerAsync(turn, cancellationToken);
        var reading = reader.Read(turn, text, owner);

        // "borra a Pepper", "quita a luna": a request about the list of cats is acted on after the language note, never dropped for it.
        var aboutTheList = options.TopicId is null ? _catList.Read(text, owner) : CatListRequest.None;

        // "hoy hicimos 10 minutos, luna muy feliz": after the note, Spanish answer words are read as their English.
        if (options.TopicId is null && foreign.InEnglish(text) is { } english)
        {
            var noted = await language.NoteOnceAsync(turn, reading, cancellationToken);
            text = english;
            reading = reader.Read(turn, text, owner);
            // A bare Spanish yes or no ("qué va") with nothing asked answers nothing: the note is the reply.
            if (noted && ((reading.Recognition.Kind != RecognitionKind.Confident && !reading.IsSessionReport) || (reading.YesNo is not null && reading.WordCount <= BareAnswerWords)) && !aboutTheList.Any)
            {
                // "te dije que los premios le encantan": a change of a checklist answer is made after the note.
                if (!await _checklistFixes.TryAfterVerdictAsync(turn, reading, owner, cancellationToken))
                {
                    await _naming.LearnInPassingAsync(turn, null, null, reading, owner, cancellationToken);
                }

                return await step.EndDialogAsync(null, cancellationToken);
            }
        }

        CatNaming.LearnPronoun(owner, reading);
        var messages = replies.Content.Messages;

        // The one command the message gives, if any: only it changes the owner's cats, steps and sessions.
        var command = commands.Read(reading, owner);

        var topic = options.TopicId;
        if (topic is not null)
        {
            AnswerMemory.GivenInFull(turn);
        }

        string? menuPick = null;
        if (topic is null)
        {
            // After the note, what the owner writes is read for its English; a message with none ends with the note.
            if (await language.NoteOnceAsync(turn, reading, cancellationToken) && reading.Recognition.Kind != RecognitionKind.Confident && !_cues.Complains(text) && !aboutTheList.Any)
            {
                // "mi gata Canela tiene 3 años...": the cat's name is kept even when nothing else could be read.
                await _naming.LearnInPassingAsync(turn, null, null, reading, owner, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            }

            // "ugh ok nvm. so i left the harness by her bowl, 5 mins", "fair enough. other thing - could she walk with
            // our dog?": an opening that is only chat or a way out never wins over what follows it; the rest is routed.
            if (_leadIns.Split(text, owner) is { } lead)
            {
                return await step.ReplaceDialogAsync(DialogId, new RouteOptions { Text = lead.Rest }, cancellationToken);
            }

            switch (reading.Command)
            {
                case Command.Help:
                    topic = TopicIds.Help;
                    break;
                case Command.None:
                    break;
                default:
                    await ShowMenuAsync(turn, messages.MenuPrompt, cancellationToken);
                    return await step.EndDialogAsync(null, cancellationToken);
            }

            // "hey its me again", "ok back": welcomed back with where the cats stand ("back" is no step command here).
            if (reading.Social == SocialAct.Return && !_cues.Ends(reading))
            {
                await routes.GreetAsync(turn, Hello.OwnerSaidHi, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            }

            if (command.Is(CommandKind.StartOver))
            {
                return await step.BeginDialogAsync(StartOverDialog.DialogId, null, cancellationToken);
            }

            // "theres no cat called em!! get rid of em", "which cats do you have saved": the list of cats, before anything
            // could start training or show the progress of a cat the owner is taking off.
            if ((aboutTheList.Any ? aboutTheList : _catList.Read(text, owner)) is { Any: true } listRequest)
            {
                return await CatListDialog.AnswerAsync(step, replies, owner, listRequest, cancellationToken);
            }

            // "te lo dije, los treats SI lo motivan": a checklist answer changed a little after the verdict (before renames).
            if (await _checklistFixes.TryAfterVerdictAsync(turn, reading, owner, cancellationToken))
            {
                return await step.EndDialogAsync(null, cancellationToken);
            }

            // "no, it's Mochi not Late", "call her Nori": a new name for a cat the owner has is a rename, never a second cat.
            if (await _naming.RenameAsync(turn, reading, owner, cancellationToken) is not null)
            {
                reading = reader.Read(turn, text, owner);
                command = OwnerCommand.None;
                if (reading.Recognition.Kind != RecognitionKind.Confident || reading.Recognition.TopicId is TopicIds.CatAdd or TopicIds.CatSwitch or TopicIds.Stories
                    || reading.NewCatName is not null)
                {
                    return await step.EndDialogAsync(null, cancellationToken);
                }
            }

            // A menu tap ("Gear and safety") picks a topic and is never read for cats' names.
            menuPick = topic is null ? menu.TopicFor(reading, menuWasShown) : null;
            topic ??= menuPick;

            // "undo", "put it back", "undo that delete": the last change is reversed, before anything reads the
            // message as a step command or a fix ("i didnt say undo!!" is none).
            if (topic is null && command.Is(CommandKind.Undo, CommandKind.DeleteSession))
            {
                topic = TopicIds.PlanUndo;
            }

            // "yeah like i said the 10 min one went great": a session told again is never counted twice.
            if (topic is null && await restated.AnswerAsync(turn, reading, owner, command, cancellationToken) is { Answered: true } again)
            {
                return again.Offer is { } offer ? await step.BeginDialogAsync(LogOfferDialog.DialogId, offer, cancellationToken) : await step.EndDialogAsync(null, cancellationToken);
            }

            // "bean was fine tho it was widget that was stressed", "that was yesterday actually": moods or the day said again fix the sessions just logged.
            if (topic is null && (await corrections.FixMoodsAsync(turn, reading, owner, cancellationToken) || await corrections.FixDayAsync(turn, reading, owner, cancellationToken)))
            {
                return await step.EndDialogAsync(null, cancellationToken);
            }

            // "bean only done 1 session not 3 u doubled it up": fewer sessions than logged offers to take the extra ones off.
            if (topic is null && SessionCountDialog.Offer(_sessionCounts.Read(text), CatNaming.CatsFor(CatNeed.One, reading, owner)?[0]) is { } recount)
            {
                return await step.BeginDialogAsync(SessionCountDialog.DialogId, recount, cancellationToken);
            }

            // Fixes of the last session and one report about several cats come before the usual reading of a session report.
            if (topic is null && command.Is(CommandKind.FixSession, CommandKind.LogSession) && await corrections.AnswerAsync(turn, reading, owner, cancellationToken) is { Answered: true } corrected)
            {
                // A cat of a several-cat report whose length or mood is missing is asked about; the rest of a message
                // that also fixed a session ("i meant 15 not 50. and what about pepper??") is routed after it; else a
                // cat ready to move on is asked about that.
                return corrected.Ask is { } ask ? await step.BeginDialogAsync(LogSessionDialog.DialogId, ask, cancellationToken)
                    : corrected.Rest is { } rest ? await step.ReplaceDialogAsync(DialogId, new RouteOptions { Text = rest }, cancellationToken)
                    : corrected.Offer is { } moveOn ? await step.BeginDialogAsync(StepOfferDialog.DialogId, moveOn, cancellationToken)
                    : await step.EndDialogAsync(null, cancellationToken);
            }

            // "keep him on 4" is about the cat the part names or means; with two cats and nothing to tell them apart, ask which.
            if (topic is null && options.Text is null && command.IsStep && command.Cat is null && owner.Cats.Count > 1)
            {
                return await step.BeginDialogAsync(CatDialogs.ChooseCatId, new RouteOptions { Text = text }, cancellationToken);
            }

            // "keep him on 4", "put her back on 2", "dont move mango to 5 yet": a step command, before any topic.
            if (topic is null && await stepChanges.AnswerAsync(turn, reading, owner, command, CatNaming.CatsFor(CatNeed.One, reading, owner)?[0], cancellationToken) is { Answered: true } stepped)
            {
                // The cat a command was about is the cat spoken about now ("put nori on 2" … "put him back on 5").
                owner.CurrentCat = owner.FindCat(command.Cat)?.Name ?? owner.CurrentCat;
                return stepped.Offer is { } offer ? await step.BeginDialogAsync(StepOfferDialog.DialogId, offer, cancellationToken)
                    : stepped.Log is { } log ? await step.BeginDialogAsync(LogSessionDialog.DialogId, log, cancellationToken)
                    : _topics.QuestionsBeside(reading, owner) is { } beside ? await step.ReplaceDialogAsync(DialogId, new RouteOptions { Text = beside }, cancellationToken)
                    : await step.EndDialogAsync(null, cancellationToken);
            }

            if (topic is null && command.Is(CommandKind.MoveSession) && corrections.MovesLastSession(reading, owner))
            {
                topic = TopicIds.PlanMoveSession;
            }

            // A goodbye was read as one with the message's topic in view ("we're done for today" is not a session to log);
            // an ending anywhere in a message that asks nothing ("ugh im too tired for this lol. goodnight 🌙") is one too.
            if (topic is null && ((reading.Social is not (SocialAct.None or SocialAct.Thanks) && (reading.Social == SocialAct.Goodbye || !TopicSettling.AsksSomething(reading)))
                || _cues.Ends(reading)))
            {
                await _asides.SmallTalkAsync(turn, _cues.Ends(reading) ? SocialAct.Goodbye : reading.Social, owner, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            }

            if (topic is null && reading.Questions.Count > 1)
            {
                // The quick answers first, in order; a question that needs a flow ("is pickle ready?") then starts it.
                var answered = await _asides.AnswerSeveralAsync(turn, reading, owner, cancellationToken);
                topic = reading.Questions.FirstOrDefault(q => routes.Find(q) is { AnswersAside: false });
                if (topic is null && answered)
                {
                    return await step.EndDialogAsync(null, cancellationToken);
                }
            }

            topic = _topics.Settle(topic, reading, command, owner);

            // "should i be bringing him near the front door at all yet or is that later": a question about a later
            // step's place, that no topic answers, gets when that comes and what to do now.
            if (topic is null or TopicIds.OutOfScope && reading.AsksAQuestion && CatNaming.CatsFor(CatNeed.One, reading, owner) is [var asked]
                && replies.LaterStepNote(asked, text) is { } later)
            {
                await replies.SendAsync(turn, later, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            }

            // "her name is Mochi. Biscuit is my lab": naming a cat the owner already has is no new cat to meet.
            if (topic == TopicIds.CatAdd && reading.NewCatName is null && reading.NewCatNames.Count == 0 && reading.CatsMeant.Count == 1
                && owner.FindCat(reading.CatsMeant[0]) is { } known)
            {
                owner.CurrentCat = known.Name;
                await replies.SayAsync(turn, c => c.Messages.CatAlreadyKnown, known, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            }

            topic = _topics.Refine(turn, topic, reading, command, owner, text);
            if (topic is null)
            {
                // "ehh no esta enferma jaja. mi gata Canela tiene 3 años...": whatever the answer, the cat's name is kept.
                await _naming.LearnInPassingAsync(turn, null, null, reading, owner, cancellationToken);
                if (_topics.IsHealthRemark(reading, text))
                {
                    await ShowMenuAsync(turn, replies.Text(c => c.Messages.HealthRemark, owner.Current), cancellationToken);
                    return await step.EndDialogAsync(null, cancellationToken);
                }

                if (reading.Recognition.Kind == RecognitionKind.Ambiguous)
                {
                    TurnEvents.Fallback(turn, FallbackKind.DidYouMean, reading.Recognition.Candidates[0].TopicId);
                    return await step.BeginDialogAsync(DidYouMeanDialog.DialogId, new DidYouMeanOptions
                    {
                        Topics = reading.Recognition.Candidates.Take(2).Select(c => c.TopicId).ToList(),
                        Text = text,
                    }, cancellationToken);
                }

                // "thats not what i asked", "u got it wrong": sorry, and the closest topics to pick from.
                if (_cues.Complains(text))
                {
                    return await SorryAsync(step, reading, text, cancellationToken);
                }

                // A calm message about health ("his gums are nice and pink") is understood, even with no topic for it.
                var calmHealth = _topics.IsAboutHealth(reading, text);
                if (!calmHealth)
                {
                    TurnEvents.Fallback(turn, FallbackKind.NotSure);
                }

                await ShowMenuAsync(turn, calmHealth ? replies.Content.RedFlags.Aftercare.CalmHealth : messages.Unsure, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            }
        }

        // "she sneezed once on the porch lol": a remark about the cat's body that the reader placed only loosely next
        // to a struggle or a gear answer is not that question; the owner hears that health is the vet's.
        if (options.TopicId is null && (topic == TopicIds.OutOfScope
            || (reading.Recognition.Confidence < LooselyPlaced && (topic.StartsWith("struggle.", StringComparison.Ordinal) || topic.StartsWith("faq.", StringComparison.Ordinal))))
            && !reading.AboutTheBusiness && _topics.IsHealthRemark(reading, text))
        {
            await _naming.LearnInPassingAsync(turn, null, null, reading, owner, cancellationToken);
            await ShowMenuAsync(turn, replies.Text(c => c.Messages.HealthRemark, owner.Current), cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        var route = routes.Find(topic) ?? routes.Find(TopicIds.Help)!;
        if (options.TopicId is null && _cues.Complains(text))
        {
            // "thats not what i asked 😅 how many sessions does toffee have logged": sorry first, then the answer; with
            // nothing the bot knows in it, sorry and the closest topics.
            if (topic == TopicIds.OutOfScope)
            {
                return await SorryAsync(step, reading, text, cancellationToken);
            }

            await replies.SayAsync(turn, c => c.Answers.Say.Sorry, cancellationToken);
        }

        AsideAnswers.NoteAnswered(turn, topic);
        if (menuPick is null)
        {
            await _naming.LearnInPassingAsync(turn, route, topic, reading, owner, cancellationToken);
        }

        var cats = CatNaming.CatsFor(route.Cats, reading, owner);
        if (cats is null)
        {
            // Nobody settled which cat: meet the first one (or the one the message names), or ask which.
            var then = new RouteOptions { TopicId = topic, Text = text };
            var newName = reading.NewCatName is { } named && owner.FindCat(named) is null ? named : null;
            var meet = owner.Cats.Count == 0 || newName is not null || CatNaming.NewCatsListed(reading, owner).Count > 1;
            return await step.BeginDialogAsync(meet ? CatDialogs.AddCatId : CatDialogs.ChooseCatId, then, cancellationToken);
        }

        // The cat talked about is the one a message is about; "how are my cats doing?" isn't about one.
        if (cats.Count == 1 && (route.Cats != CatNeed.All || reading.CatsMeant.Count == 1))
        {
            owner.CurrentCat = cats[0].Name;
        }

        // "did another sniff session, 5 mins, she rubbed her face on it whats next": the report is logged, then the question answered.
        var askedBeside = topic == TopicIds.PlanLog ? _topics.QuestionsBeside(reading, owner) : null;
        var routeTurn = new RouteTurn { Context = turn, Step = step, Reading = reading, Owner = owner, Cats = cats, Topic = topic, Command = command, Then = askedBeside };
        if (route.Flow is { } flow)
        {
            return await flow(routeTurn, cancellationToken);
        }

        if (await _asides.RunAsync(route, routeTurn, cancellationToken) == Answered.Repeated)
        {
            return await _asides.OfferInsteadAsync(step, reading, topic, text, cancellationToken);
        }

        return await step.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>A complaint the bot can do nothing else with: sorry, and the topics closest to what the owner wrote, or the menu.</summary>
    private async Task<DialogTurnResult> SorryAsync(WaterfallStepContext<NoValues> step, MessageReading reading, string text, CancellationToken cancellationToken)
    {
        TurnEvents.Fallback(step.Context, FallbackKind.NotSure);
        var close = reading.Recognition.Candidates.Select(c => c.TopicId).Where(id => routes.Find(id) is { Remembered: true }).Distinct(StringComparer.Ordinal).Take(2).ToList();
        if (close.Count == 0)
        {
            await ShowMenuAsync(step.Context, replies.Content.Answers.Say.SorryMisread, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        await replies.SayAsync(step.Context, c => c.Answers.Say.SorryMisread, cancellationToken);
        return await step.BeginDialogAsync(DidYouMeanDialog.DialogId, new DidYouMeanOptions { Topics = close, Text = text, AfterRepeat = true }, cancellationToken);
    }

    /// <summary>"honestly can we just start over": a short message asking to start over in its own words (the bare command acts at once).</summary>
    public bool AsksToStartOver(MessageReading reading, OwnerProfile owner) => commands.Read(reading, owner).Is(CommandKind.StartOver);
}
