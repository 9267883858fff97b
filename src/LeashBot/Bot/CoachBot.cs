using LeashBot.Channels.Sms;
using LeashBot.Channels.Teams;
using LeashBot.Coaching;
using LeashBot.Dialogs;
using LeashBot.Safety;
using LeashBot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace LeashBot.Bot;

/// <summary>
/// The bot: greets owners when a conversation starts, sends any health red flag to a vet before anything else,
/// turns away what it can't read, and hands every other message to the coaching dialog. State is loaded and saved
/// around each turn by the <see cref="TurnRunner"/>.
/// </summary>
public sealed class CoachBot(TurnRunner runner, BotAccessors state, Replies replies, Router router, CoachingDialog coaching,
    RedFlagTriage triage, VetReply vet, TimeProvider clock) : IBot
{
    private readonly DialogSet _dialogs = new DialogSet(state.DialogState).Add(coaching);

    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (SmsChannel.Is(activity))
        {
            // Separate texts can arrive out of order and each costs a segment: a turn's replies leave as one text.
            turnContext.OnSendActivities(SmsReplies.OnSendAsync);
        }

        return activity.Type switch
        {
            // In a Teams group chat or channel, people talk to each other too: the bot answers only when addressed.
            ActivityTypes.Message when !TeamsActivity.IsForBot(activity) => Task.CompletedTask,
            ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate => runner.RunAsync(turnContext, HandleAsync, cancellationToken),
            ActivityTypes.Invoke => AcknowledgeInvokeAsync(turnContext, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    /// <summary>
    /// Teams sends invokes (card actions, message extensions, sign-in checks) that LeashBot has no use for. Without
    /// an invoke response the adapter answers 501 and Teams shows the person an error; a plain 200 lets it pass.
    /// </summary>
    private static async Task AcknowledgeInvokeAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        await turnContext.SendActivityAsync(new Activity(ActivityTypesEx.InvokeResponse) { Value = new InvokeResponse { Status = StatusCodes.Status200OK } }, cancellationToken);

    private async Task HandleAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Message)
        {
            if (TeamsActivity.BotArrived(activity))
            {
                await GreetAsync(turnContext, cancellationToken);
            }

            return;
        }

        if (TeamsActivity.IsTeams(activity))
        {
            // In group chats Teams puts the bot's @mention inside the text.
            activity.RemoveRecipientMention();
        }

        // SMS never announces a new conversation, so the disclaimer goes with the first reply, whatever the owner
        // texted. With the vet message it goes alone: that text must stay short, and the greeting can wait.
        var sms = SmsChannel.Is(activity);
        var messages = replies.Say.Content.Messages;
        var text = activity.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (TeamsActivity.IsBareMention(activity))
            {
                // "@LeashBot" on its own is a colleague calling the bot over: show what it can do.
                await router.ShowMenuAsync(turnContext, messages.MenuPrompt, cancellationToken);
                return;
            }

            if (sms)
            {
                await IntroduceOnceAsync(turnContext, withGreeting: true, cancellationToken);
            }

            await replies.SendAsync(turnContext, replies.Say.Text(messages.NonText), cancellationToken);
            return;
        }

        if (await SendToVetAsync(turnContext, text, cancellationToken))
        {
            if (sms)
            {
                await IntroduceOnceAsync(turnContext, withGreeting: false, cancellationToken);
            }

            return;
        }

        if (sms)
        {
            await IntroduceOnceAsync(turnContext, withGreeting: true, cancellationToken);
        }

        if (text.Length > messages.MaxTextLength)
        {
            await replies.SendAsync(turnContext, replies.Say.Text(messages.TooLong), cancellationToken);
            return;
        }

        activity.Text = text;
        var dc = await _dialogs.CreateContextAsync(turnContext, cancellationToken);
        if (dc.StackWasDiscarded)
        {
            await replies.SendAsync(turnContext, replies.Say.Text(messages.PickUpAgain), cancellationToken);
        }

        var result = await dc.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty)
        {
            result = await dc.BeginDialogAsync(CoachingDialog.DialogId, null, cancellationToken);
        }

        if (result.Result is ForgetMeRequest)
        {
            await state.ConversationState.DeleteAsync(turnContext, cancellationToken);
            await state.UserState.DeleteAsync(turnContext, cancellationToken);
        }
    }

    /// <summary>
    /// Health first, on every channel and at any point: the whole message, whatever its length, before the length
    /// limit, commands, a pending question or a topic. A red flag gets the vet message and ends the turn without
    /// touching the dialog, so a pending question stays pending and the message is never taken as its answer.
    /// A health question soon after a red flag ("ok I'll call, is it heatstroke?") gets the vet message again.
    /// </summary>
    private async Task<bool> SendToVetAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        var flags = await state.FlagsAsync(turnContext, cancellationToken);
        var found = triage.Read(text);
        var now = clock.GetUtcNow();
        var followUp = !found.IsRedFlag && flags.RedFlagAt is { } at
            && now - at <= TimeSpan.FromMinutes(replies.Say.Content.RedFlags.FollowUpMinutes) && triage.AsksAboutHealth(text);
        if (!found.IsRedFlag && !followUp)
        {
            return false;
        }

        flags.RedFlagAt = now;
        flags.MenuShown = false;
        var owner = await state.OwnerAsync(turnContext, cancellationToken);
        var cat = owner.Current?.Name ?? replies.Say.Content.Messages.YourCat;
        await replies.UrgentAsync(turnContext, vet.For(found.Tier, cat), cancellationToken);
        return true;
    }

    private Task GreetAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        router.GreetAsync(turnContext, Hello.Arrived, cancellationToken);

    /// <summary>The introduction with a channel's first reply (see <see cref="RouteTable.GreetAsync"/>).</summary>
    private Task IntroduceOnceAsync(ITurnContext turnContext, bool withGreeting, CancellationToken cancellationToken) =>
        router.GreetAsync(turnContext, withGreeting ? Hello.FirstReply : Hello.FirstReplyUrgent, cancellationToken);
}
