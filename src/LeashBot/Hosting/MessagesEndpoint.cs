using System.Net.Sockets;
using Microsoft.Bot.Connector.Authentication;
using Newtonsoft.Json;

namespace LeashBot.Hosting;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework activity endpoint, with a clear answer for everything that is not a
/// turn the bot can run. In order:
/// <list type="number">
/// <item>without an app id, callers elsewhere get 403 (<see cref="AnonymousCallers"/>);</item>
/// <item>an unreadable body (bad chunking, a dropped connection) is 400; a body over <see cref="MessagesOptions.MaxActivityBytes"/> is 413;
/// JSON that is not an activity, or an activity that fails <see cref="IncomingActivity.Problem"/>, is 400 with the reason;</item>
/// <item>Bot Framework authentication: a token it refuses (garbage, unsigned, wrong key, unknown key id, wrong audience) is 401;
/// OpenID metadata it cannot fetch is 503 with Retry-After;</item>
/// <item>the turn: 200 (with the replies for <c>expectReplies</c>); replies the connector would not take are 424, and the
/// owner's state was left as it was before the message.</item>
/// </list>
/// Nothing here writes a stack trace to a response or to a log line above Debug.
/// </summary>
public sealed class MessagesEndpoint(
    LeashBotAdapter adapter,
    IBot bot,
    AnonymousCallers anonymousCallers,
    IOptions<MessagesOptions> options,
    ILogger<MessagesEndpoint> logger)
{
    /// <summary>Given to an <c>expectReplies</c> turn that named no usable serviceUrl: nothing is ever posted to it.</summary>
    public const string UnusedServiceUrl = "http://localhost/";

    private static readonly JsonSerializerSettings ActivityJson = new()
    {
        MaxDepth = 64,
        DateParseHandling = DateParseHandling.DateTimeOffset,
        NullValueHandling = NullValueHandling.Ignore,

        // "$type", "$id", "$ref" and "$values" in a caller's JSON are data, never instructions to the reader.
        MetadataPropertyHandling = MetadataPropertyHandling.Ignore,
        TypeNameHandling = TypeNameHandling.None,
    };

    private static readonly JsonSerializerSettings ResponseJson = new() { NullValueHandling = NullValueHandling.Ignore };

    private readonly MessagesOptions _options = options.Value;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        if (!anonymousCallers.Admits(context))
        {
            return AnonymousCallers.Refusal();
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (anonymousCallers.TokenRequired && authorization.Length == 0)
        {
            return Unauthorized(context);
        }

        var (text, bodyProblem) = await ReadBodyAsync(context.Request, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        Activity? activity;
        try
        {
            activity = JsonConvert.DeserializeObject<Activity>(text!, ActivityJson);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or InvalidCastException or OverflowException or InvalidOperationException or NullReferenceException)
        {
            // Whatever the reader throws on a caller's body, the body is what is wrong with it.
            return Refuse(StatusCodes.Status400BadRequest, "bad_json", "The body must be one JSON activity object.");
        }

        if (activity is null)
        {
            return Refuse(StatusCodes.Status400BadRequest, "bad_json", "The body must be one JSON activity object.");
        }

        if (IncomingActivity.Problem(activity, _options.MaxIdLength) is { } problem)
        {
            return Refuse(StatusCodes.Status400BadRequest, "bad_activity", problem);
        }

        if (authorization.Length > 0 && !LooksSigned(authorization))
        {
            // Refused before Bot Framework sees it: junk must not make the host fetch signing keys.
            logger.LogInformation("Refused an activity on channel {Channel}: its Authorization header is not a signed JWT", IncomingActivity.ForLog(activity.ChannelId));
            return Unauthorized(context);
        }

        AuthenticateRequestResult authentication;
        try
        {
            authentication = await adapter.AuthenticateAsync(activity, authorization, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            if (IsMetadataUnreachable(ex))
            {
                logger.LogWarning("Bot Framework's signing keys could not be fetched ({ExceptionType}); answering 503", ex.GetType().Name);
                logger.LogDebug(ex, "Signing key fetch failure details");
                context.Response.Headers.RetryAfter = "30";
                return Refuse(StatusCodes.Status503ServiceUnavailable, "auth_unavailable", "The bot cannot check Bot Framework tokens right now; try again shortly.");
            }

            logger.LogInformation("Refused an activity on channel {Channel}: its token did not pass ({ExceptionType})", IncomingActivity.ForLog(activity.ChannelId), ex.GetType().Name);
            logger.LogDebug(ex, "Token refusal details");
            return Unauthorized(context);
        }

        if (IncomingActivity.ExpectsReplies(activity) && IncomingActivity.ServiceUrlProblem(activity.ServiceUrl) is not null)
        {
            // The replies come back in this response; the adapter still wants a connector address to exist.
            activity.ServiceUrl = UnusedServiceUrl;
        }

        InvokeResponse? response;
        try
        {
            response = await adapter.ProcessAuthenticatedActivityAsync(authentication, activity, bot.OnTurnAsync, cancellationToken);
        }
        catch (ReplyNotDeliveredException ex)
        {
            logger.LogWarning("Replies on channel {Channel} could not be delivered: {Reason}; the owner's state was left as it was", IncomingActivity.ForLog(activity.ChannelId), ex.Message);
            return Refuse(StatusCodes.Status424FailedDependency, "replies_not_delivered", $"The bot's replies could not be posted to serviceUrl ({ex.Message}); nothing was saved, so the message can be sent again.");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the caller's doing (the turn's own failures are answered in chat by the adapter): a fault around the
            // turn, such as a missing Bot Framework setting. Logged without a stack trace above Debug.
            logger.LogError("Processing an activity on channel {Channel} failed outside the turn with {ExceptionType}", IncomingActivity.ForLog(activity.ChannelId), ex.GetType().Name);
            logger.LogDebug(ex, "Activity processing failure details");
            return Refuse(StatusCodes.Status500InternalServerError, "internal_error", "The bot could not process this activity; nothing was saved.");
        }

        if (response is null || (activity.Type == ActivityTypes.Invoke && response.Status == StatusCodes.Status501NotImplemented))
        {
            // An invoke nobody handles is acknowledged, so the client shows no error.
            return Results.Ok();
        }

        return response.Body is null
            ? Results.StatusCode(response.Status)
            : Results.Content(JsonConvert.SerializeObject(response.Body, ResponseJson), "application/json", Encoding.UTF8, response.Status);
    }

    private async Task<(string? Text, IResult? Problem)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var max = _options.MaxActivityBytes;
        if (request.ContentLength > max)
        {
            return (null, TooLarge(max));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > max)
                {
                    return (null, TooLarge(max));
                }
            }
        }
        catch (Exception ex) when (ex is BadHttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return (null, Refuse(StatusCodes.Status400BadRequest, "unreadable_body", "The request body could not be read (malformed chunked encoding or a cut connection)."));
        }

        if (buffer.Length == 0)
        {
            return (null, Refuse(StatusCodes.Status400BadRequest, "empty_body", "The body must be one JSON activity object."));
        }

        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, Refuse(StatusCodes.Status400BadRequest, "bad_encoding", "The body must be UTF-8 JSON."));
        }
    }

    /// <summary>
    /// True when the header is <c>Bearer</c> and a compact JWS whose header names an RSA signature (what Bot Framework
    /// accepts: RS256, RS384, RS512) and a key id. Everything else, unsigned <c>alg: none</c> tokens included, can only fail.
    /// </summary>
    internal static bool LooksSigned(string authorization)
    {
        const string scheme = "Bearer ";
        if (!authorization.StartsWith(scheme, StringComparison.Ordinal) || authorization.Length > 16 * 1024)
        {
            return false;
        }

        var parts = authorization[scheme.Length..].Split('.');
        if (parts.Length != 3 || parts.Any(string.IsNullOrEmpty))
        {
            return false;
        }

        try
        {
            var header = Newtonsoft.Json.Linq.JObject.Parse(Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[0])));
            return (string?)header["alg"] is "RS256" or "RS384" or "RS512" && header["kid"] is { Type: Newtonsoft.Json.Linq.JTokenType.String };
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or DecoderFallbackException or InvalidCastException)
        {
            return false;
        }
    }

    private static IResult Unauthorized(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Refuse(StatusCodes.Status401Unauthorized, "unauthorized", "A valid Bot Framework token is required (Authorization: Bearer <JWT>).");
    }

    private static IResult TooLarge(int max) =>
        Refuse(StatusCodes.Status413PayloadTooLarge, "activity_too_large", $"An activity may be at most {max} bytes.");

    private static IResult Refuse(int status, string code, string message) => HttpProblems.Refuse(status, code, message);

    /// <summary>
    /// True when authentication failed because Bot Framework's OpenID metadata or signing keys could not be fetched
    /// (no network, DNS, a timeout, an error page), not because of the token.
    /// </summary>
    private static bool IsMetadataUnreachable(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is HttpRequestException or SocketException or IOException or TimeoutException or TaskCanceledException)
            {
                return true;
            }

            // Microsoft.IdentityModel's "IDX20803: Unable to obtain configuration from ..." and "IDX20804: Unable to retrieve document from ...".
            if (ex.Message.StartsWith("IDX20803", StringComparison.Ordinal) || ex.Message.StartsWith("IDX20804", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
