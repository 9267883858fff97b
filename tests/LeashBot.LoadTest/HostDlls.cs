using System.Reflection;

namespace LeashBot.LoadTest;

/// <summary>The built hosts this tool runs, found where the build recorded them.</summary>
internal static class HostDlls
{
    /// <summary>
    /// The built host DLL: the override when given, else the path recorded at build time from the referenced
    /// project (same configuration as this tool). Throws with a clear message when it is missing.
    /// </summary>
    public static string Find(string name, string? overridePath)
    {
        var path = overridePath ?? typeof(HostDlls).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
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
