using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LeashBot.TeamsPackage;

/// <summary>
/// What goes into the Teams app manifest. Defaults come from teams-app.json next to the tool; each setting can be
/// overridden on the command line as <c>--Name value</c> or <c>--Name=value</c>.
/// </summary>
public sealed partial class TeamsAppSettings
{
    /// <summary>The bot's Microsoft App ID (its Azure Bot registration): a GUID.</summary>
    public string MicrosoftAppId { get; set; } = "";

    /// <summary>The Teams app's own id; empty = the bot's app id, the usual choice.</summary>
    public string TeamsAppId { get; set; } = "";

    public string Version { get; set; } = "1.0.0";
    public string ShortName { get; set; } = "";
    public string FullName { get; set; } = "";
    public string ShortDescription { get; set; } = "";
    public string FullDescription { get; set; } = "";
    public string AccentColor { get; set; } = "";
    public string DeveloperName { get; set; } = "";
    public string WebsiteUrl { get; set; } = "";
    public string PrivacyUrl { get; set; } = "";

    /// <summary>Terms of use page; empty = the website.</summary>
    public string TermsOfUseUrl { get; set; } = "";

    /// <summary>The bot's public host name (e.g. bot.clinic.example); empty = the website's host.</summary>
    public string BotDomain { get; set; } = "";

    /// <summary>
    /// What Teams suggests when someone types in the compose box or @mentions the bot (the manifest's commandLists):
    /// things the bot understands, at most 10, titles up to 32 characters.
    /// </summary>
    public List<TeamsCommand> Commands { get; set; } = [];

    /// <summary>Where the zip is written, relative to the current folder.</summary>
    public string Output { get; set; } = "artifacts/teams/leashbot-teams.zip";

    public static TeamsAppSettings Load(string defaultsFile, IReadOnlyList<string> args)
    {
        var settings = File.Exists(defaultsFile)
            ? JsonSerializer.Deserialize<TeamsAppSettings>(File.ReadAllText(defaultsFile)) ?? new TeamsAppSettings()
            : new TeamsAppSettings();
        var properties = typeof(TeamsAppSettings).GetProperties().Where(p => p.CanWrite && p.PropertyType == typeof(string)).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected '{arg}': settings are given as --Name value.");
            }

            var (name, value) = arg.Contains('=', StringComparison.Ordinal)
                ? (arg[2..arg.IndexOf('=', StringComparison.Ordinal)], arg[(arg.IndexOf('=', StringComparison.Ordinal) + 1)..])
                : (arg[2..], i + 1 < args.Count ? args[++i] : throw new ArgumentException($"--{arg[2..]} needs a value."));
            if (!properties.TryGetValue(name, out var property))
            {
                throw new ArgumentException($"Unknown setting --{name}; known ones: {string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))}.");
            }

            property.SetValue(settings, value);
        }

        return settings;
    }

    /// <summary>Teams shows at most this many commands per scope.</summary>
    public const int MostCommands = 10;

    /// <summary>A text setting with "{name}" standing for the app's short name, so a clinic's name is used throughout.</summary>
    public string Named(string text) => (text ?? "").Replace("{name}", ShortName, StringComparison.Ordinal);

    /// <summary>Every problem with the settings, each naming the setting; empty when the package can be built.</summary>
    public IEnumerable<string> Problems()
    {
        if (!Guid.TryParseExact(MicrosoftAppId, "D", out _))
        {
            yield return "MicrosoftAppId must be the bot's Microsoft App ID, a GUID like 00000000-0000-0000-0000-000000000000.";
        }

        if (TeamsAppId.Length > 0 && !Guid.TryParseExact(TeamsAppId, "D", out _))
        {
            yield return "TeamsAppId must be a GUID, or empty to use MicrosoftAppId.";
        }

        if (!SemVer().IsMatch(Version))
        {
            yield return "Version must look like 1.0.0 and go up with every package you upload.";
        }

        foreach (var (name, value, max) in new[] { (nameof(ShortName), ShortName, 30), (nameof(FullName), Named(FullName), 100), (nameof(ShortDescription), Named(ShortDescription), 80), (nameof(FullDescription), Named(FullDescription), 4000), (nameof(DeveloperName), DeveloperName, 32) })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > max)
            {
                yield return $"{name} must be 1 to {max.ToString(CultureInfo.InvariantCulture)} characters (it is {value.Length.ToString(CultureInfo.InvariantCulture)}).";
            }
        }

        if (Commands.Count > MostCommands)
        {
            yield return $"Commands may list at most {MostCommands.ToString(CultureInfo.InvariantCulture)} commands (Teams' limit).";
        }

        foreach (var command in Commands.Where(c => c.Title.Length is 0 or > 32 || c.Description.Length is 0 or > 128))
        {
            yield return $"Command \"{command.Title}\" needs a title of 1 to 32 characters and a description of 1 to 128.";
        }

        if (!HexColor().IsMatch(AccentColor))
        {
            yield return "AccentColor must be an HTML colour like #2E7D32.";
        }

        foreach (var (name, value) in new[] { (nameof(WebsiteUrl), WebsiteUrl), (nameof(PrivacyUrl), PrivacyUrl), (nameof(TermsOfUseUrl), TermsOfUseUrl.Length == 0 ? WebsiteUrl : TermsOfUseUrl) })
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                yield return $"{name} must be an https:// address (Teams shows it in the app's details).";
            }
        }

        if (BotDomain.Length > 0 && Uri.CheckHostName(BotDomain) == UriHostNameType.Unknown)
        {
            yield return "BotDomain must be a host name like bot.clinic.example.";
        }
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex SemVer();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();
}

/// <summary>One entry of the bot's command list in Teams.</summary>
public sealed class TeamsCommand
{
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
}
