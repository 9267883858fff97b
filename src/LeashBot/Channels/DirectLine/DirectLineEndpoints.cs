using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using static LeashBot.Channels.DirectLine.DirectLineHttp;

namespace LeashBot.Channels.DirectLine;

/// <summary>Direct Line 3.0 at <c>/v3/directline</c>, as Web Chat 4.18 (directlinejs) uses it.</summary>
public static partial class DirectLineEndpoints
{
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v3/directline").RequireCors(CorsPolicy).AddEndpointFilter(RequireAllowedOrigin);

        group.MapPost("/tokens/generate", GenerateAsync);
        group.MapPost("/tokens/refresh", Refresh);
        group.MapPost("/conversations", StartAsync);
        group.MapGet("/conversations/{conversationId}", Reconnect);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapPost("/conversations/{conversationId}/upload", Upload);
        group.MapGet("/conversations/{conversationId}/activities", Poll);
        group.MapGet("/conversations/{conversationId}/stream", StreamAsync);
        return app;
    }

    private static async Task<IResult> GenerateAsync(HttpRequest request, DirectLineTokens tokens, IOptions<DirectLineOptions> options)
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

        var (userId, error) = await ReadUserIdAsync(request);
        if (error is not null)
        {
            return error;
        }

        var conversationId = ConversationStore.NewConversationId();
        return Results.Json(new
        {
            conversationId,
            token = tokens.Issue(conversationId, userId),
            expires_in = (int)tokens.TokenLifetime.TotalSeconds,
        });
    }

    private static IResult Refresh(HttpRequest request, DirectLineTokens tokens)
    {
        var failure = tokens.TryRead(BearerToken(request), TokenKind.Conversation, out var grant);
        if (failure != TokenFailure.None)
        {
            return TokenError(failure);
        }

        return Results.Json(new
        {
            conversationId = grant!.ConversationId,
            token = tokens.Issue(grant.ConversationId, grant.UserId),
            expires_in = (int)tokens.TokenLifetime.TotalSeconds,
        });
    }

    private static async Task<IResult> StartAsync(HttpRequest request, DirectLineTokens tokens, ConversationStore store, DirectLineBotBridge bridge, IOptions<DirectLineOptions> options)
    {
        var bearer = BearerToken(request);
        string conversationId, userId, token;
        if (SecretMatches(bearer, options.Value.Secret))
        {
            var (requestedUser, error) = await ReadUserIdAsync(request);
            if (error is not null)
            {
                return error;
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
            await bridge.StartAsync(conversation, ServiceUrl(request));
        }

        tokens.TryRead(token, TokenKind.Conversation, out var current);
        var body = new
        {
            conversationId,
            token,
            expires_in = tokens.SecondsLeft(current!),
            streamUrl = StreamUrl(request, conversationId, tokens.Issue(conversationId, userId, TokenKind.Stream)),
        };
        return created ? Results.Json(body, statusCode: StatusCodes.Status201Created) : Results.Json(body);
    }

    /// <summary>
    /// A client coming back (reconnectToConversation) opens the returned streamUrl as it is, so the watermark it
    /// reconnects with must travel inside that URL, or the new stream would replay the whole transcript.
    /// </summary>
    private static IResult Reconnect(string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens, ConversationStore store)
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
        return Results.Json(new
        {
            conversationId,
            token,
            expires_in = tokens.SecondsLeft(grant!),
            streamUrl = StreamUrl(request, conversationId, tokens.Issue(conversationId, grant!.UserId, TokenKind.Stream), watermark),
        });
    }

    private static async Task<IResult> PostActivityAsync(string conversationId, HttpRequest request, DirectLineTokens tokens, ConversationStore store, DirectLineBotBridge bridge, IOptions<DirectLineOptions> options)
    {
        if (Refusal(conversationId, request, tokens, store, out var conversation) is { } refused)
        {
            return refused;
        }

        if (!conversation.TryCountPost(options.Value.MaxPostsPerMinute, out var retryAfter))
        {
            return Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Sending too often; wait and try again.", retryAfter);
        }

        var max = options.Value.MaxActivityBytes;
        if (request.ContentLength > max)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "ActivityTooLarge", $"An activity may be at most {max} bytes.");
        }

        var text = await ReadLimitedAsync(request, max);
        if (text is null)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "ActivityTooLarge", $"An activity may be at most {max} bytes.");
        }

        Activity? activity;
        try
        {
            activity = JsonConvert.DeserializeObject<Activity>(text, DirectLineConversation.Json);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            activity = null;
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The body must be an activity with a 'type'.");
        }

        var id = await bridge.PostAsync(conversation, activity, ServiceUrl(request));
        store.EnforceBudget();
        return Results.Json(new { id });
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

    /// <summary>
    /// Uploads are refused with 415 and a reason: the bot reads text only, and storing and serving files
    /// would need storage and malware checks this host does not have. The widget hides the upload button.
    /// </summary>
    private static IResult Upload(string conversationId, HttpRequest request, DirectLineTokens tokens, ConversationStore store)
    {
        return Refusal(conversationId, request, tokens, store, out _)
            ?? Error(StatusCodes.Status415UnsupportedMediaType, "UploadNotSupported", "This bot does not accept file uploads; please send text.");
    }

    /// <summary>Polling. Never answers 5xx (directlinejs stops polling for good on any error but 403, 404 and 429).</summary>
    private static IResult Poll(string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens, ConversationStore store, IOptions<DirectLineOptions> options, ILoggerFactory loggers)
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
            loggers.CreateLogger(typeof(DirectLineEndpoints)).LogError("Direct Line poll failed with {ExceptionType}", ex.GetType().Name);
            return Error(StatusCodes.Status429TooManyRequests, "TryAgain", "Could not read the conversation just now; try again shortly.", 5);
        }
    }

    /// <summary>
    /// The WebSocket at streamUrl. Browsers send no Authorization header on WebSockets, so the URL carries a
    /// short-lived stream token (query <c>t</c>) for this conversation. Each text frame is one ActivitySet.
    /// </summary>
    private static async Task StreamAsync(string conversationId, string? t, string? watermark, HttpContext context, DirectLineTokens tokens, ConversationStore store, IHostApplicationLifetime lifetime)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Error(StatusCodes.Status400BadRequest, "NotWebSocket", "Open streamUrl as a WebSocket.").ExecuteAsync(context);
            return;
        }

        var failure = tokens.Check(t, conversationId, TokenKind.Stream, out _);
        if (failure != TokenFailure.None)
        {
            await TokenError(failure).ExecuteAsync(context);
            return;
        }

        var conversation = store.Find(conversationId);
        if (conversation is null)
        {
            await UnknownConversation().ExecuteAsync(context);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var reader = conversation.Subscribe(watermark);
        var receiving = DrainAsync(socket, stop);
        try
        {
            await foreach (var set in reader.ReadAllAsync(stop.Token))
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(set), WebSocketMessageType.Text, true, stop.Token);
                conversation.Touch();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            conversation.Unsubscribe(reader);
            await stop.CancelAsync();
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "closing", timeout.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
                {
                }
            }

            try
            {
                await receiving;
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
            }
        }
    }

    /// <summary>Reads (and ignores) what the client sends, so a close from the client ends the stream.</summary>
    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[1024];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    private static IResult UnknownConversation() =>
        Error(StatusCodes.Status404NotFound, "ConversationNotFound", "The conversation has ended or never started; start a new one.");

    private static async Task<string?> ReadLimitedAsync(HttpRequest request, int max)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                return null;
            }
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>An optional <c>{"user":{"id"}}</c> body; a missing or empty body means a generated user id.</summary>
    private static async Task<(string UserId, IResult? Error)> ReadUserIdAsync(HttpRequest request)
    {
        var text = await ReadLimitedAsync(request, 4096);
        if (text is null)
        {
            return ("", Error(StatusCodes.Status413PayloadTooLarge, "BodyTooLarge", "The body may be at most 4096 bytes."));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (ConversationStore.NewUserId(), null);
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object
                && user.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                var value = id.GetString()!;
                if (!UserIdPattern().IsMatch(value))
                {
                    return ("", Error(StatusCodes.Status400BadRequest, "BadUserId", "user.id must be 1-64 letters, digits or - _ . : characters."));
                }

                return (value, null);
            }
        }
        catch (System.Text.Json.JsonException)
        {
            return ("", Error(StatusCodes.Status400BadRequest, "BadArgument", "The body must be JSON."));
        }

        return (ConversationStore.NewUserId(), null);
    }

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,64}$")]
    private static partial Regex UserIdPattern();
}
