using LeashBot.Coaching;
using LeashBot.Coaching.Reminders;
using LeashBot.Safety;
using LeashBot.State;

namespace LeashBot.Bot;

/// <summary>
/// The bot: greets owners when a conversation starts, sends any health red flag to a vet before anything else,
/// turns away what it can't read, and hands every other message to the coaching dialog. State is loaded and saved
/// around each turn by the <see cref="TurnRunner"/>. What a channel does differently (Teams mentions, the SMS disclaimer
/// and one text per turn) comes from that channel's <see cref="ChannelConventions"/>.
/// </summary>
public sealed class CoachBot(TurnRunner runner, BotAccessors state, Replies replies, Router router, CoachingDialog coaching,
    RedFlagConversation health, UnwellCheck unwell, IEnumerable<ChannelConventions> channels, ReminderConversation reminders, LanguageNote language) : IBot
{
    private readonly DialogSet _dialogs = new DialogSet(state.DialogState).Add(coaching);
    private readonly Dictionary<string, ChannelConventions> _channels = channels.ToDictionary(c => c.ChannelId, StringComparer.OrdinalIgnoreCase);

    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        var channel = ConventionsOf(activity);
        channel.BeginTurn(turnContext);

        return activity.Type switch
        {
            ActivityTypes.Message => MessageAsync(turnContext, channel, cancellationToken),

            // An update that names no sender (no from.id) has nobody to greet and no owner to keep anything for.
            ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate when StateKeys.Owner(activity) is null || StateKeys.Conversation(activity) is null => Task.CompletedTask,
            ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate => runner.RunAsync(turnContext, HandleAsync, cancellationToken),
            ActivityTypes.Invoke => AcknowledgeInvokeAsync(turnContext, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    /// <summary>
    /// A message gets a turn unless the channel keeps it from the bot: SMS STOP/START (recorded, and reminders quieted
    /// or resumed; on Azure's route Twilio answers them), anything from a number that opted out, and where people talk
    /// to each other too (a Teams group chat) anything not addressed to the bot.
    /// </summary>
    private async Task MessageAsync(ITurnContext turnContext, ChannelConventions channel, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (await channel.ConsentChangeAsync(activity, cancellationToken) is { } optsOut)
        {
            await reminders.SmsOptOutAsync(StateKeys.Owner(activity), optsOut, cancellationToken);
            if (!optsOut && await channel.BackAfterOptOutAsync(activity, cancellationToken) is { } back)
            {
                await turnContext.SendActivityAsync(MessageFactory.Text(back), cancellationToken);
            }

            return;
        }

        if (channel.IsForBot(activity) && !await channel.OptedOutAsync(activity, cancellationToken))
        {
            await runner.RunAsync(turnContext, HandleAsync, cancellationToken);
        }
    }

    /// <summary>
    /// Teams sends invokes (card actions, message extensions, sign-in checks) that LeashBot has no use for. Without
    /// an invoke response the adapter answers 501 and Teams shows the person an error; a plain 200 lets it pass.
    /// </summary>
    private static async Task AcknowledgeInvokeAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        await turnContext.SendActivityAsync(new Activity(ActivityTypesEx.InvokeResponse) { Value = new InvokeResponse { Status = StatusCodes.Status200OK } }, cancellationToken);

    private ChannelConventions ConventionsOf(Activity activity) =>
        activity.ChannelId is { } id && _channels.TryGetValue(id, out var conventions) ? conventions : ChannelConventions.Plain;

    private async Task HandleAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var channel = ConventionsOf(activity);
        using var catsOfTurn = Phrasebook.ForCatsOfTurn();
        TurnEvents.Begin(turnContext);
        Replies.BeginTurn(turnContext);
        if (activity.Type != ActivityTypes.Message)
        {
            if (channel.BotArrived(activity))
            {
                await router.GreetAsync(turnContext, Hello.Arrived, cancellationToken);
                await reminders.ArrivedAsync(turnContext, cancellationToken);
            }

            return;
        }

        channel.Unwrap(activity);

        // A channel that never announces a new conversation (SMS) gets the disclaimer with the first reply, whatever
        // the owner texted. With the vet message it goes alone: that text must stay short, and the greeting can wait.
        var introduceWithReply = channel.IntroducesWithFirstReply;
        var messages = replies.Content.Messages;
        var text = activity.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (channel.CallsBotOver(activity))
            {
                // "@LeashBot" on its own is a colleague calling the bot over: show what it can do.
                await router.ShowMenuAsync(turnContext, messages.MenuPrompt, cancellationToken);
                return;
            }

            if (introduceWithReply)
            {
                await IntroduceAsync(turnContext, channel, Hello.FirstReply, cancellationToken);
            }

            await replies.SayAsync(turnContext, c => c.Messages.NonText, cancellationToken);
            return;
        }

        // Health first, on every channel and at any point: the whole message, whatever its length, before the length
        // limit, commands, a pending question or a topic. A red flag gets the vet message and ends the turn without
        // touching the dialog, so a pending question stays pending and the message is never taken as its answer.
        switch (await health.ReadAsync(turnContext, text, cancellationToken))
        {
            case HealthTurn.SentToVet:
                if (introduceWithReply)
                {
                    await IntroduceAsync(turnContext, channel, Hello.FirstReplyUrgent, cancellationToken);
                }

                return;
            case HealthTurn.Answered:
                return;
        }

        // An owner writing in another language hears once, before any other answer, that the coaching is in English
        // (after a vet message only, which is already in their language).
        await language.NoteFirstAsync(turnContext, text, cancellationToken);
        if (introduceWithReply)
        {
            await IntroduceAsync(turnContext, channel, Hello.FirstReply, cancellationToken);
        }

        // Rules silent but it may be about a cat unwell now: ask once; "no" or anything else carries on. A remark like that
        // at a question of the bot's ("shall I move her on?") is asked about, never taken as the answer.
        var dialogState = await state.DialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken);
        if (await unwell.CheckAsync(turnContext, text, cancellationToken, dialogState.DialogStack.Count > 0, dialogState.DialogStack.Clear) is not { } carryOn)
        {
            return;
        }

        text = carryOn;
        if (text.Length > messages.MaxTextLength)
        {
            await replies.SayAsync(turnContext, c => c.Messages.TooLong, cancellationToken);
            return;
        }

        // Reminders asked for, changed, paused or stopped; anything else counts as the owner having written today. What
        // the message says besides (a question, a session, a training pause) goes on to the coaching.
        var questionPending = (await state.DialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken)).DialogStack.Count > 0;
        if (await reminders.ReadAsync(turnContext, text, questionPending, cancellationToken) is not { } rest)
        {
            return;
        }

        text = rest;

        activity.Text = text;
        var dc = await _dialogs.CreateContextAsync(turnContext, cancellationToken);
        if (dc.StackWasDiscarded)
        {
            await replies.SayAsync(turnContext, c => c.Messages.PickUpAgain, cancellationToken);
        }

        var result = await dc.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty)
        {
            result = await dc.BeginDialogAsync(CoachingDialog.DialogId, null, cancellationToken);
        }

        (await state.FlagsAsync(turnContext, cancellationToken)).Talked = true;

        if (result.Result is ForgetMeRequest)
        {
            await state.ConversationState.DeleteAsync(turnContext, cancellationToken);
            await state.UserState.DeleteAsync(turnContext, cancellationToken);
            TurnEvents.Note(turnContext, new TurnEvent(TurnEventKind.Forgotten));
            await ConventionsOf(activity).OwnerForgottenAsync(turnContext, cancellationToken);
            await reminders.ForgetAsync(turnContext, cancellationToken);
            return;
        }

        // The reminder offer waits while the turn ends on a question of its own: one yes/no question at a time.
        await reminders.AfterTurnAsync(turnContext, result.Status == DialogTurnStatus.Waiting, cancellationToken);
    }

    /// <summary>The hello of a channel's first reply, and what that channel adds to the first one (SMS: how to opt out).</summary>
    private async Task IntroduceAsync(ITurnContext turnContext, ChannelConventions channel, Hello hello, CancellationToken cancellationToken)
    {
        var first = !(await state.FlagsAsync(turnContext, cancellationToken)).Greeted;
        await router.GreetAsync(turnContext, hello, cancellationToken);
        if (first)
        {
            await channel.IntroducedWithReplyAsync(turnContext, cancellationToken);
        }
    }
}
