using LeashBot.Dialogs;
using LeashBot.Safety;
using LeashBot.State;
using LeashBot.Understanding;
using Microsoft.Bot.Builder;

namespace LeashBot.Coaching;

/// <summary>Where a message goes: to a topic's answer, to a flow, or, mid-flow, to an aside.</summary>
public sealed class RouteOptions
{
    /// <summary>Route straight to this topic instead of reading the text (after "did you mean", or once a cat is known).</summary>
    public string? TopicId { get; set; }

    /// <summary>The owner's original message, when routing happens on a later turn than the message.</summary>
    public string? Text { get; set; }
}

/// <summary>
/// Routes a message with nothing pending: reads it once (<see cref="MessageReader"/>), decides the topic
/// (a command, a menu pick, chat, several questions, a session report, or the recognizer's topic), settles
/// which cat it is about, and runs that topic's row of the <see cref="RouteTable"/>.
/// </summary>
public sealed class Router(Replies replies, BotAccessors state, MessageReader reader, MenuMatcher menu, RouteTable routes, SessionCorrections corrections, StepChanges stepChanges, LanguageNote language, ForeignAnswers foreign, RedFlagTriage triage, ProgressLedger ledger, CommandReader commands)
{
    public const string DialogId = "route";

    /// <summary>"what about pepper??": a message this short that names a cat and nothing else asks about that cat.</summary>
    private const int ShortCatQuestion = 5;

    /// <summary>Below this confidence a topic was only loosely placed (the recognizer's "confident" starts at 0.42).</summary>
    private const double LooselyPlaced = 0.6;

    private readonly AnswerMemory _memory = new(state, replies);
    private readonly ChatCues _cues = new(replies.Content);
    private readonly ChecklistCorrections _checklistFixes = new(replies, state, new AnswerReader(replies.Content), new ChatCues(replies.Content));
    private readonly PhraseList _eachCat = new(replies.Content.Reading.EachCat);
    private readonly PhraseList _switchWords = new(replies.Content.Understanding.Topics.Where(t => t.Id == TopicIds.CatSwitch).SelectMany(t => t.Keywords).Select(k => k.Text));

    /// <summary>
    /// The route waterfall: route the message, then route again whatever a finished flow hands back. A
    /// <see cref="ForgetMeRequest"/> is passed up, so the coaching dialog ends with it and the bot can act on it.
    /// </summary>
    public WaterfallStep<NoValues>[] Steps => [RouteAsync, RouteAgainAsync];

    /// <summary>
    /// A flow that gets a message it can't use ends itself with this as its result, and the route frame
    /// replaces itself to route that message: the stack never grows by one frame per handed-back message.
    /// </summary>
    public static Task<DialogTurnResult> HandBackAsync<TValues>(WaterfallStepContext<TValues> step, CancellationToken cancellationToken)
        where TValues : class, new() =>
        step.EndDialogAsync(new RouteOptions { Text = step.Context.Activity.Text ?? "" }, cancellationToken);

    /// <summary>Ends a flow and carries on with a topic (after a cat was chosen or met).</summary>
    public static Task<DialogTurnResult> ContinueWithAsync<TValues>(WaterfallStepContext<TValues> step, RouteOptions then, CancellationToken cancellationToken)
        where TValues : class, new() =>
        step.EndDialogAsync(then, cancellationToken);

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

        // "hoy hicimos 10 minutos, luna muy feliz": after the note, Spanish answer words are read as their English.
        if (options.TopicId is null && foreign.InEnglish(text) is { } english)
        {
            var noted = await language.NoteOnceAsync(turn, reading, cancellationToken);
            text = english;
            reading = reader.Read(turn, text, owner);
            if (noted && reading.Recognition.Kind != RecognitionKind.Confident && !reading.IsSessionReport)
            {
                // "te dije que los premios le encantan": a change of a checklist answer is made after the note.
                if (!await _checklistFixes.TryAfterVerdictAsync(turn, reading, owner, cancellationToken))
                {
                    await LearnNameInPassingAsync(turn, null, null, reading, owner, cancellationToken);
                }

                return await step.EndDialogAsync(null, cancellationToken);
            }
        }

        LearnPronoun(owner, reading);
        var messages = replies.Content.Messages;

