using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LeashBot.Tests.Support;

namespace LeashBot.Tests.Hosting;

/// <summary>The built host started as its own process from an unrelated folder still finds its settings and content.</summary>
public sealed class StartAnywhereTests
{
    [Fact]
    public async Task The_host_started_from_another_folder_uses_its_own_settings()
    {
        // The same configuration (Debug/Release) as this test build.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepoRoot.Path, "src", "LeashBot", "bin", configuration, "net10.0", "LeashBot.dll");
        Assert.True(File.Exists(dll), "build the solution first: " + dll);

        var port = FreePort();
        var elsewhere = TempFolder.Create();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = elsewhere, RedirectStandardOutput = true };
        foreach (var arg in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--Storage:Provider=Memory" })
        {
            start.ArgumentList.Add(arg);
        }

        using var host = Process.Start(start)!;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            HttpStatusCode? status = null;
            for (var attempt = 0; attempt < 100 && status != HttpStatusCode.OK && !host.HasExited; attempt++)
            {
                try
                {
                    using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                    status = response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100);
                }
            }

            if (host.HasExited)
            {
                Assert.Fail("the host stopped: " + await host.StandardOutput.ReadToEndAsync());
            }

            Assert.Equal(HttpStatusCode.OK, status);
            var owner = new Owner(http, "webchat", "anywhere-owner", "anywhere-conv");
            (await owner.SaysAsync("hello")).Says("Paws & Whiskers Pet Shop");
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            host.WaitForExit(10_000);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
