namespace LeashBot.Understanding;

/// <summary>Settings of the semantic reader (section <c>Understanding:Semantic</c>).</summary>
public sealed class SemanticOptions
{
    public const string Section = "Understanding:Semantic";

    /// <summary>Off: the model is never loaded and the bot reads messages with its word lists alone.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The word-list reader keeps a topic it is at least this sure of (its own 0..1 score) unless the head says "out of scope".</summary>
    public double LexicalWins { get; set; } = 0.8;

    /// <summary>The word-list reader keeps a topic it is this sure of whatever the head says (the model isn't asked).</summary>
    public double LexicalAlwaysWins { get; set; } = 0.95;

    /// <summary>
    /// The head's probability at which it overrules a topic the word lists are sure of (but not certain of), when it
    /// gives that topic at most <see cref="HeadDoubts"/>.
    /// </summary>
    public double HeadOverrules { get; set; } = 0.6;

    /// <summary>The head's probability for the word lists' topic at or below which the head may overrule it.</summary>
    public double HeadDoubts { get; set; } = 0.05;

    /// <summary>The head's probability at which it answers a topic outright.</summary>
    public double Confident { get; set; } = 0.45;

    /// <summary>The head's probability at which a message is "not something I know".</summary>
    public double OutOfScope { get; set; } = 0.4;

    /// <summary>The head's out-of-scope probability at which a message naming another animal and no cat ("my dog pulls") is "not something I know".</summary>
    public double OtherAnimalOutOfScope { get; set; } = 0.25;

    /// <summary>The two best topics together at least this likely, and neither clear: "Did you mean…?" with both.</summary>
    public double DidYouMean { get; set; } = 0.6;

    /// <summary>The unwell classifier's probability at which the bot asks whether the cat is unwell or hurt now.</summary>
    public double Unwell { get; set; } = 0.7;
}
