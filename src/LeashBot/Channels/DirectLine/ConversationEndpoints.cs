using static LeashBot.Channels.DirectLine.DirectLineHttp;

namespace LeashBot.Channels.DirectLine;

/// <summary>
/// Conversations and their activities: start (<c>POST conversations</c>), rejoin (<c>GET conversations/{id}</c>),
/// post an activity, poll for activities, and the upload route, which is refused.
/// </summary>
internal static class ConversationEndpoints
{
    public static async Task<IResult> StartAsync(HttpRequest request, DirectLineTokens tokens, ConversationStore store, DirectLineBotBridge bridge, IOptions<DirectLineOptions> options)
    {
        var bearer = BearerToken(request);
        string conversationId, userId, token;
        if (SecretMatches(bearer, options.Value.Secret))
        {
            var (requestedUser, refusal) = await DirectLineBody.ReadUserIdAsync(request);
            if (refusal is not null)
            {
                return refusal;
            }

            conversationId = ConversationStore.NewConversationId();
            userId = requestedUser;
            token = tokens.Issue(conversationId, userId);
        }
        else
        {
            var failure = tokens.TryRead(bearer, TokenKind.Conversation, out var grant);
            if (failure != TokenFailure.None)
            {
                return TokenError(failure);
            }

            (conversationId, userId, token) = (grant!.ConversationId, grant.UserId, bearer!);
        }

        var conversation = store.GetOrCreate(conversationId, userId, out var created);
        if (conversation is null)
        {
            return Error(StatusCodes.Status503ServiceUnavailable, "TooManyConversations", "The chat is busy; try again in a minute.", 60);
        }

        if (created)
        {
            conversation.SiteOrigin = WebChatVisitors.SiteOrigin(request);
            await bridge.StartAsync(conversation, ServiceUrl(request));
        }

        tokens.TryRead(token, TokenKind.Conversation, out var current);
        var body = new DirectLineWire.Conversation(
            conversationId,
            token,
            tokens.SecondsLeft(current!),
            StreamUrl(request, conversationId, tokens.Issue(conversationId, userId, TokenKind.Stream)));
        return Results.Json(body, DirectLineWireJson.Default.Conversation, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>
    /// A client coming back (reconnectToConversation) opens the returned streamUrl as it is, so the watermark it
    /// reconnects with must travel inside that URL, or the new stream would replay the whole transcript.
    /// </summary>
    public static IResult Reconnect(string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens, ConversationStore store)
    {
        var token = BearerToken(request);
        var failure = tokens.Check(token, conversationId, TokenKind.Conversation, out var grant);
        if (failure != TokenFailure.None)
        {
            return TokenError(failure);
        }

        var conversation = store.Find(conversationId);
        if (conversation is null)
        {
            return UnknownConversation();
        }

        conversation.Touch();
        var body = new DirectLineWire.Conversation(
            conversationId,
            token!,
            tokens.SecondsLeft(grant!),
            StreamUrl(request, conversationId, tokens.Issue(conversationId, grant!.UserId, TokenKind.Stream), watermark));
        return Results.Json(body, DirectLineWireJson.Default.Conversation);
    }

    public static async Task<IResult> PostActivityAsync(string conversationId, HttpRequest request, DirectLineTokens tokens, ConversationStore store, DirectLineBotBridge bridge, IOptions<DirectLineOptions> options)
    {
        if (Refusal(conversationId, request, tokens, store, out var conversation) is { } refused)
        {
            return refused;
        }

        if (!conversation.TryCountPost(options.Value.MaxPostsPerMinute, out var retryAfter))
        {
            return Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Sending too often; wait and try again.", retryAfter);
        }

        var (activity, refusal) = await DirectLineBody.ReadActivityAsync(request, options.Value.MaxActivityBytes);
        if (refusal is not null)
        {
            return refusal;
        }

        var id = await bridge.PostAsync(conversation, activity!, ServiceUrl(request));
        store.EnforceBudget();
        return Results.Json(new DirectLineWire.Posted(id), DirectLineWireJson.Default.Posted);
    }

    /// <summary>
    /// Uploads are refused with 415 and a reason: the bot reads text only, and storing and serving files
    /// would need storage and malware checks this host does not have. The widget hides the upload button.
    /// </summary>
    public static IResult Upload(string conversationId, HttpRequest request, DirectLineTokens tokens, ConversationStore store)
    {
        return Refusal(conversationId, request, tokens, store, out _)
            ?? Error(StatusCodes.Status415UnsupportedMediaType, "UploadNotSupported", "This bot does not accept file uploads; please send text.");
    }

    /// <summary>Polling. Never answers 5xx (directlinejs stops polling for good on any error but 403, 404 and 429).</summary>
    public static IResult Poll(string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens, ConversationStore store, IOptions<DirectLineOptions> options, ILoggerFactory loggers)
    {
        try
        {
            if (Refusal(conversationId, request, tokens, store, out var conversation) is { } refused)
            {
                return refused;
            }

            if (!conversation.TryCountPoll(options.Value.MaxPollsPerMinute, out var retryAfter))
            {
                return Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Polling too often; wait and try again.", retryAfter);
            }

            return Results.Text(conversation.Since(watermark), "application/json", Encoding.UTF8);
        }
        catch (Exception ex)
        {
            loggers.CreateLogger(typeof(ConversationEndpoints)).LogError("Direct Line poll failed with {ExceptionType}", ex.GetType().Name);
            return Error(StatusCodes.Status429TooManyRequests, "TryAgain", "Could not read the conversation just now; try again shortly.", 5);
        }
    }

    /// <summary>
    /// The answer for a request that may not touch this conversation (no, bad or foreign token: 401/403;
    /// unknown conversation: 404), or null with the conversation when it may.
    /// </summary>
    private static IResult? Refusal(string conversationId, HttpRequest request, DirectLineTokens tokens, ConversationStore store, out DirectLineConversation conversation)
    {
        conversation = null!;
        var failure = tokens.Check(BearerToken(request), conversationId, TokenKind.Conversation, out _);
        if (failure != TokenFailure.None)
        {
            return TokenError(failure);
        }

        if (store.Find(conversationId) is not { } found)
        {
            return UnknownConversation();
        }

        conversation = found;
        return null;
    }
}
