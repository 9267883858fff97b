using LeashBot.State;
using LeashBot.Understanding;
using Microsoft.Bot.Builder;

namespace LeashBot.Coaching;

/// <summary>
/// The coaching is in English. An owner who writes in another language LeashBot recognizes is told so once per
/// conversation, in their language (with where to turn if the cat is unwell); after that, mixed messages
/// ("hola, she is doing great con el harness") are read for their English like any other.
/// </summary>
public sealed class LanguageNote(Replies replies, BotAccessors state)
{
    /// <summary>Sends the note when the message is in another language and the owner hasn't had it yet; true if sent.</summary>
    public async Task<bool> NoteOnceAsync(ITurnContext turn, MessageReading reading, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Language == "en" || !replies.Content.Messages.OtherLanguage.TryGetValue(reading.Language, out var note))
        {
            return false;
        }

        var flags = await state.FlagsAsync(turn, cancellationToken);
        if (flags.OtherLanguageNoted)
        {
            return false;
        }

        flags.OtherLanguageNoted = true;
        await replies.SendAsync(turn, replies.Fill(note), cancellationToken);
        return true;
    }
}
