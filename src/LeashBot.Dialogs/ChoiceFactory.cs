using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace LeashBot.Dialogs;

/// <summary>Renders a question with choices in the way the channel shows best.</summary>
public static class ChoiceFactory
{
    // Channels known to render suggested actions everywhere.
    private static readonly HashSet<string> SuggestedActionChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        "webchat", "directline", "emulator", "test",
    };

    /// <summary>The key under which a Teams card button's value carries the choice (<c>value.choice</c>).</summary>
    public const string ChoiceValueKey = "choice";

    /// <summary>The content type of an Adaptive Card attachment.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Teams shows suggested actions in personal chats only, and no more than this many.</summary>
    public const int TeamsSuggestedActionLimit = 3;

    /// <summary>
    /// Builds the question activity. With <see cref="ListStyle.Auto"/>: suggested actions on webchat, directline,
    /// emulator and test; on msteams, suggested actions in a personal chat with at most three choices and an Adaptive
    /// Card with buttons otherwise (Teams shows suggested actions only in personal chats, and at most three); a
    /// numbered plain-text list appended to the text on sms and any unknown channel.
    /// Buttons send the choice's <see cref="Choice.Value"/> and show its title: as imBack, except on Teams cards,
    /// where they are messageBack with the value as text and as <c>value.choice</c>, so a tap in a group chat
    /// reaches the bot as the person's answer without an @mention.
    /// </summary>
    /// <param name="channelId">The channel, usually <c>turnContext.Activity.ChannelId</c>.</param>
    /// <param name="text">The question text, supplied by the host.</param>
    /// <param name="choices">The choices.</param>
    /// <param name="style">How to show the choices.</param>
    /// <param name="conversationType">The conversation's type (<c>personal</c>, <c>groupChat</c>, <c>channel</c> on Teams), usually <c>turnContext.Activity.Conversation.ConversationType</c>.</param>
    /// <returns>A message activity ready to send.</returns>
    public static Activity ForChannel(string? channelId, string? text, IList<Choice> choices, ListStyle style = ListStyle.Auto, string? conversationType = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Any(c => c is null || string.IsNullOrWhiteSpace(c.Value)))
        {
            throw new ArgumentException("Every choice needs a non-empty Value.", nameof(choices));
        }

        if (style == ListStyle.Auto)
        {
            style = channelId switch
            {
                _ when channelId is not null && SuggestedActionChannels.Contains(channelId) => ListStyle.SuggestedAction,
                _ when IsTeams(channelId) => string.Equals(conversationType, "personal", StringComparison.OrdinalIgnoreCase) && choices.Count <= TeamsSuggestedActionLimit
                    ? ListStyle.SuggestedAction
                    : ListStyle.HeroCard,
                _ => ListStyle.List,
            };
        }

        Activity activity;
        switch (style)
        {
            case ListStyle.SuggestedAction:
                activity = MessageFactory.Text(text);
                activity.SuggestedActions = new SuggestedActions { Actions = [.. choices.Select(Button)] };
                break;
            case ListStyle.HeroCard when IsTeams(channelId):
                // Teams users expect Adaptive Cards; the question goes into the card so text and buttons stay together.
                activity = MessageFactory.Text(null);
                activity.Attachments = [TeamsCard(text, choices)];
                break;
            case ListStyle.HeroCard:
                activity = MessageFactory.Text(null);
                activity.Attachments = [new HeroCard(text: text, buttons: [.. choices.Select(Button)]).ToAttachment()];
                break;
            case ListStyle.List:
                var list = string.Join("\n", choices.Select((c, i) => $"{i + 1}. {TitleOf(c)}"));
                activity = MessageFactory.Text(string.IsNullOrEmpty(text) ? list : $"{text}\n{list}");
                break;
            default:
                activity = MessageFactory.Text(text);
                break;
        }

        activity.InputHint = InputHints.ExpectingInput;
        return activity;
    }

    private static CardAction Button(Choice choice) =>
        new(ActionTypes.ImBack, title: TitleOf(choice), value: choice.Value);

    /// <summary>
    /// An Adaptive Card (plain JSON, schema 1.5) with the question and one Action.Submit per choice. Each button is a
    /// Teams messageBack: the tap arrives as the person's message with the choice as its text and as
    /// <c>value.choice</c>, so in a group chat it reaches the bot without an @mention.
    /// </summary>
    private static Attachment TeamsCard(string? text, IList<Choice> choices) => new()
    {
        ContentType = AdaptiveCardContentType,
        Content = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = string.IsNullOrEmpty(text) ? new JArray() : new JArray(new JObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true }),
            ["actions"] = new JArray(choices.Select(c => new JObject
            {
                ["type"] = "Action.Submit",
                ["title"] = TitleOf(c),
                ["data"] = new JObject
                {
                    ["msteams"] = new JObject { ["type"] = "messageBack", ["text"] = c.Value, ["displayText"] = TitleOf(c) },
                    [ChoiceValueKey] = c.Value,
                },
            })),
        },
    };

    private static bool IsTeams(string? channelId) => string.Equals(channelId, "msteams", StringComparison.OrdinalIgnoreCase);

    private static string TitleOf(Choice choice) => string.IsNullOrWhiteSpace(choice.Title) ? choice.Value : choice.Title;
}
