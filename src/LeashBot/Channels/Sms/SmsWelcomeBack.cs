using LeashBot.Coaching;
using LeashBot.Coaching.Reminders;
using LeashBot.Storage;

namespace LeashBot.Channels.Sms;

/// <summary>
/// What a number that opts back in (START, UNSTOP, or YES after a STOP) is told: where each of the owner's cats is, so
/// they know nothing was lost while texts were off. On LeashBot's own Twilio webhook this is the one confirmation; on
/// Azure's SMS route Twilio has already confirmed the opt-in, so only the cats are said (and nothing when there are none).
/// </summary>
public sealed class SmsWelcomeBack(Replies replies, ReminderStore store)
{
    /// <param name="ownerKey">The owner's profile key.</param>
    /// <param name="confirm">This text confirms the opt-in itself (the direct route).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<string?> TextAsync(string? ownerKey, bool confirm, CancellationToken cancellationToken)
    {
        var cats = await CatsAsync(ownerKey, cancellationToken);
        return (confirm, cats) switch
        {
            (true, null) => replies.Text(c => c.Messages.Sms.OptedIn),
            (true, _) => replies.Text(c => c.Messages.Sms.OptedInWithCats, ("cats", cats)),
            (false, null) => null,
            _ => replies.Text(c => c.Messages.Sms.WelcomeBack, ("cats", cats)),
        };
    }

    /// <summary>"Pepper (step 2) and Ivy (step 1)", or null when no cat is saved (or the profile can't be read now).</summary>
    private async Task<string?> CatsAsync(string? ownerKey, CancellationToken cancellationToken)
    {
        if (ownerKey is null)
        {
            return null;
        }

        try
        {
            return await store.OwnerAsync(ownerKey, cancellationToken) is { Cats.Count: > 0 } owner ? CatListDialog.ListOf(replies, owner.Cats) : null;
        }
        catch (StorageUnavailableException)
        {
            // The opt-in is recorded already; the cats can wait for the next text.
            return null;
        }
    }
}
