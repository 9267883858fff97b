using System.Threading.Channels;

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
    private readonly object _gate = new();
    private readonly LinkedList<(long Seq, string Json)> _activities = new();
    private readonly List<Channel<string>> _streams = [];
    private readonly int _maxActivities;
    private readonly int _maxBytes;
    private readonly TranscriptBudget _budget;
    private readonly TimeProvider _time;
    private long _bytes;
    private DateTimeOffset _postWindowStart;
    private int _postsInWindow;
    private long _nextSeq = 1;
    private DateTimeOffset _lastTimestamp;
    private DateTimeOffset _pollWindowStart;
    private int _pollsInWindow;

    /// <summary>A conversation bounded by activity count only, on its own byte budget.</summary>
    public DirectLineConversation(string id, string userId, int maxActivities, TimeProvider time)
        : this(id, userId, maxActivities, int.MaxValue, new TranscriptBudget(), time)
    {
    }

    public DirectLineConversation(string id, string userId, int maxActivities, int maxBytes, TranscriptBudget budget, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(budget);
        Id = id;
        UserId = userId;
        _maxActivities = maxActivities;
        _maxBytes = maxBytes;
        _budget = budget;
        _time = time;
        LastUsed = time.GetUtcNow();
    }

    public string Id { get; }

    public string UserId { get; }

    /// <summary>The origin of the page that started the conversation (the host's own for a server's), given to the bot with each activity.</summary>
    public string? SiteOrigin { get; set; }

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
            var json = ActivityJson.Serialize(activity);
            _activities.AddLast((seq, json));
            Account(MemoryBytes(json));
            while (_activities.Count > _maxActivities || (_bytes > _maxBytes && _activities.Count > 1))
            {
                DropOldest();
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

    /// <summary>
    /// Opens a stream, unless <paramref name="maxStreams"/> are open already (then null): its first item is the backlog
    /// since the watermark (taken atomically with the subscription).
    /// </summary>
    public ChannelReader<string>? TrySubscribe(string? watermark, int maxStreams)
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(256) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        lock (_gate)
        {
            if (_streams.Count >= maxStreams)
            {
                return null;
            }

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

    /// <summary>Bytes of memory the transcript holds (see <see cref="MemoryBytes"/>).</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Drops the oldest activities until at least <paramref name="bytes"/> are freed or none are left; returns the bytes freed.</summary>
    public long Trim(long bytes)
    {
        lock (_gate)
        {
            long freed = 0;
            while (freed < bytes && _activities.Count > 0)
            {
                freed += DropOldest();
            }

            return freed;
        }
    }

    /// <summary>Gives back every byte this conversation holds (it is being forgotten).</summary>
    public void Release()
    {
        lock (_gate)
        {
            _activities.Clear();
            Account(-_bytes);
        }
    }

    /// <summary>Counts a posted activity in a fixed one-minute window; false (with the seconds to wait) when over the limit.</summary>
    public bool TryCountPost(int maxPerMinute, out int retryAfterSeconds) =>
        TryCount(ref _postWindowStart, ref _postsInWindow, maxPerMinute, out retryAfterSeconds);

    /// <summary>Counts a poll in a fixed one-minute window; false (with the seconds to wait) when over the limit.</summary>
    public bool TryCountPoll(int maxPerMinute, out int retryAfterSeconds) =>
        TryCount(ref _pollWindowStart, ref _pollsInWindow, maxPerMinute, out retryAfterSeconds);

    private bool TryCount(ref DateTimeOffset windowStart, ref int inWindow, int maxPerMinute, out int retryAfterSeconds)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (now - windowStart >= TimeSpan.FromMinutes(1))
            {
                windowStart = now;
                inWindow = 0;
            }

            if (inWindow >= maxPerMinute)
            {
                retryAfterSeconds = Math.Max(1, (int)Math.Ceiling((windowStart.AddMinutes(1) - now).TotalSeconds));
                return false;
            }

            inWindow++;
            retryAfterSeconds = 0;
            return true;
        }
    }

    private long DropOldest()
    {
        var length = MemoryBytes(_activities.First!.Value.Json);
        _activities.RemoveFirst();
        Account(-length);
        return length;
    }

    /// <summary>
    /// What one stored activity costs in memory: its JSON is a .NET string (two bytes a character, whatever the text), in
    /// a list node; counting characters instead let the 128 MB default reach 530-665 MB of process memory.
    /// </summary>
    public static long MemoryBytes(string json) => (2L * json.Length) + 96;

    private void Account(long delta)
    {
        _bytes += delta;
        _budget.Add(delta);
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

/// <summary>The transcript bytes held by all conversations together.</summary>
public sealed class TranscriptBudget
{
    private long _bytes;

    public long Bytes => Interlocked.Read(ref _bytes);

    public void Add(long delta) => Interlocked.Add(ref _bytes, delta);
}
