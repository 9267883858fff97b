using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LeashBot.Deploy.Tests.Support;

/// <summary>
/// The app as the container recipe builds it: <c>dotnet publish</c> of src/LeashBot into a folder that is then made
/// read-only (root-owned when the tests run as root, as in CI), once for the test class.
/// </summary>
public sealed class PublishedApp : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("leashbot-published-").FullName;

    public string AppFolder => Path.Combine(_root, "app");

    public string Root => _root;

    public async Task InitializeAsync()
    {
        // Other users must be able to reach the folders below this one (CreateTempSubdirectory makes it 0700).
        File.SetUnixFileMode(_root, (UnixFileMode)0b111_101_101);
        var publish = await RunAsync("dotnet", Repo.Root, "publish", Path.Combine("src", "LeashBot", "LeashBot.csproj"),
            "-c", "Release", "--no-build", "-o", AppFolder, "-p:UseAppHost=false", "-nologo");
        Assert.True(publish.ExitCode == 0, "dotnet publish failed:\n" + publish.Output);
        Assert.True(File.Exists(Path.Combine(AppFolder, "LeashBot.dll")));
        Assert.True(File.Exists(Path.Combine(AppFolder, "dialogs", "messages.json")), "the content must ship with the published app");
        Assert.True(File.Exists(Path.Combine(AppFolder, "wwwroot", "lib", "webchat", "webchat.js")), "Web Chat's bundle must ship with the published app");

        // The recipe's `chmod -R a-w /app`.
        var chmod = await RunAsync("chmod", _root, "-R", "a-w", AppFolder);
        Assert.Equal(0, chmod.ExitCode);
    }

    public async Task DisposeAsync()
    {
        await RunAsync("chmod", "/", "-R", "u+w", _root);
        Directory.Delete(_root, recursive: true);
    }

    public static bool RunningAsRoot => Environment.UserName == "root" || GetUid() == 0;

    /// <summary>The command that runs <paramref name="args"/> as an unprivileged user: nobody when the tests run as root, else the current user.</summary>
    public static string[] Unprivileged(params string[] args) =>
        RunningAsRoot ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", .. args] : args;

    /// <summary>A folder the unprivileged user owns (0700), or, when <paramref name="writable"/> is false, one it may only read.</summary>
    public async Task<string> MakeStateFolderAsync(string name, bool writable)
    {
        var folder = Path.Combine(_root, name);
        Directory.CreateDirectory(folder);
        if (RunningAsRoot && writable)
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_000_000);
            Assert.Equal(0, (await RunAsync("chown", _root, "65534:65534", folder)).ExitCode);
        }
        else
        {
            File.SetUnixFileMode(folder, writable ? (UnixFileMode)0b111_000_000 : (UnixFileMode)0b101_101_101);
        }

        return folder;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string file, string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    private static int GetUid()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        return int.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[2], System.Globalization.CultureInfo.InvariantCulture);
    }
}
