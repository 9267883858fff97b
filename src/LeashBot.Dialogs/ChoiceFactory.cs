using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace LeashBot.Dialogs;

/// <summary>Renders a question with choices in the way the channel shows best.</summary>
public static class ChoiceFactory
{
    // Channels known to render suggested actions everywhere.
    private static readonly HashSet<string> SuggestedActionChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        "webchat", "directline", "emulator", "test",
    };

    /// <summary>
    /// Builds the question activity. With <see cref="ListStyle.Auto"/>: suggested actions on webchat, directline,
    /// emulator and test; a hero card with buttons on msteams (Teams shows suggested actions only in personal chats,
    /// and at most three); a numbered plain-text list appended to the text on sms and any unknown channel.
    /// Buttons send the choice's <see cref="Choice.Value"/> (imBack) and show its title.
    /// </summary>
    /// <param name="channelId">The channel, usually <c>turnContext.Activity.ChannelId</c>.</param>
    /// <param name="text">The question text, supplied by the host.</param>
    /// <param name="choices">The choices.</param>
    /// <param name="style">How to show the choices.</param>
    /// <returns>A message activity ready to send.</returns>
    public static Activity ForChannel(string? channelId, string? text, IList<Choice> choices, ListStyle style = ListStyle.Auto)
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
                _ when string.Equals(channelId, "msteams", StringComparison.OrdinalIgnoreCase) => ListStyle.HeroCard,
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
            case ListStyle.HeroCard:
                // The question goes into the card so text and buttons stay together.
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

    private static string TitleOf(Choice choice) => string.IsNullOrWhiteSpace(choice.Title) ? choice.Value : choice.Title;
}
