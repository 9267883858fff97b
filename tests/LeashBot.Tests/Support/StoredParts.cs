using System.Text;
using LeashBot.State;
using LeashBot.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Support;

/// <summary>
/// The two parts of a person's one stored record (see <see cref="TurnRecords"/>): the owner's part (everything but the
/// conversations) and one conversation's entry, as stored, with their sizes in UTF-8 bytes.
/// </summary>
public sealed record StoredParts(JObject Owner, long OwnerBytes, JObject? Conversation, long ConversationBytes, long RecordBytes, string? ETag)
{
    public static async Task<StoredParts> ReadAsync(JsonStorage storage, string channelId, string userId, string conversationId)
    {
        var stored = await storage.ReadTextAsync($"{channelId}/users/{userId}");
        if (stored is not { } found)
        {
            return new StoredParts([], 0, null, 0, 0, null);
        }

        var record = JObject.Parse(found.Json, new JsonLoadSettings());
        var entry = record[TurnRecords.ConversationsProperty]?[conversationId] as JObject;
        record.Remove(TurnRecords.ConversationsProperty);
        return new StoredParts(record, Bytes(record), entry, entry is null ? 0 : Bytes(entry), Encoding.UTF8.GetByteCount(found.Json), found.ETag);
    }

    private static long Bytes(JToken token) => Encoding.UTF8.GetByteCount(token.ToString(Formatting.None));
}
