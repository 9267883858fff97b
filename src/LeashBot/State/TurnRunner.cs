using LeashBot.Content;
using LeashBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace LeashBot.State;

/// <summary>
/// Runs one turn's logic between loading and saving the conversation's and the owner's state, so that no turn
/// is lost and no owner sees replies from a run whose state was not saved.
/// <list type="number">
/// <item>Within this host, turns that share a conversation or a user run one after another (<see cref="KeyedLock"/>).</item>
/// <item>The logic's outgoing activities are held back (<see cref="ITurnContext.OnSendActivities"/>) and sent only after
/// both states are saved, and after the locks are released: a channel's connector that stalls holds no other turn.</item>
/// <item>If those replies cannot be delivered, both records are put back as they were loaded (each only if no later turn
/// wrote it), so the owner is where they were and simply sends the message again.</item>
/// <item>Across hosts sharing one store, saves are conditional on the eTags read at load. A save that meets a changed
/// eTag throws away the run (held replies included), reloads both states and reruns the logic, up to
/// <see cref="MaxAttempts"/> times.</item>
/// <item>If storage is unreachable, or the retries run out, nothing is sent but <c>cantSaveNow</c>; nothing was changed.</item>
/// <item>A message that changed the owner's record is handled once. Its id (Web Chat's <c>clientActivityID</c> when it has one, which a resend keeps, else
/// the activity id, which Bot Framework channels keep when they deliver again) is saved in the owner's record in the same
/// write as the turn's effects (<see cref="HandledMessages"/>). The same message again, after a crash or a lost reply,
/// gets <c>alreadyGotIt</c> and changes nothing: no second session is logged, no answer is taken twice.</item>
/// <item>A corrupt stored record, or one of the wrong shape (found when the typed records load, see
/// <see cref="TypedBotState"/>), is replaced by a fresh state (its text kept under a quarantine key) and the owner is
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
/// Stores that write a batch all or nothing (<see cref="JsonStorage.WritesBatchesAtomically"/>: SQLite in one
/// transaction, Memory) get both records in one write conditional on both eTags instead, so there a conflict leaves
/// both records as loaded and a rerun never counts a turn twice; the order and the rollback above are Blob's alone.
/// </para>
/// <para>
/// Rollbacks work on the typed records (<see cref="StoredRecord"/>): each is written back as the text it was loaded
/// with, conditional on the eTag this run wrote, so they need a <see cref="JsonStorage"/> (every store the host registers is one).
/// </para>
/// </summary>
public sealed class TurnRunner(
    TypedConversationState conversationState,
    TypedUserState userState,
    IStorage storage,
    Phrasebook say,
    KeyedLock locks,
    ILogger<TurnRunner> logger)
{
    private readonly IStatePropertyAccessor<HandledMessages> _handled = StateProperty.Create<HandledMessages>(userState, HandledMessages.PropertyName);

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

        var outbox = new Outbox();
        turnContext.OnSendActivities(outbox.OnSendAsync);

        // The locks cover loading, the logic and saving. They are released before anything is sent: a channel's
        // connector that stalls must not hold this owner's turns in their other conversations.
        Saved? saved;
        using (await locks.AcquireAsync(LockKeys(turnContext.Activity), cancellationToken))
        {
            saved = await RunLockedAsync(turnContext, turnLogic, outbox, cancellationToken);
        }

        try
        {
            await outbox.ReleaseAsync(turnContext, cancellationToken);
        }
        catch (Exception ex) when (saved is not null && ex is not OperationCanceledException)
        {
            // The owner never saw this turn's replies, so the turn did not happen for them: put both records back as
            // they were loaded (each only if nobody wrote it since), so the same message can simply be sent again.
            logger.LogWarning("Replies could not be delivered ({ExceptionType}); rolling back the turn's state", ex.GetType().Name);
            await RollBackAsync(saved, cancellationToken);
            throw;
        }
    }

    /// <summary>Loads, runs and saves, rerunning on conflicts. Returns what was saved (for a rollback), or null when nothing was.</summary>
    private async Task<Saved?> RunLockedAsync(ITurnContext turnContext, Func<ITurnContext, CancellationToken, Task> turnLogic, Outbox outbox, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var notices = new List<string>();
        var recoveries = 0;
        var conversationReset = false;

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            outbox.StartHolding();
            try
            {
                await conversationState.LoadAsync(turnContext, force: true, cancellationToken);
                await userState.LoadAsync(turnContext, force: true, cancellationToken);
                var loadedConversation = conversationState.Record(turnContext);
                var messageId = HandledMessages.IdOf(activity);
                if (messageId is not null && (await _handled.GetAsync(turnContext, () => new HandledMessages(), cancellationToken)).Contains(messageId))
                {
                    logger.LogInformation("A message that was handled before arrived again; answering that it is saved, changing nothing");
                    outbox.Ready([MessageFactory.Text(say.Text(say.Content.Messages.AlreadyGotIt))], keepHeld: false);
                    return null;
                }

                try
                {
                    await turnLogic(turnContext, cancellationToken);
                }
                catch (Exception ex) when (IsShapeError(ex) && !conversationReset && loadedConversation?.LoadedETag is { } loadedETag)
                {
                    // Stored values deeper than the typed properties (a dialog's own values) did not fit: the dialog
                    // stack is what can be given up, once, so the owner is not stuck on the same failure every turn.
                    conversationReset = true;
                    throw new StorageCorruptRecordException(loadedConversation.Key, loadedETag, ex);
                }

                if (messageId is not null && userState.PendingWrite(turnContext) is not null)
                {
                    // Saved with the turn's effects on the owner's record (a cat, a step, a session), in the same write:
                    // handled and recorded, or neither. A turn that leaves the owner's record alone (an answer from the FAQ)
                    // adds nothing to it, so a visitor who only asks questions still has no owner record.
                    (await _handled.GetAsync(turnContext, () => new HandledMessages(), cancellationToken)).Add(messageId);
                }

                await SaveBothAsync(turnContext, cancellationToken);
                outbox.Ready(notices.Select(n => MessageFactory.Text(n)));
                return new Saved([conversationState.Record(turnContext), userState.Record(turnContext)]);
            }
            catch (StorageConflictException ex)
            {
                outbox.Discard();
                Interlocked.Increment(ref _reruns);
                logger.LogInformation("State changed under turn attempt {Attempt} ({Key}); rerunning", attempt, IncomingKey(ex.Key));
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt), cancellationToken);
            }
            catch (StorageCorruptRecordException ex) when (recoveries < MaxCorruptRecoveries && storage is JsonStorage json)
            {
                outbox.Discard();
                recoveries++;
                attempt--;
                logger.LogWarning("Stored state {Key} is corrupt or of the wrong shape; replacing it with a fresh state (the old text is quarantined)", IncomingKey(ex.Key));
                try
                {
                    await json.ReplaceCorruptRecordAsync(ex.Key, ex.ETag, cancellationToken);
                }
                catch (StorageUnavailableException unavailable)
                {
                    TellCantSave(outbox, unavailable);
                    return null;
                }

                var notice = say.Text(say.Content.Messages.PickUpAgain);
                if (!notices.Contains(notice))
                {
                    notices.Add(notice);
                }
            }
            catch (StorageUnavailableException ex)
            {
                TellCantSave(outbox, ex);
                return null;
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
        outbox.Ready([MessageFactory.Text(say.Text(say.Content.Messages.CantSaveNow))], keepHeld: false);
        return null;
    }

    private async Task SaveBothAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (storage is JsonStorage { WritesBatchesAtomically: true } json)
        {
            // Both records in one all-or-nothing write: a conflict on either leaves both as they were, so the rerun
            // starts clean and nothing needs rolling back.
            PendingWrite[] writes = [.. new[] { conversationState.PendingWrite(turnContext), userState.PendingWrite(turnContext) }.OfType<PendingWrite>()];
            var eTags = await json.WriteTextsAsync([.. writes.Select(w => (w.Key, w.Json, w.IfMatch))], cancellationToken);
            for (var i = 0; i < writes.Length; i++)
            {
                writes[i].Complete(eTags[i]);
            }

            return;
        }

        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        try
        {
            await userState.SaveChangesAsync(turnContext, false, cancellationToken);
        }
        catch (StorageConflictException)
        {
            if (!await RollBackRecordAsync(conversationState.Record(turnContext), cancellationToken))
            {
                logger.LogWarning("Could not roll back conversation state after a user-state conflict; the rerun may repeat a dialog step");
            }

            throw;
        }
    }

    /// <summary>
    /// Puts a record this run wrote back to the text it was loaded with (an empty object where there was none),
    /// conditional on the eTag this run wrote. False when a later write got there first (its state stays).
    /// </summary>
    private async Task<bool> RollBackRecordAsync(StoredRecord? record, CancellationToken cancellationToken)
    {
        if (record is null || record.ETag is null || record.ETag == record.LoadedETag || storage is not JsonStorage json)
        {
            return true; // this run did not write the record
        }

        try
        {
            record.ETag = await json.WriteTextAsync(record.Key, record.LoadedJson ?? "{}", record.ETag, cancellationToken);
            record.Json = record.LoadedJson;
            return true;
        }
        catch (StorageConflictException)
        {
            return false;
        }
    }

    private void TellCantSave(Outbox outbox, StorageUnavailableException ex)
    {
        logger.LogError("Storage unavailable during a turn: {Problem}", ex.Message);
        logger.LogDebug(ex, "Storage failure details");
        outbox.Discard();
        outbox.Ready([MessageFactory.Text(say.Text(say.Content.Messages.CantSaveNow))], keepHeld: false);
    }

    /// <summary>Puts each record this turn wrote back to what it loaded, conditional on the eTag this turn wrote.</summary>
    private async Task RollBackAsync(Saved saved, CancellationToken cancellationToken)
    {
        foreach (var record in saved.Records)
        {
            try
            {
                if (!await RollBackRecordAsync(record, CancellationToken.None))
                {
                    logger.LogWarning("A later turn changed {Key} before the rollback; its state stays", IncomingKey(record!.Key));
                }
            }
            catch (StorageUnavailableException)
            {
                logger.LogError("Storage became unavailable during a rollback of {Key}", IncomingKey(record!.Key));
            }
        }
    }

    /// <summary>True for the exceptions a JSON value of the wrong shape causes when converted to a type.</summary>
    private static bool IsShapeError(Exception exception) =>
        exception is JsonException or ArgumentException or FormatException or InvalidCastException or OverflowException;

    /// <summary>The kind of key (conversation or user) for logs: the ids themselves are the owner's.</summary>
    private static string IncomingKey(string key) =>
        key.Contains("/users/", StringComparison.Ordinal) ? "user state" : key.Contains("/conversations/", StringComparison.Ordinal) ? "conversation state" : "a record";

    private static string? UserKey(Activity activity) => StateKeys.Owner(activity);

    private static string? ConversationKey(Activity activity) => StateKeys.Conversation(activity);

    private static IEnumerable<string> LockKeys(Activity activity)
    {
        if (ConversationKey(activity) is { } conversation)
        {
            yield return conversation;
        }

        if (UserKey(activity) is { } user)
        {
            yield return user;
        }
    }

    private sealed record Saved(IReadOnlyList<StoredRecord?> Records);

    /// <summary>Holds a run's outgoing activities until its state is saved, and sends them once the locks are released.</summary>
    private sealed class Outbox
    {
        private readonly List<Activity> _held = [];
        private readonly List<Activity> _ready = [];
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

        /// <summary>What to send after the locks are released: the notices first, then (unless told not to) the held replies.</summary>
        public void Ready(IEnumerable<IActivity> first, bool keepHeld = true)
        {
            _holding = false;
            _ready.Clear();
            _ready.AddRange(first.Cast<Activity>());
            if (keepHeld)
            {
                _ready.AddRange(_held);
            }

            _held.Clear();
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

        public async Task ReleaseAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            var all = _ready.ToArray<IActivity>();
            _ready.Clear();
            if (all.Length > 0)
            {
                await turnContext.SendActivitiesAsync(all, cancellationToken);
            }
        }
    }
}

