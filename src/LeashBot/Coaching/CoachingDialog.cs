using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>
/// The root of every coaching conversation. A message with nothing pending is routed to a topic; a message
/// that arrives while a flow waits for an answer first passes the one interruption hook here, so commands,
/// goodbyes, chat, other languages and mid-flow questions are handled in one place for every flow.
/// </summary>
public sealed partial class CoachingDialog : ComponentDialog
{
    public const string DialogId = "coaching";

    /// <summary>Asides in a row after which a question is dropped rather than asked again.</summary>
    private const int AsidesBeforeDropping = 2;

    private const string AsidesKey = "asides";

    private readonly Router _router;
    private readonly Replies _replies;
    private readonly BotAccessors _state;
    private readonly MessageReader _reader;
    private readonly ForeignAnswers _foreign;
    private readonly LanguageNote _language;
    private readonly PhraseList _hedges;
    private readonly PhraseList _unsure;
    private readonly PromptExits _exits;
    private readonly ChecklistCorrections _checklistCorrections;
    private readonly PendingSessionFix _sessionFix;
    private readonly System.Text.RegularExpressions.Regex _asideLeads;

    public CoachingDialog(Router router, Replies replies, BotAccessors state, TextRecognizers text, MessageReader reader, ForeignAnswers foreign, LanguageNote language, PromptExits exits, ProgressLedger ledger, StepChanges stepChanges, TimeProvider clock)
        : base(DialogId)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(reader);
        _router = router;
        _replies = replies;
        _state = state;
        _reader = reader;
        _foreign = foreign;
        _language = language;
        _hedges = new(replies.Content.Reading.Hedges);
        _unsure = new(replies.Content.Answers.Words.Unsure);
        _exits = exits;
        _checklistCorrections = new ChecklistCorrections(replies, state, exits.Answers, exits.Cues);
        _sessionFix = new PendingSessionFix(replies, stepChanges);
        _asideLeads = new(@"(?<![\p{L}\p{N}])(?:" + string.Join('|', replies.Content.Answers.Words.AsideLeads.OrderByDescending(l => l.Length).Select(System.Text.RegularExpressions.Regex.Escape))
            + @")(?![\p{L}\p{N}])", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        AddDialog(new WaterfallDialog<NoValues>(Router.DialogId, router.Steps));
        AddDialog(new ChecklistDialog(replies, state, clock));
        AddDialog(new LogSessionDialog(replies, state, reader, text, ledger, stepChanges));
        AddDialog(new StepOfferDialog(replies, state, reader, ledger, stepChanges));
        AddDialog(new LogOfferDialog(replies, state, reader));
        AddDialog(new TroubleshootDialog(replies, state, stepChanges));
        AddDialog(new FaqMenuDialog(replies));
        AddDialog(new CatDialogs.AddCat(replies, state, reader, ledger));
        AddDialog(new CatDialogs.ChooseCat(replies, state, reader, stepChanges));
        AddDialog(new ForgetMeDialog(replies, exits.Answers));
        AddDialog(new StartOverDialog(replies, state, router));
        AddDialog(new CatListDialog(replies, state));
        AddDialog(new SessionCountDialog(replies, state));
        AddDialog(new DidYouMeanDialog(replies, router));
        // Every yes/no question reads its reply one way (half a yes is a yes the flow may weigh: "kinda" at "Did that help?").
        AddDialog(new ConfirmPrompt(Prompts.Confirm, recognize: text => exits.Answers.Read(text) switch
        {
            AnswerPolarity.Yes or AnswerPolarity.Partly => true,
            AnswerPolarity.No => false,
            _ => null,
        }));
        AddDialog(new ChoicePrompt(Prompts.Choice));
        AddDialog(new ChoicePrompt(Prompts.Mood, LogSessionDialog.ValidateMoodAsync(reader, state)));
        AddDialog(new TextPrompt(Prompts.CatName, CatDialogs.ValidateNameAsync(reader, state)));
        AddDialog(new DurationPrompt(Prompts.Duration, text, LogSessionDialog.ValidateDuration(text, new PhraseList(replies.Content.Reading.LengthHedges))));
        InitialDialogId = Router.DialogId;
    }

    /// <summary>
    /// Runs before a pending prompt sees the message; null when the message is for the prompt.
    /// Commands first; then a goodbye ends the flow kindly (what was saved stays saved); several questions
    /// are answered in order; an answer goes to the prompt; chat and a question asked mid-flow are answered
    /// and the same question is asked again. Optional follow-ups ("Did that help?") don't hold the owner:
    /// a reply that isn't an answer ends them and is routed as a new message.
    /// </summary>
    protected override async Task<DialogTurnResult?> OnInterruptAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        var turn = innerDc.Context;
        var owner = await _state.OwnerAsync(turn, cancellationToken);
        var waitingFor = innerDc.ActiveDialog is { } pending ? PromptState.OptionsOf(pending) : null;

