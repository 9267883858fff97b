using System.Diagnostics;
using LeashBot.Tests.Support;

namespace LeashBot.Tests.Hosting;

/// <summary>
/// An operator's mistake stops the built host with one line that names it and exit code 1, not a stack trace.
/// Tried: a required setting left empty, a number that isn't one, a bad colour, unreadable opening hours, an unknown
/// time zone, and a content folder with no content.
/// </summary>
public sealed partial class StartupProblemTests
{
    /// <summary>A line of a .NET stack trace: "   at Namespace.Type.Method(...)".</summary>
    private const string StackFrame = @"(?m)^\s+at \S+\(";

    [Theory]
    [InlineData("--Organization:Name=", "Organization:Name")]
    [InlineData("--DirectLine:TokenLifetimeSeconds=abc", "DirectLine:TokenLifetimeSeconds")]
    [InlineData("--WebChat:AccentColor=green", "WebChat:AccentColor")]
    [InlineData("--Storage:Provider=Cosmos", "Storage:Provider 'Cosmos' is not one of Sqlite, Blob, Memory")]
    [InlineData("--Storage:Provider=Blob", "Storage:Blob needs exactly one of ConnectionString (account key or Azurite) and AccountUrl (managed identity)")]
    [InlineData("--Storage:Provider=Blob --Storage:Blob:ConnectionString=UseDevelopmentStorage=true --Storage:Blob:AccountUrl=https://leashbotstate.blob.core.windows.net/", "Storage:Blob needs exactly one of ConnectionString")]
    [InlineData("--Storage:Provider=Blob --Storage:Blob:AccountUrl=http://leashbotstate.blob.core.windows.net/", "Storage:Blob:AccountUrl 'http://leashbotstate.blob.core.windows.net/' is not an https:// URL")]
    [InlineData("--Storage:Provider=Blob --Storage:Blob:AccountUrl=leashbotstate", "Storage:Blob:AccountUrl 'leashbotstate' is not an https:// URL")]
    [InlineData("--Organization:OpeningHours=whenever we feel like it", "Organization:OpeningHours can't be read")]
    [InlineData("--Organization:TimeZone=Mars/Olympus_Mons", "Organization:TimeZone 'Mars/Olympus_Mons' is not a known time zone")]
    [InlineData("--Sms:Twilio:AuthToken=twilio-test-auth-token-0123456789", "Sms:Twilio:PublicBaseUrl is required with Sms:Twilio:AuthToken")]
    public async Task A_bad_setting_stops_the_host_with_one_line_naming_it_and_exit_code_1(string settings, string named)
    {
        var (exitCode, stdout, stderr) = await RunHostAsync(Arguments().Split(settings));
        Assert.Equal(1, exitCode);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("LeashBot can't start: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame, stdout + stderr);
    }

    [Fact]
    public async Task A_SQLite_folder_that_cannot_be_created_stops_the_host_naming_the_setting_and_the_folder()
    {
        // A path below a regular file can never be created, even by root (an unprivileged user meeting a read-only
        // volume is in tests/LeashBot.Deploy.Tests).
        var blocker = Path.Combine(TempFolder.Create(), "not-a-folder");
        await File.WriteAllTextAsync(blocker, "");
        var path = Path.Combine(blocker, "leashbot.db");

        var (exitCode, stdout, stderr) = await RunHostAsync("--Storage:Provider=Sqlite", "--Storage:Sqlite:Path=" + path);
        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"LeashBot can't start: Storage:Sqlite:Path '{path}' cannot be written by this process", line, StringComparison.Ordinal);
        Assert.Contains("Mount a writable volume there", line, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame, stdout + stderr);
    }

    [Fact]
    public async Task Missing_content_names_each_file_and_exits_1()
    {
        var (exitCode, _, stderr) = await RunHostAsync("--Content:Directory=" + TempFolder.Create());
        Assert.Equal(1, exitCode);
        Assert.Contains("dialogs/messages.json", stderr, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame, stderr);
    }

    [Fact]
    public async Task A_broken_content_file_is_named_with_its_place_and_exits_1()
    {
        var folder = TempFolder.Create();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, "dialogs"), "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(Path.Combine(RepoRoot.Path, "dialogs"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(folder, "checklist.json"), "{ \"intro\": ");
        var (exitCode, _, stderr) = await RunHostAsync("--Content:Directory=" + folder);
        Assert.Equal(1, exitCode);
        Assert.Contains("dialogs/checklist.json", stderr, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame, stderr);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunHostAsync(params string[] settings)
    {
        // The built host of the same configuration (Debug/Release) as this test build.
        var dll = RepoRoot.HostDll();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = TempFolder.Create() };
        foreach (var arg in new[] { dll, "--urls", "http://127.0.0.1:0", "--Storage:Provider=Memory" }.Concat(settings))
        {
            start.ArgumentList.Add(arg);
        }

        using var host = Process.Start(start)!;
        var stdout = host.StandardOutput.ReadToEndAsync();
        var stderr = host.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await host.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            host.Kill(entireProcessTree: true);
            Assert.Fail("the host kept running with " + string.Join(' ', settings));
        }

        return (host.ExitCode, await stdout, await stderr);
    }

    /// <summary>Splits "--A=x --B=y z" into its arguments; a value may hold spaces.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(" (?=--)")]
    private static partial System.Text.RegularExpressions.Regex Arguments();
}