/// <summary>
/// The ids of an owner's last few messages whose turns were saved, kept in the owner's record (a fixed handful, so the
/// record does not grow), so a message delivered again is recognized and not run twice.
/// </summary>
public sealed class HandledMessages
{
    public const string PropertyName = "handled";

    /// <summary>How many recent message ids are kept: enough for a resend of any of the last few messages.</summary>
    public const int Kept = 8;

    public List<string> Ids { get; set; } = [];

    public bool Contains(string id) => Ids.Contains(id, StringComparer.Ordinal);

    public void Add(string id)
    {
        Ids.Remove(id);
        Ids.Add(id);
        if (Ids.Count > Kept)
        {
            Ids.RemoveRange(0, Ids.Count - Kept);
        }
    }

    /// <summary>
    /// What identifies a message across deliveries: Web Chat's <c>clientActivityID</c> (a Direct Line resend gets a new
    /// server id but keeps it), else the activity id. Null for anything but a message, or a message without either.
    /// </summary>
    public static string? IdOf(Activity activity)
    {
        if (activity.Type != ActivityTypes.Message)
        {
            return null;
        }

        var clientId = activity.ChannelData is Newtonsoft.Json.Linq.JObject data && data["clientActivityID"] is Newtonsoft.Json.Linq.JValue { Type: Newtonsoft.Json.Linq.JTokenType.String } value
            ? (string?)value
            : null;
        var id = !string.IsNullOrEmpty(clientId) ? "c:" + clientId : activity.Id;
        return string.IsNullOrEmpty(id) || id.Length > 256 ? null : id;
    }
}
