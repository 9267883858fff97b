using Microsoft.Bot.Builder;

namespace LeashBot.Storage;

/// <summary>
/// LeashBot's state store as its own code uses it: records of JSON text under keys, each with an eTag, written under
/// the eTag rules of <see cref="JsonStorage"/>, and removed for good or when idle. It is also Bot Framework's
/// <see cref="IStorage"/>, for <see cref="BotState"/>. SQLite, Blob and memory stores implement it; every operation
/// is bounded by the store's deadline and reported to <see cref="StorageHealth"/> (<see cref="StoreOperations"/>).
/// </summary>
public interface IRecordStore : IStorage
{
    /// <summary>The provider's name (<c>Sqlite</c>, <c>Blob</c>, <c>Memory</c>), for logs and the health check.</summary>
    string ProviderName { get; }

    /// <summary>True when <see cref="WriteTextsAsync"/> writes a batch all or nothing (one SQLite transaction).</summary>
    bool WritesBatchesAtomically { get; }

    /// <summary>One record's stored JSON text and eTag, or null when there is none.</summary>
    Task<(string Json, string ETag)?> ReadTextAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes one record's JSON text: <paramref name="ifMatch"/> is the eTag it must still have, <c>*</c> for any, null
    /// to create only. Returns the new eTag; throws <see cref="StorageConflictException"/> when the condition fails.
    /// </summary>
    Task<string> WriteTextAsync(string key, string json, string? ifMatch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes several records at once, each under its own condition as in <see cref="WriteTextAsync"/>; returns the new
    /// eTags in order. Where <see cref="WritesBatchesAtomically"/>, a failed condition writes none of them.
    /// </summary>
    Task<IReadOnlyList<string>> WriteTextsAsync(IReadOnlyList<(string Key, string Json, string? IfMatch)> records, CancellationToken cancellationToken = default);

    /// <summary>How many bytes the record takes in storage (its UTF-8 JSON), or null when there is none.</summary>
    Task<long?> StoredBytesAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes records for good ("forget me"): each record, every quarantined copy of it (<see cref="RecordQuarantine"/>),
    /// and whatever else the store keeps of it (Blob: snapshots), so that none of its text stays readable in the store or
    /// its files (SQLite: deleted content is zeroed and the write-ahead log is checkpointed and emptied).
    /// </summary>
    Task ForgetAsync(string[] keys, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the records of one kind (<see cref="RecordKinds"/>) last written before <paramref name="cutoff"/>; returns
    /// how many. The in-memory store keeps nothing past a restart and deletes nothing here.
    /// </summary>
    Task<int> DeleteIdleAsync(string kind, DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
