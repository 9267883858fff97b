using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LeashBot.LoadTest;

/// <summary>
/// Azurite's Blob service for the Blob runs, started by the tool on a free port with <c>--inMemoryPersistence</c>.
/// Installed with <c>npm ci --prefix tests/azurite</c>; <c>LEASHBOT_AZURITE_BLOB</c> can point at another copy.
/// </summary>
internal sealed class Azurite : IAsyncDisposable
{
    // Azurite's well-known development account (public, documented by Microsoft; not a secret).
    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly string _location;

    private Azurite(Process process, int port, string location)
    {
        _process = process;
        Port = port;
        _location = location;
    }

    public int Port { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};BlobEndpoint=http://127.0.0.1:{Port}/{Account};";

    /// <summary>The azurite-blob executable, or null with the reason when it is not installed.</summary>
    public static string? Find(out string problem)
    {
        problem = "";
        var fromEnvironment = Environment.GetEnvironmentVariable("LEASHBOT_AZURITE_BLOB");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            if (File.Exists(fromEnvironment))
            {
                return fromEnvironment;
            }

            problem = $"LEASHBOT_AZURITE_BLOB points at '{fromEnvironment}', which does not exist.";
            return null;
        }

        var root = RepoRoot.TryFind();
        var candidate = root is null ? null : Path.Combine(root, "tests", "azurite", "node_modules", ".bin", "azurite-blob");
        if (candidate is not null && File.Exists(candidate))
        {
            return candidate;
        }

        problem = "Azurite is not installed, so the Blob runs cannot start. Install it with: npm ci --prefix tests/azurite " +
                  "(or leave Blob out with --providers memory,sqlite).";
        return null;
    }

    public static async Task<Azurite> StartAsync(string executable)
    {
        var port = HostProcess.FreePort();
        var location = Path.Combine(Path.GetTempPath(), "leashbot-loadtest-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(location);
        var info = new ProcessStartInfo(executable)
        {
            WorkingDirectory = location,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
                 {
                     // --location is refused together with --inMemoryPersistence; the debug log and config files go to the working folder.
                     "--blobHost", "127.0.0.1", "--blobPort", port.ToString(CultureInfo.InvariantCulture),
                     "--inMemoryPersistence", "--skipApiVersionCheck", "--silent",
                 })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Azurite did not start.");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new Azurite(process, port, location);

        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                var exitCode = process.ExitCode;
                await Task.Delay(100); // let the last output arrive
                await azurite.DisposeAsync();
                throw new SetupException($"Azurite exited with code {exitCode} on port {port}: {string.Join(" ", output)}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return azurite;
            }
            catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
