using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LeashBot.Deploy.Tests.Support;

/// <summary>
/// The real Bicep CLI, at the version pinned in the project file and fetched by NuGet restore. Never downloads
/// anything itself.
/// </summary>
public static class Bicep
{
    /// <summary>The subscription, group, tenant and region a snapshot pretends to deploy to (made up; nothing is deployed).</summary>
    public const string Subscription = "00000000-0000-0000-0000-000000000001";
    public const string ResourceGroup = "rg-leashbot";
    public const string Tenant = "00000000-0000-0000-0000-0000000000aa";
    public const string Location = "westeurope";

    public static string Executable { get; } = Find();

    public sealed record Result(int ExitCode, string Output, string Errors)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}\n{Errors}";
    }

    public static async Task<Result> RunAsync(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // No version check or telemetry calls out of the machine.
        info.Environment["BICEP_TRACING_ENABLED"] = "false";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("bicep did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await errors);
    }

    /// <summary>
    /// What a deployment of main.bicep with these parameter values would create, as Bicep's own snapshot predicts it:
    /// every expression that depends only on parameters, the subscription and the group is evaluated; values of other
    /// resources (<c>reference(...)</c>) stay as expressions. Null when the template refuses the values; then
    /// <paramref name="errors"/> holds Bicep's message.
    /// </summary>
    public static async Task<(JsonObject? Snapshot, string Errors)> SnapshotAsync(IReadOnlyDictionary<string, JsonNode?> parameters)
    {
        var dir = Directory.CreateTempSubdirectory("leashbot-bicep-").FullName;
        try
        {
            var file = Path.Combine(dir, "deployment.bicepparam");
            var text = new StringBuilder();
            text.Append("using '").Append(Path.GetRelativePath(dir, Repo.MainBicep).Replace('\\', '/')).Append("'\n");
            foreach (var (name, value) in parameters)
            {
                text.Append("param ").Append(name).Append(" = ").Append(Literal(value)).Append('\n');
            }

            await File.WriteAllTextAsync(file, text.ToString());
            var result = await RunAsync(dir, "snapshot", file, "--mode", "overwrite",
                "--subscription-id", Subscription, "--resource-group", ResourceGroup, "--tenant-id", Tenant,
                "--location", Location, "--deployment-name", "leashbot-test");
            var snapshotFile = Path.Combine(dir, "deployment.snapshot.json");
            if (result.ExitCode != 0 || !File.Exists(snapshotFile))
            {
                return (null, result.Errors + result.Output);
            }

            return (JsonNode.Parse(await File.ReadAllTextAsync(snapshotFile))!.AsObject(), result.Errors);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>A value of a JSON parameter file written as a Bicep literal.</summary>
    public static string Literal(JsonNode? value) => value switch
    {
        null => "null",
        JsonArray array => "[" + string.Join(", ", array.Select(Literal)) + "]",
        JsonObject obj => "{" + string.Join(", ", obj.Select(p => $"{p.Key}: {Literal(p.Value)}")) + "}",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => "'" + v.GetValue<string>().Replace("\\", "\\\\").Replace("'", "\\'") + "'",
        _ => value.ToJsonString(),
    };

    private static string Find()
    {
        var path = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The Bicep CLI is not at {path}; `dotnet restore` fetches it (package Azure.Bicep.CommandLine.linux-x64).");
        }

        {
            // NuGet extracts the binary executable for its owner only; make sure whoever runs the tests may start it.
            var mode = File.GetUnixFileMode(path);
            var executable = mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if (mode != executable)
            {
                try
                {
                    File.SetUnixFileMode(path, executable);
                }
                catch (UnauthorizedAccessException)
                {
                    // Not ours to change: the owner can run it, and that is who restored it.
                }
            }
        }

        return path;
    }
}
