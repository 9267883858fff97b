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

    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        turnContext.Activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate
            ? runner.RunAsync(turnContext, HandleAsync, cancellationToken)
            : Task.CompletedTask;

    private async Task HandleAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.ConversationUpdate)
        {
            await GreetAsync(turnContext, cancellationToken);
            return;
        }

        if (activity.ChannelId == Microsoft.Bot.Connector.Channels.Msteams)
        {
            // In group chats Teams puts the bot's @mention inside the text.
            activity.RemoveRecipientMention();
        }

        var messages = replies.Say.Content.Messages;
        var text = activity.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            await replies.SendAsync(turnContext, replies.Say.Text(messages.NonText), cancellationToken);
            return;
        }

        if (await SendToVetAsync(turnContext, text, cancellationToken))
        {
            return;
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
            await dc.BeginDialogAsync(CoachingDialog.DialogId, null, cancellationToken);
        }

        if (turnContext.TurnState.ContainsKey(ForgetMeDialog.ForgetRequested))
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
        await replies.SendAsync(turnContext, vet.For(found.Tier, cat), cancellationToken);
        return true;
    }

    private async Task GreetAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) != true)
        {
            return;
        }

        var flags = await state.FlagsAsync(turnContext, cancellationToken);
        if (flags.Greeted)
        {
            return;
        }

        flags.Greeted = true;
        var messages = replies.Say.Content.Messages;
        var owner = await state.OwnerAsync(turnContext, cancellationToken);
        var lines = new List<string> { replies.Say.Text(messages.Greeting) };
        if (owner.Current is { } cat)
        {
            lines.Add(replies.Cat(messages.GreetingBack, cat));
        }

        lines.Add(replies.Say.Text(messages.Disclaimer));
        await replies.SendAsync(turnContext, lines, cancellationToken);
        await router.ShowMenuAsync(turnContext, messages.MenuPrompt, cancellationToken);
    }
}
