using LeashBot.Storage;
using LeashBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Conversations;

/// <summary>An owner at the readiness checklist, and what it stored for their first cat, read from the real store.</summary>
internal static class StoredChecklist
{
    /// <summary>
    /// A new owner at the checklist for <paramref name="cat"/>, with the first answers given, a minute apart (1 health,
    /// 2 treats, 3 curious, 4 handling, 5 time, 6 patience).
    /// </summary>
    public static async Task<Owner> StartAsync(BotHost host, string channel, string cat, params string[] answers)
    {
        var owner = host.NewOwner(channelId: channel);
        await owner.SaysAsync("is my cat ready?");
        (await owner.SaysAsync(cat)).Says("healthy and up to date");
        foreach (var answer in answers)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            await owner.SaysAsync(answer);
        }

        return owner;
    }

    /// <summary>The ids of the questions that held the first cat back ("motivated", "handling", "patience"…).</summary>
    public static async Task<List<string>> HeldBackAsync(BotHost host, string channel, Owner owner) =>
        [.. JObject.Parse((await ((JsonStorage)host.Storage).ReadTextAsync($"{channel}/users/{owner.UserId}"))!.Value.Json)
            .SelectTokens("owner.Cats[0].Checklist.HeldBackBy[*]").Select(t => (string)t!)];
}
