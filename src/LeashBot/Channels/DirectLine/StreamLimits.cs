namespace LeashBot.Channels.DirectLine;

/// <summary>
/// How many WebSocket streams are open, per client (<see cref="PageTokenRateLimit.ClientKey"/>: an IPv4 address or an
/// IPv6 /64), so one client can't hold the host's sockets and memory: beyond
/// <see cref="DirectLineOptions.MaxStreamsPerClient"/> a new stream is refused. The per-conversation cap is the
/// conversation's own (<see cref="DirectLineConversation.TrySubscribe"/>).
/// </summary>
public sealed class StreamLimits(IOptions<DirectLineOptions> options)
{
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Streams open now, over all clients.</summary>
    public int Open
    {
        get
        {
            lock (_gate)
            {
                return _open.Values.Sum();
            }
        }
    }

    /// <summary>Counts a stream for <paramref name="client"/>; null when the client has its maximum open already. Dispose to give it back.</summary>
    public IDisposable? TryOpen(string client)
    {
        lock (_gate)
        {
            var open = _open.GetValueOrDefault(client);
            if (open >= options.Value.MaxStreamsPerClient)
            {
                return null;
            }

            _open[client] = open + 1;
        }

        return new Lease(this, client);
    }

    private void Close(string client)
    {
        lock (_gate)
        {
            if (_open.TryGetValue(client, out var open) && open > 1)
            {
                _open[client] = open - 1;
            }
            else
            {
                _open.Remove(client);
            }
        }
    }

    private sealed class Lease(StreamLimits limits, string client) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                limits.Close(client);
            }
        }
    }
}
