using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LeashBot.Tests.Storage;

/// <summary>
/// A real Azurite Blob service for the test class that uses it, on a free port, persisting to a temp folder (so it
/// can be stopped and started again without losing data). Installed with <c>npm ci --prefix tests/azurite</c> (which
/// <c>.ci/run</c> does). Where it is missing, a test that reaches for it (<see cref="Port"/>,
/// <see cref="ConnectionString"/>) is skipped with the reason, if its attribute is <c>[SkippableFact]</c>; in CI
/// (<c>CI</c> set) it fails instead, so a CI run never passes without the Blob tests.
/// </summary>
public class AzuriteFixture : IAsyncLifetime
{
    // Azurite's well-known development account (public, documented by Microsoft; not a secret).
    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _location = Path.Combine(Path.GetTempPath(), "leashbot-azurite-" + Guid.NewGuid().ToString("N"));
    private readonly string? _ci;
    private readonly Func<string?> _installed;
    private Process? _process;
    private int _port;

    public AzuriteFixture()
        : this(Environment.GetEnvironmentVariable("CI"), InstalledExecutable)
    {
    }

    /// <summary>A fixture that reads <paramref name="ci"/> as the <c>CI</c> variable and finds Azurite with <paramref name="installed"/>.</summary>
    internal AzuriteFixture(string? ci, Func<string?> installed)
    {
        _ci = ci;
        _installed = installed;
    }

    /// <summary>Why the Blob tests are skipped here (Azurite missing outside CI); null when they run (or fail, in CI).</summary>
    public string? SkipReason { get; private set; }

    /// <summary>The port Azurite listens on; reaching for it where Azurite is missing outside CI skips the test.</summary>
    public int Port => SkipReason is { } reason ? throw new SkipException(reason) : _port;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};BlobEndpoint=http://127.0.0.1:{Port}/{Account};";

    /// <summary>
    /// Whether the Blob tests skip: only where Azurite is missing and the run is not CI's (<paramref name="ci"/> is the
    /// <c>CI</c> variable: CI services set it to "true"; empty or "false" is a developer's machine).
    /// </summary>
    internal static string? SkipReasonFor(string? ci, bool installed) =>
        installed || (!string.IsNullOrWhiteSpace(ci) && !string.Equals(ci.Trim(), "false", StringComparison.OrdinalIgnoreCase))
            ? null
            : "Azurite is not installed here (npm ci --prefix tests/azurite, as .ci/run does), so the Blob storage tests are skipped; in CI they fail instead.";

    /// <summary>Azurite's blob service: LEASHBOT_AZURITE_BLOB, else tests/azurite's install; null when neither is there.</summary>
    public static string? InstalledExecutable()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("LEASHBOT_AZURITE_BLOB");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return File.Exists(fromEnvironment) ? fromEnvironment : throw new InvalidOperationException($"LEASHBOT_AZURITE_BLOB points at '{fromEnvironment}', which does not exist.");
        }

        var installed = RepoRoot.PathOf("tests", "azurite", "node_modules", ".bin", "azurite-blob");
        return File.Exists(installed) ? installed : null;
    }

    public async Task InitializeAsync()
    {
        if (SkipReasonFor(_ci, _installed() is not null) is { } reason)
        {
            SkipReason = reason;
            return;
        }

        Directory.CreateDirectory(_location);
        _port = FreePort();
        await StartAsync();
    }

    private string FindExecutable() => _installed() ?? throw new InvalidOperationException(
        "Azurite is not installed, so the Blob storage tests cannot run. Install it with: npm ci --prefix tests/azurite");

    public async Task StartAsync()
    {
        if (_process is not null)
        {
            return;
        }

        var info = new ProcessStartInfo(FindExecutable())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(), "--location", _location, "--skipApiVersionCheck", "--silent" }.Concat(ExtraArguments(_location)))
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        // Generous: on a machine shared by several test runs a Node.js start can take a long while.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} on port {Port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                break;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }

        // Listening is not serving yet: one unhurried request (any HTTP answer will do) so that a test's first storage
        // call, which the store bounds to 2 s, does not pay for Node.js warming up on a busy machine.
        using var http = new HttpClient(TrustingHandler()) { Timeout = TimeSpan.FromSeconds(60) };
        using var answer = await http.GetAsync(new Uri($"{Scheme}://127.0.0.1:{Port}/{Account}?comp=list"));
    }

    /// <summary>"http", or "https" when <see cref="ExtraArguments"/> gives Azurite a certificate.</summary>
    protected virtual string Scheme => "http";

    /// <summary>An HTTP handler that trusts this Azurite (its certificate, when it has one).</summary>
    protected virtual HttpMessageHandler TrustingHandler() => new HttpClientHandler();

    /// <summary>More command-line options for Azurite (e.g. a certificate and OAuth); <paramref name="location"/> is its data folder.</summary>
    protected virtual IEnumerable<string> ExtraArguments(string location) => [];

    public async Task StopAsync()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        try
        {
            // Ask Azurite to shut down cleanly (SIGTERM), like a service stop. It writes its metadata to disk every
            // 5 s and on shutdown; only if it has not exited after 20 s is it killed.
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            process.Dispose();
        }
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
