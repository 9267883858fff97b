using LeashBot.Content;
using LeashBot.Tests.Support;
using LeashBot.Understanding;

namespace LeashBot.Tests.Understanding;

/// <summary>
/// The shipped content, loaded once the way the host loads it (<see cref="BotContent.Load"/> on the repository's
/// dialogs folder), and the recognizer and message reader built from it as the bot builds them.
/// </summary>
internal static class RepoFiles
{
    private static readonly Lazy<BotContent> LazyContent = new(() => BotContent.Load(PathOf("dialogs")));

    private static readonly Lazy<TopicRecognizer> LazyRecognizer = new(() => TopicRecognizer.Build(Content.Understanding));

    private static readonly Lazy<MessageReader> LazyReader = new(() => new MessageReader(Recognizer, new LeashBot.Dialogs.TextRecognizers(), Content));

    private static readonly Lazy<MessageReader> LazySemanticReader = new(() =>
        new MessageReader(Recognizer, new LeashBot.Dialogs.TextRecognizers(), Content, new SemanticDecision(new SemanticReader(
            SemanticHead.Parse(File.ReadAllText(PathOf("src", "LeashBot", "Understanding", "semantic-head.json"))), new SemanticOptions()))));

    public static string PathOf(params string[] parts) => RepoRoot.PathOf(parts);

    /// <summary>All of the bot's content, validated.</summary>
    public static BotContent Content => LazyContent.Value;

    /// <summary>The topics part of it (dialogs/understanding.json).</summary>
    public static UnderstandingContent Understanding => Content.Understanding;

    public static TopicRecognizer Recognizer => LazyRecognizer.Value;

    /// <summary>The message reader on the real content, as the bot builds it.</summary>
    public static MessageReader Reader => LazyReader.Value;

    /// <summary>The message reader with the semantic reader on (the shipped head, default settings), as the host builds it by default.</summary>
    public static MessageReader SemanticReader => LazySemanticReader.Value;
}
