using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LeashBot.TestSupport;

/// <summary>
/// A built bot host running as its own process on a free loopback port (<c>dotnet host.dll --urls http://127.0.0.1:port ...</c>),
/// as a deployment runs it: its console output kept (to explain a failure and to look for stack traces), its memory and CPU
/// read from /proc, and stopped with SIGTERM (graceful, so the SQLite store checkpoints and closes its file) or killed
/// after a timeout.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string? _ownFolder;
    private readonly ConcurrentQueue<string> _output = new();

    private HostProcess(Process process, string name, int port, string? ownFolder)
    {
        _process = process;
        _ownFolder = ownFolder;
        Name = name;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Every line the host wrote to stdout and stderr so far.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>
    /// Starts <c>dotnet dll</c> with <paramref name="arguments"/> (settings as <c>--Section:Key=value</c>) in the DLL's folder
    /// (its content root, where its appsettings.json is) unless <paramref name="workingDirectory"/> says otherwise. Does not
    /// wait: see <see cref="WaitReadyAsync"/>.
    /// </summary>
    public static HostProcess Start(
        string name, string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null) =>
        Start(name, dll, arguments, environment, workingDirectory, ownFolder: null);

    /// <summary>
    /// Starts the built LeashBot (<see cref="RepoRoot.HostDll"/>) on a SQLite file in a folder of its own (deleted on
    /// dispose), with the Web Chat token limit raised for test traffic, plus <paramref name="settings"/>; waits until it is ready.
    /// </summary>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var folder = Directory.CreateTempSubdirectory("leashbot-host-").FullName;
        var all = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:Path"] = Path.Combine(folder, "leashbot.db"),
            ["WebChat:TokenRequestsPerMinute"] = "10000",
            ["WarmUp:Turns"] = "false", // a test's turns and stored records are its own
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var host = Start("LeashBot", RepoRoot.HostDll(), all.Select(s => $"--{s.Key}={s.Value}"), environment, workingDirectory: null, ownFolder: folder);
        try
        {
            await host.WaitReadyAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>Waits until GET /healthz answers 200.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it was ready.\n{Tail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{Name} was not ready after {timeout.TotalSeconds:0} s.\n{Tail()}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>The host's last lines of output, for error messages.</summary>
    public string Tail(int lines = 40) => string.Join('\n', _output.TakeLast(lines));

    /// <summary>Output lines that look like a stack frame ("   at Namespace.Type.Method(").</summary>
    public IReadOnlyList<string> StackTraceLines() =>
        _output.Where(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) && l.Contains('(', StringComparison.Ordinal)).ToList();

    /// <summary>Peak resident set size of the host process so far (VmHWM), in bytes; null when unavailable.</summary>
    public long? PeakRssBytes() => ReadStatusKb("VmHWM:") * 1024;

    /// <summary>Current resident set size (VmRSS), in bytes; null when unavailable.</summary>
    public long? RssBytes() => ReadStatusKb("VmRSS:") * 1024;

    /// <summary>Current resident set size, in MB; NaN when unavailable.</summary>
    public double RssMb() => RssBytes() is { } bytes ? bytes / 1024.0 / 1024.0 : double.NaN;

    /// <summary>CPU time (user + system) the host has used so far, in seconds, from /proc/pid/stat; null when unavailable.</summary>
    public double? CpuSeconds()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is the state (field 3); utime and stime are fields 14 and 15, in clock ticks (100 per second on Linux).
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Asks the host to stop (SIGTERM) and waits; kills it if it has not exited in time.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return;
        }

        try
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var wait = new CancellationTokenSource(timeout);
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // never started or already gone
        }

        _process.Dispose();
        if (_ownFolder is not null)
        {
            try
            {
                Directory.Delete(_ownFolder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static HostProcess Start(
        string name, string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, string? workingDirectory, string? ownFolder)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var host = new HostProcess(process, name, port, ownFolder);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{name} did not start.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    private long? ReadStatusKb(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var value = line[field.Length..].Trim();
                    var space = value.IndexOf(' ', StringComparison.Ordinal);
                    return long.Parse(space < 0 ? value : value[..space], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
