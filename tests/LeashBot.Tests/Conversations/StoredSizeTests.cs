using LeashBot.Storage;
using LeashBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LeashBot.Tests.Conversations;

/// <summary>How much an owner's months of training take in storage, measured on the default SQLite store.</summary>
public sealed class StoredSizeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_owner_with_two_cats_after_a_complete_plan_stays_small()
    {
        using var host = new BotHost();
        var owner = host.NewOwner(channelId: "webchat", userId: "size-owner", conversationId: "size-conv");
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Milo");
        await CompletePlanAsync(owner, "Milo");
        await owner.SaysAsync("add a cat");
        await owner.SaysAsync("Juniper");
        await CompletePlanAsync(owner, "Juniper");

        (await owner.SaysAsync("how are my cats doing?")).Says("Milo has already finished all 10 steps").Says("Juniper has already finished all 10 steps");

        var storage = (JsonStorage)host.Services.GetRequiredService<IStorage>();
        var user = await storage.StoredBytesAsync("webchat/users/size-owner");
        var conversation = await storage.StoredBytesAsync("webchat/conversations/size-conv");
        output.WriteLine($"stored bytes, owner with two cats after a complete plan (20 sessions): user record {user}, conversation record {conversation}");
        Assert.NotNull(user);
        Assert.NotNull(conversation);
        Assert.InRange(user.Value, 500, 8 * 1024);
        Assert.InRange(conversation.Value, 10, 2 * 1024);
    }

    private static async Task CompletePlanAsync(Owner owner, string cat)
    {
        for (var step = 1; step <= 10; step++)
        {
            var reply = await owner.SaysAsync($"{cat} did 20 minutes today and was relaxed");
            reply.Says(step < 10 ? $"on to step {step + 1}" : "finished all 10 steps");
        }
    }
}
