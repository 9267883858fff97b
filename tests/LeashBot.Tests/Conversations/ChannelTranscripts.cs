using LeashBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Conversations;

/// <summary>Choices rendered the way each channel can show them. Teams is simulated: its service can't run here.</summary>
public sealed class ChannelTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    [Fact]
    public async Task Simulated_teams_gets_the_menu_as_an_adaptive_card()
    {
        var greeting = await _host.NewOwner(channelId: "msteams").JoinsAsync();
        Assert.Contains(greeting.Activities, a => a["attachments"]?.Any(att => (string?)att["contentType"] == "application/vnd.microsoft.card.adaptive") == true);
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

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
    public async Task Did_that_help_has_Yes_and_No_buttons_and_a_tap_answers_it(string channelId)
    {
        var owner = _host.NewOwner(channelId: channelId);
        (await owner.SaysAsync("my cat froze on the porch what now")).Says("Did that help?").Offers("Yes", "No");
        (await owner.SaysAsync("No")).DoesNotSay("Did that help?").DoesNotSay("not quite sure");
    }

    [Fact]
    public async Task Yes_and_No_button_titles_come_from_the_content()
    {
        var dialogs = Path.Combine(TempFolder.Create(), "dialogs");
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot.Path, "dialogs"), "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dialogs, Path.GetRelativePath(Path.Combine(RepoRoot.Path, "dialogs"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var messagesFile = Path.Combine(dialogs, "messages.json");
        var messages = JObject.Parse(File.ReadAllText(messagesFile));
        messages["yesNoChoices"] = new JObject { ["yes"] = "Yes please", ["no"] = "Not really" };
        File.WriteAllText(messagesFile, messages.ToString());

        using var host = new BotHost(new() { ["Content:Directory"] = dialogs });
        var owner = host.NewOwner();
        (await owner.SaysAsync("my cat froze what now")).Offers("Yes please", "Not really");
        (await owner.SaysAsync("Not really")).DoesNotSay("Did that help?");
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
