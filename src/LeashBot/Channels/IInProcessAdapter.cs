namespace LeashBot.Channels;

/// <summary>
/// What LeashBot's own channels (Direct Line, the Twilio webhook) need from the host's adapter: a turn for an activity
/// the channel received and authenticated itself, with no HTTP call and no Bot Framework JWT. Middleware and the
/// turn-error handler apply as usual; with <c>deliveryMode: expectReplies</c> the replies come back in the result's
/// <see cref="ExpectedReplies"/> body. The host's adapter implements it.
/// </summary>
public interface IInProcessAdapter
{
    Task<InvokeResponse> ProcessInProcessActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken);
}
