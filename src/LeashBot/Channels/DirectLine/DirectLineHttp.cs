using System.Security.Cryptography;

namespace LeashBot.Channels.DirectLine;

/// <summary>Small HTTP helpers shared by the Direct Line and Web Chat routes.</summary>
public static class DirectLineHttp
{
    public const string CorsPolicy = "LeashBotWebChat";

    /// <summary>Direct Line's error body: <c>{"error":{"code","message"}}</c>.</summary>
    public static IResult Error(int status, string code, string message, int? retryAfterSeconds = null) =>
        new ErrorResult(status, code, message, retryAfterSeconds);

    /// <summary>The answer for a conversation this host does not hold (never started, ended, or forgotten when idle).</summary>
    public static IResult UnknownConversation() =>
        Error(StatusCodes.Status404NotFound, "ConversationNotFound", "The conversation has ended or never started; start a new one.");

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        return header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? header[prefix.Length..].Trim() : null;
    }

    public static IResult TokenError(TokenFailure failure) => failure switch
    {
        TokenFailure.Missing => Error(StatusCodes.Status401Unauthorized, "MissingToken", "Send 'Authorization: Bearer <token>'; get a token from POST /api/directline/token."),
        TokenFailure.Expired => Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired; start a new conversation."),
        TokenFailure.WrongConversation => Error(StatusCodes.Status403Forbidden, "TokenConversationMismatch", "The token belongs to a different conversation."),
        TokenFailure.WrongKind => Error(StatusCodes.Status403Forbidden, "TokenWrongKind", "This kind of token cannot be used here."),
        TokenFailure.BadSignature => Error(StatusCodes.Status403Forbidden, "TokenInvalid", "The token's signature does not match."),
        _ => Error(StatusCodes.Status403Forbidden, "TokenInvalid", "The token is not a Direct Line token issued by this host."),
    };

    public static bool SecretMatches(string? presented, string? secret)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var a = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }

    /// <summary>The base URL the bot sees as serviceUrl, from this request.</summary>
    public static string ServiceUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}/";

    /// <summary>The WebSocket URL for a conversation; with a watermark, the stream starts after it instead of from the start.</summary>
    public static string StreamUrl(HttpRequest request, string conversationId, string streamToken, string? watermark = null)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        var url = $"{scheme}://{request.Host}/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(streamToken)}";
        return string.IsNullOrEmpty(watermark) ? url : $"{url}&watermark={Uri.EscapeDataString(watermark)}";
    }

    /// <summary>
    /// True when the request has no Origin (a server, or a same-origin GET), comes from the host itself,
    /// or comes from an origin in WebChat:AllowedOrigins.
    /// </summary>
    public static bool OriginAllowed(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        var normalized = WebChatOptions.NormalizeOrigin(origin);
        if (normalized is null)
        {
            return false;
        }

        if (Uri.TryCreate(normalized, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var allowed = context.RequestServices.GetRequiredService<AllowedOrigins>();
        return allowed.Contains(normalized);
    }

    /// <summary>Refuses requests whose Origin is not allowed, with a reason (CORS alone would only hide the answer).</summary>
    public static async ValueTask<object?> RequireAllowedOrigin(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!OriginAllowed(context.HttpContext))
        {
            return Error(StatusCodes.Status403Forbidden, "OriginNotAllowed", "This site is not allowed to embed the chat; add its origin to WebChat:AllowedOrigins.");
        }

        return await next(context);
    }

    private sealed class ErrorResult(int status, string code, string message, int? retryAfterSeconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            if (retryAfterSeconds is { } seconds)
            {
                httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (status == StatusCodes.Status401Unauthorized)
            {
                httpContext.Response.Headers.WWWAuthenticate = "Bearer";
            }

            httpContext.Response.Headers.CacheControl = "no-store";
            return httpContext.Response.WriteAsJsonAsync(new DirectLineWire.Error(new DirectLineWire.ErrorDetail(code, message)), DirectLineWireJson.Default.Error);
        }
    }
}
