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
        var parts = await StoredParts.ReadAsync(storage, "webchat", "size-owner", "size-conv");
        output.WriteLine($"stored bytes, owner with two cats after a complete plan (20 sessions): one record of {parts.RecordBytes}: " +
                         $"the owner's part {parts.OwnerBytes}, the conversation's part {parts.ConversationBytes}");
        Assert.InRange(parts.OwnerBytes, 500, 8 * 1024);
        Assert.InRange(parts.ConversationBytes, 0, 2 * 1024); // nothing pending: no conversation's part at all
    }

    /// <summary>
    /// What a year costs: an owner who logs one session a day for 365 days. The owner's record grows only with the
    /// sessions they asked LeashBot to keep, by the same few bytes each; the conversation record does not grow at all.
    /// </summary>
    [Fact]
    public async Task A_year_of_daily_sessions_costs_a_few_dozen_bytes_a_day()
    {
        using var host = new BotHost();
        var owner = host.NewOwner(channelId: "webchat", userId: "year-owner", conversationId: "year-conv");
        var storage = (JsonStorage)host.Services.GetRequiredService<IStorage>();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Milo");
        var empty = (await StoredParts.ReadAsync(storage, "webchat", "year-owner", "year-conv")).OwnerBytes;

        var userBytes = new long[366];
        var conversationBytes = new long[366];
        userBytes[0] = empty;
        string[] moods = ["was relaxed", "seemed a bit unsure", "was relaxed", "hissed and tried to get it off"];
        for (var day = 1; day <= 365; day++)
        {
            host.Clock.Advance(TimeSpan.FromDays(1));
            var reply = await owner.SaysAsync($"Milo did {5 + (day % 26)} minutes today and {moods[day % moods.Length]}");
            reply.Says("Logged");
            var parts = await StoredParts.ReadAsync(storage, "webchat", "year-owner", "year-conv");
            userBytes[day] = parts.OwnerBytes;
            conversationBytes[day] = parts.ConversationBytes;
        }

        var perSession = (userBytes[365] - userBytes[0]) / 365.0;
        output.WriteLine($"a year of daily sessions: owner's part {userBytes[0]} B with one cat, {userBytes[30]} B after a month, " +
                         $"{userBytes[182]} B after six months, {userBytes[365]} B after a year ({perSession:0.0} B per session); " +
                         $"conversation's part {conversationBytes.Skip(1).Min()}–{conversationBytes.Skip(1).Max()} B");

        // Linear in the sessions kept: the second half of the year costs what the first half did, give or take the
        // digits of the minutes and dates.
        var firstHalf = userBytes[182] - userBytes[0];
        var secondHalf = userBytes[365] - userBytes[182];
        Assert.InRange(secondHalf, firstHalf * 0.9, firstHalf * 1.1);
        Assert.InRange(perSession, 40, 120);
        Assert.True(userBytes[365] < 48 * 1024, $"a year of sessions takes {userBytes[365]} B");
        // A relaxed day leaves "Shall I move Milo on?" pending: the yes/no question is the largest the part gets.
        Assert.True(conversationBytes.Skip(1).Max() < 1024, $"the conversation's part reached {conversationBytes.Skip(1).Max()} B");
    }

    private static async Task CompletePlanAsync(Owner owner, string cat)
    {
        for (var step = 1; step <= 10; step++)
        {
            (await owner.SaysAsync($"{cat} did 20 minutes today and was relaxed")).Says(step < 10 ? $"move {cat} on to step {step + 1}" : "mark all 10 steps done");
            (await owner.SaysAsync("yes")).Says(step < 10 ? $"on to step {step + 1}" : "finished all 10 steps");
        }
    }
}