        // "sí", "10 minutos", "muy feliz": an answer in another language is read as its English words.
        if (waitingFor is not null && _foreign.InEnglish(turn.Activity.Text ?? "") is { } english)
        {
            turn.Activity.Text = english;
        }

        // "1 lol she's fearless" at a numbered list: a short reply that opens with a choice's number picks it.
        if (waitingFor?.Choices is { Count: > 0 } listed && LeadingNumber().Match(turn.Activity.Text ?? "") is { Success: true } number
            && int.TryParse(number.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var picked) && picked >= 1 && picked <= listed.Count
            && PhraseListWords(turn.Activity.Text!) <= PendingQuestion.ShortReplyWords + 1)
        {
            turn.Activity.Text = number.Groups[1].Value;
        }

        var reading = _reader.Read(turn, turn.Activity.Text ?? "", owner);
        var messages = _replies.Content.Messages;

        // "she's a girl, not a they" counts at a pending question too, not only between questions.
        CatNaming.LearnPronoun(owner, reading);

        // "brb", "hold on lemme check": take your time, and the question stays open for when they're back (before any
        // opening is split off: "hold on" is no way out). "ok im back": the question that was waiting, asked again.
        if (waitingFor is not null && reading.Command == Command.None && reading.Social is SocialAct.Pause or SocialAct.Return)
        {
            if (reading.Social == SocialAct.Pause)
            {
                await _replies.SayAsync(turn, c => c.Messages.SmallTalk.Pause, cancellationToken);
            }
            else
            {
                await innerDc.RepromptDialogAsync(cancellationToken);
            }

            return Dialog.EndOfTurn;
        }

        // "never mind. please move ebony to step 8", "delete em": an opening that never wins over what follows it, and the list of cats.
        if (await OpeningOrCatListAsync(innerDc, reading, owner, cancellationToken) is { } handled)
        {
            return handled;
        }

        switch (reading.Command)
        {
            case Command.Cancel:
                await _replies.SayAsync(turn, c => c.Messages.Cancelled, cancellationToken);
                await _router.ShowMenuAsync(turn, messages.MenuAgain, cancellationToken);
                return await innerDc.CancelAllDialogsAsync(cancellationToken);
            case Command.Menu or Command.StartOver:
                if (reading.Command == Command.StartOver)
                {
                    await _replies.SayAsync(turn, c => c.Messages.StartOver, cancellationToken);
                }

                await _router.ShowMenuAsync(turn, messages.MenuPrompt, cancellationToken);
                return await innerDc.CancelAllDialogsAsync(cancellationToken);
            case Command.Help:
                await _replies.SayAsync(turn, c => c.Messages.Help, cancellationToken);
                await innerDc.RepromptDialogAsync(cancellationToken);
                return Dialog.EndOfTurn;
        }

        // The ways out of a question are the same for every question: see PromptExits.
        var exit = waitingFor is null ? (reading.Social == SocialAct.Goodbye ? PromptExit.Goodbye : PromptExit.None)
            : PendingQuestion.PicksAChoice(innerDc.ActiveDialog!.Id, waitingFor, reading) ? PromptExit.None
            : _exits.Read(reading, PendingQuestion.KindOf(innerDc.ActiveDialog!.Id));
        if (exit == PromptExit.Goodbye)
        {
            await _replies.SayAsync(turn, c => c.Messages.SmallTalk.GoodbyeMidFlow, owner.Current, cancellationToken);
            return await innerDc.CancelAllDialogsAsync(cancellationToken);
        }

        if (_router.AsksToStartOver(reading, owner))
        {
            await innerDc.CancelAllDialogsAsync(cancellationToken);
            return await innerDc.BeginDialogAsync(StartOverDialog.DialogId, null, cancellationToken);
        }

        var optional = waitingFor?.Optional == true;

        // "wait, she IS ok with strangers": an earlier checklist answer is changed, then the question is asked again
        // (before renames: "she IS ok with strangers" names no cat), unless the message answers it too ("no no, treats =
        // SÍ. curioso = a veces").
        if (PendingQuestion.IsChecklistQuestion(innerDc) && await _checklistCorrections.TryAsync(innerDc, reading, cancellationToken) is { Changed: true } change)
        {
            if (change.Pending == AnswerPolarity.Unclear)
            {
                await innerDc.RepromptDialogAsync(cancellationToken);
                return Dialog.EndOfTurn;
            }

            return await AnswerWithAsync(innerDc, change.Pending, null, cancellationToken);
        }

