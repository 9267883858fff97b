using LeashBot.State;
using LeashBot.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeashBot.Coaching.Reminders;

/// <summary>
/// Reads and writes reminder records in the bot's state store (SQLite, Blob or memory) with eTags, and the owner's
/// profile the reminders talk about. Every change is conditional: a writer that lost a race reads again. On SQLite the
/// writes that meet go together in one transaction (<see cref="GroupCommit{TChange, TResult}"/>): thousands of
/// reminders a minute are otherwise thousands of transactions queuing for the file's single writer.
/// </summary>
public sealed class ReminderStore
{
    /// <summary>Tries of a write that gets no answer (each read back before the next).</summary>
    private const int UnansweredTries = 3;

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(JsonStorage.SerializerSettings);
    private readonly IStorage _storage;
    private readonly GroupCommit<(string Key, string Json, string? IfMatch), (string? ETag, Exception? Failure)>? _together;

    public ReminderStore(IStorage storage)
    {
        _storage = storage;
        if (storage is JsonStorage { WritesBatchesAtomically: true } store)
        {
            _together = new(writes => WriteTogetherAsync(store, writes));
        }
    }

    private JsonStorage Store => _storage as JsonStorage
        ?? throw new StorageUnavailableException("reminders need LeashBot's own state store (Storage:Provider Sqlite, Blob or Memory)");

    public async Task<(ReminderRecord? Record, string? ETag)> ReadAsync(string key, CancellationToken cancellationToken) =>
        await Store.ReadTextAsync(key, cancellationToken) is { } found ? Parse(found.Json, found.ETag) : (null, null);

    /// <summary>The record a due entry kept (<see cref="DueItem.Record"/>), as if it had just been read.</summary>
    public static (ReminderRecord? Record, string? ETag) Parse(KeptRecord kept)
    {
        ArgumentNullException.ThrowIfNull(kept);
        return Parse(kept.Json, kept.ETag);
    }

    /// <summary>A record and the eTag it was written with, for its due entry to keep.</summary>
    public static KeptRecord Kept(ReminderRecord record, string eTag) => new(JObject.FromObject(record, Serializer).ToString(Formatting.None), eTag);

    private static (ReminderRecord? Record, string? ETag) Parse(string json, string eTag)
    {
        try
        {
            return (JObject.Parse(json).ToObject<ReminderRecord>(Serializer), eTag);
        }
        catch (JsonException)
        {
            // A record of the wrong shape is replaced by whatever is written next, never stuck.
            return (null, eTag);
        }
    }

    /// <summary>
    /// Writes <paramref name="record"/> if the stored one still has <paramref name="eTag"/> (null: only if there is none).
    /// A write that got no answer (the store timed out: it may or may not have applied it) is read back before it is
    /// tried again or given up: the record as written means it was applied, and its eTag is returned; the record still at
    /// <paramref name="eTag"/> means it was not, and it is written again; anything else means another writer came first
    /// (a conflict). So a claim on a day that the store took but never confirmed is known to be this writer's, not left
    /// "in doubt" for another instance to skip.
    /// </summary>
    public async Task<string> WriteAsync(string key, ReminderRecord record, string? eTag, CancellationToken cancellationToken)
    {
        var json = JObject.FromObject(record, Serializer).ToString(Formatting.None);
        var unanswered = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteJsonAsync(key, json, eTag, cancellationToken);
            }
            catch (StorageUnavailableException) when (attempt < UnansweredTries && !cancellationToken.IsCancellationRequested)
            {
                unanswered = true;
            }
            catch (StorageConflictException) when (unanswered)
            {
                // The earlier try may be the write that changed the eTag: the read below tells.
            }

            (string Json, string ETag)? stored;
            try
            {
                stored = await Store.ReadTextAsync(key, cancellationToken);
            }
            catch (StorageUnavailableException) when (attempt < UnansweredTries && !cancellationToken.IsCancellationRequested)
            {
                continue;
            }

            if (stored is { } found && JToken.DeepEquals(JObject.Parse(found.Json), JObject.Parse(json)))
            {
                return found.ETag;
            }

            if (stored?.ETag != (string.IsNullOrEmpty(eTag) ? null : eTag))
            {
                throw new StorageConflictException(key);
            }
        }
    }

    private async Task<string> WriteJsonAsync(string key, string json, string? eTag, CancellationToken cancellationToken)
    {
        if (_together is null)
        {
            return await Store.WriteTextAsync(key, json, eTag, cancellationToken);
        }

        var (written, failure) = await _together.WriteAsync((key, json, eTag));
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return written!;
    }

    /// <summary>
    /// One transaction for all; when one of them lost a race (the whole batch is then undone), each is written on its
    /// own, so only that one fails.
    /// </summary>
    private static async Task<IReadOnlyList<(string? ETag, Exception? Failure)>> WriteTogetherAsync(JsonStorage store, IReadOnlyList<(string Key, string Json, string? IfMatch)> writes)
    {
        try
        {
            return (await store.WriteTextsAsync(writes)).Select(eTag => ((string?)eTag, (Exception?)null)).ToList();
        }
        catch (StorageConflictException) when (writes.Count > 1)
        {
            var outcomes = new List<(string? ETag, Exception? Failure)>(writes.Count);
            foreach (var (key, json, ifMatch) in writes)
            {
                try
                {
                    outcomes.Add((await store.WriteTextAsync(key, json, ifMatch), null));
                }
                catch (Exception ex) when (ex is StorageConflictException or StorageUnavailableException)
                {
                    outcomes.Add((null, ex));
                }
            }

            return outcomes;
        }
    }

    /// <summary>
    /// Reads, changes and writes a record, again from the top when someone else wrote it meanwhile. The change returns
    /// false to write nothing. Returns the record as written (or as read when nothing was written).
    /// </summary>
    public async Task<ReminderRecord?> UpdateAsync(string key, Func<ReminderRecord?, ReminderRecord?> change, CancellationToken cancellationToken) =>
        (await ChangeAsync(key, change, cancellationToken)).Record;

    /// <summary><see cref="UpdateAsync"/>, with the eTag of the record returned.</summary>
    public async Task<(ReminderRecord? Record, string? ETag)> ChangeAsync(string key, Func<ReminderRecord?, ReminderRecord?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (record, eTag) = await ReadAsync(key, cancellationToken);
            var changed = change(record);
            if (changed is null)
            {
                return (record, eTag);
            }

            try
            {
                return (changed, await WriteAsync(key, changed, eTag, cancellationToken));
            }
            catch (StorageConflictException) when (attempt < 4)
            {
            }
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => Store.ForgetAsync([key], cancellationToken);

    /// <summary>The owner's profile (user state) as the turns saved it; null when there is none.</summary>
    public async Task<OwnerProfile?> OwnerAsync(string ownerKey, CancellationToken cancellationToken)
    {
        var stored = await Store.ReadTextAsync(ownerKey, cancellationToken);
        try
        {
            return stored is { } found ? JObject.Parse(found.Json)["owner"]?.ToObject<OwnerProfile>(Serializer) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>True when a record exists at <paramref name="key"/> (an SMS opt-out, for instance).</summary>
    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) =>
        await Store.ReadTextAsync(key, cancellationToken) is not null;
}
