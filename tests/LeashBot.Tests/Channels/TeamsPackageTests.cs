using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using LeashBot.TeamsPackage;
using LeashBot.Tests.Support;

namespace LeashBot.Tests.Channels;

/// <summary>
/// The Teams app package, built by the documented command and checked against Microsoft's own manifest schema
/// (npm @microsoft/app-manifest, installed by .ci/run into tests/teams-manifest).
/// </summary>
public sealed class TeamsPackageTests
{
    private const string AppId = "5f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

    private static readonly string SchemaPath = Path.Combine(RepoRoot.Path, "tests", "teams-manifest", "node_modules", "@microsoft", "app-manifest",
        "build", "json-schemas", "teams", $"v{TeamsAppPackage.ManifestSchemaVersion}", "MicrosoftTeams.schema.json");

    [Fact]
    public async Task The_documented_command_builds_a_zip_whose_manifest_validates_against_the_official_schema()
    {
        var output = Path.Combine(TempFolder.Create(), "clinic-teams.zip");
        var (exitCode, stdout, stderr) = await RunAsync(
            "run", "--project", Path.Combine(RepoRoot.Path, "deploymentTemplates", "teams"), "-c", "Release", "--no-build", "--",
            "--MicrosoftAppId", AppId, "--WebsiteUrl", "https://vets.example", "--PrivacyUrl=https://vets.example/privacy",
            "--ShortName", "Whisker Vets coach", "--AccentColor", "#1565C0", "--DeveloperName", "Whisker Vets", "--BotDomain", "bot.vets.example",
            "--Output", output);
        Assert.True(exitCode == 0, stdout + stderr);
        Assert.True(File.Exists(output), stdout);

        using var zip = ZipFile.OpenRead(output);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

        var manifestText = Read(zip, "manifest.json");
        var manifest = JsonNode.Parse(manifestText)!;
        Assert.Equal(AppId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal("Whisker Vets coach", (string?)manifest["name"]!["short"]);
        Assert.Equal("#1565C0", (string?)manifest["accentColor"]);
        Assert.Equal("https://vets.example/privacy", (string?)manifest["developer"]!["privacyUrl"]);
        Assert.Equal(["bot.vets.example"], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.Equal(["personal", "groupChat", "team"], manifest["bots"]![0]!["scopes"]!.AsArray().Select(s => (string?)s));

        // The clinic's name for the app is used throughout, and Teams suggests what the bot understands.
        Assert.DoesNotContain("LeashBot", manifestText, StringComparison.Ordinal);
        Assert.StartsWith("Whisker Vets coach", (string?)manifest["name"]!["full"], StringComparison.Ordinal);
        var commands = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray();
        Assert.InRange(commands.Count, 5, TeamsAppSettings.MostCommands);
        Assert.All(commands, c => Assert.InRange(((string?)c!["title"])!.Length, 1, 32));

        var result = Validate(manifestText);
        Assert.True(result.IsValid, Describe(result));

        var color = ReadBytes(zip, "color.png");
        Assert.Equal((192, 192), PngSize(color));
        var outline = ReadBytes(zip, "outline.png");
        Assert.Equal((32, 32), PngSize(outline));
    }

    [Fact]
    public void The_schema_check_can_fail_a_manifest_that_breaks_Teams_rules()
    {
        var manifest = TeamsAppPackage.Manifest(Settings());
        manifest["accentColor"] = "green";
        manifest["name"]!["short"] = new string('x', 31);
        manifest["bots"]![0]!["scopes"] = new JsonArray("personal", "everywhere");
        var result = Validate(manifest.ToJsonString());
        Assert.False(result.IsValid);
        var errors = Describe(result);
        Assert.Contains("/accentColor", errors, StringComparison.Ordinal);
        Assert.Contains("/name/short", errors, StringComparison.Ordinal);
        Assert.Contains("/bots/0/scopes", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_or_wrong_settings_stop_the_command_with_each_setting_named()
    {
        var output = Path.Combine(TempFolder.Create(), "never.zip");
        var (exitCode, _, stderr) = await RunAsync(
            "run", "--project", Path.Combine(RepoRoot.Path, "deploymentTemplates", "teams"), "-c", "Release", "--no-build", "--",
            "--WebsiteUrl", "http://not-https.example", "--AccentColor", "teal", "--Output", output);
        Assert.Equal(1, exitCode);
        Assert.Contains("MicrosoftAppId", stderr, StringComparison.Ordinal);
        Assert.Contains("WebsiteUrl", stderr, StringComparison.Ordinal);
        Assert.Contains("PrivacyUrl", stderr, StringComparison.Ordinal);
        Assert.Contains("AccentColor", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));

        Assert.Throws<ArgumentException>(() => TeamsAppSettings.Load("none.json", ["--NoSuchSetting", "x"]));
    }

    [Fact]
    public void The_icons_are_a_cat_on_the_accent_colour_and_a_white_on_transparent_outline()
    {
        var colorPixels = Pixels(CatIcon.Color(192, (0x2E, 0x7D, 0x32)), 192);
        Assert.Equal((0x2E, 0x7D, 0x32, 255), colorPixels[0, 0]);      // background in the corner
        Assert.Equal((255, 255, 255, 255), colorPixels[96, 140]);       // the cat's face, below the eyes

        var outline = Pixels(CatIcon.Outline(32), 32);
        var opaque = 0;
        foreach (var (r, g, b, a) in outline)
        {
            Assert.True(a == 0 || (r, g, b) == (255, 255, 255), "Teams outline icons are white on transparency only.");
            opaque += a > 0 ? 1 : 0;
        }

        Assert.InRange(opaque, 32 * 32 / 4, 32 * 32 * 3 / 4);
        Assert.Equal(0, outline[0, 0].A);
    }

    private static TeamsAppSettings Settings() => new()
    {
        MicrosoftAppId = AppId,
        ShortName = "LeashBot",
        FullName = "LeashBot",
        ShortDescription = "Cats on leashes.",
        FullDescription = "Cats on leashes, step by step.",
        AccentColor = "#2E7D32",
        DeveloperName = "Test",
        WebsiteUrl = "https://shop.example",
        PrivacyUrl = "https://shop.example/privacy",
    };

    /// <summary>
    /// The schema says draft-04 but uses draft-06 keywords (const), so it is evaluated as draft-07, which reads both.
    /// </summary>
    private static EvaluationResults Validate(string manifest)
    {
        Assert.True(File.Exists(SchemaPath), $"{SchemaPath} is missing: run npm ci --prefix tests/teams-manifest (bash .ci/run does).");
        var schemaNode = JsonNode.Parse(File.ReadAllText(SchemaPath))!.AsObject();
        schemaNode.Remove("$schema");
        var schema = JsonSchema.FromText(schemaNode.ToJsonString(), new BuildOptions { Dialect = Dialect.Draft07 });
        using var document = JsonDocument.Parse(manifest);
        return schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults result) =>
        string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static byte[] ReadBytes(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    /// <summary>Decodes the RGBA, filter-0 PNGs the package writes, as [x, y].</summary>
    private static (int R, int G, int B, int A)[,] Pixels(byte[] png, int size)
    {
        using var idat = new MemoryStream();
        for (var i = 8; i < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(i));
            if (System.Text.Encoding.ASCII.GetString(png, i + 4, 4) == "IDAT")
            {
                idat.Write(png, i + 8, length);
            }

            i += 12 + length;
        }

        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var bytes = raw.ToArray();
        var pixels = new (int, int, int, int)[size, size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var at = y * (1 + size * 4) + 1 + x * 4;
                pixels[x, y] = (bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
            }
        }

        return pixels;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot.Path };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
