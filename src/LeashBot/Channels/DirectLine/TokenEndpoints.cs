using static LeashBot.Channels.DirectLine.DirectLineHttp;

namespace LeashBot.Channels.DirectLine;

/// <summary>
/// <c>tokens/generate</c> (a site's server trades the secret for a token to a new conversation) and
/// <c>tokens/refresh</c> (a client extends its token before it expires).
/// </summary>
internal static class TokenEndpoints
{
    public static async Task<IResult> GenerateAsync(HttpRequest request, DirectLineTokens tokens, IOptions<DirectLineOptions> options)
    {
        var secret = options.Value.Secret;
        if (string.IsNullOrEmpty(secret))
        {
            return Error(StatusCodes.Status403Forbidden, "GenerateDisabled", "tokens/generate is disabled because DirectLine:Secret is not set; pages use POST /api/directline/token.");
        }

        var presented = BearerToken(request);
        if (presented is null)
        {
            return Error(StatusCodes.Status401Unauthorized, "MissingSecret", "Send 'Authorization: Bearer <DirectLine:Secret>'.");
        }

        if (!SecretMatches(presented, secret))
        {
            return Error(StatusCodes.Status403Forbidden, "BadSecret", "The secret does not match DirectLine:Secret.");
        }

        var (userId, refusal) = await DirectLineBody.ReadUserIdAsync(request);
        if (refusal is not null)
        {
            return refusal;
        }

        var conversationId = ConversationStore.NewConversationId();
        return TokenFor(tokens, conversationId, userId);
    }

    public static IResult Refresh(HttpRequest request, DirectLineTokens tokens)
    {
        var failure = tokens.TryRead(BearerToken(request), TokenKind.Conversation, out var grant);
        if (failure != TokenFailure.None)
        {
            return TokenError(failure);
        }

        return TokenFor(tokens, grant!.ConversationId, grant.UserId);
    }

    private static IResult TokenFor(DirectLineTokens tokens, string conversationId, string userId) =>
        Results.Json(
            new DirectLineWire.Token(conversationId, tokens.Issue(conversationId, userId), (int)tokens.TokenLifetime.TotalSeconds),
            DirectLineWireJson.Default.Token);
}
