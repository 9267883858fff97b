using LeashBot.Tests.Support;
using LeashBot.Understanding;

namespace LeashBot.Tests.Understanding;

/// <summary>Files of the repository, and the recognizer built once from the real content for all understanding tests.</summary>
internal static class RepoFiles
{
    private static readonly Lazy<UnderstandingContent> LazyContent =
        new(() => UnderstandingContent.Load(PathOf("dialogs", "understanding.json")));

    private static readonly Lazy<TopicRecognizer> LazyRecognizer = new(() => TopicRecognizer.Build(Content));

    private static readonly Lazy<MessageReader> LazyReader = new(() =>
    {
        var content = LeashBot.Content.BotContent.Load(PathOf("dialogs"));
        return new MessageReader(TopicRecognizer.Build(content.Understanding), new LeashBot.Dialogs.TextRecognizers(), content);
    });

    public static string PathOf(params string[] parts) => RepoRoot.PathOf(parts);

    public static UnderstandingContent Content => LazyContent.Value;

    public static TopicRecognizer Recognizer => LazyRecognizer.Value;

    /// <summary>The message reader on the real content, as the bot builds it.</summary>
    public static MessageReader Reader => LazyReader.Value;
}
