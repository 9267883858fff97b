using LeashBot.Storage;
using Newtonsoft.Json;

namespace LeashBot.State;

/// <summary>
/// Runs one turn's logic between loading and saving its state, so that no turn is lost or counted twice and no owner
/// sees replies from a run whose state was not saved.
/// <list type="number">
/// <item>A turn's whole state (the owner's profile and this conversation's dialog stack and flags) is one record
/// (<see cref="TurnRecords"/>), read once and written once, conditional on the eTag it was read with. Within this host,
/// turns that share a conversation or a user run one after another (<see cref="KeyedLock"/>).</item>
/// <item>The logic's outgoing activities are held back (<see cref="ITurnContext.OnSendActivities"/>) and sent only after
/// the record is saved, and after the locks are released: a channel's connector that stalls holds no other turn.</item>
/// <item>Across hosts sharing one store, a save that meets a changed eTag was refused as a whole (nothing of the run is
/// stored): the run is thrown away with its held replies, the record is read again and the logic reruns on it, up to
/// <see cref="MaxAttempts"/> times. Replies are computed again by the rerun and sent once, from the run that saved.</item>
/// <item>If those replies cannot be delivered, the record is put back as it was loaded (only if no later turn wrote
/// it), so the owner is where they were and simply sends the message again.</item>
/// <item>If storage is unreachable, or the retries run out, nothing is sent but <c>cantSaveNow</c>; nothing was changed.</item>
/// <item>A message that changed the owner's part is handled once. Its id (Web Chat's <c>clientActivityID</c> when it has one, which a resend keeps, else
/// the activity id, which Bot Framework channels keep when they deliver again) is saved in the owner's part in the same
/// write as the turn's effects (<see cref="HandledMessages"/>). The same message again, after a crash or a lost reply,
/// gets <c>alreadyGotIt</c> and changes nothing: no second session is logged, no answer is taken twice.</item>
/// <item>A corrupt stored record, or one of the wrong shape, is replaced by a fresh state (its text kept under a
/// quarantine key) and the owner is told <c>pickUpAgain</c> before the turn's own replies. A conversation's part that
/// does not fit (when read, or deeper, when the dialogs use it) is given up alone, once, with the same notice.</item>
/// </list>
/// </summary>
public sealed class TurnRunner(
    TurnRecords records,
    TypedUserState userState,
    TimeProvider time,
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
        StoredRecord? saved;
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
            // The owner never saw this turn's replies, so the turn did not happen for them: put the record back as it
            // was loaded (only if nobody wrote it since), so the same message can simply be sent again.
            logger.LogWarning("Replies could not be delivered ({ExceptionType}); rolling back the turn's state", ex.GetType().Name);
            await RollBackAsync(saved, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Loads, runs and saves, rerunning on conflicts. Returns what was saved (for a rollback), or null when nothing was.</summary>
    private async Task<StoredRecord?> RunLockedAsync(ITurnContext turnContext, Func<ITurnContext, CancellationToken, Task> turnLogic, Outbox outbox, CancellationToken cancellationToken)
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
                await records.LoadAsync(turnContext, force: true, discardConversation: conversationReset, cancellationToken);
                if (records.ConversationDiscarded(turnContext))
                {
                    AddNotice(notices, say.Text(say.Content.Messages.PickUpAgain));
                }

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
                catch (Exception ex) when (TurnRecords.IsShapeError(ex) && !conversationReset && records.ConversationLoaded(turnContext))
                {
                    // Stored values deeper than the typed properties (a dialog's own values) did not fit: the conversation's
                    // part is what can be given up, once, so the owner is not stuck on the same failure every turn.
                    logger.LogWarning("A conversation's stored state did not fit the dialogs ({ExceptionType}); starting the conversation afresh", ex.GetType().Name);
                    outbox.Discard();
                    conversationReset = true;
                    attempt--;
                    continue;
                }

                // A message that changed the owner's part (a cat, a step, a session) is marked handled in the same write:
                // handled and recorded, or neither. A turn that leaves the owner's part alone (an answer from the FAQ)
                // adds nothing to it, so a visitor who only asks questions keeps no owner's part.
                await records.SaveAsync(
                    turnContext,
                    messageId is null ? null : async (context, ct) => (await _handled.GetAsync(context, () => new HandledMessages(), ct)).Add(messageId),
                    cancellationToken);
                outbox.Ready(notices.Select(n => MessageFactory.Text(n)));
                return records.Record(turnContext);
            }
            catch (StorageConflictException ex)
            {
                outbox.Discard();
                Interlocked.Increment(ref _reruns);
                logger.LogInformation("State changed under turn attempt {Attempt} ({Key}); rerunning", attempt, IncomingKey(ex.Key));
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt), cancellationToken);
            }
            catch (StorageCorruptRecordException ex) when (recoveries < MaxCorruptRecoveries)
            {
                outbox.Discard();
                recoveries++;
                attempt--;
                logger.LogWarning("Stored state {Key} is corrupt or of the wrong shape; replacing it with a fresh state (the old text is quarantined)", IncomingKey(ex.Key));
                try
                {
                    await records.Store.ReplaceCorruptRecordAsync(ex.Key, ex.ETag, time, cancellationToken);
                }
                catch (StorageUnavailableException unavailable)
                {
                    TellCantSave(outbox, unavailable);
                    return null;
                }

                AddNotice(notices, say.Text(say.Content.Messages.PickUpAgain));
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

    private void TellCantSave(Outbox outbox, StorageUnavailableException ex)
    {
        logger.LogError("Storage unavailable during a turn: {Problem}", ex.Message);
        logger.LogDebug(ex, "Storage failure details");
        outbox.Discard();
        outbox.Ready([MessageFactory.Text(say.Text(say.Content.Messages.CantSaveNow))], keepHeld: false);
    }

    /// <summary>
    /// Puts the record this run wrote back to the state it was loaded with (an empty object where there was none),
    /// conditional on the eTag this run wrote; a later turn's write wins (its state stays).
    /// </summary>
    private async Task RollBackAsync(StoredRecord record, CancellationToken cancellationToken)
    {
        if (record.ETag is null || record.ETag == record.LoadedETag)
        {
            return; // this run did not write the record
        }

        try
        {
            record.ETag = await records.Store.WriteTextAsync(record.Key, record.RestoreJson ?? "{}", record.ETag, cancellationToken);
            record.Json = record.RestoreJson;
        }
        catch (StorageConflictException)
        {
            logger.LogWarning("A later turn changed {Key} before the rollback; its state stays", IncomingKey(record.Key));
        }
        catch (StorageUnavailableException)
        {
            logger.LogError("Storage became unavailable during a rollback of {Key}", IncomingKey(record.Key));
        }
    }

    private static void AddNotice(List<string> notices, string notice)
    {
        if (!notices.Contains(notice))
        {
            notices.Add(notice);
        }
    }

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
