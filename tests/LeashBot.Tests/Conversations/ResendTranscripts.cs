using LeashBot.Storage;
using LeashBot.Tests.DirectLine;
using LeashBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// A message delivered twice is handled once, through the real host: the owner's turn was saved but its reply never
/// arrived (a crash, a lost connection), and the same message comes again, from a Bot Framework channel with the same
/// activity id or from Web Chat with the same clientActivityID. The second delivery gets a short "got it already" and
/// changes nothing: one session is logged, not two, and a prompt's answer is not taken twice.
/// </summary>
public sealed class ResendTranscripts
{
    [Fact]
    public async Task The_same_activity_id_sent_again_after_its_turn_was_saved_logs_no_second_session()
    {
        using var host = new BotHost();
        var owner = host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Biscuit");

        var session = owner.Activity("message", "we did 6 minutes, he seemed a bit nervous");
        (await owner.PostAsync(session)).Says("Logged: 6 min");
        var again = await owner.PostAsync(session);
        again.Says("Got that one already");
        again.DoesNotSay("Logged");
        Assert.Equal(1, await SessionsStoredAsync(host, $"webchat/users/{owner.UserId}"));

        // A new message with other words is a new turn, and the resent one stays recognized after it.
        (await owner.SaysAsync("10 min today and he was relaxed")).Says("Logged: 10 min");
        (await owner.PostAsync(session)).Says("Got that one already");
        Assert.Equal(2, await SessionsStoredAsync(host, $"webchat/users/{owner.UserId}"));
    }

    [Fact]
    public async Task A_prompts_answer_resent_is_not_taken_twice()
    {
        using var host = new BotHost();
        var owner = host.NewOwner();
        await owner.SaysAsync("start training");
        var name = owner.Activity("message", "Mochi");
        (await owner.PostAsync(name)).Says("Mochi");
        var resent = await owner.PostAsync(name);
        resent.Says("Got that one already");
        resent.DoesNotSay("Lovely to meet");
        (await owner.SaysAsync("how is my cat doing")).Says("Mochi");
    }

    [Fact]
    public async Task Web_Chat_resending_a_message_with_the_same_client_activity_id_logs_no_second_session()
    {
        using var server = BotHost.OnKestrel();
        var session = await server.StartAsync();
        await session.SendAsync("start training", "c-1");
        await session.SendAsync("Pepper", "c-2");
        await session.SendAsync("we did 4 minutes, she was relaxed", "c-3");
        await session.WaitForAsync(list => list.Any(a => a["text"]?.GetValue<string>()?.Contains("Logged: 4 min", StringComparison.Ordinal) == true));

        // Web Chat's retry posts the same message again with its clientActivityID; the server gives it a new id.
        await session.SendAsync("we did 4 minutes, she was relaxed", "c-3");
        var all = await session.WaitForAsync(list => list.Any(a => a["text"]?.GetValue<string>()?.StartsWith("Got that one already", StringComparison.Ordinal) == true));
        Assert.Single(all, a => a["text"]?.GetValue<string>()?.Contains("Logged: 4 min", StringComparison.Ordinal) == true);
        Assert.Equal(1, await SessionsStoredAsync(server, $"directline/users/{session.UserId}"));
    }

    /// <summary>The sessions in the owner's cats (the record of the last change holds a copy of one, which doesn't count).</summary>
    private static async Task<int> SessionsStoredAsync(BotHost host, string ownerKey) =>
        JObject.Parse((await ((JsonStorage)host.Storage).ReadTextAsync(ownerKey))!.Value.Json).SelectTokens("owner.Cats[*].Sessions[*]").Count();
}

/// <summary>
/// Nothing is kept of a visitor until there is something to keep: a Teams app installed, a Web Chat visitor greeted,
/// a visitor who only asks questions store no owner's profile, only the conversation's small part (whether they were
/// greeted, a pending question). The owner's profile appears with the first cat.
/// </summary>
public sealed class NothingToKeepTests
{
    [Fact]
    public async Task An_installation_a_greeting_and_questions_store_no_owner_profile_until_a_cat_is_named()
    {
        using var host = new BotHost();
        var storage = (JsonStorage)host.Storage;
        var teams = host.NewOwner(channelId: "msteams");
        var installed = teams.Activity("installationUpdate", null, JObject.Parse("""{"action":"add"}"""));
        await teams.PostAsync(installed);
        NoProfile(await StoredParts.ReadAsync(storage, "msteams", teams.UserId, teams.ConversationId));

        var visitor = host.NewOwner();
        (await visitor.JoinsAsync()).Says("LeashBot");
        (await visitor.SaysAsync("how do i pick a harness?")).DoesNotSay("something went wrong");
        (await visitor.SaysAsync("and which leash?")).DoesNotSay("something went wrong");
        NoProfile(await StoredParts.ReadAsync(storage, "webchat", visitor.UserId, visitor.ConversationId));

        await visitor.SaysAsync("start training");
        await visitor.SaysAsync("Tofu");
        var named = await StoredParts.ReadAsync(storage, "webchat", visitor.UserId, visitor.ConversationId);
        Assert.Equal("Tofu", (string?)named.Owner.SelectToken("owner.Cats[0].Name"));
    }

    /// <summary>Only the conversation's part is stored, and it is small: no owner, no handled messages.</summary>
    private static void NoProfile(StoredParts parts)
    {
        Assert.Empty(parts.Owner.Properties());
        Assert.NotNull(parts.Conversation);
        Assert.InRange(parts.RecordBytes, 1, 400);
    }
}
