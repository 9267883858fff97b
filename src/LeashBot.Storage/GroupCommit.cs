namespace LeashBot.Storage;

/// <summary>
/// Group commit for a store with one writer at a time (SQLite): changes that arrive while a batch is being written
/// wait, and all go together in the next batch, one transaction for many instead of each queuing for the lock. Adds
/// no wait of its own: a change that finds nothing being written is written at once.
/// </summary>
/// <typeparam name="TChange">One change.</typeparam>
/// <typeparam name="TResult">What each change's caller gets back.</typeparam>
public sealed class GroupCommit<TChange, TResult>(Func<IReadOnlyList<TChange>, Task<IReadOnlyList<TResult>>> writeBatch, int largestBatch = 256)
{
    private readonly Lock _gate = new();
    private readonly List<(TChange Change, TaskCompletionSource<TResult> Done)> _waiting = [];
    private bool _writing;

    /// <summary>Writes <paramref name="change"/> with whatever else is waiting; a failure of the batch is every change's failure.</summary>
    public Task<TResult> WriteAsync(TChange change)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool lead;
        lock (_gate)
        {
            _waiting.Add((change, done));
            lead = !_writing;
            _writing = true;
        }

        if (lead)
        {
            _ = Task.Run(DrainAsync);
        }

        return done.Task;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<(TChange Change, TaskCompletionSource<TResult> Done)> batch;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _writing = false;
                    return;
                }

                var count = Math.Min(largestBatch, _waiting.Count);
                batch = _waiting.GetRange(0, count);
                _waiting.RemoveRange(0, count);
            }

            try
            {
                var results = await writeBatch(batch.ConvertAll(b => b.Change));
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(results[i]);
                }
            }
            catch (Exception ex)
            {
                foreach (var (_, done) in batch)
                {
                    done.TrySetException(ex);
                }
            }
        }
    }
}
