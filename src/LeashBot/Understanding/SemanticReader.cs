namespace LeashBot.Understanding;

/// <summary>What the semantic head thinks of a message: topics by probability, best first.</summary>
public sealed record SemanticReading(IReadOnlyList<TopicScore> Topics)
{
    public TopicScore Best => Topics[0];
    public TopicScore Second => Topics[1];
}

/// <summary>
/// Reads a message by meaning: the sentence embedding (<see cref="SentenceEmbeddings"/>, one model per process)
/// through the trained <see cref="SemanticHead"/>. Only asked about messages the word lists don't settle. A reading is
/// kept by the message's normalized text, like its embedding: owners repeat themselves, and a repeated message then
/// costs a lookup instead of the head's 40 classes of 384 weights and a sort.
/// </summary>
public sealed class SemanticReader
{
    /// <summary>Distinct messages whose reading is kept; past that the cache starts again.</summary>
    private const int CacheLimit = 8192;

    private readonly SemanticHead _head;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemanticReading> _readings = new(StringComparer.Ordinal);

    public SemanticReader(SemanticHead head, SemanticOptions options)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(options);
        _head = head;
        Options = options;
    }

    public SemanticOptions Options { get; }

    public IReadOnlyList<string> Classes => _head.Classes;

    /// <summary>
    /// Starts loading the model on a thread of its own, so it loads while the rest of the host starts (content, the
    /// topic index, the web server); <see cref="WarmUp"/> then waits for it.
    /// </summary>
    public static Task StartLoading() => SentenceEmbeddings.LoadInBackground();

    /// <summary>Loads the model (or waits for <see cref="StartLoading"/>) and runs it once, so the first owner never waits for it.</summary>
    public void WarmUp() => SentenceEmbeddings.Instance.Embed(nameof(SemanticReader));

    /// <summary>Messages read by the head since the host started (not from the cache); for tests.</summary>
    public long HeadReadings => Interlocked.Read(ref _headReadings);

    private long _headReadings;

    public SemanticReading Read(string text)
    {
        var key = SentenceEmbeddings.Normalize(text);
        if (_readings.TryGetValue(key, out var known))
        {
            return known;
        }

        var reading = ReadByHead(key);
        if (_readings.Count >= CacheLimit)
        {
            _readings.Clear();
        }

        _readings[key] = reading;
        return reading;
    }

    private SemanticReading ReadByHead(string text)
    {
        Interlocked.Increment(ref _headReadings);
        var embedding = SentenceEmbeddings.Instance.Embed(text);
        Span<double> p = stackalloc double[_head.Classes.Length];
        _head.Topics(embedding, p);
        var topics = new TopicScore[p.Length];
        for (var i = 0; i < p.Length; i++)
        {
            topics[i] = new TopicScore(_head.Classes[i], p[i]);
        }

        // Stable: ties keep the head's class order.
        return new SemanticReading([.. topics.OrderByDescending(t => t.Score)]);
    }

    /// <summary>How likely the message is about the cat being unwell or hurt right now (0..1).</summary>
    public double Unwell(string text) => _head.Unwell(SentenceEmbeddings.Instance.Embed(text));
}
