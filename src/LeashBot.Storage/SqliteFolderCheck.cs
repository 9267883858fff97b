using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LeashBot.Storage;

/// <summary>
/// At start-up, the SQLite file's folder must be one this process can write to (SQLite also writes its -wal and -shm
/// files there): a container whose state volume is missing or owned by another user stops at once, naming the
/// setting and the folder, instead of starting and then failing every turn. A store that breaks later still only
/// degrades (polite reply, 503 from /healthz).
/// </summary>
internal sealed class SqliteFolderCheck(IHostEnvironment environment) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!options.IsProvider(StorageOptions.SqliteProvider) || string.IsNullOrWhiteSpace(options.Sqlite.Path))
        {
            return ValidateOptionsResult.Skip;
        }

        var file = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Sqlite.Path));
        var folder = Path.GetDirectoryName(file)!;
        try
        {
            Directory.CreateDirectory(folder);
            using (new FileStream(Path.Combine(folder, $".leashbot-write-check-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            if (File.Exists(file))
            {
                using (new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
                {
                }
            }

            return ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var user = OperatingSystem.IsWindows() ? Environment.UserName : $"{Environment.UserName}, uid {UnixUserId()}";
            return ValidateOptionsResult.Fail(
                $"Storage:Sqlite:Path '{file}' cannot be written by this process ({user}): {ex.GetType().Name} on {folder}. " +
                "Mount a writable volume there or point Storage:Sqlite:Path at one.");
        }
    }

    private static string UnixUserId()
    {
        // /proc/self/status has "Uid: real effective saved fs"; not every Unix has /proc.
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
            return line?.Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(2) ?? "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
