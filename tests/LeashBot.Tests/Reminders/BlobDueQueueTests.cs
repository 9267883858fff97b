using Azure.Storage.Blobs;
using LeashBot.Storage;
using LeashBot.Tests.Storage;

namespace LeashBot.Tests.Reminders;

/// <summary>
/// The scale-out due queue on a real Azurite Blob service: reminders due at one moment share a few blobs, two
/// instances never get the same one, a handled blob's next reminders are appended in one go and the blob removed, an
/// instance that dies mid-way gives its blob back whole when the lease runs out, one still at work keeps it past the
/// lease, and an entry added to a blob that is being gone through is kept.
/// </summary>
public sealed class BlobDueQueueTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);

    [SkippableFact]
    public async Task Reminders_due_together_are_taken_by_one_instance_each_and_move_on_to_their_next_day_in_few_blobs()
    {
        // The longest lease: on a busy machine the 300 appends and claims below take longer than the shortest one.
        var lease = TimeSpan.FromSeconds(60);
        var (container, first) = NewQueue();
        var second = new BlobDueQueue(container);
        var now = DateTimeOffset.UtcNow;
        var due = now.AddSeconds(-30);
        await Parallel.ForEachAsync(Enumerable.Range(0, 300), async (i, ct) => await first.ScheduleAsync($"msteams/reminders/owner-{i}", 1, due, now, ct));
        await first.ScheduleAsync("msteams/reminders/later", 1, now.AddHours(2), now, default);
        Assert.InRange(await CountAsync(container), 2, BlobDueQueue.DefaultShards + 1);

        var a = await first.ClaimAsync(now, 100, lease, default);
        var b = await second.ClaimAsync(now, 1000, lease, default);
        Assert.True(a.Count >= 100 && b.Count > 0, $"first took {a.Count}, second {b.Count}");
        Assert.Empty(a.Select(i => i.Key).Intersect(b.Select(i => i.Key)));
        Assert.Equal(300, a.Count + b.Count);
        Assert.DoesNotContain(a.Concat(b), i => i.Key.EndsWith("later", StringComparison.Ordinal));
        Assert.Empty(await first.ClaimAsync(now, 1000, lease, default));

        var tomorrow = due.AddDays(1);
        foreach (var (queue, items) in new[] { (first, a), (second, b) })
        {
            foreach (var item in items)
            {
                await queue.RescheduleAsync(item, 2, tomorrow, now, default);
            }
        }

        // The day's blobs are gone; tomorrow's hold all 300 (and the later one), no more blobs than the shards.
        Assert.Empty(await first.ClaimAsync(now.AddHours(1), 1000, lease, default));
        Assert.InRange(await CountAsync(container), 2, BlobDueQueue.DefaultShards + 1);
        var next = await first.ClaimAsync(tomorrow.AddSeconds(5), 1000, lease, default);
        Assert.Equal(301, next.Count);
        Assert.All(next.Where(i => i.Key.Contains("owner", StringComparison.Ordinal)), i => Assert.Equal((2L, tomorrow), (i.Version, i.Due)));
    }

    [SkippableFact]
    public async Task An_instance_that_dies_mid_way_gives_its_blob_back_whole_after_the_lease_and_entries_added_meanwhile_are_kept()
    {
        // One shard: the five share one blob.
        var (container, _) = NewQueue();
        var dead = new BlobDueQueue(container, shards: 1);
        var survivor = new BlobDueQueue(container, shards: 1);
        var now = DateTimeOffset.UtcNow;
        var due = now.AddSeconds(-10);
        for (var i = 0; i < 5; i++)
        {
            await dead.ScheduleAsync($"sms/reminders/owner-{i}", 1, due, now, default);
        }

        var taken = await dead.ClaimAsync(now, 100, Lease, default);
        Assert.Equal(5, taken.Count);

        // Handled two, then died. Meanwhile an owner's change lands on the same moment (the blob is leased).
        await dead.RescheduleAsync(taken[0], 1, due.AddDays(1), now, default);
        await dead.DoneAsync(taken[1], default);
        await survivor.ScheduleAsync("sms/reminders/owner-0", 7, due, now, default);
        var meanwhile = await survivor.ClaimAsync(DateTimeOffset.UtcNow, 100, Lease, default);
        var change = Assert.Single(meanwhile);
        Assert.Equal(("sms/reminders/owner-0", 7L), (change.Key, change.Version));

        await Task.Delay(Lease + TimeSpan.FromSeconds(2));
        var back = await survivor.ClaimAsync(DateTimeOffset.UtcNow, 100, Lease, default);
        Assert.Equal(5, back.Count(i => i.Version == 1));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"sms/reminders/owner-{i}"), back.Where(i => i.Version == 1).Select(i => i.Key).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task A_blob_still_being_gone_through_is_kept_past_its_lease_and_no_second_instance_gets_it()
    {
        var (container, _) = NewQueue();
        var busy = new BlobDueQueue(container, shards: 1);
        var other = new BlobDueQueue(container, shards: 1);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 6; i++)
        {
            await busy.ScheduleAsync($"msteams/reminders/owner-{i}", 1, now.AddSeconds(-10), now, default);
        }

        var taken = await busy.ClaimAsync(now, 100, Lease, default);
        Assert.Equal(6, taken.Count);

        // One handled every 4 s: 20 s in all, past the 15 s lease; the other instance never gets the blob meanwhile.
        for (var i = 0; i < 5; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(4));
            await busy.DoneAsync(taken[i], default);
            Assert.Empty(await other.ClaimAsync(DateTimeOffset.UtcNow, 100, Lease, default));
        }

        await busy.DoneAsync(taken[5], default);
        Assert.Equal(0, await CountAsync(container));
    }

    private (BlobContainerClient Container, BlobDueQueue Queue) NewQueue()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, "due" + Guid.NewGuid().ToString("N")[..20]);
        return (container, new BlobDueQueue(container));
    }

    private static async Task<int> CountAsync(BlobContainerClient container)
    {
        var count = 0;
        await foreach (var _ in container.GetBlobsAsync())
        {
            count++;
        }

        return count;
    }
}