        // "u already asked me that", "thats not what i asked", "te lo dije" and no answer in it: sorry, and the question
        // properly again (not counted as moving on).
        var complains = _exits.Cues.Complains(reading.Text);
        var kind = innerDc.ActiveDialog is { } active ? PendingQuestion.KindOf(active.Id) : AnswerKind.Choice;
        var answer = AnswerPart(turn, reading, owner);
        var yesNo = kind != AnswerKind.YesNo ? AnswerPolarity.Unclear
            : PendingQuestion.IsChecklistQuestion(innerDc) && _checklistCorrections.AboutPending(innerDc, answer.Text) is { } part ? _exits.Answers.Read(part)
            : _exits.YesNoIn(answer);

        // "ok. what's the next question?": an "ok" beside a question of the owner's accepts nothing.
        if (yesNo == AnswerPolarity.Yes && reading.AsksAQuestion && _exits.Answers.OnlyAccepts(answer.Text))
        {
            yesNo = AnswerPolarity.Unclear;
        }
        if (complains && waitingFor is not null && !optional && !PendingQuestion.IsAnswer(innerDc.ActiveDialog!.Id, waitingFor, answer, yesNo))
        {
            await _replies.SayAsync(turn, c => c.Answers.Say.SorryAskAgain, cancellationToken);
            await innerDc.RepromptDialogAsync(cancellationToken);
            return Dialog.EndOfTurn;
        }

        // "wait that was ziggy not pip", "oops 8 not 18" while a session is logged: it changes, then its question again.
        if (await _sessionFix.TryAsync(innerDc, reading, owner, cancellationToken) is { Fixed: true } fix)
        {
            return fix.MoodFollows ? null : Dialog.EndOfTurn;
        }

        // "her name is actually Nori" in the middle of a question: renamed, then the same question again.
        if (innerDc.ActiveDialog?.Id != Prompts.CatName && await _router.RenameAsync(turn, reading, owner, cancellationToken) is { } renamed)
        {
            PendingQuestion.RenameOnStack(innerDc.Stack, renamed.Old, renamed.New);
            return await AfterAsideAsync(innerDc, optional, cancellationToken);
        }

        // "no session today", "stop", "nvm", "i didn't ask for a quiz": the question is left kindly, nothing saved is lost.
        if (exit == PromptExit.Leave)
        {
            await _replies.SayAsync(turn, c => c.Messages.Declined, cancellationToken);
            return await innerDc.CancelAllDialogsAsync(cancellationToken);
        }

        // "we did 10 min, he was chill" while something else was asked: the question is left and the report logged.
        if (exit == PromptExit.Report)
        {
            await innerDc.CancelAllDialogsAsync(cancellationToken);
            return await innerDc.BeginDialogAsync(Router.DialogId, new RouteOptions { Text = reading.Text }, cancellationToken);
        }

        // "yes vet saw her in march. does 8 count as old for this?": an answer with a question beside it. The
        // question is answered and the answer still goes to the pending question, which then moves on.
        // An optional yes/no ("Shall I move Mango on?") counts too when a plain yes or no says more ("yes move her on. also
        // how often…" moves her and answers); "kinda. how do i…" at "Did that help?" stays several questions.
        if (waitingFor is not null && (!optional || (kind == AnswerKind.YesNo && yesNo is AnswerPolarity.Yes or AnswerPolarity.No && answer.WordCount > 2))
            && innerDc.ActiveDialog!.Id != Prompts.CatName)
        {
            var partly = PendingQuestion.IsChecklistQuestion(innerDc) && (yesNo == AnswerPolarity.Partly || (yesNo == AnswerPolarity.Unclear && reading.Clauses.Count > 0
                && (_hedges.IsIn(PhraseList.Words(reading.Clauses[0].Text)) || _hedges.IsIn(PhraseList.Words(answer.Clauses[0].Text)))));
            if (partly || PendingQuestion.IsAnswer(innerDc.ActiveDialog!.Id, waitingFor, answer, yesNo))
            {
                // "i already told u, 5 min": sorry, and the answer is taken.
                if (complains)
                {
                    await _replies.SayAsync(turn, c => c.Answers.Say.SorryYouDid, cancellationToken);
                }

                turn.Activity.Text = answer.Text;
                if (partly || (PendingQuestion.IsChecklistQuestion(innerDc) && yesNo is AnswerPolarity.Yes or AnswerPolarity.No))
                {
                    // The checklist gets the answer as read here, not the words again.
                    await AnswerWithAsync(innerDc, partly ? AnswerPolarity.Partly : yesNo, answer, cancellationToken);
                }

                await AnswerSideQuestionsAsync(turn, reading, owner, cancellationToken);
                return null;
            }
        }

        // A first message in another language got the note about English; unless it answered the question, the
        // question is asked again (the owner didn't move on, so it isn't counted as an aside).
        if (await _language.NoteOnceAsync(turn, reading, cancellationToken))
        {
            return await AfterAsideAsync(innerDc, optional, cancellationToken, movedOn: false);
        }

