using System.Net;
using System.Net.WebSockets;
using LeashBot.Channels.DirectLine;
using LeashBot.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LeashBot.Tests.DirectLine;

/// <summary>
/// Web Chat's WebSocket streams stay bounded whatever a visitor does, through the real host on Kestrel with real
/// sockets: a flood of sockets on one stream token is refused past the per-conversation cap, one client can't hold more
/// than its share over many conversations, a conversation whose sockets stay open is still evicted (closing them) so new
/// visitors get a conversation, a socket is closed when the token it came with would have expired, and the page-token
/// limit counts an IPv6 /64 as one client.
/// </summary>
public sealed class StreamLimitsTests
{
    [Fact]
    public async Task A_flood_of_sockets_on_one_token_is_refused_past_the_cap_and_new_visitors_still_get_a_conversation()
    {
        using var server = BotHost.OnKestrel(new() { ["DirectLine:MaxConversations"] = "2", ["DirectLine:MaxStreamsPerClient"] = "1000" });
        var flooded = await server.StartAsync();
        var open = new List<ClientWebSocket>();
        var refused = 0;
        try
        {
            for (var i = 0; i < 40; i++)
            {
                var (socket, status) = await ConnectAsync(flooded.StreamUrl);
                if (socket is not null)
                {
                    open.Add(socket);
                }
                else
                {
                    Assert.Equal(HttpStatusCode.TooManyRequests, status);
                    refused++;
                }
            }

            Assert.Equal(2, open.Count);
            Assert.Equal(38, refused);

            // A second conversation with its two sockets fills the table; a new visitor still gets one (201), and the
            // least recently used conversation's sockets are closed by the server.
            var second = await server.StartAsync();
            for (var i = 0; i < 2; i++)
            {
                open.Add((await ConnectAsync(second.StreamUrl)).Socket!);
            }

            var newcomer = await server.StartAsync();
            await newcomer.SendAsync("hi", "newcomer-1");
            Assert.Contains(await newcomer.WaitForAsync(list => list.Count(a => a["from"]?["role"]?.GetValue<string>() == "bot") >= 2), a => a["from"]?["role"]?.GetValue<string>() == "bot");
            Assert.True(await ClosedByServerAsync(open[0]), "The evicted conversation's socket was left open.");
        }
        finally
        {
            foreach (var socket in open)
            {
                socket.Abort();
                socket.Dispose();
            }
        }
    }

    [Fact]
    public async Task One_client_cannot_hold_more_sockets_than_its_share_over_many_conversations()
    {
        using var server = BotHost.OnKestrel(new() { ["DirectLine:MaxStreamsPerClient"] = "3" });
        var sockets = new List<ClientWebSocket>();
        try
        {
            var statuses = new List<HttpStatusCode?>();
            for (var i = 0; i < 5; i++)
            {
                var session = await server.StartAsync();
                var (socket, status) = await ConnectAsync(session.StreamUrl);
                statuses.Add(status);
                if (socket is not null)
                {
                    sockets.Add(socket);
                }
            }

            Assert.Equal([HttpStatusCode.SwitchingProtocols, HttpStatusCode.SwitchingProtocols, HttpStatusCode.SwitchingProtocols, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);

            // Closing one gives its place back.
            await sockets[0].CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
            var later = await server.StartAsync();
            var again = await RetryAsync(() => ConnectAsync(later.StreamUrl));
            Assert.Equal(HttpStatusCode.SwitchingProtocols, again.Status);
            sockets.Add(again.Socket!);
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Abort();
                socket.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_socket_is_closed_when_the_token_it_came_with_would_have_expired()
    {
        var clock = new FakeTimeProvider(BotHostOptions.StartTime);
        using var server = BotHost.OnKestrel(new() { ["DirectLine:TokenLifetimeSeconds"] = "600" }, clock);
        var session = await server.StartAsync();
        using var socket = (await ConnectAsync(session.StreamUrl)).Socket!;
        clock.Advance(TimeSpan.FromSeconds(590));
        Assert.False(await ClosedByServerAsync(socket, TimeSpan.FromMilliseconds(500)), "closed before its token expired");
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await ClosedByServerAsync(socket), "The socket outlived its token.");
    }

    [Theory]
    [InlineData("2001:db8:1:2:aaaa::1", "2001:db8:1:2:ffff:ffff:ffff:ffff", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("203.0.113.7", "::ffff:203.0.113.7", true)]
    [InlineData("203.0.113.7", "203.0.113.8", false)]
    public void The_page_token_limit_counts_an_IPv6_64_as_one_client(string a, string b, bool same)
    {
        var limit = new PageTokenRateLimit(Options.Create(new WebChatOptions { TokenRequestsPerMinute = 2 }));
        string Partition(string address)
        {
            var context = new DefaultHttpContext();
            context.Connection.RemoteIpAddress = IPAddress.Parse(address);
            return limit.GetPartition(context).PartitionKey;
        }

        Assert.Equal(same, Partition(a) == Partition(b));
    }

    private static async Task<(ClientWebSocket? Socket, HttpStatusCode? Status)> ConnectAsync(string url)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(new Uri(url), CancellationToken.None);
            return (socket, HttpStatusCode.SwitchingProtocols);
        }
        catch (WebSocketException)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            return (null, status);
        }
    }

    private static async Task<(ClientWebSocket? Socket, HttpStatusCode? Status)> RetryAsync(Func<Task<(ClientWebSocket? Socket, HttpStatusCode? Status)>> connect)
    {
        // The server gives a closed socket's place back once its handler has finished; that takes a moment.
        for (var i = 0; ; i++)
        {
            var result = await connect();
            if (result.Socket is not null || i == 50)
            {
                return result;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>True when the server closes the socket (a close frame or the end of the connection) within the time given.</summary>
    private static async Task<bool> ClosedByServerAsync(ClientWebSocket socket, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (WebSocketException)
        {
            return true;
        }
    }
}
