using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LeashBot.LoadTest;

/// <summary>
/// A bot host running as its own process (<c>dotnet host.dll --urls http://127.0.0.1:port ...</c>), its output
/// drained into a small ring buffer so that a failure can be explained, and stopped with SIGTERM (graceful, so
/// the SQLite store checkpoints and closes its file) or killed after a timeout.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private const int KeptLines = 40;

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly Lock _linesGate = new();

    private HostProcess(Process process, string name, int port)
    {
        _process = process;
        Name = name;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>dotnet dll</c> in the DLL's folder (its content root, where its appsettings.json is).</summary>
    public static HostProcess Start(string name, string dll, IEnumerable<string> settings)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var setting in settings)
        {
            info.ArgumentList.Add(setting);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = new Process { StartInfo = info };
        var host = new HostProcess(process, name, port);
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

    /// <summary>Waits until GET /healthz answers 200.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it was ready.\n{Output()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{Name} was not ready after {timeout.TotalSeconds:0} s.\n{Output()}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Peak resident set size of the host process so far (VmHWM), in bytes; null when unavailable.</summary>
    public long? PeakRssBytes() => ReadStatusKb("VmHWM:") * 1024;

    /// <summary>Current resident set size (VmRSS), in bytes; null when unavailable.</summary>
    public long? RssBytes() => ReadStatusKb("VmRSS:") * 1024;

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

    /// <summary>The host's last lines of output, for error messages.</summary>
    public string Output()
    {
        lock (_linesGate)
        {
            return string.Join('\n', _lastLines);
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
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
        if (line is null)
        {
            return;
        }

        lock (_linesGate)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > KeptLines)
            {
                _lastLines.Dequeue();
            }
        }
    }
}
