using LeashBot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace LeashBot.Tests.Storage;

/// <summary>
/// A store that accepts a request and never answers costs a turn the store's deadline and /healthz its own, measured on
/// the store's clock: a fake one here, moved on by the test, so nothing waits and a busy machine changes nothing.
/// </summary>
public sealed class StorageDeadlineTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(4);

    // Only a safety net for a broken test: the assertions are about the fake clock, never about how long this took.
    private static readonly TimeSpan Never = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_operation_on_a_hung_store_fails_at_its_deadline_and_not_before()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var health = new StorageHealth(clock);
        using var store = new HungStore(health, clock);

        var read = store.ReadTextAsync("webchat/users/owner");
        await store.Started.Task.WaitAsync(Never);
        clock.Advance(Deadline - TimeSpan.FromMilliseconds(100));
        Assert.False(read.IsCompleted, "The operation gave up before its deadline.");
        Assert.True(health.IsHealthy);

        clock.Advance(TimeSpan.FromMilliseconds(200));
        var failure = await Assert.ThrowsAsync<StorageUnavailableException>(() => read.WaitAsync(Never));
        Assert.Equal("Hung", failure.Provider);
        Assert.False(health.IsHealthy);
        Assert.Equal(clock.GetUtcNow(), health.Since);
    }

    [Fact]
    public async Task A_sweep_over_the_whole_store_has_no_per_operation_deadline()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var store = new HungStore(new StorageHealth(clock), clock);

        var sweep = store.DeleteIdleAsync(RecordKinds.Conversations, clock.GetUtcNow());
        await store.Started.Task.WaitAsync(Never);
        clock.Advance(Deadline * 10);
        Assert.False(sweep.IsCompleted, "A retention sweep was cut off by a turn's deadline.");
    }

    [Fact]
    public async Task Healthz_answers_at_its_own_deadline_while_the_store_hangs()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var health = new StorageHealth(clock);
        using var store = new HungStore(health, clock);
        var probe = new StorageProbe(store, health, clock);

        var answer = probe.ProblemAsync(CancellationToken.None);
        await store.Started.Task.WaitAsync(Never);
        clock.Advance(StorageProbe.Deadline - TimeSpan.FromMilliseconds(100));
        Assert.False(answer.IsCompleted, "The health check answered before its deadline.");

        clock.Advance(TimeSpan.FromMilliseconds(200));
        var problem = await answer.WaitAsync(Never);
        Assert.Equal("Hung storage did not answer within 1.5 s", problem);
        Assert.False(health.IsHealthy);
    }

    /// <summary>A store whose every operation is accepted and never answered, like a hung service.</summary>
    private sealed class HungStore(StorageHealth health, TimeProvider clock) : JsonStorage("Hung", health, clock)
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected internal override TimeSpan? OperationTimeout => Deadline;

        protected override Task<(string Json, string ETag)?> ReadRecordAsync(string key, CancellationToken cancellationToken) => HangAsync<(string, string)?>(cancellationToken);

        protected override Task<IReadOnlyList<string>> WriteRecordsAsync(IReadOnlyList<RecordWrite> writes, CancellationToken cancellationToken) => HangAsync<IReadOnlyList<string>>(cancellationToken);

        protected override Task DeleteRecordAsync(string key, CancellationToken cancellationToken) => HangAsync<bool>(cancellationToken);

        protected override Task ForgetRecordsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) => HangAsync<bool>(cancellationToken);

        protected override Task<int> DeleteIdleRecordsAsync(string kind, DateTimeOffset cutoff, CancellationToken cancellationToken) => HangAsync<int>(cancellationToken);

        protected internal override bool IsServiceFailure(Exception exception) => false;

        private async Task<T> HangAsync<T>(CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
