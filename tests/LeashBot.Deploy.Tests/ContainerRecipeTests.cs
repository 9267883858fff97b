using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeashBot.Deploy.Tests.Support;

namespace LeashBot.Deploy.Tests;

/// <summary>
/// The container recipe can't be built here (no container engine, no registry), so these tests check what it
/// assumes on the real published app: run as an unprivileged user (nobody, when the tests run as root as in CI) from
/// a read-only folder with the recipe's own environment, the SQLite file on a separate folder standing in for the
/// /data volume, and the recipe's own HEALTHCHECK command.
/// </summary>
public sealed class ContainerRecipeTests(PublishedApp published) : IClassFixture<PublishedApp>
{
    private static readonly DockerfileRecipe Recipe = DockerfileRecipe.Load();

    [Fact]
    public void The_recipe_builds_in_one_stage_and_runs_in_another_as_a_non_root_user_with_state_on_a_volume()
    {
        Assert.Equal(2, Recipe.All("FROM").Count());
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", Recipe.All("FROM").First(), StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", Recipe.All("FROM").Last(), StringComparison.Ordinal);
        Assert.DoesNotContain(Recipe.User, new[] { "root", "0", "0:0", "" });
        Assert.Contains(Recipe.FinalStage, i => i.Instruction == "RUN" && i.Arguments.Contains("chmod -R a-w /app", StringComparison.Ordinal));
        Assert.Contains(Recipe.FinalStage, i => i.Instruction == "VOLUME" && i.Arguments == "/data");
        Assert.StartsWith("/data/", Recipe.Environment["Storage__Sqlite__Path"], StringComparison.Ordinal);
        Assert.Equal("Sqlite", Recipe.Environment["Storage__Provider"]);
        Assert.Contains("/healthz", string.Join(' ', Recipe.HealthCheck), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_build_stage_publishes_the_app_from_only_the_files_it_copies_minus_the_dockerignored_ones()
    {
        var context = Path.Combine(published.Root, "build-context");
        var workdir = Recipe.BuildStage.Last(i => i.Instruction == "WORKDIR").Arguments;
        Assert.Equal("/src", workdir);
        var ignored = File.ReadAllLines(Path.Combine(Repo.Root, ".dockerignore"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);

        foreach (var (_, arguments) in Recipe.BuildStage.Where(i => i.Instruction == "COPY"))
        {
            var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var destination = Path.Combine(context, parts[^1].TrimEnd('/') is "." or "" ? "" : parts[^1]);
            foreach (var source in parts[..^1])
            {
                CopyFromContext(Path.Combine(Repo.Root, source.TrimEnd('/')), source.EndsWith('/') ? destination : Path.Combine(destination, source), ignored);
            }
        }

        // The stage's own publish command, with /app mapped to a folder of this test.
        var publish = Recipe.BuildStage.Single(i => i.Instruction == "RUN" && i.Arguments.StartsWith("dotnet publish", StringComparison.Ordinal)).Arguments;
        var output = Path.Combine(published.Root, "build-output");
        var args = publish.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(a => a == "/app" ? output : a).Append("-nologo").ToArray();
        var result = await PublishedApp.RunAsync("dotnet", context, args);
        Assert.True(result.ExitCode == 0, "the build stage's publish failed:\n" + result.Output);
        Assert.True(File.Exists(Path.Combine(output, "LeashBot.dll")));
        Assert.True(File.Exists(Path.Combine(output, "dialogs", "messages.json")));
        Assert.True(File.Exists(Path.Combine(output, "wwwroot", "lib", "webchat", "webchat.js")));
    }

    [Fact]
    public async Task The_published_app_serves_a_real_turn_unprivileged_from_a_read_only_folder_with_state_on_the_volume()
    {
        var data = await published.MakeStateFolderAsync("data-ok", writable: true);
        var port = PublishedApp.FreePort();
        var appFilesBefore = Files(published.AppFolder);

        using (var app = Start(data, port))
        {
            await WaitHealthyAsync(app, port);
            var replies = await SayAsync(port, "owner-1", "my cat froze on the leash, what now?");
            Assert.NotEmpty(replies);
            Assert.DoesNotContain(replies, r => r.StartsWith("I can't save right now", StringComparison.Ordinal));

            // The recipe's own HEALTHCHECK, pointed at this port, passes against the running app.
            var health = await PublishedApp.RunAsync(Recipe.HealthCheck[0], "/", [.. Recipe.HealthCheck.Skip(1).Select(a => a.Replace("8080", port.ToString(), StringComparison.Ordinal))]);
            Assert.True(health.ExitCode == 0, "HEALTHCHECK failed: " + health.Output);
            await StopAsync(app);
        }

        var db = Path.Combine(data, "leashbot.db");
        Assert.True(File.Exists(db), "the SQLite file belongs on the state volume");
        if (PublishedApp.RunningAsRoot)
        {
            var stat = await PublishedApp.RunAsync("stat", "/", "-c", "%u", db);
            Assert.Equal("65534", stat.Output.Trim());
        }

        Assert.Equal(appFilesBefore, Files(published.AppFolder));

        // Progress survives a restart of the "container" because it lives on the volume.
        using (var again = Start(data, port))
        {
            await WaitHealthyAsync(again, port);
            var replies = await SayAsync(port, "owner-1", "how is my cat doing?");
            Assert.NotEmpty(replies);
            Assert.DoesNotContain(replies, r => r.StartsWith("I can't save right now", StringComparison.Ordinal));
            await StopAsync(again);
        }

        // With the app gone the health check fails: it is a real probe.
        var down = await PublishedApp.RunAsync(Recipe.HealthCheck[0], "/", [.. Recipe.HealthCheck.Skip(1).Select(a => a.Replace("8080", port.ToString(), StringComparison.Ordinal))]);
        Assert.NotEqual(0, down.ExitCode);
    }

    [Fact]
    public async Task A_state_volume_the_user_cannot_write_stops_the_app_with_one_line_naming_the_setting_and_folder()
    {
        var data = await published.MakeStateFolderAsync("data-read-only", writable: false);
        using var app = Start(data, PublishedApp.FreePort());
        var stderr = app.StandardError.ReadToEndAsync();
        var stdout = app.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        await app.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, app.ExitCode);
        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, "stderr should be one line:\n" + await stderr + "\nstdout:\n" + await stdout);
        Assert.StartsWith($"LeashBot can't start: Storage:Sqlite:Path '{Path.Combine(data, "leashbot.db")}' cannot be written by this process (", lines[0], StringComparison.Ordinal);
        if (PublishedApp.RunningAsRoot)
        {
            Assert.Contains("(nobody, uid 65534)", lines[0], StringComparison.Ordinal);
        }

        Assert.Contains("Mount a writable volume there", lines[0], StringComparison.Ordinal);
    }

