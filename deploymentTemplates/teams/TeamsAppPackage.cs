using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LeashBot.TeamsPackage;

/// <summary>
/// The Teams app package: manifest.json, color.png (192x192) and outline.png (32x32), zipped at the root.
/// The bot is offered in personal chats, group chats and team channels: in the shared ones each person keeps their
/// own flow and cats, and LeashBot answers only when mentioned.
/// </summary>
public static class TeamsAppPackage
{
    public const string ManifestSchemaVersion = "1.29";

    // Readable apostrophes and ampersands: the manifest is a file people open.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Manifest(TeamsAppSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var website = new Uri(settings.WebsiteUrl);
        var domains = new[] { settings.BotDomain.Length > 0 ? settings.BotDomain : website.Host }.Distinct(StringComparer.OrdinalIgnoreCase);
        return new JsonObject
        {
            ["$schema"] = $"https://developer.microsoft.com/en-us/json-schemas/teams/v{ManifestSchemaVersion}/MicrosoftTeams.schema.json",
            ["manifestVersion"] = ManifestSchemaVersion,
            ["version"] = settings.Version,
            ["id"] = settings.TeamsAppId.Length > 0 ? settings.TeamsAppId : settings.MicrosoftAppId,
            ["developer"] = new JsonObject
            {
                ["name"] = settings.DeveloperName,
                ["websiteUrl"] = settings.WebsiteUrl,
                ["privacyUrl"] = settings.PrivacyUrl,
                ["termsOfUseUrl"] = settings.TermsOfUseUrl.Length > 0 ? settings.TermsOfUseUrl : settings.WebsiteUrl,
            },
            ["name"] = new JsonObject { ["short"] = settings.ShortName, ["full"] = settings.Named(settings.FullName) },
            ["description"] = new JsonObject { ["short"] = settings.Named(settings.ShortDescription), ["full"] = settings.Named(settings.FullDescription) },
            ["icons"] = new JsonObject { ["color"] = "color.png", ["outline"] = "outline.png" },
            ["accentColor"] = settings.AccentColor.ToUpperInvariant(),
            ["bots"] = new JsonArray(new JsonObject
            {
                ["botId"] = settings.MicrosoftAppId,
                ["scopes"] = new JsonArray("personal", "groupChat", "team"),
                ["supportsFiles"] = false,
                ["isNotificationOnly"] = false,
                ["commandLists"] = new JsonArray(new JsonObject
                {
                    ["scopes"] = new JsonArray("personal", "groupChat", "team"),
                    ["commands"] = new JsonArray([.. settings.Commands.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["description"] = c.Description })]),
                }),
            }),
            ["validDomains"] = new JsonArray([.. domains.Select(d => (JsonNode)d)]),
        };
    }

    /// <summary>Writes the zip and returns its full path.</summary>
    public static string Build(TeamsAppSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = settings.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The Teams app package can't be built:\n  " + string.Join("\n  ", problems));
        }

        var output = Path.GetFullPath(settings.Output);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var accent = CatIcon.ParseColor(settings.AccentColor);
        using var file = File.Create(output);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        Add(zip, "manifest.json", JsonSerializer.SerializeToUtf8Bytes(Manifest(settings), Indented));
        Add(zip, "color.png", CatIcon.Color(192, accent));
        Add(zip, "outline.png", CatIcon.Outline(32));
        return output;
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        // A fixed time stamp: the same settings always give the same package.
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var stream = entry.Open();
        stream.Write(content);
    }
}
