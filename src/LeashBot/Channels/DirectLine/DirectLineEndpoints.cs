using static LeashBot.Channels.DirectLine.DirectLineHttp;

namespace LeashBot.Channels.DirectLine;

/// <summary>
/// Direct Line 3.0 at <c>/v3/directline</c>, as Web Chat 4.18 (directlinejs) uses it: tokens
/// (<see cref="TokenEndpoints"/>), conversations and their activities (<see cref="ConversationEndpoints"/>) and the
/// WebSocket stream (<see cref="StreamEndpoint"/>). Every route answers only allowed origins, with CORS for them.
/// The host's pipeline must run routing, CORS and WebSockets before these routes.
/// </summary>
public static class DirectLineEndpoints
{
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v3/directline")
            .RequireCors(CorsPolicy)
            .AddEndpointFilter(RequireAllowedOrigin)
            .MapTokens()
            .MapConversations()
            .MapStream();
        return app;
    }
}
