using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>
/// The coaching is in English. An owner who writes in another language LeashBot recognizes is told so once per
/// conversation, in their language (with where to turn if the cat is unwell), on their first message in it and before
/// any other reply; after that, mixed messages ("hola, she is doing great con el harness") are read for their English
/// like any other.
/// </summary>
public sealed class LanguageNote(Replies replies, BotAccessors state, MessageReader reader)
{
    /// <summary>
    /// Sends the note when the message is in another language and the owner hasn't had it yet. True if it was sent,
    /// in this call or earlier in the same turn (so a message that is nothing but Spanish ends with the note).
    /// </summary>
    public async Task<bool> NoteOnceAsync(ITurnContext turn, MessageReading reading, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Language == "en" || !replies.Content.Messages.OtherLanguage.TryGetValue(reading.Language, out var note))
        {
            return false;
        }

        if (turn.TurnState.Get<NotedThisTurn>() is not null)
        {
            return true;
        }

        var flags = await state.FlagsAsync(turn, cancellationToken);
        if (flags.OtherLanguageNoted)
        {
            return false;
        }

        flags.OtherLanguageNoted = true;
        turn.TurnState.Set(new NotedThisTurn());
        await replies.SendAsync(turn, replies.Fill(note), cancellationToken);
        return true;
    }

    /// <summary>The same for a message as typed, first thing in a turn: the note comes before a vet message or any answer.</summary>
    public async Task NoteFirstAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        var owner = await state.OwnerAsync(turn, cancellationToken);
        await NoteOnceAsync(turn, reader.Read(turn, text, owner), cancellationToken);
    }

    private sealed class NotedThisTurn;
}
