using System.Text.Json;
using System.Text.Unicode;
using System.Text.RegularExpressions;
using static LeashBot.Channels.DirectLine.DirectLineHttp;

namespace LeashBot.Channels.DirectLine;

/// <summary>
/// Every request body Direct Line reads, read the same way: a body over its limit is refused with 413 (before reading
/// when its length is declared), a non-empty body declared as anything but JSON with 415, and JSON that is not the
/// expected object with 400, each with a reason. A body with no Content-Type at all is read as JSON; JSON means strict
/// JSON in valid UTF-8 (no comments, single quotes or <c>undefined</c>).
/// </summary>
public static partial class DirectLineBody
{
    /// <summary>Largest <c>{"user":{"id"}}</c> body accepted.</summary>
    public const int MaxTokenParametersBytes = 4096;

    /// <summary>The posted activity, or the refusal. An activity needs a <c>type</c>.</summary>
    public static async Task<(Activity? Activity, IResult? Refusal)> ReadActivityAsync(HttpRequest request, int maxBytes)
    {
        var (body, refusal) = await ReadBodyAsync(request, maxBytes, "ActivityTooLarge", $"An activity may be at most {maxBytes} bytes.");
        if (refusal is not null)
        {
            return (null, refusal);
        }

        var activity = ActivityJson.Read(body.Span);
        if (activity is null)
        {
            return (null, Error(StatusCodes.Status400BadRequest, "BadArgument", "The body must be one activity in strict JSON (UTF-8), with each member the right kind of value."));
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return (null, Error(StatusCodes.Status400BadRequest, "BadArgument", "The body must be an activity with a 'type'."));
        }

        return (activity, null);
    }

    /// <summary>
    /// The user id asked for in an optional <c>{"user":{"id"}}</c> body; a missing or empty body, or one without a
    /// user id, means a generated one.
    /// </summary>
    public static async Task<(string UserId, IResult? Refusal)> ReadUserIdAsync(HttpRequest request)
    {
        var (body, refusal) = await ReadBodyAsync(request, MaxTokenParametersBytes, "BodyTooLarge", $"The body may be at most {MaxTokenParametersBytes} bytes.");
        if (refusal is not null)
        {
            return ("", refusal);
        }

        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return (ConversationStore.NewUserId(), null);
        }

        DirectLineWire.TokenParameters? parameters;
        try
        {
            parameters = JsonSerializer.Deserialize(body.Span, DirectLineWireJson.Default.TokenParameters);
        }
        catch (JsonException)
        {
            return ("", Error(StatusCodes.Status400BadRequest, "BadArgument", "The body must be JSON like {\"user\":{\"id\":\"...\"}}, or empty."));
        }

        if (parameters?.User?.Id is not { } id)
        {
            return (ConversationStore.NewUserId(), null);
        }

        if (!UserIdPattern().IsMatch(id))
        {
            return ("", Error(StatusCodes.Status400BadRequest, "BadUserId", "user.id must be 1-64 letters, digits or - _ . : characters."));
        }

        return (id, null);
    }

    /// <summary>
    /// The widget's optional <c>{"visitor","conversationId"}</c> body of the page-token route; an empty body means a new
    /// visitor. Values that are not strings are refused; their form is judged by the route (a damaged key starts afresh).
    /// </summary>
    internal static async Task<(DirectLineWire.PageTokenRequest? Request, IResult? Refusal)> ReadPageTokenRequestAsync(HttpRequest request)
    {
        var (body, refusal) = await ReadBodyAsync(request, MaxTokenParametersBytes, "BodyTooLarge", $"The body may be at most {MaxTokenParametersBytes} bytes.");
        if (refusal is not null)
        {
            return (null, refusal);
        }

        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return (new DirectLineWire.PageTokenRequest(null, null), null);
        }

        try
        {
            return (JsonSerializer.Deserialize(body.Span, DirectLineWireJson.Default.PageTokenRequest) ?? new DirectLineWire.PageTokenRequest(null, null), null);
        }
        catch (JsonException)
        {
            return (null, Error(StatusCodes.Status400BadRequest, "BadArgument", "The body must be JSON like {\"visitor\":\"...\",\"conversationId\":\"...\"}, or empty."));
        }
    }

    private static async Task<(ReadOnlyMemory<byte> Body, IResult? Refusal)> ReadBodyAsync(HttpRequest request, int maxBytes, string tooLargeCode, string tooLargeMessage)
    {
        if (request.ContentLength > maxBytes)
        {
            return (default, Error(StatusCodes.Status413PayloadTooLarge, tooLargeCode, tooLargeMessage));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return (default, Error(StatusCodes.Status413PayloadTooLarge, tooLargeCode, tooLargeMessage));
            }
        }

        // An empty POST may carry any Content-Type (some clients add one to every request); a body must be JSON.
        if (buffer.Length > 0 && !string.IsNullOrEmpty(request.ContentType) && !request.HasJsonContentType())
        {
            return (default, Error(StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType", "Send the body as JSON, with 'Content-Type: application/json'."));
        }

        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (!Utf8.IsValid(body.Span))
        {
            return (default, Error(StatusCodes.Status400BadRequest, "BadArgument", "The body must be UTF-8 text."));
        }

        // A byte-order mark is not JSON, but some clients write one; it says nothing the reader needs.
        return (body.Span.StartsWith("\uFEFF"u8) ? body[3..] : body, null);
    }

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,64}$")]
    private static partial Regex UserIdPattern();
}
