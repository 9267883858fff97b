using Microsoft.Bot.Schema;

namespace LeashBot.Channels.Teams;

/// <summary>What LeashBot needs to know about an activity's Teams conversation.</summary>
public static class TeamsActivity
{
    /// <summary>True on Teams.</summary>
    public static bool IsTeams(IActivity activity) =>
        string.Equals(activity.ChannelId, Microsoft.Bot.Connector.Channels.Msteams, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True in a conversation several people share (a Teams group chat or channel; any channel that marks a
    /// conversation as a group). There each person keeps their own flow, and the bot speaks only when spoken to.
    /// </summary>
    public static bool IsShared(IActivity activity) =>
        activity.Conversation is { } conversation
        && (conversation.IsGroup == true
            || string.Equals(conversation.ConversationType, "groupChat", StringComparison.OrdinalIgnoreCase)
            || string.Equals(conversation.ConversationType, "channel", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether a message in a shared Teams conversation is meant for the bot: it @mentions the bot, or it comes
    /// from one of the bot's own card buttons (those carry a value and no mention). Everything else is people
    /// talking to each other. Outside shared Teams conversations every message is for the bot.
    /// </summary>
    public static bool IsForBot(Activity activity)
    {
        if (!IsTeams(activity) || !IsShared(activity) || activity.Type != ActivityTypes.Message)
        {
            return true;
        }

        var botId = activity.Recipient?.Id;
        return activity.Value is not null
            || activity.GetMentions().Any(m => botId is not null && string.Equals(m.Mentioned?.Id, botId, StringComparison.Ordinal));
    }

    /// <summary>
    /// True for a Teams message that was only the bot's @mention (its text is empty once the mention is removed).
    /// Teams attaches an HTML copy of every message, so only other attachments make it a picture or a file.
    /// </summary>
    public static bool IsBareMention(Activity activity) =>
        IsTeams(activity)
        && string.IsNullOrWhiteSpace(activity.Text)
        && activity.GetMentions().Any(m => string.Equals(m.Mentioned?.Id, activity.Recipient?.Id, StringComparison.Ordinal))
        && activity.Attachments?.All(a => string.Equals(a.ContentType, "text/html", StringComparison.OrdinalIgnoreCase)) != false;

    /// <summary>
    /// True when the bot itself has just arrived in the conversation: a conversationUpdate whose members added
    /// hold the bot, or an installationUpdate that adds the app. On other channels a person joining is the
    /// moment too (Web Chat, the Emulator); on Teams a colleague joining a group chat is not.
    /// </summary>
    public static bool BotArrived(Activity activity)
    {
        if (activity.Type == ActivityTypes.InstallationUpdate)
        {
            return string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase);
        }

        if (activity.Type != ActivityTypes.ConversationUpdate || activity.MembersAdded is not { Count: > 0 } added)
        {
            return false;
        }

        var botId = activity.Recipient?.Id;
        return added.Any(m => m.Id == botId) || (!IsTeams(activity) && added.Any(m => m.Id != botId));
    }
}
