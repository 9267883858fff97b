using static LeashBot.Channels.DirectLine.DirectLineHttp;

namespace LeashBot.Channels.DirectLine;

/// <summary>
/// Direct Line 3.0 at <c>/v3/directline</c>, as Web Chat 4.18 (directlinejs) uses it: every route in one list, each
/// answered by its resource: tokens (<see cref="TokenEndpoints"/>), conversations and their activities
/// (<see cref="ConversationEndpoints"/>) and the WebSocket stream (<see cref="StreamEndpoint"/>). Every route answers
/// only allowed origins, with CORS for them. The host's pipeline must run routing, CORS and WebSockets before these.
/// </summary>
public static class DirectLineEndpoints
{
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v3/directline").RequireCors(CorsPolicy).AddEndpointFilter(RequireAllowedOrigin);

        group.MapPost("/tokens/generate", TokenEndpoints.GenerateAsync);
        group.MapPost("/tokens/refresh", TokenEndpoints.Refresh);

        group.MapPost("/conversations", ConversationEndpoints.StartAsync);
        group.MapGet("/conversations/{conversationId}", ConversationEndpoints.Reconnect);
        group.MapPost("/conversations/{conversationId}/activities", ConversationEndpoints.PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", ConversationEndpoints.Poll);
        group.MapPost("/conversations/{conversationId}/upload", ConversationEndpoints.Upload);

        group.MapGet("/conversations/{conversationId}/stream", StreamEndpoint.StreamAsync);
        return app;
    }
}
