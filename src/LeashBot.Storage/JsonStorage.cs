using System.Text;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeashBot.Storage;

/// <summary>
/// What LeashBot's three stores share: state is kept as JSON text (Newtonsoft, no type names: state is data,
/// not types) next to an opaque eTag, and read back as <see cref="JObject"/> (numbers as Int64) with its
/// current <c>"eTag"</c> filled in, which is the shape Bot Framework's <see cref="BotState"/> expects.
/// <para>
/// eTag convention on write, per item: the eTag comes from <see cref="IStoreItem.ETag"/> or from an
/// <c>"eTag"</c> entry of a dictionary or JObject (what <see cref="BotState"/> passes back after a read).
/// <list type="bullet">
/// <item>an eTag other than <c>*</c>: the stored record must still carry it, otherwise <see cref="StorageConflictException"/>;</item>
/// <item><c>*</c>: unconditional overwrite (last writer wins);</item>
/// <item>no eTag: the writer saw no record, so the write only creates; if a record appeared meanwhile it is a conflict.
/// (Bot Framework's own stores overwrite here; LeashBot is stricter so two first turns cannot overwrite each other.)</item>
/// </list>
/// After a successful write the new eTag is put back into the written item, so a second save in the same turn
/// does not conflict with the first.
/// </para>
/// Every operation runs under the store's deadline and reports to <see cref="StorageHealth"/> (<see cref="StoreOperations"/>);
/// unreadable records are quarantined by <see cref="RecordQuarantine"/>, idle ones swept by kind (<see cref="RecordKinds"/>).
/// </summary>
public abstract class JsonStorage : IRecordStore, IDisposable
{
    public const string ETagProperty = "eTag";

    /// <summary>Serializer settings for stored state: plain JSON, no type names, dates left as text.</summary>
    public static readonly JsonSerializerSettings SerializerSettings = new()
    {
        TypeNameHandling = TypeNameHandling.None,
        MetadataPropertyHandling = MetadataPropertyHandling.Ignore,
        NullValueHandling = NullValueHandling.Include,
        DateParseHandling = DateParseHandling.None,
        MaxDepth = 128,
    };

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(SerializerSettings);

    private readonly StoreOperations _operations;

    protected JsonStorage(string providerName, StorageHealth? health, TimeProvider? time = null)
    {
        ProviderName = providerName;
        Time = time ?? TimeProvider.System;
        _operations = new StoreOperations(this, health);
    }

    public string ProviderName { get; }

