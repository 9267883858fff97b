namespace LeashBot.Understanding;

/// <summary>What the semantic head thinks of a message: topics by probability, best first.</summary>
public sealed record SemanticReading(IReadOnlyList<TopicScore> Topics)
{
    public TopicScore Best => Topics[0];
    public TopicScore Second => Topics[1];
}

/// <summary>
/// Reads a message by meaning: the sentence embedding (<see cref="SentenceEmbeddings"/>, one model per process)
/// through the trained <see cref="SemanticHead"/>. Only asked about messages the word lists don't settle.
/// </summary>
public sealed class SemanticReader
{
    private readonly SemanticHead _head;

    public SemanticReader(SemanticHead head, SemanticOptions options)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(options);
        _head = head;
        Options = options;
    }

    public SemanticOptions Options { get; }

    public IReadOnlyList<string> Classes => _head.Classes;

    /// <summary>Loads the model and runs it once, so the first owner never waits for it.</summary>
    public void WarmUp() => SentenceEmbeddings.Instance.Embed(nameof(SemanticReader));

    public SemanticReading Read(string text)
    {
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
