using LeashBot.Storage;
using Newtonsoft.Json.Linq;

namespace LeashBot.Channels.Sms;

/// <summary>
/// Numbers that texted STOP (or a carrier keyword like it), kept in the state store until they text START (or UNSTOP, or
/// YES after a STOP), on both SMS routes: carriers forbid texting a number that opted out, so nothing is answered or sent
/// to it meanwhile. One small record per number, <c>sms/opted-out/{owner}</c> (the owner as the route knows them: the
/// keyed hash on LeashBot's own webhook, Azure's id on Azure's SMS channel).
/// </summary>
public sealed class SmsOptOuts(IStorage storage, TimeProvider time)
{
    public async Task<bool> IsOptedOutAsync(string owner, CancellationToken cancellationToken) =>
        (await storage.ReadAsync([Key(owner)], cancellationToken)).ContainsKey(Key(owner));

    public Task OptOutAsync(string owner, CancellationToken cancellationToken) =>
        storage.WriteAsync(new Dictionary<string, object> { [Key(owner)] = new JObject { ["since"] = time.GetUtcNow(), [JsonStorage.ETagProperty] = "*" } }, cancellationToken);

    public Task OptInAsync(string owner, CancellationToken cancellationToken) => storage.DeleteAsync([Key(owner)], cancellationToken);

    /// <summary>True for a whole text that opts a number back in only after a STOP: "YES" (a plain yes otherwise).</summary>
    public static bool IsYes(string? text) => (text ?? "").Trim().TrimEnd('.', '!', ' ').Equals("YES", StringComparison.OrdinalIgnoreCase);

    private static string Key(string owner) => $"{SmsChannel.ChannelId}/opted-out/{owner}";
}
