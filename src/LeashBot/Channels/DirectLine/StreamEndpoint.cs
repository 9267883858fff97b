using System.Net.WebSockets;
using static LeashBot.Channels.DirectLine.DirectLineHttp;

namespace LeashBot.Channels.DirectLine;

/// <summary>
/// The WebSocket at streamUrl. Browsers send no Authorization header on WebSockets, so the URL carries a
/// short-lived stream token (query <c>t</c>) for this conversation. Each text frame is one ActivitySet.
/// Streams are bounded: at most <see cref="DirectLineOptions.MaxStreamsPerConversation"/> per conversation and
/// <see cref="DirectLineOptions.MaxStreamsPerClient"/> per client (429 beyond, before the socket is accepted); a socket
/// lives no longer than a conversation token issued with its stream token would (then it is closed, and Web Chat
/// reconnects with its refreshed token), and it closes when its conversation is forgotten (idle or evicted).
/// </summary>
internal static class StreamEndpoint
{
    public static async Task StreamAsync(
        string conversationId, string? t, string? watermark, HttpContext context, DirectLineTokens tokens, ConversationStore store, StreamLimits limits,
        IOptions<DirectLineOptions> options, TimeProvider time, IHostApplicationLifetime lifetime)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Error(StatusCodes.Status400BadRequest, "NotWebSocket", "Open streamUrl as a WebSocket.").ExecuteAsync(context);
            return;
        }

        var failure = tokens.Check(t, conversationId, TokenKind.Stream, out var grant);
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

        using var clientStream = limits.TryOpen(PageTokenRateLimit.ClientKey(context.Connection.RemoteIpAddress));
        var reader = clientStream is null ? null : conversation.TrySubscribe(watermark, options.Value.MaxStreamsPerConversation);
        if (reader is null)
        {
            await Error(StatusCodes.Status429TooManyRequests, "TooManyStreams", "Too many open streams for this conversation or this client; close one first.", 60).ExecuteAsync(context);
            return;
        }

        WebSocket socket;
        try
        {
            socket = await context.WebSockets.AcceptWebSocketAsync();
        }
        catch
        {
            conversation.Unsubscribe(reader);
            throw;
        }

        using var _ = socket;
        var remaining = grant!.IssuedAt.AddSeconds(options.Value.TokenLifetimeSeconds) - time.GetUtcNow();
        using var expiry = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping, expiry.Token);
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
}
