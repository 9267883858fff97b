using System.Reflection;

namespace LeashBot.LoadTest;

internal static class RepoPaths
{
    /// <summary>The repository root (the folder with LeashBot.sln), found from the program or the current directory.</summary>
    public static string? TryFindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LeashBot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The built host DLL: the override when given, else the path recorded at build time from the referenced
    /// project (same configuration as this tool). Throws with a clear message when it is missing.
    /// </summary>
    public static string HostDll(string name, string? overridePath)
    {
        var path = overridePath ?? typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "HostDll:" + name)?.Value;
        if (string.IsNullOrEmpty(path))
        {
            throw new InvalidOperationException($"No path to {name}.dll was recorded at build time; pass it explicitly.");
        }

        path = Path.GetFullPath(path);
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} does not exist. Build first: dotnet build tests/LeashBot.LoadTest -c Release");
    }
}