        // "vale. entonces las preguntas? la siguiente": at the checklist, the next one asked for is its next question.
        if (PendingQuestion.IsChecklistQuestion(innerDc) && AsksForTheNext(reading))
        {
            await innerDc.RepromptDialogAsync(cancellationToken);
            return Dialog.EndOfTurn;
        }

        if (reading.Questions.Count > 1)
        {
            var answered = false;
            foreach (var topic in reading.Questions)
            {
                answered |= await _router.AnswerAsideAsync(turn, topic, reading, owner, cancellationToken);
            }

            if (answered)
            {
                return await AfterAsideAsync(innerDc, optional, cancellationToken);
            }
        }

        // "wait is that too fast?" at "Shall I move Ziggy on to step 2?": a question of the owner's that can't be placed
        // doesn't drop the offer for the menu; it is said to be beyond the bot and the offer asked again.
        if (optional && kind == AnswerKind.YesNo && exit == PromptExit.Question && reading.Recognition.Kind != RecognitionKind.Confident
            && !reading.AboutTheBusiness && innerDc.Stack.Exists(d => d.Id == StepOfferDialog.DialogId))
        {
            await _replies.SayAsync(turn, c => c.Messages.Listening.SideQuestionUnsure, cancellationToken);
            await innerDc.RepromptDialogAsync(cancellationToken);
            return Dialog.EndOfTurn;
        }

        // An optional follow-up hands anything but an answer back to the router itself.
        if (waitingFor is null || optional)
        {
            return null;
        }

        if (PendingQuestion.IsAnswer(innerDc.ActiveDialog!.Id, waitingFor, reading, yesNo))
        {
            return null;
        }

        // A button of an older card, tapped now ("Stories from other owners" while a yes/no is pending): the tap is
        // the owner's choice, so it is taken as a new message rather than refused.
        if (PendingQuestion.IsCardTap(turn.Activity))
        {
            await innerDc.CancelAllDialogsAsync(cancellationToken);
            return await innerDc.BeginDialogAsync(Router.DialogId, new RouteOptions { Text = reading.Text }, cancellationToken);
        }

        if (reading.Social is SocialAct.Thanks or SocialAct.Acknowledgement or SocialAct.Laughter)
        {
            await _replies.SayAsync(turn, reading.Social switch
            {
                SocialAct.Thanks => c => c.Messages.SmallTalk.ThanksMidFlow,
                SocialAct.Laughter => c => c.Messages.SmallTalk.Laughter,
                _ => c => c.Messages.SmallTalk.Acknowledgement,
            }, cancellationToken);
            await innerDc.RepromptDialogAsync(cancellationToken);
            return Dialog.EndOfTurn;
        }

        var recognition = reading.Recognition;
        if (reading.WordCount <= 2)
        {
            return null;
        }

        // A question the reader can't settle between two topics still gets the likelier answer, not "yes or no?".
        if (recognition.Kind == RecognitionKind.Ambiguous && recognition.Candidates.Count > 0
            && await _router.AnswerAsideAsync(turn, recognition.Candidates[0].TopicId, reading, owner, cancellationToken))
        {
            return await AfterAsideAsync(innerDc, optional, cancellationToken);
        }

        // Anything else unclear goes to the question, which asks once more and then lets go with a way out; so does a
        // struggle the owner says didn't happen ("he isn't chewing it"). At a yes/no question a question of the owner's own is never taken as
        // the answer ("so is that a no to walking them together?" is no "no"): it is said to be beyond the bot, and the
        // question is asked again.
        if (recognition.Kind != RecognitionKind.Confident || reading.DeniedStruggles.Contains(recognition.TopicId!))
        {
            if (exit != PromptExit.Question || PendingQuestion.KindOf(innerDc.ActiveDialog!.Id) != AnswerKind.YesNo)
            {
                return null;
            }

            await _replies.SayAsync(turn, c => c.Messages.Listening.SideQuestionUnsure, cancellationToken);
            return await AfterAsideAsync(innerDc, optional, cancellationToken, saidBackToIt: true);
        }

        if (await _router.AnswerAsideAsync(turn, recognition.TopicId!, reading, owner, cancellationToken))
        {
            return await AfterAsideAsync(innerDc, optional, cancellationToken);
        }

        // A new request that needs its own flow ("is pepper ready?", "forget me") changes the subject: the pending
        // question is dropped and the message is routed as new.
        await innerDc.CancelAllDialogsAsync(cancellationToken);
        return await innerDc.BeginDialogAsync(Router.DialogId, new RouteOptions { Text = reading.Text }, cancellationToken);
    }

    private static int PhraseListWords(string text) => PhraseList.Words(text).Length;

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(\d{1,2})(?:[\s.,!):]|$)")]
    private static partial System.Text.RegularExpressions.Regex LeadingNumber();
}
