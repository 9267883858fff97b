using LeashBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Conversations;

/// <summary>Choices rendered the way each channel can show them. Teams is simulated: its service can't run here.</summary>
public sealed class ChannelTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    [Fact]
    public async Task Simulated_teams_gets_the_menu_as_card_buttons()
    {
        var greeting = await _host.NewOwner(channelId: "msteams").JoinsAsync();
        Assert.Contains(greeting.Activities, a => a["attachments"]?.Any(att => (string?)att["contentType"] == "application/vnd.microsoft.card.hero") == true);
        greeting.Offers("Is my cat ready?", "Stories from other owners");
    }

    [Fact]
    public async Task Simulated_teams_group_chat_mention_is_stripped_before_understanding()
    {
        var owner = _host.NewOwner(channelId: "msteams");
        (await owner.PostAsync(Mentioning(owner, "start training"))).Says("What's your cat's name?");
        (await owner.PostAsync(Mentioning(owner, "Milo"))).Says("Lovely to meet Milo!");
    }

    private static JObject Mentioning(Owner owner, string text)
    {
        var message = owner.Activity("message", "<at>LeashBot</at> " + text);
        message["entities"] = new JArray(new JObject
        {
            ["type"] = "mention",
            ["text"] = "<at>LeashBot</at>",
            ["mentioned"] = new JObject { ["id"] = "leashbot", ["name"] = "LeashBot" },
        });
        return message;
    }

    [Fact]
    public async Task A_channel_the_bot_does_not_know_gets_a_numbered_list_and_the_words_work_too()
    {
        var owner = _host.NewOwner(channelId: "somechat");
        var greeting = await owner.SaysAsync("hello");
        greeting.Says("1. Is my cat ready?").Says("4. Gear and safety");
        Assert.Empty(greeting.Buttons);
        (await owner.SaysAsync("gear and safety")).Says("2. Is it safe?");
        (await owner.SaysAsync("is it safe")).Says("never leave your cat unattended");
    }
}
