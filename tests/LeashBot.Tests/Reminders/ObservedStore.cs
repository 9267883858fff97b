using System.Collections.Concurrent;
using LeashBot.Storage;

namespace LeashBot.Tests.Reminders;

/// <summary>
/// A real store (SQLite, Blob on Azurite) with the calls made to it counted per key, and one chosen write that, once,
/// gets no answer, like a request that outlived its deadline: applied and its answer lost (<see cref="Applies"/>), or lost
/// on its way to the store. The lost answer is the simulated part; the store behind it is real.
/// </summary>
public sealed class ObservedStore(JsonStorage inner) : JsonStorage(inner.ProviderName, null)
{
    private int _lost;

    /// <summary>Which write (key, JSON) loses its answer; the first match only.</summary>
    public Func<string, string, bool>? LoseAnswerTo { get; set; }

    public int AnswersLost => Volatile.Read(ref _lost);

    /// <summary>True: the store took the write before its answer was lost; false: the write never reached it.</summary>
    public bool Applies { get; set; } = true;

    /// <summary>Reads and writes made to each key since the last <see cref="ResetCounts"/>.</summary>
    public ConcurrentDictionary<string, int> Reads { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, int> Writes { get; } = new(StringComparer.Ordinal);

    public void ResetCounts()
    {
        Reads.Clear();
        Writes.Clear();
    }

    protected override Task<(string Json, string ETag)?> ReadRecordAsync(string key, CancellationToken cancellationToken)
    {
        Reads.AddOrUpdate(key, 1, (_, n) => n + 1);
        return inner.ReadTextAsync(key, cancellationToken);
    }

    protected override async Task<IReadOnlyList<string>> WriteRecordsAsync(IReadOnlyList<RecordWrite> writes, CancellationToken cancellationToken)
    {
        foreach (var write in writes)
        {
            Writes.AddOrUpdate(write.Key, 1, (_, n) => n + 1);
        }

        var lost = LoseAnswerTo is { } lose && writes.Any(w => lose(w.Key, w.Json));
        if (lost)
        {
            LoseAnswerTo = null;
            Interlocked.Increment(ref _lost);
        }

        if (lost && !Applies)
        {
            throw new TimeoutException("The write never reached the store.");
        }

        var eTags = await inner.WriteTextsAsync([.. writes.Select(w => (w.Key, w.Json, w.IfMatch))], cancellationToken);
        return lost ? throw new TimeoutException("The store took the write; its answer was lost.") : eTags;
    }

    protected override Task DeleteRecordAsync(string key, CancellationToken cancellationToken) => inner.ForgetAsync([key], cancellationToken);

    protected override Task ForgetRecordsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) => inner.ForgetAsync([.. keys], cancellationToken);

    protected override Task<int> DeleteIdleRecordsAsync(string kind, DateTimeOffset cutoff, CancellationToken cancellationToken) => inner.DeleteIdleAsync(kind, cutoff, cancellationToken);

    protected internal override bool IsServiceFailure(Exception exception) => exception is TimeoutException;

    protected override void Dispose(bool disposing)
    {
        inner.Dispose();
        base.Dispose(disposing);
    }
}
