namespace LeashBot.Channels.DirectLine;

/// <summary>
/// Hands Direct Line activities to the bot in-process: each user activity becomes a turn on the host's adapter
/// (<see cref="IInProcessAdapter"/>) and the same <see cref="IBot"/> that serve <c>/api/messages</c>, with
/// <c>deliveryMode: expectReplies</c>, so the replies come back from the call and go into the transcript.
/// Turns of one conversation run one at a time, in arrival order.
/// </summary>
public sealed class DirectLineBotBridge(IInProcessAdapter adapter, IBot bot, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<DirectLineBotBridge> logger)
{
    public const string ChannelId = "directline";
    public const string BotId = "leashbot";
    public const string BotName = "LeashBot";

    public static ChannelAccount BotAccount => new(BotId, BotName) { Role = RoleTypes.Bot };

    /// <summary>
    /// Queues the conversationUpdate that tells the bot the user joined. The turn lock is taken before this
    /// returns, so any message the user sends afterwards runs after the greeting.
    /// </summary>
    public async Task StartAsync(DirectLineConversation conversation, string serviceUrl)
    {
        await conversation.TurnLock.WaitAsync(lifetime.ApplicationStopping);
        _ = Task.Run(async () =>
        {
            try
            {
                var update = new Activity(ActivityTypes.ConversationUpdate)
                {
                    Id = Guid.NewGuid().ToString("N"),
                    ChannelId = ChannelId,
                    ServiceUrl = serviceUrl,
                    Conversation = new ConversationAccount(id: conversation.Id),
                    From = UserAccount(conversation),
                    Recipient = BotAccount,
                    MembersAdded = [BotAccount, UserAccount(conversation)],
                    Timestamp = time.GetUtcNow(),
                };
                await RunTurnAsync(conversation, update);
            }
            finally
            {
                conversation.TurnLock.Release();
            }
        });
    }

    /// <summary>
    /// Stores the user's activity (the echo Web Chat needs to mark it sent), runs the bot's turn and stores
    /// its replies. Returns the activity's server id.
    /// </summary>
    public async Task<string> PostAsync(DirectLineConversation conversation, Activity activity, string serviceUrl)
    {
        await conversation.TurnLock.WaitAsync(lifetime.ApplicationStopping);
        try
        {
            activity.ChannelId = ChannelId;
            activity.Conversation = new ConversationAccount(id: conversation.Id);
            activity.From = new ChannelAccount(conversation.UserId, activity.From?.Name) { Role = RoleTypes.User };
            activity.Recipient = BotAccount;
            activity.ServiceUrl = null;
            activity.DeliveryMode = null;
            activity.Id = null;

            string id;
            if (activity.Type == ActivityTypes.Typing)
            {
                // Typing is passed to the bot but not kept in the transcript.
                id = conversation.Id + "|typing";
                activity.Timestamp = time.GetUtcNow();
            }
            else
            {
                id = conversation.Append(activity);
            }

            // The bot gets its own copy, so nothing it changes leaks into the stored echo.
            var forBot = ActivityJson.Copy(activity);
            forBot.ServiceUrl = serviceUrl;
            await RunTurnAsync(conversation, forBot);
            return id;
        }
        finally
        {
            conversation.TurnLock.Release();
        }
    }

    private async Task RunTurnAsync(DirectLineConversation conversation, Activity activity)
    {
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        (activity.Properties ??= [])[SiteOriginProperty] = conversation.SiteOrigin;
        IList<Activity>? replies = null;
        try
        {
            var response = await adapter.ProcessInProcessActivityAsync(activity, bot.OnTurnAsync, lifetime.ApplicationStopping);
            replies = (response?.Body as ExpectedReplies)?.Activities;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The adapter's turn-error handler deals with the bot's own failures; this is the plumbing around it.
            logger.LogError("Direct Line turn for a {ActivityType} activity failed outside the bot with {ExceptionType}", activity.Type, ex.GetType().Name);
            logger.LogDebug(ex, "Direct Line turn failure details");
        }

        foreach (var reply in replies ?? [])
        {
            if (reply.Type is ActivityTypes.Trace or ActivityTypesEx.Delay or ActivityTypesEx.InvokeResponse)
            {
                continue;
            }

            reply.ChannelId = ChannelId;
            reply.Conversation = new ConversationAccount(id: conversation.Id);
            reply.From = new ChannelAccount(BotId, reply.From?.Name ?? BotName) { Role = RoleTypes.Bot };
            reply.Recipient = UserAccount(conversation);
            reply.ServiceUrl = null;
            reply.DeliveryMode = null;
            conversation.Append(reply);
        }
    }

    /// <summary>The activity property that carries <see cref="DirectLineConversation.SiteOrigin"/> to the bot (which site a chat is on).</summary>
    public const string SiteOriginProperty = "leashbotSiteOrigin";

    private static ChannelAccount UserAccount(DirectLineConversation conversation) => new(conversation.UserId) { Role = RoleTypes.User };
}
