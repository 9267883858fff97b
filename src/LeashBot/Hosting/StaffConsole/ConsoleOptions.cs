using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;

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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AccessKey.Problem("Console:AccessKeySha256", AccessKeySha256) is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(AccessKeySha256)]);
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
