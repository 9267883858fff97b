using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LeashBot.Tests.Support;

/// <summary>
/// A channel's connector (the serviceUrl replies are posted to) played by a real HTTP listener on a loopback port.
/// It records each request's raw target and body and answers as told: accept (201 with an id), fail (500), or stall
/// (accept the connection, read the request and never answer). Azure's connector itself is what it stands in for.
/// </summary>
public sealed class LocalConnector : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly ConcurrentBag<TcpClient> _clients = [];

    public LocalConnector(ConnectorBehaviour behaviour)
    {
        Behaviour = behaviour;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public ConnectorBehaviour Behaviour { get; set; }

    public ConcurrentQueue<(string Method, string Target, string Body)> Requests { get; } = new();

    public string ServiceUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _clients.Add(client);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            while (!_stop.IsCancellationRequested)
            {
                var head = await ReadHeadAsync(stream);
                if (head is null)
                {
                    return;
                }

                var lines = head.Split("\r\n");
                var requestLine = lines[0].Split(' ');
                var length = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    .Select(p => int.Parse(p[1].Trim())).FirstOrDefault();
                var body = new byte[length];
                var read = 0;
                while (read < length)
                {
                    var n = await stream.ReadAsync(body.AsMemory(read), _stop.Token);
                    if (n == 0)
                    {
                        return;
                    }

                    read += n;
                }

                Requests.Enqueue((requestLine[0], requestLine[1], Encoding.UTF8.GetString(body)));
                switch (Behaviour)
                {
                    case ConnectorBehaviour.Stall:
                        await Task.Delay(Timeout.Infinite, _stop.Token);
                        return;
                    case ConnectorBehaviour.Fail:
                        await WriteAsync(stream, "500 Internal Server Error", "{\"error\":{\"code\":\"ServiceError\"}}");
                        break;
                    default:
                        await WriteAsync(stream, "201 Created", "{\"id\":\"reply-" + Requests.Count + "\"}");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            client.Dispose();
        }
    }

    private async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                return null;
            }

            bytes.Add(one[0]);
            var n = bytes.Count;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n')
            {
                return Encoding.ASCII.GetString([.. bytes]);
            }
        }
    }

    private async Task WriteAsync(NetworkStream stream, string status, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
        await stream.WriteAsync(head, _stop.Token);
        await stream.WriteAsync(body, _stop.Token);
    }
}

public enum ConnectorBehaviour
{
    Accept,
    Fail,
    Stall,
}
