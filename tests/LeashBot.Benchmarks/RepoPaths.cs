namespace LeashBot.Benchmarks;

internal static class RepoPaths
{
    /// <summary>A file of the repository, found by walking up to LeashBot.sln from the program or the current directory.</summary>
    public static string Find(params string[] parts)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LeashBot.sln")))
                {
                    return Path.Combine([dir.FullName, .. parts]);
                }
            }
        }

        throw new InvalidOperationException("LeashBot.sln not found.");
    }
}
