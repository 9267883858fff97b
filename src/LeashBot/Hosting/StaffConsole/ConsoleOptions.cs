using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;

namespace LeashBot.Hosting.StaffConsole;

/// <summary>The staff console (section <c>Console</c>): what is logged for it, for how long, and who may open it.</summary>
public sealed class ConsoleOptions : IValidatableObject
{
    public const string Section = "Console";

    /// <summary>Keep the owner's words of fallbacks and red flags (and the messages around a red flag); counts never hold text.</summary>
    public bool KeepMessages { get; set; } = true;

    /// <summary>Kept message text is deleted after this many days.</summary>
    [Range(1, 365)]
    public int KeepMessagesDays { get; set; } = 30;

    /// <summary>Events (counts: no text) are deleted after this many days.</summary>
    [Range(1, 3650)]
    public int KeepEventsDays { get; set; } = 400;

    /// <summary>Open the console to browsers on this machine without signing in.</summary>
    public bool OpenOnThisMachine { get; set; } = true;

    /// <summary>SHA-256 (hex) of the staff access key; empty = no sign-in with a key. The key itself is never stored.</summary>
    public string AccessKeySha256 { get; set; } = "";

    /// <summary>Where the event log lives: a SQLite file. Empty = next to the state's SQLite file (<c>name.console.db</c>), or <c>leashbot.console.db</c>.</summary>
    public string SqlitePath { get; set; } = "";

    /// <summary>Where phrasings staff applied from the console are kept (a content overlay). Empty = <c>learned-phrasings.json</c> next to the event log.</summary>
    public string OverlayPath { get; set; } = "";

    /// <summary>How long a staff sign-in lasts.</summary>
    [Range(5, 24 * 60)]
    public int SignInMinutes { get; set; } = 8 * 60;

    /// <summary>Staff sign-in with the clinic's Entra ID (section <c>Console:Entra</c>); when set, it is the only way in.</summary>
    public EntraSignInOptions Entra { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AccessKey.Problem("Console:AccessKeySha256", AccessKeySha256) is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(AccessKeySha256)]);
        }

        foreach (var entraProblem in Entra.Problems())
        {
            yield return new ValidationResult(entraProblem, [nameof(Entra)]);
        }
    }
}

/// <summary>
/// The clinic's Entra ID for staff sign-in (section <c>Console:Entra</c>): its tenant, the console's app registration
/// (client id and secret, redirect URI <c>https://&lt;host&gt;/console/signin-oidc</c>) and the staff group whose members
/// may open the console. Set <see cref="ClientId"/> to turn it on.
/// </summary>
public sealed class EntraSignInOptions
{
    /// <summary>Entra's sign-in address (another cloud has its own).</summary>
    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>The clinic's tenant: its id (a GUID) or its primary domain. Never "common" or "organizations": only the clinic's own staff sign in.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>The app registration's application (client) id; empty = no Entra sign-in.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>A client secret of the app registration (keep it in Key Vault or the app's secret settings).</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>Object id of the staff group that sees every site; a site's own group is <c>Sites:N:StaffGroupId</c>.</summary>
    public string StaffGroupId { get; set; } = "";

    /// <summary>The OpenID Connect authority; empty = <see cref="Instance"/> + <see cref="TenantId"/> + <c>/v2.0</c>.</summary>
    public string Authority { get; set; } = "";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);

    public string AuthorityUri => !string.IsNullOrWhiteSpace(Authority) ? Authority.TrimEnd('/') : $"{Instance.TrimEnd('/')}/{TenantId.Trim()}/v2.0";

    /// <summary>True when the authority is on this machine (a test's provider): its metadata may then come over plain HTTP.</summary>
    public bool AuthorityIsThisMachine => Uri.TryCreate(AuthorityUri, UriKind.Absolute, out var uri) && uri.IsLoopback;

    /// <summary>What is wrong with these settings, if Entra sign-in is on.</summary>
    public IEnumerable<string> Problems()
    {
        if (!IsConfigured)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(TenantId) && string.IsNullOrWhiteSpace(Authority))
        {
            yield return "Console:Entra:TenantId is the clinic's tenant id (Entra admin center > Overview).";
        }

        if (TenantId.Trim().ToLowerInvariant() is "common" or "organizations" or "consumers")
        {
            yield return "Console:Entra:TenantId must be the clinic's own tenant, not 'common', 'organizations' or 'consumers'.";
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            yield return "Console:Entra:ClientSecret is a client secret of the console's app registration.";
        }

        if (!Uri.TryCreate(AuthorityUri, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && !authority.IsLoopback))
        {
            yield return "Console:Entra:Instance (or Authority) must be an https address.";
        }

        if (!string.IsNullOrWhiteSpace(StaffGroupId) && !Guid.TryParse(StaffGroupId, out _))
        {
            yield return "Console:Entra:StaffGroupId is the staff group's object id (a GUID), not its name.";
        }
    }
}

/// <summary>A staff access key as settings hold it: the 64 hex digits of its SHA-256, never the key.</summary>
public static partial class AccessKey
{
    public static bool IsSet(string? sha256Hex) => !string.IsNullOrWhiteSpace(sha256Hex);

    /// <summary>True when <paramref name="key"/> hashes to <paramref name="sha256Hex"/> (compared in constant time).</summary>
    public static bool Matches(string? sha256Hex, string? key) =>
        IsSet(sha256Hex) && !string.IsNullOrEmpty(key) && Sha256Hex().IsMatch(sha256Hex!)
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(key)), Convert.FromHexString(sha256Hex!));

    /// <summary>What is wrong with a setting, or null.</summary>
    public static string? Problem(string setting, string? sha256Hex) =>
        IsSet(sha256Hex) && !Sha256Hex().IsMatch(sha256Hex!)
            ? $"{setting} must be the 64 hex digits of the key's SHA-256 (printf %s \"$key\" | sha256sum), never the key itself."
            : null;

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial System.Text.RegularExpressions.Regex Sha256Hex();
}
