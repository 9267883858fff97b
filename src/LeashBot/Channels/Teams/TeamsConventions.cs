using LeashBot.Bot;
using LeashBot.State;
using Newtonsoft.Json.Linq;

namespace LeashBot.Channels.Teams;

/// <summary>
/// What a Teams conversation does differently: in a group chat or channel people talk to each other too, so the
/// bot answers only when @mentioned (the mention arrives inside the text), and it greets when it is installed or
/// added, not when a colleague joins later.
/// </summary>
public sealed class TeamsConventions : ChannelConventions
{
    public override string ChannelId => Microsoft.Bot.Connector.Channels.Msteams;

    /// <summary>
    /// Whether a message in a shared Teams conversation is meant for the bot: it @mentions the bot, or it comes
    /// from one of the bot's own card buttons (those carry a value and no mention). Everything else is people
    /// talking to each other. Outside shared conversations every message is for the bot.
    /// </summary>
    public override bool IsForBot(Activity activity)
    {
        if (!StateKeys.IsShared(activity) || activity.Type != ActivityTypes.Message)
        {
            return true;
        }

        var botId = activity.Recipient?.Id;
        return activity.Value is not null
            || (botId is not null && BotMentions(activity).Any());
    }

    /// <summary>
    /// The app was installed, or the bot itself was added to the conversation: a conversationUpdate whose members
    /// added hold the bot. A colleague joining a group chat is not the moment to greet.
    /// </summary>
    public override bool BotArrived(Activity activity)
    {
        if (activity.Type != ActivityTypes.ConversationUpdate)
        {
            return base.BotArrived(activity);
        }

        var botId = activity.Recipient?.Id;
        return activity.MembersAdded is { Count: > 0 } added && added.Any(m => m.Id == botId);
    }

    /// <summary>
    /// In a group chat or channel several people talk to the bot, so its first message of each answer @mentions the
    /// person it answers (Teams shows the name and notifies them).
    /// </summary>
    public override void BeginTurn(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var incoming = turnContext.Activity;
        if (incoming.Type != ActivityTypes.Message || !StateKeys.IsShared(incoming) || incoming.From is not { Name: { Length: > 0 } } person)
        {
            return;
        }

        var mentioned = false;
        turnContext.OnSendActivities(async (context, activities, next) =>
        {
            if (!mentioned && activities.FirstOrDefault(a => a.Type == ActivityTypes.Message && !string.IsNullOrEmpty(a.Text)) is { } first)
            {
                mentioned = true;
                var mention = new Mention { Mentioned = new ChannelAccount(person.Id, person.Name), Text = $"<at>{person.Name}</at>" };
                first.Text = mention.Text + " " + first.Text;
                first.Entities = [.. first.Entities ?? [], mention];
            }

            return await next().ConfigureAwait(false);
        });
    }

    /// <summary>In group chats Teams puts the bot's @mention inside the text; a mention without text removes nothing.</summary>
    public override void Unwrap(Activity activity)
    {
        foreach (var mentionText in BotMentions(activity))
        {
            if (!string.IsNullOrEmpty(activity.Text) && !string.IsNullOrEmpty(mentionText))
            {
                activity.Text = activity.Text.Replace(mentionText, "", StringComparison.Ordinal);
            }
        }
    }

    /// <summary>
    /// True for a message that was only the bot's @mention (its text is empty once the mention is removed): a
    /// colleague calling the bot over. Teams attaches an HTML copy of every message, so only other attachments make
    /// it a picture or a file.
    /// </summary>
    public override bool CallsBotOver(Activity activity) =>
        string.IsNullOrWhiteSpace(activity.Text)
        && BotMentions(activity).Any()
        && activity.Attachments?.All(a => string.Equals(a.ContentType, "text/html", StringComparison.OrdinalIgnoreCase)) != false;

    /// <summary>
    /// The text of each mention of the bot (empty when the mention has none). Read from the entities' JSON as it came, so
    /// a malformed mention (no name, no text, a string where an object belongs) is simply not a mention of the bot.
    /// </summary>
    private static IEnumerable<string> BotMentions(Activity activity)
    {
        var botId = activity.Recipient?.Id;
        if (string.IsNullOrEmpty(botId) || activity.Entities is null)
        {
            yield break;
        }

        foreach (var entity in activity.Entities)
        {
            if (entity is null || !string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase) || entity.Properties is null)
            {
                continue;
            }

            if (entity.Properties["mentioned"] is JObject mentioned && mentioned["id"] is JValue { Type: JTokenType.String } id
                && string.Equals((string?)id, botId, StringComparison.Ordinal))
            {
                yield return entity.Properties["text"] is JValue { Type: JTokenType.String } text ? (string?)text ?? "" : "";
            }
        }
    }
}
