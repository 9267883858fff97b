using System.Text.Json.Serialization;

namespace LeashBot.Channels.DirectLine;

/// <summary>
/// Direct Line's own objects around the activities, in System.Text.Json (source-generated, so the host's JSON
/// settings never change them). Activities themselves are Bot Framework's and travel in Newtonsoft.Json
/// (<see cref="ActivityJson"/>); a set of them (<c>{"activities":[...],"watermark":"n"}</c>) is stitched from the
/// stored activity JSON by <see cref="DirectLineConversation"/>.
/// </summary>
internal static class DirectLineWire
{
    /// <summary>tokens/generate and tokens/refresh: a token for one conversation.</summary>
    internal sealed record Token(
        [property: JsonPropertyName("conversationId")] string ConversationId,
        [property: JsonPropertyName("token")] string Value,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    /// <summary>Starting or rejoining a conversation: the token and where to open the WebSocket.</summary>
    internal sealed record Conversation(
        [property: JsonPropertyName("conversationId")] string ConversationId,
        [property: JsonPropertyName("token")] string Token,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("streamUrl")] string StreamUrl);

    /// <summary>The server id of a posted activity (Bot Framework's ResourceResponse).</summary>
    internal sealed record Posted([property: JsonPropertyName("id")] string Id);

    /// <summary>Every refusal: <c>{"error":{"code","message"}}</c>.</summary>
    internal sealed record Error([property: JsonPropertyName("error")] ErrorDetail Detail);

    internal sealed record ErrorDetail(
        [property: JsonPropertyName("code")] string Code,
        [property: JsonPropertyName("message")] string Message);

    /// <summary>The optional body of tokens/generate and of a server's POST conversations: <c>{"user":{"id"}}</c>.</summary>
    internal sealed record TokenParameters([property: JsonPropertyName("user")] User? User);

    internal sealed record User([property: JsonPropertyName("id")] string? Id);

    /// <summary>The widget's page-token request: the visitor key it keeps, and the conversation it had, if any.</summary>
    internal sealed record PageTokenRequest(
        [property: JsonPropertyName("visitor")] string? Visitor,
        [property: JsonPropertyName("conversationId")] string? ConversationId);

    /// <summary>
    /// The page token: a token for the visitor's conversation (the one it had while that is alive, else a new one),
    /// the user id and visitor key to keep, and whether the conversation is the one it had.
    /// </summary>
    internal sealed record PageToken(
        [property: JsonPropertyName("conversationId")] string ConversationId,
        [property: JsonPropertyName("token")] string Token,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("userId")] string UserId,
        [property: JsonPropertyName("visitor")] string Visitor,
        [property: JsonPropertyName("resumed")] bool Resumed);
}

[JsonSerializable(typeof(DirectLineWire.Token))]
[JsonSerializable(typeof(DirectLineWire.Conversation))]
[JsonSerializable(typeof(DirectLineWire.Posted))]
[JsonSerializable(typeof(DirectLineWire.Error))]
[JsonSerializable(typeof(DirectLineWire.TokenParameters))]
[JsonSerializable(typeof(DirectLineWire.PageTokenRequest))]
[JsonSerializable(typeof(DirectLineWire.PageToken))]
internal sealed partial class DirectLineWireJson : JsonSerializerContext;
