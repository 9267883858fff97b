using LeashBot.Channels.Sms;
using LeashBot.State;

namespace LeashBot.Coaching.Reminders;

/// <summary>
/// Reminders off (the default, <see cref="ReminderOptions.Enabled"/>): nothing is read or kept. A request is told once in
/// the conversation that none are sent here and what the owner can do instead (by text, also that the clinic can switch
/// reminders by text on), later ones in a short line; the rest of the message goes on to the coaching.
/// </summary>
public sealed class RemindersOff(ReminderReader reader, Replies replies, BotAccessors state)
{
    /// <summary>Answers a request for reminders, if the message makes one; returns what is left for the coaching (null when nothing).</summary>
    public async Task<string?> ReadAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        var (asked, rest) = reader.ReadParts(text);
        if (asked.Kind == ReminderAsk.None)
        {
            return text;
        }

        var flags = await state.FlagsAsync(turnContext, cancellationToken);
        var again = flags.NoRemindersNoted;
        flags.NoRemindersNoted = true;
        // Someone who texts is told what the clinic can switch on (reminders by text); elsewhere what works instead.
        var texts = string.Equals(turnContext.Activity.ChannelId, SmsChannel.ChannelId, StringComparison.OrdinalIgnoreCase);
        await replies.SayAsync(turnContext, c => again ? c.Reminders.NotOfferedAgain : texts ? c.Reminders.NotOfferedTexts : c.Reminders.NotOffered, cancellationToken);
        return rest;
    }
}
