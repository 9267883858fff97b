namespace LeashBot.Storage;

/// <summary>
/// In-process store for tests and benchmarks. It keeps JSON text and eTags exactly like the durable stores,
/// so state read back has the same shape (JObject, Int64 numbers) and the same conflict rules. Lost on restart.
/// </summary>
public sealed class MemoryJsonStorage(StorageHealth? health = null) : JsonStorage(StorageOptions.MemoryProvider, health)
{
    private readonly Dictionary<string, (string Json, string ETag)> _records = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    protected override Task<(string Json, string ETag)?> ReadRecordAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult<(string, string)?>(_records.TryGetValue(key, out var record) ? record : null);
        }
    }

    protected override Task<IReadOnlyList<string>> WriteRecordsAsync(IReadOnlyList<RecordWrite> writes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            // All conditions are checked before anything is written: the batch is atomic.
            foreach (var write in writes)
            {
                var exists = _records.TryGetValue(write.Key, out var current);
                var ok = write.IfMatch switch
                {
                    null => !exists,
                    "*" => true,
                    var eTag => exists && current.ETag == eTag,
                };
                if (!ok)
                {
                    throw new StorageConflictException(write.Key);
                }
            }

            var eTags = new string[writes.Count];
            for (var i = 0; i < writes.Count; i++)
            {
                eTags[i] = NewETag();
                _records[writes[i].Key] = (writes[i].Json, eTags[i]);
            }

            return Task.FromResult<IReadOnlyList<string>>(eTags);
        }
    }

    protected override Task DeleteRecordAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _records.Remove(key);
        }

        return Task.CompletedTask;
    }

    protected override Task ForgetRecordsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var stored in _records.Keys.Where(k => keys.Any(key => k == key || RecordQuarantine.IsCopyOf(k, key))).ToList())
            {
                _records.Remove(stored);
            }
        }

        return Task.CompletedTask;
    }

    protected internal override bool IsServiceFailure(Exception exception) => false;
}
