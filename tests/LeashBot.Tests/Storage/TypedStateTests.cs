using LeashBot.State;
using LeashBot.Storage;
using LeashBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
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
        (await owner.SaysAsync("we did 10 minutes today, he was relaxed")).Says("on to step 2");

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
        await storage.WriteRawForTestingAsync("webchat/users/shape-owner", stored);

        var replies = await owner.SaysAsync("let's start training");
        replies.Says("small update").Says("What's your cat's name?").DoesNotSay("something went wrong");
        (await owner.SaysAsync("Milo")).Says("Milo is on step 1 of 10");

        var user = await storage.ReadTextAsync("webchat/users/shape-owner");
        Assert.Equal("Milo", (string?)JObject.Parse(user!.Value.Json).SelectToken("owner.Cats[0].Name"));
    }
}