    private Process Start(string dataFolder, int port)
    {
        var entry = PublishedApp.Unprivileged(Recipe.EntryPoint);
        var info = new ProcessStartInfo(entry[0])
        {
            WorkingDirectory = Recipe.WorkingDirectory == "/app" ? published.AppFolder : throw new InvalidOperationException("WORKDIR moved: " + Recipe.WorkingDirectory),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in entry.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        // The recipe's environment, with /data and port 8080 mapped to this test's folder and port.
        foreach (var (key, value) in Recipe.Environment)
        {
            info.Environment[key] = value.Replace("/data", dataFolder, StringComparison.Ordinal).Replace("8080", port.ToString(), StringComparison.Ordinal);
        }

        info.Environment["HOME"] = "/nonexistent"; // nothing may depend on a writable home folder
        info.Environment["Organization__Name"] = "Riverside Veterinary Clinic";
        return Process.Start(info)!;
    }

    private static async Task WaitHealthyAsync(Process app, int port)
    {
        using var client = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (true)
        {
            if (app.HasExited)
            {
                Assert.Fail($"the app exited with {app.ExitCode}: {await app.StandardError.ReadToEndAsync()} {await app.StandardOutput.ReadToEndAsync()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, "the app did not become healthy within 180 s");
            await Task.Delay(200);
        }
    }

    private static async Task<string[]> SayAsync(int port, string owner, string text)
    {
        using var client = new HttpClient();
        using var response = await client.PostAsJsonAsync(new Uri($"http://127.0.0.1:{port}/api/messages"), new
        {
            type = "message",
            channelId = "test",
            serviceUrl = "http://localhost/",
            deliveryMode = "expectReplies",
            conversation = new { id = "container-" + owner },
            from = new { id = owner },
            recipient = new { id = "leashbot" },
            text,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return [.. JsonNode.Parse(body)!["activities"]!.AsArray().Select(a => (string?)a!["text"] ?? "")];
    }

    private static async Task StopAsync(Process app)
    {
        // As root (CI) the test may signal nobody's process; as a plain user the process is its own.
        app.Kill(entireProcessTree: true);
        await app.WaitForExitAsync();
    }

    /// <summary>Copies a file or folder of the build context as `docker build` sends it: without what .dockerignore names.</summary>
    private static void CopyFromContext(string source, string destination, IReadOnlyList<string> ignored)
    {
        var relative = Path.GetRelativePath(Repo.Root, source).Replace('\\', '/');
        bool Ignored(string path, bool folder)
        {
            var rel = Path.GetRelativePath(Repo.Root, path).Replace('\\', '/');
            var name = Path.GetFileName(path);
            return ignored.Any(pattern => pattern switch
            {
                _ when pattern.StartsWith("**/", StringComparison.Ordinal) => folder && name == pattern[3..].TrimEnd('/'),
                _ when pattern.StartsWith("*.", StringComparison.Ordinal) && pattern.EndsWith('*') => !folder && name.Contains(pattern[1..^1], StringComparison.Ordinal),
                _ when pattern.StartsWith("*.", StringComparison.Ordinal) => !folder && name.EndsWith(pattern[1..], StringComparison.Ordinal),
                _ => rel == pattern.TrimEnd('/') || rel.StartsWith(pattern.TrimEnd('/') + "/", StringComparison.Ordinal),
            });
        }

        if (File.Exists(source))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination);
            return;
        }

        Assert.True(Directory.Exists(source), $"COPY source {relative} does not exist");
        Directory.CreateDirectory(destination);
        foreach (var entry in Directory.EnumerateFileSystemEntries(source))
        {
            var folder = Directory.Exists(entry);
            if (Ignored(entry, folder))
            {
                continue;
            }

            CopyFromContext(entry, Path.Combine(destination, Path.GetFileName(entry)), ignored);
        }
    }

    private static List<string> Files(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Select(f => $"{f} {File.GetLastWriteTimeUtc(f):O}").Order()];
}