        // The one command the message gives, if any: only it changes the owner's cats, steps and sessions.
        var command = commands.Read(reading, owner);

        var topic = options.TopicId;
        if (topic is null)
        {
            // After the note, what the owner writes is read for its English; a message with none ends with the note.
            if (await language.NoteOnceAsync(turn, reading, cancellationToken) && reading.Recognition.Kind != RecognitionKind.Confident && !_cues.Complains(text))
            {
                // "mi gata Canela tiene 3 años...": the cat's name is kept even when nothing else could be read.
                await LearnNameInPassingAsync(turn, null, null, reading, owner, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
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

            if (command.Is(CommandKind.StartOver))
            {
                return await step.BeginDialogAsync(StartOverDialog.DialogId, null, cancellationToken);
            }

            // "te lo dije, los treats SI lo motivan": a checklist answer changed a little after the verdict (before renames).
            if (await _checklistFixes.TryAfterVerdictAsync(turn, reading, owner, cancellationToken))
            {
                return await step.EndDialogAsync(null, cancellationToken);
            }

            // "no, it's Mochi not Late", "call her Nori": a new name for a cat the owner has is a rename, never a second cat.
            if (await RenameAsync(turn, reading, owner, cancellationToken) is not null)
            {
                reading = reader.Read(turn, text, owner);
                command = OwnerCommand.None;
                if (reading.Recognition.Kind != RecognitionKind.Confident || reading.Recognition.TopicId is TopicIds.CatAdd or TopicIds.CatSwitch or TopicIds.Stories
                    || reading.NewCatName is not null)
                {
                    return await step.EndDialogAsync(null, cancellationToken);
                }
            }

            topic ??= menu.TopicFor(reading, menuWasShown);

            // "undo", "put it back", "undo that delete": the last change is reversed, before anything reads the
            // message as a step command or a fix ("i didnt say undo!!" is none).
            if (topic is null && command.Is(CommandKind.Undo, CommandKind.DeleteSession))
            {
                topic = TopicIds.PlanUndo;
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
            if (topic is null && await stepChanges.AnswerAsync(turn, reading, owner, command, CatsFor(CatNeed.One, reading, owner)?[0], cancellationToken) is { Answered: true } stepped)
            {
                // The cat a command was about is the cat spoken about now ("put nori on 2" … "put him back on 5").
                owner.CurrentCat = owner.FindCat(command.Cat)?.Name ?? owner.CurrentCat;
                return stepped.Offer is { } offer ? await step.BeginDialogAsync(StepOfferDialog.DialogId, offer, cancellationToken)
                    : stepped.Log is { } log ? await step.BeginDialogAsync(LogSessionDialog.DialogId, log, cancellationToken)
                    : QuestionsBeside(reading, owner) is { } beside ? await step.ReplaceDialogAsync(DialogId, new RouteOptions { Text = beside }, cancellationToken)
                    : await step.EndDialogAsync(null, cancellationToken);
            }

            if (topic is null && command.Is(CommandKind.MoveSession) && corrections.MovesLastSession(reading, owner))
            {
                topic = TopicIds.PlanMoveSession;
            }

            // A goodbye was read as one with the message's topic in view ("we're done for today" is not a session to log);
            // an ending anywhere in a message that asks nothing ("ugh im too tired for this lol. goodnight 🌙") is one too.
            if (topic is null && ((reading.Social is not (SocialAct.None or SocialAct.Thanks) && (reading.Social == SocialAct.Goodbye || !AsksSomething(reading)))
                || _cues.Ends(reading)))
            {
                await SmallTalkAsync(turn, _cues.Ends(reading) ? SocialAct.Goodbye : reading.Social, owner, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            }

            if (topic is null && reading.Questions.Count > 1)
            {
                // The quick answers first, in order; a question that needs a flow ("is pickle ready?") then starts it.
                var answered = await AnswerSeveralAsync(turn, reading, owner, cancellationToken);
                topic = reading.Questions.FirstOrDefault(q => routes.Find(q) is { AnswersAside: false });
                if (topic is null && answered)
                {
                    return await step.EndDialogAsync(null, cancellationToken);
                }
            }

            topic ??= TopicOf(reading, command, owner);

            // "my cats are mango & pepper, pls track both": several new names are cats to meet, whatever else it reads as.
            if (topic is null or TopicIds.OutOfScope && reading.NewCatNames.Count(n => owner.FindCat(n) is null) > 1)
            {
                topic = TopicIds.CatAdd;
            }

            // "my cat is toffee": a short message that only introduces a new cat does that, whatever its name sounds like.
            if (topic is null or TopicIds.OutOfScope && reading.WordCount <= ShortCatQuestion && !reading.AsksAQuestion
                && reading.NewCatName is { } introduced && owner.FindCat(introduced) is null && reading.CatsMeant.Count == 0)
            {
                topic = TopicIds.CatAdd;
            }

            // "both cats where r they": with the cats already known and no new name, "both" asks about them, not to add one.
            if (topic == TopicIds.CatAdd && owner.Cats.Count > 1 && reading.NewCatName is null && reading.NewCatNames.All(n => owner.FindCat(n) is not null) && _eachCat.IsIn(PhraseList.Words(reading.Text)))
            {
                topic = TopicIds.PlanProgress;
            }

            // "hes not slipping out of anything tho": a struggle the owner says didn't happen is not what they ask about.
            if (topic is not null && reading.DeniedStruggles.Contains(topic))
            {
                topic = null;
            }

            // "should i be bringing him near the front door at all yet or is that later": a question about a later
            // step's place, that no topic answers, gets when that comes and what to do now.
            if (topic is null or TopicIds.OutOfScope && reading.AsksAQuestion && CatsFor(CatNeed.One, reading, owner) is [var asked]
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

            // "and what about pepper??": a few words naming one of the owner's cats and nothing the bot can place ask how it's going.
            if (topic is null or TopicIds.OutOfScope && reading.Cats.Count > 0 && reading.CatsMeant.Count > 0 && reading.WordCount <= ShortCatQuestion
                && reading.Recognition.Kind != RecognitionKind.Ambiguous)
            {
                topic = TopicIds.PlanProgress;
            }

            // "is 10 minutes too long for her?", "is that 4 min one under bean now": a question, or a length the command
            // reading didn't take as a report, is never a session to log; it is about the next likeliest topic.
            if (topic == TopicIds.PlanLog && !command.Is(CommandKind.LogSession) && (reading.AsksAQuestion || reading.Duration is not null))
            {
                topic = reading.Recognition.Candidates.Skip(1).FirstOrDefault(c => c.TopicId is not (TopicIds.PlanLog or TopicIds.PlanUndo or TopicIds.PlanMoveSession))?.TopicId;
            }

            // Undoing or moving a session is a command, never a topic the words merely sound like ("is a vest ok?").
            if (topic is TopicIds.PlanUndo && !command.Is(CommandKind.Undo, CommandKind.DeleteSession)
                || topic is TopicIds.PlanMoveSession && !command.Is(CommandKind.MoveSession))
            {
                topic = null;
            }

            // "can we talk about leashes" sounds like switching cats, but switching needs a cat: without one, the
            // message is about what follows the switching words.
            if (topic == TopicIds.CatSwitch && reading.CatsMeant.Count == 0 && reading.NewCatName is null)
            {
                var about = reader.Read(turn, _switchWords.Without(text), owner).Recognition;
                topic = about.Kind != RecognitionKind.OutOfScope && about.Candidates.Count > 0 && about.Candidates[0] is { } best && best.TopicId != TopicIds.CatSwitch
                    ? best.TopicId : null;
            }

            if (topic is null)
            {
                // "ehh no esta enferma jaja. mi gata Canela tiene 3 años...": whatever the answer, the cat's name is kept.
                await LearnNameInPassingAsync(turn, null, null, reading, owner, cancellationToken);
                if (IsHealthRemark(reading, text))
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
                var calmHealth = IsAboutHealth(reading, text);
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
            && IsHealthRemark(reading, text))
        {
            await LearnNameInPassingAsync(turn, null, null, reading, owner, cancellationToken);
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

        NoteAnswered(turn, topic);
        await LearnNameInPassingAsync(turn, route, topic, reading, owner, cancellationToken);
        var cats = CatsFor(route.Cats, reading, owner);
        if (cats is null)
        {
            // Nobody settled which cat: meet the first one (or the one the message names), or ask which.
            var then = new RouteOptions { TopicId = topic, Text = text };
            var newName = reading.NewCatName is { } named && owner.FindCat(named) is null ? named : null;
            return await step.BeginDialogAsync(owner.Cats.Count == 0 || newName is not null ? CatDialogs.AddCatId : CatDialogs.ChooseCatId, then, cancellationToken);
        }

        // The cat talked about is the one a message is about; "how are my cats doing?" isn't about one.
        if (cats.Count == 1 && (route.Cats != CatNeed.All || reading.CatsMeant.Count == 1))
        {
            owner.CurrentCat = cats[0].Name;
        }

        var routeTurn = new RouteTurn { Context = turn, Step = step, Reading = reading, Owner = owner, Cats = cats, Topic = topic, Command = command };
        if (route.Flow is { } flow)
        {
            return await flow(routeTurn, cancellationToken);
        }

        if (!route.Remembered)
        {
            await route.Answer!(routeTurn, cancellationToken);
        }
        else if (await _memory.SayOnceAsync(turn, () => route.Answer!(routeTurn, cancellationToken), cancellationToken) == Answered.Repeated)
        {
            return await OfferInsteadAsync(step, reading, topic, text, cancellationToken);
        }

        return await step.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>
    /// The owner asked again, in other words, for an answer they got a moment ago and got it again in short: the topics
    /// closest to what they wrote are offered too, in case they were after one of those.
    /// </summary>
    private async Task<DialogTurnResult> OfferInsteadAsync(WaterfallStepContext<NoValues> step, MessageReading reading, string topic, string text, CancellationToken cancellationToken)
    {
        TurnEvents.Fallback(step.Context, FallbackKind.DidYouMean, topic);
        var close = reading.Recognition.Candidates.Concat(reading.Clauses.SelectMany(c => c.Recognition.Candidates))
            .OrderByDescending(c => c.Score).Select(c => c.TopicId)
            .Where(id => id != topic && routes.Find(id) is { Remembered: true }).Distinct(StringComparer.Ordinal).Take(2).ToList();
        return close.Count == 0
            ? await step.EndDialogAsync(null, cancellationToken)
            : await step.BeginDialogAsync(DidYouMeanDialog.DialogId, new DidYouMeanOptions { Topics = close, Text = text, AfterRepeat = true }, cancellationToken);
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

    /// <summary>Notes the topic for the staff console: out of scope counts as a fallback, everything else as answered.</summary>
    private static void NoteAnswered(ITurnContext turn, string topic)
    {
        if (topic == TopicIds.OutOfScope)
        {
            TurnEvents.Fallback(turn, FallbackKind.OutOfScope);
        }
        else
        {
            TurnEvents.Note(turn, new TurnEvent(TurnEventKind.TopicAnswered) { Topic = topic });
        }
    }

    /// <summary>A statement (no question) with a word about the cat's body in it, that the triage found no red flag in.</summary>
    private bool IsHealthRemark(MessageReading reading, string text) =>
        !reading.Text.Contains('?', StringComparison.Ordinal) && IsAboutHealth(reading, text);

    /// <summary>
    /// A health word written as such, in an English message: another language's everyday words that look like English
    /// health words ("rapide", "puse") and words read as typos of one are no remark about health. (Red flags in any
    /// language were handled before the router.)
    /// </summary>
    private bool IsAboutHealth(MessageReading reading, string text) => reading.Language == "en" && triage.Read(text).MentionsHealth;

    /// <summary>"honestly can we just start over": a short message asking to start over in its own words (the bare command acts at once).</summary>
    public bool AsksToStartOver(MessageReading reading, OwnerProfile owner) => commands.Read(reading, owner).Is(CommandKind.StartOver);

    /// <summary>
    /// "no leave him on 2. also how long should each session be": the parts of a message that ask about a topic the
    /// bot knows, and give no command of their own, are answered after the command; null when there are none.
    /// </summary>
    private string? QuestionsBeside(MessageReading reading, OwnerProfile owner)
    {
        var asked = reading.Clauses.Where(c => c.AsksAQuestion && c.Recognition is { Kind: RecognitionKind.Confident, TopicId: { } topic }
                && routes.Find(topic) is { Flow: null } && commands.Read(reader.Read(c.Text, owner.Cats), owner).Kind == CommandKind.None)
            .Select(c => c.Text).ToList();
        return asked.Count > 0 && asked.Count < reading.Clauses.Count ? string.Join(' ', asked) : null;
    }

    /// <summary>The topic the reading settles on, or null for "did you mean" / "not sure".</summary>
    private static string? TopicOf(MessageReading reading, OwnerCommand command, OwnerProfile owner)
    {
        var recognition = reading.Recognition;
        if (owner.Cats.Count > 0 && command.Is(CommandKind.LogSession) && (recognition.Kind != RecognitionKind.OutOfScope || command.Certainty == Certainty.Certain))
        {
            return TopicIds.PlanLog;
        }

        if (reading.Social == SocialAct.Thanks && !AsksSomething(reading))
        {
            return TopicIds.Thanks;
        }

        // "i want to train pepper now" reads as starting or switching: switching to a cat nobody has met is meeting it.
        if (recognition.Kind == RecognitionKind.Ambiguous && reading.NewCatName is { } newName && owner.FindCat(newName) is null
            && recognition.Candidates.Take(2).Any(c => c.TopicId == TopicIds.CatSwitch))
        {
            return recognition.Candidates.Take(2).First(c => c.TopicId != TopicIds.CatSwitch).TopicId;
        }

        return recognition.Kind switch
        {
            RecognitionKind.Confident => recognition.TopicId,
            RecognitionKind.OutOfScope => TopicIds.OutOfScope,

            // "her name is Luna" reads as nothing in particular, but it is someone to meet.
            RecognitionKind.Unsure when reading.NewCatName is { } name && owner.FindCat(name) is null => TopicIds.CatAdd,
            _ => null,
        };
    }

    /// <summary>True when the message also asks about something, so chat words in it don't decide what it is.</summary>
    private static bool AsksSomething(MessageReading reading) =>
        reading.Recognition is { Kind: RecognitionKind.Confident, TopicId: { } topic }
        && topic is not (TopicIds.Greeting or TopicIds.Thanks or TopicIds.Help) && reading.WordCount > 3;

    /// <summary>
    /// The cats a topic is about: the ones the message names, else the one its pronoun fits, else the cat
    /// being talked about. Null when that doesn't settle it and the owner must be asked (or a cat met first).
    /// </summary>
    public static IReadOnlyList<CatProfile>? CatsFor(CatNeed need, MessageReading reading, OwnerProfile owner)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(owner);
        var meant = reading.CatsMeant.Select(owner.FindCat).OfType<CatProfile>().ToList();
        switch (need)
        {
            case CatNeed.None:
                return meant.Count > 0 ? meant : owner.Current is { } current ? [current] : [];
            case CatNeed.All:
                return meant.Count > 0 ? meant : owner.Cats.Count > 0 ? owner.Cats : null;
        }

        if (reading.NewCatName is { } newName && owner.FindCat(newName) is null && meant.Count == 0)
        {
            return null;
        }

        if (meant.Count > 0)
        {
            return meant;
        }

        // A pronoun that fits no cat, or the wrong one, doesn't settle it: better to ask than to log for the wrong cat.
        if (reading.Pronoun is { } pronoun && owner.Cats.Count > 1 && owner.Current is { } talkedAbout
            && talkedAbout.Pronoun is not null && talkedAbout.Pronoun != pronoun)
        {
            return null;
        }

        return owner.Current is { } cat ? [cat] : null;
    }

    /// <summary>
    /// "hi my cat luna keeps freezing on the balcony": a new cat's name in a message about something else is
    /// remembered, with a light "tell me if I got it wrong", so the answer and everything after it know the cat.
    /// Topics that need a cat meet it through the add-cat flow instead.
    /// </summary>
    private async Task LearnNameInPassingAsync(ITurnContext turn, Route? route, string? topic, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken)
    {
        if (route is { Cats: not CatNeed.None } || topic is TopicIds.CatAdd or TopicIds.CatSwitch || reading.CatsMeant.Count > 0
            || reading.FirmNewCatName is not { } name || owner.FindCat(name) is not null || owner.Cats.Count >= replies.Content.Messages.MaxCats)
        {
            return;
        }

        var cat = ledger.AddCat(ProgressLedger.Begin(owner, ChangeKind.CatAdded), owner, name, reading.Pronoun);
        owner.CurrentCat = cat.Name;
        await replies.SayAsync(turn, c => c.Messages.CatLearned, cat, cancellationToken);
    }

    /// <summary>
    /// Renames a cat when the message gives it a new name: the cat it says the name isn't ("Mochi not Late Sorry"),
    /// else the cat being talked about when the message says it is a rename or a correction, else the owner's only
    /// cat when the message names the cat being talked about ("her name is Mochi"). The old and new name, or null when
    /// nothing was renamed.
    /// </summary>
    public async Task<(string Old, string New)?> RenameAsync(ITurnContext turn, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(owner);
        if (reading.Rename is not { } change || owner.FindCat(change.Name) is not null || !commands.Read(reading, owner).Is(CommandKind.Rename))
        {
            return null;
        }

        var cat = reading.Cats.FirstOrDefault(c => c.Negated) is { } wasNot ? owner.FindCat(wasNot.Name)
            : change.Explicit || owner.Cats.Count == 1 ? owner.Current : null;
        if (cat is null)
        {
            return null;
        }

        var old = cat.Name;
        ProgressLedger.Rename(ProgressLedger.Begin(owner, ChangeKind.CatRenamed), owner, cat, change.Name);
        cat.Pronoun ??= reading.Pronoun;

        await replies.SendAsync(turn, replies.Text(c => c.Messages.CatRenamed, ("cat", cat.Name), ("old", old)), cancellationToken);
        return (old, cat.Name);
    }

    /// <summary>A message that names one cat and calls it "he" or "she" teaches the bot that cat's pronoun.</summary>
    private static void LearnPronoun(OwnerProfile owner, MessageReading reading)
    {
        if (reading.Pronoun is { } pronoun && reading.Cats.Count == 1 && !reading.Cats[0].Negated && owner.FindCat(reading.Cats[0].Name) is { Pronoun: null } cat)
        {
            cat.Pronoun = pronoun;
        }
    }

    /// <summary>Answers each question of a several-question message in order; false when none could be answered in one go.</summary>
    private async Task<bool> AnswerSeveralAsync(ITurnContext turn, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken)
    {
        var answered = false;
        foreach (var topic in reading.Questions)
        {
            answered |= await AnswerAsideAsync(turn, topic, reading, owner, cancellationToken);
        }

        return answered;
    }

    /// <summary>Answers a topic in one go, without starting a flow (a question asked mid-flow, or one of several); false when it needs a flow.</summary>
    public async Task<bool> AnswerAsideAsync(ITurnContext turn, string topic, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (routes.Find(topic) is not { Answer: { } answer, AnswersAside: true } route)
        {
            return false;
        }

        var cats = CatsFor(route.Cats == CatNeed.All ? CatNeed.All : CatNeed.None, reading, owner) ?? [];
        if (route.Cats == CatNeed.One && cats.Count == 0)
        {
            return false;
        }

        NoteAnswered(turn, topic);
        var aside = new RouteTurn { Context = turn, Step = null, Reading = reading, Owner = owner, Cats = cats, Topic = topic };
        if (!route.Remembered)
        {
            await answer(aside, cancellationToken);
        }
        else
        {
            await _memory.SayOnceAsync(turn, () => answer(aside, cancellationToken), cancellationToken);
        }

        return true;
    }

    /// <summary>A short warm answer to chat: an acknowledgement, laughter or a goodbye.</summary>
    public Task SmallTalkAsync(ITurnContext turn, SocialAct act, OwnerProfile owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return replies.SayAsync(turn, act switch
        {
            SocialAct.Goodbye => c => c.Messages.SmallTalk.Goodbye,
            SocialAct.Laughter => c => c.Messages.SmallTalk.Laughter,
            SocialAct.Thanks => c => c.Messages.ThanksReply,
            _ => c => c.Messages.SmallTalk.Acknowledgement,
        }, owner.Current, cancellationToken);
    }
}
