namespace LeashBot.TestSupport;

/// <summary>
/// The repository's top folder (the one with LeashBot.sln), found by walking up from the running program and, for
/// tools started from a shell, from the current directory. The one way every test project finds the repository.
/// </summary>
public static class RepoRoot
{
    private static readonly Lazy<string?> Found = new(Find);

    /// <summary>The repository root; throws with a clear message when the program does not run inside the repository.</summary>
    public static string Path => Found.Value ?? throw new InvalidOperationException(
        $"LeashBot.sln not found above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}.");

    /// <summary>The repository root, or null when the program does not run inside the repository.</summary>
    public static string? TryFind() => Found.Value;

    /// <summary>A path inside the repository, e.g. <c>RepoRoot.PathOf("dialogs", "understanding.json")</c>.</summary>
    public static string PathOf(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>
    /// The built host, <c>src/LeashBot/bin/&lt;configuration&gt;/net10.0/LeashBot.dll</c>, of the same configuration
    /// (Debug or Release) as the running test assembly; throws when it has not been built.
    /// </summary>
    public static string HostDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = PathOf("src", "LeashBot", "bin", configuration, "net10.0", "LeashBot.dll");
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"{dll} not found: build the solution first (dotnet build LeashBot.sln -c {configuration}).");
    }

    private static string? Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "LeashBot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
