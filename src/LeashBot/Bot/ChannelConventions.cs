namespace LeashBot.Bot;

/// <summary>
/// How conversations on one channel differ from a plain chat between one owner and the bot, which is what this base
/// describes (Web Chat, Direct Line, the Emulator). <see cref="CoachBot"/> asks the conventions of each activity's
/// channel; the channels layer derives them for every channel that differs, and the host registers those.
/// </summary>
public class ChannelConventions
{
    /// <summary>A plain chat: the conventions of every channel that has none of its own.</summary>
    public static ChannelConventions Plain { get; } = new();

    /// <summary>The channel these conventions are for (an activity's channel id); empty for <see cref="Plain"/>.</summary>
    public virtual string ChannelId => "";

    /// <summary>
    /// True where the channel never tells the bot that a conversation started: the greeting and the disclaimer then go
    /// with the first reply instead.
    /// </summary>
    public virtual bool IntroducesWithFirstReply => false;

    /// <summary>Called first on every turn, before any state is loaded: where a channel hooks the turn's replies.</summary>
    public virtual void BeginTurn(ITurnContext turnContext)
    {
    }

    /// <summary>
    /// What a batch of replies becomes before it leaves on this channel, whichever way it leaves (a turn's replies, a
    /// reminder sent later, the answer to an in-process call): as they are, unless the channel has its own shape (SMS: one text).
    /// </summary>
    public virtual Activity[] ShapeReplies(IReadOnlyList<Activity> replies) => [.. replies];

    /// <summary>The conventions of <paramref name="activity"/>'s channel among <paramref name="channels"/>, else <see cref="Plain"/>.</summary>
    public static ChannelConventions Of(IEnumerable<ChannelConventions> channels, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(activity);
        return channels.FirstOrDefault(c => string.Equals(c.ChannelId, activity.ChannelId, StringComparison.OrdinalIgnoreCase)) ?? Plain;
    }

    /// <summary>False for a message not addressed to the bot (people talking to each other): it gets no turn at all.</summary>
    public virtual bool IsForBot(Activity activity) => true;

    /// <summary>
    /// Before any turn: true when the message withdraws consent to be texted (SMS STOP), false when it gives it back
    /// (START), null otherwise. The channel records the change; such a message gets no turn.
    /// </summary>
    public virtual Task<bool?> ConsentChangeAsync(Activity activity, CancellationToken cancellationToken) => Task.FromResult<bool?>(null);

    /// <summary>What to say to someone who just gave consent back (SMS START), before anything else; null for nothing.</summary>
    public virtual Task<string?> BackAfterOptOutAsync(Activity activity, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <summary>True while the sender has withdrawn consent (SMS STOP until START): nothing is answered at all.</summary>
    public virtual Task<bool> OptedOutAsync(Activity activity, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>
    /// True when the bot has just arrived in the conversation, the moment to greet: the app was installed, or anyone
    /// joined (in a plain chat the person joining is that moment).
    /// </summary>
    public virtual bool BotArrived(Activity activity) =>
        activity.Type == ActivityTypes.InstallationUpdate
            ? string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase)
            : activity.Type == ActivityTypes.ConversationUpdate && activity.MembersAdded is { Count: > 0 };

    /// <summary>Takes off what the channel wraps around the owner's words before they are read.</summary>
    public virtual void Unwrap(Activity activity)
    {
    }

    /// <summary>True for a message without words that only calls the bot over: it gets the menu.</summary>
    public virtual bool CallsBotOver(Activity activity) => false;

    /// <summary>
    /// Called right after the bot introduced itself with a channel's first reply (<see cref="IntroducesWithFirstReply"/>):
    /// where a channel adds what its first message must say (on SMS, how to opt out).
    /// </summary>
    public virtual Task IntroducedWithReplyAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Called when the owner's profile has just been deleted ("forget me"): where a channel whose client keeps its own
    /// copy (the web widget's visitor key) tells it to delete that too.
    /// </summary>
    public virtual Task OwnerForgottenAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;
}
