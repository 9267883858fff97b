using LeashBot.State;

namespace LeashBot.Coaching.Reminders;

/// <summary>
/// Web Chat's reminders: a closed page can't be reached, so the day's nudge is kept in the owner's record
/// (<see cref="ReminderRecord.HeldDay"/>) and shown when the visitor comes back ("Welcome back! Biscuit is on step 4…"),
/// first thing after the greeting or before the answer to their first message.
/// </summary>
public sealed class HeldNudges(ReminderStore store, ReminderWording wording, Replies replies, BotAccessors state, TimeProvider clock)
{
    /// <summary>A visitor is back: a reminder kept for them is shown.</summary>
    public async Task ArrivedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (StateKeys.Owner(turnContext.Activity) is not { } ownerKey)
        {
            return;
        }

        var key = ReminderRecord.KeyOf(ownerKey);
        var (record, _) = await store.ReadAsync(key, cancellationToken);
        if (record?.HeldDay is not null)
        {
            await ShowAsync(turnContext, key, record, cancellationToken);
        }
    }

    /// <summary>Shows the kept nudge, naming the cat and step as they are now, and lets it go; returns the record as written.</summary>
    public async Task<ReminderRecord?> ShowAsync(ITurnContext turnContext, string key, ReminderRecord record, CancellationToken cancellationToken)
    {
        var owner = await state.OwnerAsync(turnContext, cancellationToken);
        var zone = ReminderSchedule.Zone(record.TimeZone);
        var (nudge, _) = wording.Nudge(owner, zone, ReminderSchedule.LocalDay(clock.GetUtcNow(), zone), -1, record.LastNudge);
        await replies.SendAsync(turnContext, replies.Text(c => c.Reminders.WelcomeBack) + " " + nudge, cancellationToken);
        return await store.UpdateAsync(key, r => r?.HeldDay is null ? null : r.ChangedBy(x => x.HeldDay = null, clock.GetUtcNow()), cancellationToken);
    }
}
