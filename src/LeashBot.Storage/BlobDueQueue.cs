using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Newtonsoft.Json;

namespace LeashBot.Storage;

/// <summary>
/// The due queue on Azure Blob Storage, for several instances: entries live in small append blobs, one per moment
/// (rounded up to <see cref="Step"/>) and shard of the key (<c>due/20261207T102500/07</c>), so thousands of reminders
/// due in the same minute are a few dozen blobs, not thousands of messages. An instance lists the blobs whose moment
/// has come (names sort by time), takes one with a Blob lease (15–60 s), reads its entries and hands them out; when
/// every entry of it has been handled, the entries' next reminders are appended to their own blobs (one append per
/// blob, not one per reminder) and the blob is deleted. An instance that dies mid-way loses the lease and the blob
/// comes back whole: entries already handled are found marked in their records and only moved on again (appending an
/// entry twice is harmless: a blob's entries are read once per key).
/// </summary>
public sealed class BlobDueQueue(BlobContainerClient container, int shards = BlobDueQueue.DefaultShards) : IDueQueue
{
    public const int DefaultShards = 64;

    /// <summary>How finely due moments are told apart: an entry comes due at its moment rounded up to this.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(5);

    private const string Prefix = "due/";
    private const string TimeFormat = "yyyyMMdd'T'HHmmss";
    /// <summary>Characters of entries sent in one append block (well under the service's limit of 4 MiB per block).</summary>
    private const int LargestAppend = 1 << 20;

    private static readonly TimeSpan ShortestLease = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan LongestLease = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The due queue in container <paramref name="name"/> of the state store's Blob account (its connection string or
    /// its managed identity).
    /// The SDK's own retries and timeouts (not the state store's fail-fast ones): nobody waits on these calls in a chat,
    /// and giving up early on a busy account only makes the same work come back later.
    /// </summary>
    public static BlobDueQueue On(BlobStorageOptions account, string name) => new(string.IsNullOrWhiteSpace(account.AccountUrl)
        ? new BlobContainerClient(account.ConnectionString, name)
        : new BlobServiceClient(new Uri(account.AccountUrl), StorageServiceCollectionExtensions.ManagedIdentity(account)).GetBlobContainerClient(name));

    private readonly ConcurrentDictionary<string, Bucket> _claimed = new(StringComparer.Ordinal);
    private int _created;

    public Task ScheduleAsync(string key, long version, DateTimeOffset due, DateTimeOffset now, CancellationToken cancellationToken) =>
        ScheduleAsync(key, version, due, null, now, cancellationToken);

    /// <summary>Appends the entry, with the record as written when given: handling it then needs no read of the record.</summary>
    public Task ScheduleAsync(string key, long version, DateTimeOffset due, KeptRecord? record, DateTimeOffset now, CancellationToken cancellationToken) =>
        Guard(() => AppendAsync(BucketName(due, Shard(key)), [new Entry(key, version, due, 0, record?.Json, record?.ETag)], cancellationToken), cancellationToken);

    public Task<IReadOnlyList<DueItem>> ClaimAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            await EnsureAsync(cancellationToken);
            var duration = lease < ShortestLease ? ShortestLease : lease > LongestLease ? LongestLease : lease;
            foreach (var (receipt, stale) in _claimed)
            {
                if (DateTimeOffset.UtcNow - stale.RenewedAt > stale.Duration)
                {
                    // An entry of it was never handled (a failure left it for later): the blob comes back whole after its lease.
                    _claimed.TryRemove(receipt, out _);
                }
            }

