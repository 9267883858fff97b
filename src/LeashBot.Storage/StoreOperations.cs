namespace LeashBot.Storage;

/// <summary>
/// Deadlines and health, around every operation of a store: each is given at most the store's
/// <see cref="JsonStorage.OperationTimeout"/> (retries included), a conflict counts as the store answering, and a
/// failure of the service itself (the store's <see cref="JsonStorage.IsServiceFailure"/>, a timeout) drops what the store
/// cached, marks <see cref="StorageHealth"/> degraded and becomes <see cref="StorageUnavailableException"/>. Any
/// operation that succeeds marks storage healthy again.
/// </summary>
internal sealed class StoreOperations(JsonStorage store, StorageHealth? health)
{
    /// <param name="bounded">False for a sweep over a whole store, which may take longer than one turn's operation.</param>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken, bool bounded = true)
    {
        // The deadline runs on the store's clock, so a test can move past it without waiting.
        using var deadline = bounded && store.OperationTimeout is { } limit ? new CancellationTokenSource(limit, store.Time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var result = await operation(linked.Token);
            health?.ReportSuccess();
            return result;
        }
        catch (StorageConflictException)
        {
            health?.ReportSuccess();
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException || store.IsServiceFailure(ex))
        {
            store.OnServiceFailure();
            health?.ReportFailure($"{store.ProviderName} storage unreachable ({store.DescribeFailure(ex)})");
            throw new StorageUnavailableException(store.ProviderName, ex);
        }
    }
}
