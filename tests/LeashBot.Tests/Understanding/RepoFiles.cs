using LeashBot.Understanding;

namespace LeashBot.Tests.Understanding;

/// <summary>Finds files of the repository by walking up to LeashBot.sln, and shares the recognizer built from the real content.</summary>
internal static class RepoFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LeashBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LeashBot.sln not found above " + AppContext.BaseDirectory);
    });

    private static readonly Lazy<UnderstandingContent> LazyContent =
        new(() => UnderstandingContent.Load(PathOf("dialogs", "understanding.json")));

    private static readonly Lazy<TopicRecognizer> LazyRecognizer = new(() => TopicRecognizer.Build(Content));

    public static string PathOf(params string[] parts) => Path.Combine([Root.Value, .. parts]);

    public static UnderstandingContent Content => LazyContent.Value;

    public static TopicRecognizer Recognizer => LazyRecognizer.Value;
}
