using LeashBot.Coaching;
using LeashBot.Dialogs;
using LeashBot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace LeashBot.Bot;

/// <summary>
/// The bot: greets owners when a conversation starts, turns away what it can't read, and hands every other
/// message to the coaching dialog. State is loaded and saved around each turn by the <see cref="TurnRunner"/>.
/// </summary>
public sealed class CoachBot(TurnRunner runner, BotAccessors state, Replies replies, Router router, CoachingDialog coaching) : IBot
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
