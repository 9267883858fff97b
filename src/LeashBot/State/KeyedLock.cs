namespace LeashBot.State;

/// <summary>
/// One async lock per key (e.g. per conversation), created on first use and dropped as soon as nobody holds
/// or waits for it, so idle conversations leave nothing behind. Several keys are always taken in ordinal order,
/// so two turns that need overlapping keys cannot deadlock.
/// </summary>
public sealed class KeyedLock
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>How many keys currently have a lock (held or awaited). For tests and diagnostics.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public async Task<IDisposable> AcquireAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var ordered = keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var held = new List<Releaser>(ordered.Length);
        try
        {
            foreach (var key in ordered)
            {
                held.Add(await AcquireOneAsync(key, cancellationToken));
            }
        }
        catch
        {
            foreach (var releaser in held)
            {
                releaser.Dispose();
            }

            throw;
        }

        return new Group(held);
    }

    private async Task<Releaser> AcquireOneAsync(string key, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries[key] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(key, entry);
            throw;
        }

        return new Releaser(this, key, entry);
    }

    private void Leave(string key, Entry entry)
    {
        lock (_gate)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(key);
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Releaser(KeyedLock owner, string key, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                entry.Semaphore.Release();
                owner.Leave(key, entry);
            }
        }
    }

    private sealed class Group(List<Releaser> releasers) : IDisposable
    {
        public void Dispose()
        {
            for (var i = releasers.Count - 1; i >= 0; i--)
            {
                releasers[i].Dispose();
            }
        }
    }
}