            var items = new List<DueItem>();
            await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = Prefix }, cancellationToken))
            {
                if (!TryMoment(blob.Name, out var moment))
                {
                    continue;
                }

                if (moment > now || items.Count >= max)
                {
                    // Names sort by their moment: the rest are not due yet.
                    break;
                }

                if (blob.Properties.LeaseState == LeaseState.Leased)
                {
                    continue;
                }

                if (await TakeAsync(blob.Name, duration, cancellationToken) is { } bucket)
                {
                    items.AddRange(bucket.Entries.Select(e => new DueItem(e.Key, e.Version, e.Due, bucket.Receipt, e.Attempt,
                        e is { Record: { } json, RecordETag: { } eTag } ? new KeptRecord(json, eTag) : null)));
                }
            }

            return (IReadOnlyList<DueItem>)items;
        }, cancellationToken);

    public Task RetryAsync(DueItem item, DateTimeOffset at, DateTimeOffset now, CancellationToken cancellationToken) =>
        FinishAsync(item, new Entry(item.Key, item.Version, item.Due, item.Attempt + 1), at, cancellationToken);

    public Task DoneAsync(DueItem item, CancellationToken cancellationToken) => FinishAsync(item, null, default, cancellationToken);

    public Task RescheduleAsync(DueItem item, long version, DateTimeOffset due, DateTimeOffset now, CancellationToken cancellationToken) =>
        RescheduleAsync(item, version, due, null, now, cancellationToken);

    /// <summary>Moves the entry on to its next reminder, with the record as last written when given.</summary>
    public Task RescheduleAsync(DueItem item, long version, DateTimeOffset due, KeptRecord? record, DateTimeOffset now, CancellationToken cancellationToken) =>
        FinishAsync(item, new Entry(item.Key, version, due, 0, record?.Json, record?.ETag), due, cancellationToken);

    /// <summary>Leases a due blob and reads its entries (one per key); null when another instance got it first.</summary>
    private async Task<Bucket?> TakeAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        var blob = container.GetAppendBlobClient(name);
        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(duration, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return null;
        }

        var content = await blob.DownloadContentAsync(cancellationToken);
        var entries = Read(content.Value.Content.ToString());
        var bucket = new Bucket(name, lease, duration, content.Value.Details.ETag, entries);
        if (entries.Count == 0)
        {
            await DeleteAsync(bucket, cancellationToken);
            return null;
        }

        _claimed[bucket.Receipt] = bucket;
        return bucket;
    }

    /// <summary>
    /// One entry of a leased blob handled; with the last one, the next reminders are appended (grouped by blob) and the
    /// blob deleted. An entry whose blob is no longer this instance's (its lease ran out) is left to whoever has it.
    /// </summary>
    private Task FinishAsync(DueItem item, Entry? next, DateTimeOffset at, CancellationToken cancellationToken) => Guard(async () =>
    {
        if (!_claimed.TryGetValue(item.Receipt, out var bucket))
        {
            return;
        }

        await KeepAsync(bucket, cancellationToken);
        lock (bucket)
        {
            if (next is not null)
            {
                bucket.Next.Add((BucketName(at, Shard(next.Key)), next));
            }

            if (--bucket.Unfinished > 0)
            {
                return;
            }
        }

        _claimed.TryRemove(item.Receipt, out _);
        foreach (var group in bucket.Next.GroupBy(n => n.Name, StringComparer.Ordinal))
        {
            await AppendAsync(group.Key, group.Select(n => n.Entry).ToList(), cancellationToken);
        }

        await DeleteAsync(bucket, cancellationToken);
    }, cancellationToken);

    /// <summary>
    /// Renews the lease of a blob still being gone through once half of it has passed, so a big blob on a slow day is
    /// not taken up by a second instance while this one is at it (an instance that dies stops renewing).
    /// </summary>
    private static async Task KeepAsync(Bucket bucket, CancellationToken cancellationToken)
    {
        if (DateTimeOffset.UtcNow - bucket.RenewedAt < bucket.Duration / 2 || Interlocked.Exchange(ref bucket.Renewing, 1) == 1)
        {
            return;
        }

        try
        {
            await bucket.Lease.RenewAsync(cancellationToken: cancellationToken);
            bucket.RenewedAt = DateTimeOffset.UtcNow;
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException or HttpRequestException or IOException or TimeoutException)
        {
            // Best effort: lost to another instance already (it goes through the blob again; the records keep each
            // reminder once), or the account is busy (the next entry handled tries again).
        }
        finally
        {
            Volatile.Write(ref bucket.Renewing, 0);
        }
    }

    /// <summary>Deletes a handled blob, only under this lease and only if nothing was added since it was read.</summary>
    private async Task DeleteAsync(Bucket bucket, CancellationToken cancellationToken)
    {
        var blob = container.GetAppendBlobClient(bucket.Name);
        try
        {
            await blob.DeleteAsync(DeleteSnapshotsOption.None, new BlobRequestConditions { LeaseId = bucket.LeaseId, IfMatch = bucket.ETag }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            // Taken by another instance since (our lease ran out): it goes through the blob again.
        }
    }

    /// <summary>
    /// Appends entries to a due blob, creating it when missing. A blob leased by an instance going through it takes no
    /// more entries: they go to a sibling blob of the same moment (<c>…/07.1</c>, <c>…/07.2</c>).
    /// </summary>
    private async Task AppendAsync(string name, IReadOnlyList<Entry> entries, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken);
        var lines = new StringBuilder();
        foreach (var entry in entries)
        {
            if (lines.Length > LargestAppend)
            {
                // An append block has a size limit: many entries with their records go in several.
                await AppendBlockAsync(name, Encoding.UTF8.GetBytes(lines.ToString()), cancellationToken);
                lines.Clear();
            }

            lines.Append(JsonConvert.SerializeObject(entry)).Append('\n');
        }

        await AppendBlockAsync(name, Encoding.UTF8.GetBytes(lines.ToString()), cancellationToken);
    }

    private async Task AppendBlockAsync(string name, byte[] bytes, CancellationToken cancellationToken)
    {
        for (var sibling = 0; ; sibling++)
        {
            var blob = container.GetAppendBlobClient(sibling == 0 ? name : name + "." + sibling.ToString(CultureInfo.InvariantCulture));
            try
            {
                using var stream = new MemoryStream(bytes, writable: false);
                await blob.AppendBlockAsync(stream, cancellationToken: cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                await blob.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                using var stream = new MemoryStream(bytes, writable: false);
                try
                {
                    await blob.AppendBlockAsync(stream, cancellationToken: cancellationToken);
                    return;
                }
                catch (RequestFailedException again) when (again.Status is 404 or 412)
                {
                    // Deleted or leased in between: the next sibling.
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && sibling < 20)
            {
                // Leased: an instance is going through it.
            }
        }
    }

    /// <summary>A blob's entries, one per key: the newest version (an entry may have been appended twice).</summary>
    private static List<Entry> Read(string text)
    {
        var byKey = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Entry? entry;
            try
            {
                entry = JsonConvert.DeserializeObject<Entry>(line);
            }
            catch (JsonException)
            {
                continue;
            }

            if (entry?.Key is not { Length: > 0 } key)
            {
                continue;
            }

            if (!byKey.TryGetValue(key, out var seen) || (entry.Version, entry.Due, entry.Attempt).CompareTo((seen.Version, seen.Due, seen.Attempt)) > 0)
            {
                byKey[key] = entry;
            }
        }

        return [.. byKey.Values];
    }

    /// <summary>The blob an entry visible at <paramref name="at"/> goes to: its moment rounded up to <see cref="Step"/>, and its key's shard.</summary>
    private static string BucketName(DateTimeOffset at, int shard)
    {
        var ticks = (at.UtcTicks + Step.Ticks - 1) / Step.Ticks * Step.Ticks;
        return Prefix + new DateTime(ticks, DateTimeKind.Utc).ToString(TimeFormat, CultureInfo.InvariantCulture) + "/" + shard.ToString("D2", CultureInfo.InvariantCulture);
    }

    private static bool TryMoment(string name, out DateTimeOffset moment)
    {
        moment = default;
        var parts = name.Split('/');
        if (parts.Length != 3 || !DateTime.TryParseExact(parts[1], TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
        {
            return false;
        }

        moment = new DateTimeOffset(at, TimeSpan.Zero);
        return true;
    }

    /// <summary>A stable shard of the key (FNV-1a), so a key's entries of one moment always meet in one blob.</summary>
    private int Shard(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)shards);
    }

    private async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _created) == 0)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            Volatile.Write(ref _created, 1);
        }
    }

    /// <summary>The service's failures as the store's (<see cref="StorageUnavailableException"/>): the sender leaves the work for later.</summary>
    private static async Task Guard(Func<Task> operation, CancellationToken cancellationToken) => await Guard(async () =>
    {
        await operation();
        return true;
    }, cancellationToken);

    private static async Task<T> Guard<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await operation();
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException or HttpRequestException or IOException or TimeoutException or Azure.Identity.AuthenticationFailedException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new StorageUnavailableException(StorageOptions.BlobProvider, ex);
        }
    }

    /// <summary>One line of a due blob; a retry keeps no record (the claim has changed it since).</summary>
    private sealed record Entry(string Key, long Version, DateTimeOffset Due, int Attempt, string? Record = null, string? RecordETag = null);

    /// <summary>A due blob this instance holds: its lease, what it read, how many entries are not handled yet and their next ones.</summary>
    private sealed class Bucket(string name, BlobLeaseClient lease, TimeSpan duration, ETag eTag, List<Entry> entries)
    {
        public DateTimeOffset RenewedAt { get; set; } = DateTimeOffset.UtcNow;
        public int Renewing;
        public BlobLeaseClient Lease { get; } = lease;
        public TimeSpan Duration { get; } = duration;
        public string Name { get; } = name;
        public string LeaseId => Lease.LeaseId;
        public ETag ETag { get; } = eTag;
        public List<Entry> Entries { get; } = entries;
        public string Receipt => Name + "\n" + LeaseId;
        public int Unfinished = entries.Count;
        public List<(string Name, Entry Entry)> Next { get; } = [];
    }
}
