namespace LeashBot.Tests.Support;

/// <summary>The repository's top folder, found by walking up to LeashBot.sln.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "LeashBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LeashBot.sln not found above " + AppContext.BaseDirectory);
    }
}
