using LeashBot.State;
using LeashBot.Storage;
using LeashBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Storage;

/// <summary>
/// The owner's and the conversation's records are read straight into their types and written only when a turn changed
/// them, through the real host on a SQLite file. Bad input tried: records of the wrong shape (an owner that is a number,
/// cats that are a string), which must not lock the owner out.
/// </summary>
public sealed class TypedStateTests
{
    [Fact]
    public void The_host_keeps_state_in_typed_scopes()
    {
        using var host = new BotHost();
        Assert.NotNull(host.Services.GetService<TypedConversationState>());
        Assert.NotNull(host.Services.GetService<TypedUserState>());

        // Nothing can reach the records through Bot Framework's untyped scopes, which would write them a second way.
        Assert.Null(host.Services.GetService<ConversationState>());
        Assert.Null(host.Services.GetService<UserState>());
    }

    [Fact]
    public async Task A_turn_that_changes_nothing_writes_nothing_and_one_that_does_writes_plain_json()
    {
        using var host = new BotHost();
        var owner = host.NewOwner(userId: "typed-owner", conversationId: "typed-conv");
        var storage = (JsonStorage)host.Services.GetRequiredService<IStorage>();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Milo");
        (await owner.SaysAsync("we did 10 minutes today, he was relaxed")).Says("Shall I move Milo on to step 2");
        (await owner.SaysAsync("yes")).Says("on to step 2");

        var user = await storage.ReadTextAsync("webchat/users/typed-owner");
        Assert.NotNull(user);
        var profile = JObject.Parse(user.Value.Json);
        Assert.Equal("Milo", (string?)profile.SelectToken("owner.Cats[0].Name"));
        Assert.Equal(2, (int?)profile.SelectToken("owner.Cats[0].Step"));
        Assert.DoesNotContain("$type", user.Value.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("eTag", user.Value.Json, StringComparison.OrdinalIgnoreCase);

        // Asking how Milo is doing reads the owner's record and changes nothing in it.
        (await owner.SaysAsync("how's Milo doing?")).Says("step 2 of 10");
        var after = await storage.ReadTextAsync("webchat/users/typed-owner");
        Assert.Equal(user.Value.ETag, after!.Value.ETag);
        Assert.Equal(user.Value.Json, after.Value.Json);
    }

    [Theory]
    [InlineData("{\"owner\": 42}")]
    [InlineData("{\"owner\": {\"Cats\": \"Milo\"}}")]
    [InlineData("{\"owner\": {\"Cats\": [{\"Name\": \"Milo\", \"Step\": \"three\"}]}}")]
    public async Task An_owner_record_of_the_wrong_shape_is_quarantined_and_the_owner_starts_fresh(string stored)
    {
        using var host = new BotHost();
        var owner = host.NewOwner(userId: "shape-owner");
        var storage = (JsonStorage)host.Services.GetRequiredService<IStorage>();
        await storage.WriteTextAsync("webchat/users/shape-owner", stored, "*");

        var replies = await owner.SaysAsync("let's start training");
        replies.Says("small update").Says("What's your cat's name?").DoesNotSay("something went wrong");
        (await owner.SaysAsync("Milo")).Says("Milo is on step 1 of 10");

        var user = await storage.ReadTextAsync("webchat/users/shape-owner");
        Assert.Equal("Milo", (string?)JObject.Parse(user!.Value.Json).SelectToken("owner.Cats[0].Name"));
    }

    /// <summary>
    /// An owner stored by the earlier version, as two records: the owner's (a cat, Milo, on step 1) and the
    /// conversation's own, whose dialog stack waits for the answer to "How did Milo seem?". The next message answers
    /// that question and logs the session on the owner's cat, and both now live in the person's one record.
    /// </summary>
    [Fact]
    public async Task An_owner_and_a_pending_question_stored_as_two_records_carry_on_in_one()
    {
        using var host = new BotHost();
        var owner = host.NewOwner(userId: "old-owner", conversationId: "old-conv");
        var storage = (JsonStorage)host.Services.GetRequiredService<IStorage>();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Milo");
        (await owner.SaysAsync("we did 10 minutes today")).Says("How did Milo seem");

        // The same state as the earlier version laid it out.
        var record = JObject.Parse((await storage.ReadTextAsync("webchat/users/old-owner"))!.Value.Json);
        var state = (JObject)record.SelectToken("conversations.old-conv.state")!;
        record.Remove("conversations");
        await storage.ForgetAsync(["webchat/users/old-owner"]);
        await storage.WriteTextAsync("webchat/users/old-owner", record.ToString(Formatting.None), "*");
        await storage.WriteTextAsync("webchat/conversations/old-conv", state.ToString(Formatting.None), "*");

        (await owner.SaysAsync("he was relaxed")).Says("Shall I move Milo on to step 2").DoesNotSay("small update");
        Assert.Null(await storage.ReadTextAsync("webchat/conversations/old-conv"));
        var after = JObject.Parse((await storage.ReadTextAsync("webchat/users/old-owner"))!.Value.Json);

        // The cat moves on only once the owner says yes to the question.
        Assert.Equal(1, (int?)after.SelectToken("owner.Cats[0].Step"));
        Assert.Single((JArray)after.SelectToken("owner.Cats[0].Sessions")!);
    }

    /// <summary>
    /// This conversation's entry is read straight into its types when it is laid out as the bot writes it; an entry laid
    /// out another way (members in another order, spaced out) is read the same, and one whose pending question does not
    /// fit is given up alone: the owner hears "small update", and their cat and its session stay.
    /// </summary>
    [Fact]
    public async Task A_conversation_entry_written_another_way_reads_the_same_and_one_that_does_not_fit_is_given_up_alone()
    {
        using var host = new BotHost();
        var owner = host.NewOwner(userId: "entry-owner", conversationId: "entry-conv");
        var storage = (JsonStorage)host.Services.GetRequiredService<IStorage>();
        const string key = "webchat/users/entry-owner";
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Milo");
        (await owner.SaysAsync("we did 10 minutes today")).Says("How did Milo seem");

        async Task Rewrite(Func<JObject, JObject> entry)
        {
            var record = JObject.Parse((await storage.ReadTextAsync(key))!.Value.Json);
            var conversations = (JObject)record["conversations"]!;
            conversations["entry-conv"] = entry((JObject)conversations["entry-conv"]!);
            await storage.WriteTextAsync(key, record.ToString(Formatting.Indented), "*");
        }

        await Rewrite(e => new JObject { ["state"] = e["state"], ["at"] = e["at"] });
        (await owner.SaysAsync("he was relaxed")).Says("Shall I move Milo on to step 2").DoesNotSay("small update");

        await Rewrite(e => new JObject { ["at"] = e["at"], ["state"] = new JObject { ["dialogState"] = new JObject { ["dialogStack"] = new JObject { ["id"] = 1 } } } });
        (await owner.SaysAsync("yes")).Says("small update").DoesNotSay("something went wrong");
        (await owner.SaysAsync("how's Milo doing?")).Says("step 1 of 10").DoesNotSay("small update");
        var after = JObject.Parse((await storage.ReadTextAsync(key))!.Value.Json);
        Assert.Single((JArray)after.SelectToken("owner.Cats[0].Sessions")!);
    }

    /// <summary>
    /// A person's record keeps their recent conversations only: one untouched for the retention's idle days is dropped
    /// the next time the record is written, and no more than <see cref="TurnRecords.MaxConversations"/> are kept.
    /// </summary>
    [Fact]
    public async Task A_person_s_record_keeps_only_recent_conversations()
    {
        using var host = new BotHost();
        var storage = (JsonStorage)host.Services.GetRequiredService<IStorage>();
        (await host.NewOwner(userId: "many-owner", conversationId: "first").JoinsAsync()).Says("LeashBot");
        host.Clock.Advance(TimeSpan.FromDays(31));
        for (var i = 0; i < TurnRecords.MaxConversations + 4; i++)
        {
            await host.NewOwner(userId: "many-owner", conversationId: $"later-{i}").JoinsAsync();
        }

        var conversations = (JObject)JObject.Parse((await storage.ReadTextAsync("webchat/users/many-owner"))!.Value.Json)["conversations"]!;
        var kept = conversations.Properties().Select(p => p.Name).ToList();
        Assert.Equal(TurnRecords.MaxConversations, kept.Count);
        Assert.DoesNotContain("first", kept);
        Assert.Contains($"later-{TurnRecords.MaxConversations + 3}", kept);
    }
}
