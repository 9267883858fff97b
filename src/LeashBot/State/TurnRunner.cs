using LeashBot.Bot;
using LeashBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace LeashBot.State;

/// <summary>
/// Runs one turn's logic between loading and saving the conversation's and the owner's state, so that no turn
/// is lost and no owner sees replies from a run whose state was not saved.
/// <list type="number">
/// <item>Within this host, turns that share a conversation or a user run one after another (<see cref="KeyedLock"/>).</item>
/// <item>The logic's outgoing activities are held back (<see cref="ITurnContext.OnSendActivities"/>) and sent only after
/// both states are saved.</item>
/// <item>Across hosts sharing one store, saves are conditional on the eTags read at load. A save that meets a changed
/// eTag throws away the run (held replies included), reloads both states and reruns the logic, up to
/// <see cref="MaxAttempts"/> times.</item>
/// <item>If storage is unreachable, or the retries run out, nothing is sent but <c>cantSaveNow</c>; nothing was changed.</item>
/// <item>A corrupt stored record is replaced by a fresh state (its text kept under a quarantine key) and the owner is
/// told <c>pickUpAgain</c> before the turn's own replies.</item>
/// </list>
/// <para>
/// Save order. The two records cannot be written atomically on Blob Storage, so the order matters. Conversation
/// state is saved first: it is the record every concurrent turn of the same conversation contends for, so the common
/// race (two messages of one conversation on two hosts) is settled by that first write, before anything else is
/// committed, and the loser simply reruns. A conflict on the second write (user state, shared by all of the owner's
/// conversations on the channel) means another turn changed the owner's record meanwhile: the conversation record
/// is rolled back to what this run loaded (conditional on the eTag this run just wrote) and the turn reruns. If the
/// rollback itself is refused, another turn has already built on this run's conversation changes; the run is still
/// rerun so the owner's progress (user state) is never lost, at the price of the dialog seeing the message twice.
/// That needs another host to finish a whole turn between this run's two writes and is logged as a warning.
/// The SQLite store could write both records in one transaction; the runner keeps one protocol for every store.
/// </para>
/// </summary>
public sealed class TurnRunner(
    ConversationState conversationState,
    UserState userState,
    IStorage storage,
    Phrasebook say,
    KeyedLock locks,
    ILogger<TurnRunner> logger)
{
    /// <summary>How many times a turn's logic may run before the owner is told their message could not be saved.</summary>
    public const int MaxAttempts = 8;

    private const int MaxCorruptRecoveries = 2;

    private long _reruns;

    /// <summary>How many runs this host threw away because the state changed under them (for diagnostics and tests).</summary>
    public long Reruns => Interlocked.Read(ref _reruns);

    public async Task RunAsync(ITurnContext turnContext, Func<ITurnContext, CancellationToken, Task> turnLogic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(turnLogic);

        var activity = turnContext.Activity;
        var conversationKey = ConversationKey(activity);
        using var held = await locks.AcquireAsync(LockKeys(activity, conversationKey), cancellationToken);

        var outbox = new Outbox();
        turnContext.OnSendActivities(outbox.OnSendAsync);
        var notices = new List<string>();
        var recoveries = 0;

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            outbox.StartHolding();
            try
            {
                await conversationState.LoadAsync(turnContext, force: true, cancellationToken);
                await userState.LoadAsync(turnContext, force: true, cancellationToken);
                var loadedConversation = conversationState is IStoredRecordState ? null : conversationState.Get(turnContext) as JObject ?? [];

                await turnLogic(turnContext, cancellationToken);

                await SaveBothAsync(turnContext, conversationKey, loadedConversation, cancellationToken);
                await outbox.ReleaseAsync(turnContext, notices.Select(n => MessageFactory.Text(n)), cancellationToken);
                return;
            }
            catch (StorageConflictException ex)
            {
                outbox.Discard();
                Interlocked.Increment(ref _reruns);
                logger.LogInformation("State changed under turn attempt {Attempt} ({Key}); rerunning", attempt, ex.Key);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt), cancellationToken);
            }
            catch (StorageCorruptRecordException ex) when (recoveries < MaxCorruptRecoveries && storage is JsonStorage json)
            {
                outbox.Discard();
                recoveries++;
                attempt--;
                logger.LogWarning("Stored state {Key} is corrupt; replacing it with a fresh state (the old text is quarantined)", ex.Key);
                try
                {
                    await json.ReplaceCorruptRecordAsync(ex.Key, ex.ETag, cancellationToken);
                }
                catch (StorageUnavailableException unavailable)
                {
                    await TellCantSaveAsync(turnContext, outbox, unavailable, cancellationToken);
                    return;
                }

                var notice = say.Text(say.Content.Messages.PickUpAgain);
                if (!notices.Contains(notice))
                {
                    notices.Add(notice);
                }
            }
            catch (StorageUnavailableException ex)
            {
                await TellCantSaveAsync(turnContext, outbox, ex, cancellationToken);
                return;
            }
            catch
            {
                // A bug in the turn's logic: nothing was saved, nothing held back is sent; the adapter's error handler answers.
                outbox.Discard();
                throw;
            }
        }

        logger.LogError("Turn gave up after {Attempts} conflicting attempts", MaxAttempts);
        outbox.Discard();
        await turnContext.SendActivityAsync(MessageFactory.Text(say.Text(say.Content.Messages.CantSaveNow)), cancellationToken);
    }

    private async Task SaveBothAsync(ITurnContext turnContext, string? conversationKey, JObject? loadedConversation, CancellationToken cancellationToken)
    {
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        try
        {
            await userState.SaveChangesAsync(turnContext, false, cancellationToken);
        }
        catch (StorageConflictException)
        {
            await RollBackConversationAsync(turnContext, conversationKey, loadedConversation, cancellationToken);
            throw;
        }
    }

    private async Task RollBackConversationAsync(ITurnContext turnContext, string? conversationKey, JObject? loaded, CancellationToken cancellationToken)
    {
        if (conversationState is IStoredRecordState typed)
        {
            await RollBackRecordAsync(typed.Record(turnContext), cancellationToken);
            return;
        }

        loaded ??= [];
        var loadedETag = (string?)loaded[JsonStorage.ETagProperty];
        var writtenETag = (string?)(conversationState.Get(turnContext) as JObject)?[JsonStorage.ETagProperty];
        if (conversationKey is null || writtenETag is null || writtenETag == loadedETag)
        {
            return; // this run did not write the conversation record
        }

        var restore = (JObject)loaded.DeepClone();
        restore[JsonStorage.ETagProperty] = writtenETag;
        try
        {
            await storage.WriteAsync(new Dictionary<string, object> { [conversationKey] = restore }, cancellationToken);
        }
        catch (StorageConflictException)
        {
            logger.LogWarning("Could not roll back conversation state after a user-state conflict; the rerun may repeat a dialog step");
        }
    }

    /// <summary>Puts a typed record back to its loaded text, conditional on the eTag this run wrote.</summary>
    private async Task RollBackRecordAsync(StoredRecord? record, CancellationToken cancellationToken)
    {
        if (record is null || record.ETag is null || record.ETag == record.LoadedETag || storage is not JsonStorage json)
        {
            return; // this run did not write the record
        }

        try
        {
            record.ETag = await json.WriteTextAsync(record.Key, record.LoadedJson ?? "{}", record.ETag, cancellationToken);
        }
        catch (StorageConflictException)
        {
            logger.LogWarning("Could not roll back conversation state after a user-state conflict; the rerun may repeat a dialog step");
        }
    }

    private async Task TellCantSaveAsync(ITurnContext turnContext, Outbox outbox, StorageUnavailableException ex, CancellationToken cancellationToken)
    {
        logger.LogError("Storage unavailable during a turn: {Problem}", ex.Message);
        logger.LogDebug(ex, "Storage failure details");
        outbox.Discard();
        await turnContext.SendActivityAsync(MessageFactory.Text(say.Text(say.Content.Messages.CantSaveNow)), cancellationToken);
    }

    private static string? ConversationKey(Activity activity) => StateKeys.Conversation(activity);

    private static IEnumerable<string> LockKeys(Activity activity, string? conversationKey)
    {
        if (conversationKey is not null)
        {
            yield return conversationKey;
        }

        if (activity.From?.Id is { Length: > 0 } userId)
        {
            yield return $"{activity.ChannelId}/users/{userId}";
        }
    }

    /// <summary>Holds a run's outgoing activities until its state is saved.</summary>
    private sealed class Outbox
    {
        private readonly List<Activity> _held = [];
        private bool _holding;

        public void StartHolding()
        {
            _held.Clear();
            _holding = true;
        }

        public void Discard()
        {
            _held.Clear();
            _holding = false;
        }

        public async Task<ResourceResponse[]> OnSendAsync(ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> next)
        {
            if (!_holding)
            {
                return await next();
            }

            _held.AddRange(activities);
            return [.. activities.Select(a => new ResourceResponse(a.Id ?? ""))];
        }

        public async Task ReleaseAsync(ITurnContext turnContext, IEnumerable<IActivity> first, CancellationToken cancellationToken)
        {
            _holding = false;
            var all = first.Concat(_held).ToArray();
            _held.Clear();
            if (all.Length > 0)
            {
                await turnContext.SendActivitiesAsync(all, cancellationToken);
            }
        }
    }
}
