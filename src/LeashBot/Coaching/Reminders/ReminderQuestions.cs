using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching.Reminders;

/// <summary>
/// The reminder's own questions (the offer after the first session, "What time suits you?", "Which time zone are you
/// in?") have the same ways out as every other question (<see cref="PromptExits"/>): a no, "not now" or "i didn't ask
/// for that" leaves them kindly; a report, a question or a goodbye goes on to the coaching; a place the bot doesn't
/// know is asked about once more with an example, then let go. Nothing loops.
/// </summary>
public sealed class ReminderQuestions(ReminderStore store, Replies replies, BotAccessors state, MessageReader messages, PromptExits exits, TimeProvider clock)
{
    /// <summary>A reply this short can be a bare answer ("yes please", "manchester uk").</summary>
    private const int ShortReply = 4;

    /// <summary>"What time suits you?": a part of the day answers it from now on, as well as a clock time.</summary>
    public async Task AskTimeAsync(ITurnContext turnContext, string key, string ownerKey, CancellationToken cancellationToken)
    {
        await replies.SayAsync(turnContext, c => c.Reminders.AskTime, cancellationToken);
        var now = clock.GetUtcNow();
        await store.UpdateAsync(key, r => (r ?? new ReminderRecord { OwnerKey = ownerKey }).ChangedBy(x =>
        {
            x.OfferedAt = now;
            x.TimeAsked = true;
        }, clock.GetUtcNow()), cancellationToken);
    }

    /// <summary>
    /// A reply to the offer or to "What time suits you?" that named no time: a yes to the offer asks when, a no or a way out
    /// ("not now", "i didn't ask for that") leaves it kindly; anything else is for the coaching (a clock time a little later,
    /// "6pm", still answers the offer).
    /// </summary>
    public async Task<bool> AfterQuestionAsync(ITurnContext turnContext, string key, string text, bool offerOnly, CancellationToken cancellationToken)
    {
        var reading = messages.Read(turnContext, text, await state.OwnerAsync(turnContext, cancellationToken));
        var exit = exits.Read(reading, AnswerKind.Time);
        var answer = exits.Answers.Read(text);
        if (offerOnly && answer == AnswerPolarity.Yes && reading.WordCount <= ShortReply && exit == PromptExit.None)
        {
            await AskTimeAsync(turnContext, key, StateKeys.Owner(turnContext.Activity)!, cancellationToken);
            return true;
        }

        // "nah i'll remember", "maybe later", "mejor no": a no to the offer, however it is put.
        if ((exit == PromptExit.Leave && (offerOnly || reading.YesNo is null)) || (offerOnly && answer == AnswerPolarity.No && exit == PromptExit.None))
        {
            await LeaveAsync(turnContext, key, c => c.Reminders.Declined, cancellationToken);
            return true;
        }

        return false;
    }

    /// <summary>
    /// No place the bot knows at the time-zone question: a short reply that could be a place is asked about once more,
    /// with an example, then let go; a way out leaves the question; anything else (a report, a question, a goodbye) sets
    /// the reminder aside and goes on to the coaching.
    /// </summary>
    public async Task<bool> NoPlaceAsync(ITurnContext turnContext, string key, ReminderRecord record, string text, CancellationToken cancellationToken)
    {
        var reading = messages.Read(turnContext, text, await state.OwnerAsync(turnContext, cancellationToken));
        switch (exits.Read(reading, AnswerKind.Place))
        {
            case PromptExit.Leave:
                await LeaveAsync(turnContext, key, c => c.Reminders.Declined, cancellationToken);
                return true;
            case PromptExit.None when reading.WordCount <= ShortReply && record.ZoneTries == 0:
                await replies.SayAsync(turnContext, c => c.Reminders.ZoneUnknown, cancellationToken);
                await store.UpdateAsync(key, r => r is null ? null : r.ChangedBy(x => x.ZoneTries++, clock.GetUtcNow()), cancellationToken);
                return true;
            case PromptExit.None when reading.WordCount <= ShortReply:
                await LeaveAsync(turnContext, key, c => c.Reminders.ZoneGaveUp, cancellationToken);
                return true;
            case PromptExit.Goodbye:
                await LeaveAsync(turnContext, key, null, cancellationToken);
                return false;
            default:
                await LeaveAsync(turnContext, key, c => c.Reminders.SetAside, cancellationToken);
                return false;
        }
    }

    /// <summary>Leaves whatever reminder question waits (offer, time or place), saying so when there's something to say.</summary>
    public async Task LeaveAsync(ITurnContext turnContext, string key, Func<BotContent, string>? wording, CancellationToken cancellationToken)
    {
        if (wording is not null)
        {
            await replies.SayAsync(turnContext, wording, cancellationToken);
        }

        await store.UpdateAsync(key, r => r is null ? null : r.ChangedBy(x =>
        {
            x.WaitingForZone = null;
            x.ZoneTries = 0;
            x.OfferedAt = null;
            x.TimeAsked = false;
        }, clock.GetUtcNow()), cancellationToken);
    }
}
