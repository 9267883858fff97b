using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace LeashBot.Channels.DirectLine;

/// <summary>
/// One Direct Line conversation held in memory: its transcript (bounded; the oldest activities drop off),
/// the WebSocket streams listening to it, and a turn lock so one turn runs at a time.
/// Each stored activity gets a sequence number starting at 1; a watermark is the next sequence number as
/// text ("1" for an empty conversation), so it is never empty or "0", and a client asking with watermark w
/// gets every retained activity numbered w or later.
/// </summary>
public sealed class DirectLineConversation
{
    internal static readonly JsonSerializerSettings Json = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.DateTimeOffset,
        MaxDepth = 32,
    };

    private readonly object _gate = new();
    private readonly LinkedList<(long Seq, string Json)> _activities = new();
    private readonly List<Channel<string>> _streams = [];
    private readonly int _maxActivities;
    private readonly TimeProvider _time;
    private long _nextSeq = 1;
    private DateTimeOffset _lastTimestamp;
    private DateTimeOffset _pollWindowStart;
    private int _pollsInWindow;

    public DirectLineConversation(string id, string userId, int maxActivities, TimeProvider time)
    {
        Id = id;
        UserId = userId;
        _maxActivities = maxActivities;
        _time = time;
        LastUsed = time.GetUtcNow();
    }

    public string Id { get; }

    public string UserId { get; }

    public DateTimeOffset LastUsed { get; private set; }

    /// <summary>Held while a turn runs, so turns of one conversation never overlap and stay in order.</summary>
    public SemaphoreSlim TurnLock { get; } = new(1, 1);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _activities.Count;
            }
        }
    }

    public void Touch()
    {
        lock (_gate)
        {
            LastUsed = _time.GetUtcNow();
        }
    }

    /// <summary>Stores an activity, giving it its server id and a timestamp later than any before, and pushes it to every stream.</summary>
    public string Append(Activity activity)
    {
        lock (_gate)
        {
            var seq = _nextSeq++;
            var now = _time.GetUtcNow();
            if (now <= _lastTimestamp)
            {
                now = _lastTimestamp.AddMilliseconds(1);
            }

            _lastTimestamp = now;
            LastUsed = _time.GetUtcNow();
            activity.Id = Id + "|" + seq.ToString("D7", CultureInfo.InvariantCulture);
            activity.Timestamp = now;
            var json = JsonConvert.SerializeObject(activity, Json);
            _activities.AddLast((seq, json));
            while (_activities.Count > _maxActivities)
            {
                _activities.RemoveFirst();
            }

            var set = ActivitySet([json], _nextSeq);
            foreach (var stream in _streams)
            {
                if (!stream.Writer.TryWrite(set))
                {
                    // A reader that fell this far behind is closed; the client reconnects with its watermark.
                    stream.Writer.TryComplete();
                }
            }

            return activity.Id;
        }
    }

    /// <summary>The ActivitySet JSON of everything from <paramref name="watermark"/> on.</summary>
    public string Since(string? watermark)
    {
        lock (_gate)
        {
            LastUsed = _time.GetUtcNow();
            return ActivitySet(After(watermark), _nextSeq);
        }
    }

    /// <summary>Opens a stream: its first item is the backlog since the watermark (taken atomically with the subscription).</summary>
    public ChannelReader<string> Subscribe(string? watermark)
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(256) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        lock (_gate)
        {
            var backlog = After(watermark);
            if (backlog.Count > 0)
            {
                channel.Writer.TryWrite(ActivitySet(backlog, _nextSeq));
            }

            _streams.Add(channel);
            LastUsed = _time.GetUtcNow();
        }

        return channel.Reader;
    }

    public void Unsubscribe(ChannelReader<string> reader)
    {
        lock (_gate)
        {
            _streams.RemoveAll(c => c.Reader == reader);
        }
    }

    /// <summary>Closes every stream (the conversation is being forgotten).</summary>
    public void CloseStreams()
    {
        lock (_gate)
        {
            foreach (var stream in _streams)
            {
                stream.Writer.TryComplete();
            }

            _streams.Clear();
        }
    }

    public int StreamCount
    {
        get
        {
            lock (_gate)
            {
                return _streams.Count;
            }
        }
    }

    /// <summary>Counts a poll in a fixed one-minute window; false (with the seconds to wait) when over the limit.</summary>
    public bool TryCountPoll(int maxPerMinute, out int retryAfterSeconds)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (now - _pollWindowStart >= TimeSpan.FromMinutes(1))
            {
                _pollWindowStart = now;
                _pollsInWindow = 0;
            }

            if (_pollsInWindow >= maxPerMinute)
            {
                retryAfterSeconds = Math.Max(1, (int)Math.Ceiling((_pollWindowStart.AddMinutes(1) - now).TotalSeconds));
                return false;
            }

            _pollsInWindow++;
            retryAfterSeconds = 0;
            return true;
        }
    }

    private List<string> After(string? watermark)
    {
        long from = 1;
        if (!string.IsNullOrEmpty(watermark) && long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w > 0)
        {
            from = w;
        }

        var result = new List<string>();
        foreach (var (seq, json) in _activities)
        {
            if (seq >= from)
            {
                result.Add(json);
            }
        }

        return result;
    }

    private static string ActivitySet(IReadOnlyCollection<string> activities, long watermark)
    {
        var sb = new StringBuilder("{\"activities\":[");
        sb.AppendJoin(',', activities);
        sb.Append("],\"watermark\":\"").Append(watermark.ToString(CultureInfo.InvariantCulture)).Append("\"}");
        return sb.ToString();
    }
}
