using System.Net;
using System.Text;
using LeashBot.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Channels;

/// <summary>
/// Teams, simulated: Teams itself can't run here, so these post the activity shapes Teams sends (install,
/// personal chat, a group chat with two people, invokes) to the real host's /api/messages.
/// </summary>
public sealed class TeamsTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private const string BotId = "28:leashbot-app";
    private readonly BotHost _host = shared.Host;

    [Fact]
    public async Task Installing_the_app_greets_with_the_disclaimer_once_Teams_simulated()
    {
        var chat = TeamsChat.Personal(_host);
        var installed = await chat.PostAsync(chat.InstallationUpdate("add"));
        installed.FirstSays("Hi! I'm LeashBot").Says("not veterinary advice").Offers("Is my cat ready?");

        // Teams also sends the conversationUpdate that adds the bot: the welcome is not repeated.
        Assert.Empty((await chat.PostAsync(chat.BotAdded())).Texts);

        // Removing or upgrading the app says nothing.
        Assert.Empty((await chat.PostAsync(chat.InstallationUpdate("remove"))).Activities);
    }

    [Fact]
    public async Task The_conversationUpdate_that_adds_only_the_bot_greets_Teams_simulated()
    {
        var chat = TeamsChat.Personal(_host);
        (await chat.PostAsync(chat.BotAdded())).FirstSays("Hi! I'm LeashBot").Says("not veterinary advice");
    }

    [Fact]
    public async Task Personal_chat_yes_no_questions_are_suggested_actions_and_the_five_item_menu_a_card_Teams_simulated()
    {
        var chat = TeamsChat.Personal(_host);
        var menu = await chat.PostAsync(chat.BotAdded());
        Assert.Contains(menu.Activities, a => (string?)a["attachments"]?.FirstOrDefault()?["contentType"] == "application/vnd.microsoft.card.adaptive");

        await chat.PostAsync(chat.Message("is my cat ready?"));
        var question = await chat.PostAsync(chat.Message("Milo"));
        question.Says("Milo").Offers("Yes", "No");
        var asked = question.Activities[^1];
        Assert.Equal(2, asked["suggestedActions"]!["actions"]!.Count());
        Assert.All(asked["suggestedActions"]!["actions"]!, b => Assert.Equal("imBack", (string?)b["type"]));
    }

    [Fact]
    public async Task In_a_group_chat_two_people_keep_their_own_flows_and_cats_Teams_simulated()
    {
        var group = TeamsChat.Group(_host);
        (await group.PostAsync(group.BotAdded(group.Alice))).FirstSays("Hi! I'm LeashBot");

        // A colleague joining later is not greeted: the group has already seen the welcome.
        Assert.Empty((await group.PostAsync(group.MemberAdded(group.Alice, "29:carol"))).Activities);

        (await group.PostAsync(group.Mentioning(group.Alice, "start training"))).Says("What's your cat's name?");
        (await group.PostAsync(group.Mentioning(group.Bob, "start training"))).Says("What's your cat's name?");

        // Bob answers the question he was asked; Alice's pending question is untouched.
        (await group.PostAsync(group.Mentioning(group.Bob, "Biscuit"))).Says("Lovely to meet Biscuit");
        (await group.PostAsync(group.Mentioning(group.Alice, "Milo"))).Says("Lovely to meet Milo").DoesNotSay("Biscuit");

        // Each profile holds its own cat.
        (await group.PostAsync(group.Mentioning(group.Alice, "how is my cat doing?"))).Says("Milo").DoesNotSay("Biscuit");
        (await group.PostAsync(group.Mentioning(group.Bob, "how is my cat doing?"))).Says("Biscuit").DoesNotSay("Milo");
    }

    [Fact]
    public async Task In_a_group_chat_the_bot_answers_only_when_mentioned_or_tapped_Teams_simulated()
    {
        var group = TeamsChat.Group(_host);
        await group.PostAsync(group.BotAdded(group.Alice));

        // People talking to each other: no reply, and nothing about the chat changes.
        Assert.Empty((await group.PostAsync(group.Message(group.Alice, "is my cat ready? asking for a friend"))).Activities);

        await group.PostAsync(group.Mentioning(group.Alice, "is my cat ready?"));
        var question = await group.PostAsync(group.Mentioning(group.Alice, "Luna"));
        question.Offers("Yes", "No");
        var card = question.Activities[^1]["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)card["contentType"]);
        var yes = card["content"]!["actions"]!.First(b => (string?)b["title"] == "Yes");
        Assert.Equal("Action.Submit", (string?)yes["type"]);
        Assert.Equal("messageBack", (string?)yes["data"]!["msteams"]!["type"]);

        // A tap on a card button arrives as the person's message with the button's data as its value and no mention.
        var tap = TeamsChat.Tap(group.Message(group.Alice, null), yes);
        var next = await group.PostAsync(tap);
        Assert.NotEmpty(next.Texts.Concat(next.Buttons));
        next.DoesNotSay("didn't catch that");

        // A bare mention calls the bot over: the menu, as card buttons.
        var called = await group.PostAsync(group.Mentioning(group.Bob, ""));
        called.Offers("Is my cat ready?").DoesNotSay("only read text");

        // The next question is hers: Bob's unmentioned chatter is ignored and his mention starts his own flow.
        Assert.Empty((await group.PostAsync(group.Message(group.Bob, "yes"))).Activities);
        (await group.PostAsync(group.Mentioning(group.Bob, "is my cat ready?"))).Says("What's your cat's name?");
    }

    [Fact]
    public async Task An_invoke_gets_200_instead_of_an_error_Teams_simulated()
    {
        var chat = TeamsChat.Personal(_host);
        var invoke = chat.Message("ignored");
        invoke["type"] = "invoke";
        invoke["name"] = "composeExtension/query";
        invoke["value"] = new JObject { ["commandId"] = "search" };
        invoke.Remove("deliveryMode");
        invoke.Remove("text");
        using var content = new StringContent(invoke.ToString(Formatting.None), Encoding.UTF8, "application/json");
        using var response = await chat.Owner.Http.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_old_card_button_tapped_mid_flow_is_taken_as_the_choice_it_names_Teams_simulated()
    {
        var group = TeamsChat.Group(_host);
        var menu = await group.PostAsync(group.BotAdded(group.Alice));
        var stories = menu.Activities.SelectMany(a => a["attachments"] ?? new JArray()).SelectMany(c => c["content"]!["actions"] ?? new JArray())
            .First(b => (string?)b["title"] == "Stories from other owners");

        await group.PostAsync(group.Mentioning(group.Alice, "is my cat ready?"));
        (await group.PostAsync(group.Mentioning(group.Alice, "Luna"))).Offers("Yes", "No");

        // The old menu card's button, tapped while a yes/no question waits.
        var tapped = await group.PostAsync(TeamsChat.Tap(group.Message(group.Alice, null), stories));
        tapped.DoesNotSay("didn't catch that").DoesNotSay("yes or no");
        Assert.Contains(tapped.Texts, t => t.Length > 40);
    }

    [Fact]
    public async Task In_a_group_chat_the_answer_mentions_the_person_it_answers_Teams_simulated()
    {
        var group = TeamsChat.Group(_host);
        await group.PostAsync(group.BotAdded(group.Alice));
        var answer = await group.PostAsync(group.Mentioning(group.Bob, "my cat froze, what now?"));
        var first = answer.Activities.First(a => !string.IsNullOrEmpty((string?)a["text"]));
        Assert.StartsWith($"<at>{group.Bob[3..]}</at>", (string?)first["text"], StringComparison.Ordinal);
        Assert.Contains(first["entities"]!, e => (string?)e["type"] == "mention" && (string?)e["mentioned"]!["id"] == group.Bob);

        // A personal chat has only one person: no mention.
        var chat = TeamsChat.Personal(_host);
        var personal = await chat.PostAsync(chat.Message("my cat froze, what now?"));
        personal.DoesNotSay("<at>");
    }

    [Fact]
    public async Task The_greeting_uses_the_name_the_clinic_gave_the_app_Teams_simulated()
    {
        using var host = new BotHost(new Dictionary<string, string?> { ["Organization:BotName"] = "Whisker Vets coach" });
        var chat = TeamsChat.Personal(host);
        (await chat.PostAsync(chat.BotAdded())).FirstSays("Hi! I'm Whisker Vets coach").DoesNotSay("LeashBot");
    }

    [Fact]
    public async Task Every_command_the_Teams_manifest_lists_is_understood()
    {
        var defaults = JObject.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "deploymentTemplates", "teams", "teams-app.json")));
        var commands = defaults["Commands"]!.Select(c => (string)c["Title"]!).ToList();
        Assert.InRange(commands.Count, 5, 10);
        foreach (var command in commands)
        {
            var chat = TeamsChat.Personal(_host);
            await chat.PostAsync(chat.Message("start training"));
            await chat.PostAsync(chat.Message("Luna"));
            (await chat.PostAsync(chat.Message(command))).DoesNotSay("not quite sure").DoesNotSay("Did you mean");
        }
    }

    /// <summary>A Teams conversation: personal (one person) or a group chat, with Teams' ids and shapes.</summary>
    private sealed class TeamsChat
    {
        private readonly string _conversationType;
        private readonly string _conversationId;
        private readonly string _person;

        private TeamsChat(Owner owner, string conversationType, string conversationId, string person)
        {
            Owner = owner;
            _conversationType = conversationType;
            _conversationId = conversationId;
            _person = person;
        }

        public Owner Owner { get; }

        public static TeamsChat Personal(BotHost host)
        {
            var person = "29:" + Guid.NewGuid().ToString("N")[..12];
            return new TeamsChat(host.NewOwner("msteams", person), "personal", "a:" + Guid.NewGuid().ToString("N"), person);
        }

        public static TeamsChat Group(BotHost host)
        {
            var suffix = Guid.NewGuid().ToString("N")[..8];
            return new(host.NewOwner("msteams"), "groupChat", "19:" + Guid.NewGuid().ToString("N") + "@thread.v2", "29:alice-" + suffix)
            {
                Alice = "29:alice-" + suffix,
                Bob = "29:bob-" + suffix,
            };
        }

        /// <summary>Two people in a group chat; their ids are new for each chat, as the host (and user state) is shared by the tests.</summary>
        public string Alice { get; private init; } = "";

        public string Bob { get; private init; } = "";

        public Task<Replies> PostAsync(JObject activity) => Owner.PostAsync(activity);

        public JObject InstallationUpdate(string action)
        {
            var activity = Base("installationUpdate", _person);
            activity["action"] = action;
            return activity;
        }

        public JObject BotAdded(string? by = null)
        {
            var activity = Base("conversationUpdate", by ?? _person);
            activity["membersAdded"] = new JArray(new JObject { ["id"] = BotId });
            return activity;
        }

        public JObject MemberAdded(string by, string member)
        {
            var activity = Base("conversationUpdate", by);
            activity["membersAdded"] = new JArray(new JObject { ["id"] = member });
            return activity;
        }

        public JObject Message(string text) => Message(_person, text);

        public JObject Message(string from, string? text)
        {
            var activity = Base("message", from);
            activity["text"] = text;
            return activity;
        }

        /// <summary>What Teams sends for a tap on an Adaptive Card's messageBack button: its text, and its data as the value.</summary>
        public static JObject Tap(JObject message, JToken button)
        {
            var data = (JObject)button["data"]!.DeepClone();
            message["text"] = (string?)data["msteams"]!["text"];
            data.Remove("msteams");
            message["value"] = data;
            return message;
        }

        public JObject Mentioning(string from, string text)
        {
            var activity = Message(from, "<at>LeashBot</at> " + text);
            activity["entities"] = new JArray(new JObject
            {
                ["type"] = "mention",
                ["text"] = "<at>LeashBot</at>",
                ["mentioned"] = new JObject { ["id"] = BotId, ["name"] = "LeashBot" },
            });
            return activity;
        }

        private JObject Base(string type, string from)
        {
            var conversation = new JObject
            {
                ["id"] = _conversationId,
                ["conversationType"] = _conversationType,
                ["tenantId"] = "clinic-tenant",
            };
            if (_conversationType != "personal")
            {
                conversation["isGroup"] = true;
            }

            return new JObject
            {
                ["type"] = type,
                ["id"] = "1" + Guid.NewGuid().ToString("N")[..12],
                ["channelId"] = "msteams",
                ["serviceUrl"] = "http://localhost:1/",
                ["from"] = new JObject { ["id"] = from, ["name"] = from[3..], ["aadObjectId"] = Guid.NewGuid().ToString() },
                ["recipient"] = new JObject { ["id"] = BotId, ["name"] = "LeashBot" },
                ["conversation"] = conversation,
                ["channelData"] = new JObject { ["tenant"] = new JObject { ["id"] = "clinic-tenant" } },
                ["deliveryMode"] = "expectReplies",
                ["locale"] = "en-US",
            };
        }
    }
}