    /// <summary>
    /// The clock of the store's deadlines and of the time it stamps records with (for retention): the real clock unless
    /// given, like Blob Storage's own Last-Modified.
    /// </summary>
    protected internal TimeProvider Time { get; }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            CheckKey(key);
            var record = await _operations.RunAsync(ct => ReadRecordAsync(key, ct), cancellationToken);
            if (record is not null)
            {
                result[key] = Parse(key, record.Value.Json, record.Value.ETag);
            }
        }

        return result;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        var writes = new List<RecordWrite>(changes.Count);
        foreach (var (key, value) in changes)
        {
            CheckKey(key);
            ArgumentNullException.ThrowIfNull(value, nameof(changes));
            var (json, eTag) = Serialize(value);
            writes.Add(new RecordWrite(key, json, eTag));
        }

        var newETags = await _operations.RunAsync(ct => WriteRecordsAsync(writes, ct), cancellationToken);
        for (var i = 0; i < writes.Count; i++)
        {
            SetETag(changes[writes[i].Key], newETags[i]);
        }
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            CheckKey(key);
        }

        return _operations.RunAsync(async ct =>
        {
            foreach (var key in keys.Distinct(StringComparer.Ordinal))
            {
                await DeleteRecordAsync(key, ct);
            }

            return true;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<(string Json, string ETag)?> ReadTextAsync(string key, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        return await _operations.RunAsync(ct => ReadRecordAsync(key, ct), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<string> WriteTextAsync(string key, string json, string? ifMatch, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        ArgumentNullException.ThrowIfNull(json);
        var eTags = await _operations.RunAsync(ct => WriteRecordsAsync([new RecordWrite(key, json, string.IsNullOrEmpty(ifMatch) ? null : ifMatch)], ct), cancellationToken);
        return eTags[0];
    }

    /// <inheritdoc/>
    public virtual bool WritesBatchesAtomically => false;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> WriteTextsAsync(IReadOnlyList<(string Key, string Json, string? IfMatch)> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var writes = new List<RecordWrite>(records.Count);
        foreach (var (key, json, ifMatch) in records)
        {
            CheckKey(key);
            ArgumentNullException.ThrowIfNull(json);
            writes.Add(new RecordWrite(key, json, string.IsNullOrEmpty(ifMatch) ? null : ifMatch));
        }

        return await _operations.RunAsync(ct => WriteRecordsAsync(writes, ct), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<long?> StoredBytesAsync(string key, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        var record = await _operations.RunAsync(ct => ReadRecordAsync(key, ct), cancellationToken);
        return record is null ? null : Encoding.UTF8.GetByteCount(record.Value.Json);
    }

    /// <inheritdoc/>
    public Task ForgetAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            CheckKey(key);
        }

        return _operations.RunAsync(async ct =>
        {
            await ForgetRecordsAsync([.. keys.Distinct(StringComparer.Ordinal)], ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>The store's own <see cref="ForgetAsync"/>: deletes each key and the keys of its quarantined copies.</summary>
    protected abstract Task ForgetRecordsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);

    /// <inheritdoc/>
    public Task<int> DeleteIdleAsync(string kind, DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        // A sweep over a whole store may take longer than one turn's operation: no per-operation deadline here.
        return _operations.RunAsync(ct => DeleteIdleRecordsAsync(kind, cutoff, ct), cancellationToken, bounded: false);
    }

    /// <summary>The store's own <see cref="DeleteIdleAsync"/>.</summary>
    protected virtual Task<int> DeleteIdleRecordsAsync(string kind, DateTimeOffset cutoff, CancellationToken cancellationToken) => Task.FromResult(0);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Reads one record's stored text and eTag; null when absent.</summary>
    protected abstract Task<(string Json, string ETag)?> ReadRecordAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the records (each conditional on its <see cref="RecordWrite.IfMatch"/>: null = create only,
    /// <c>*</c> = any) and returns their new eTags in order. Throws <see cref="StorageConflictException"/> when a
    /// condition fails. Stores that can should make the whole batch atomic.
    /// </summary>
    protected abstract Task<IReadOnlyList<string>> WriteRecordsAsync(IReadOnlyList<RecordWrite> writes, CancellationToken cancellationToken);

    protected abstract Task DeleteRecordAsync(string key, CancellationToken cancellationToken);

    /// <summary>True when the exception means the service is unreachable or failing (not a bug in the caller).</summary>
    protected internal abstract bool IsServiceFailure(Exception exception);

    /// <summary>Called after an operation failed because of the service, before the failure is reported: a store can drop what it cached.</summary>
    protected internal virtual void OnServiceFailure()
    {
    }

    /// <summary>A short description of a failure for the health check: never a connection string or stored data.</summary>
    protected internal virtual string DescribeFailure(Exception exception) => exception.GetType().Name;

    protected static string NewETag() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// The longest one operation may take, retries included, before it counts as a failure of the store; null for no
    /// limit of its own. A store that hangs (accepts connections, never answers) then costs a turn this long, not the
    /// client library's own timeouts.
    /// </summary>
    protected internal virtual TimeSpan? OperationTimeout => null;

    private static void CheckKey(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("A storage key must not be empty.", nameof(key));
        }
    }

    private static JObject Parse(string key, string json, string eTag)
    {
        JToken token;
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, MaxDepth = 128 };
            token = JToken.ReadFrom(reader);
            if (reader.Read())
            {
                throw new JsonReaderException("Additional text after the JSON value.");
            }
        }
        catch (JsonException ex)
        {
            throw new StorageCorruptRecordException(key, eTag, ex);
        }

        if (token is not JObject item)
        {
            throw new StorageCorruptRecordException(key, eTag, null);
        }

        item[ETagProperty] = eTag;
        return item;
    }

    private static (string Json, string? ETag) Serialize(object value)
    {
        var token = value as JToken ?? JToken.FromObject(value, Serializer);
        string? eTag = null;
        if (value is IStoreItem storeItem)
        {
            eTag = storeItem.ETag;
        }

        if (token is JObject obj)
        {
            foreach (var name in new[] { ETagProperty, "ETag" })
            {
                if (obj.TryGetValue(name, StringComparison.Ordinal, out var stored))
                {
                    eTag ??= stored.Type == JTokenType.String ? (string?)stored : null;
                    if (ReferenceEquals(obj, value))
                    {
                        obj = (JObject)obj.DeepClone();
                    }

                    obj.Remove(name);
                }
            }

            return (obj.ToString(Formatting.None), string.IsNullOrEmpty(eTag) ? null : eTag);
        }

        throw new ArgumentException($"State items must serialize to JSON objects, not {token.Type}.", nameof(value));
    }

    private static void SetETag(object value, string eTag)
    {
        switch (value)
        {
            case IStoreItem item:
                item.ETag = eTag;
                break;
            case IDictionary<string, object> dictionary when !dictionary.IsReadOnly:
                dictionary[ETagProperty] = eTag;
                break;
            case JObject obj:
                obj[ETagProperty] = eTag;
                break;
        }
    }

    /// <summary>One record to write: its key, JSON text and the eTag it must still have (null = must not exist, <c>*</c> = any).</summary>
    protected readonly record struct RecordWrite(string Key, string Json, string? IfMatch);
}
