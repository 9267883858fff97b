using LeashBot.Dialogs;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace LeashBot.Dialogs.Tests;

public class ChoiceFactoryTests
{
    private static readonly List<Choice> Choices = [new("indoors") { Title = "Indoors first" }, new("outside")];

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
    [InlineData("test")]
    public void Channels_with_suggested_actions_get_imBack_buttons_with_the_choice_values(string channelId)
    {
        var activity = ChoiceFactory.ForChannel(channelId, "Where?", Choices);

        Assert.Equal("Where?", activity.Text);
        var actions = activity.SuggestedActions.Actions;
        Assert.Equal(["indoors", "outside"], actions.Select(a => a.Value as string));
        Assert.Equal(["Indoors first", "outside"], actions.Select(a => a.Title));
        Assert.All(actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
        Assert.Empty(activity.Attachments ?? []);
        Assert.Equal(InputHints.ExpectingInput, activity.InputHint);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public void Teams_outside_personal_chats_gets_an_adaptive_card_whose_buttons_answer_without_a_mention(string? conversationType)
    {
        var activity = ChoiceFactory.ForChannel("msteams", "Where?", Choices, conversationType: conversationType);

        Assert.Null(activity.SuggestedActions);
        var attachment = Assert.Single(activity.Attachments);
        Assert.Equal(ChoiceFactory.AdaptiveCardContentType, attachment.ContentType);
        var card = Assert.IsType<JObject>(attachment.Content);
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("Where?", (string?)card["body"]![0]!["text"]);
        var actions = card["actions"]!.Children().ToList();
        Assert.All(actions, a => Assert.Equal("Action.Submit", (string?)a["type"]));
        Assert.All(actions, a => Assert.Equal(ActionTypes.MessageBack, (string?)a["data"]!["msteams"]!["type"]));
        Assert.Equal(["indoors", "outside"], actions.Select(a => (string?)a["data"]!["msteams"]!["text"]));
        Assert.Equal(["Indoors first", "outside"], actions.Select(a => (string?)a["title"]));
        Assert.Equal("indoors", (string?)actions[0]["data"]![ChoiceFactory.ChoiceValueKey]);
    }

    [Fact]
    public void Teams_personal_chats_get_suggested_actions_for_up_to_three_choices_and_a_card_beyond()
    {
        var two = ChoiceFactory.ForChannel("msteams", "Where?", Choices, conversationType: "personal");
        Assert.Equal(["indoors", "outside"], two.SuggestedActions.Actions.Select(a => a.Value as string));
        Assert.All(two.SuggestedActions.Actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));

        IList<Choice> four = [new("a"), new("b"), new("c"), new("d")];
        var many = ChoiceFactory.ForChannel("msteams", "Which?", four, conversationType: "personal");
        Assert.Null(many.SuggestedActions);
        Assert.Equal(ChoiceFactory.AdaptiveCardContentType, Assert.Single(many.Attachments).ContentType);
    }

    [Theory]
    [InlineData("sms")]
    [InlineData("some-new-channel")]
    [InlineData(null)]
    public void Sms_and_unknown_channels_get_a_numbered_list_in_the_text(string? channelId)
    {
        var activity = ChoiceFactory.ForChannel(channelId, "Where?", Choices);

        Assert.Equal("Where?\n1. Indoors first\n2. outside", activity.Text);
        Assert.Null(activity.SuggestedActions);
        Assert.True(activity.Attachments is null || activity.Attachments.Count == 0);
    }

    [Fact]
    public void An_explicit_style_wins_over_the_channel_default()
    {
        Assert.Equal("Where?\n1. Indoors first\n2. outside", ChoiceFactory.ForChannel("webchat", "Where?", Choices, ListStyle.List).Text);
        Assert.NotNull(ChoiceFactory.ForChannel("sms", "Where?", Choices, ListStyle.SuggestedAction).SuggestedActions);
        var none = ChoiceFactory.ForChannel("webchat", "Where?", Choices, ListStyle.None);
        Assert.Equal("Where?", none.Text);
        Assert.Null(none.SuggestedActions);
    }
}
