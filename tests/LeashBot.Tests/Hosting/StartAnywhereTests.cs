using System.Net;
using LeashBot.Tests.Support;

namespace LeashBot.Tests.Hosting;

/// <summary>The built host started as its own process from an unrelated folder still finds its settings and content.</summary>
public sealed class StartAnywhereTests
{
    [Fact]
    public async Task The_host_started_from_another_folder_uses_its_own_settings()
    {
        // The built host of the same configuration (Debug/Release) as this test build.
        var dll = RepoRoot.HostDll();
        Assert.True(File.Exists(dll), "build the solution first: " + dll);

        // Waits for /healthz for up to a minute: on a busy machine a cold start takes a while.
        await using var host = HostProcess.Start("LeashBot", dll, ["--Storage:Provider=Memory"], workingDirectory: TempFolder.Create());
        await host.WaitReadyAsync(TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using (var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var owner = new Owner(http, "webchat", "anywhere-owner", "anywhere-conv");
        (await owner.SaysAsync("hello")).Says("Paws & Whiskers Pet Shop");
    }
}
