using LeashBot.Storage;
using LeashBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Conversations;

/// <summary>What the readiness checklist stored for an owner's first cat, read from the real store.</summary>
internal static class StoredChecklist
{
    /// <summary>The ids of the questions that held the first cat back ("motivated", "handling", "patience"…).</summary>
    public static async Task<List<string>> HeldBackAsync(BotHost host, string channel, Owner owner) =>
        [.. JObject.Parse((await ((JsonStorage)host.Storage).ReadTextAsync($"{channel}/users/{owner.UserId}"))!.Value.Json)
            .SelectTokens("owner.Cats[0].Checklist.HeldBackBy[*]").Select(t => (string)t!)];
}
