using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace LeashBot.Channels.DirectLine;

/// <summary>Settings of the embeddable chat widget and its token route (section <c>WebChat</c>).</summary>
public sealed partial class WebChatOptions : IValidatableObject
{
    public const string Section = "WebChat";

    /// <summary>
    /// Origins (scheme://host[:port]) of sites allowed to embed the widget. The host's own origin always works.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Title in the chat panel's header; empty uses the organization's name.</summary>
    [MaxLength(60)]
    public string? Title { get; set; }

    /// <summary>Accent colour of the launcher, header and Web Chat, as #RRGGBB.</summary>
    public string AccentColor { get; set; } = "#2E7D32";

    [MaxLength(3)]
    public string BotAvatarInitials { get; set; } = "LB";

    /// <summary>Tokens one client IP may request per minute from <c>POST /api/directline/token</c>.</summary>
    [Range(1, 10_000)]
    public int TokenRequestsPerMinute { get; set; } = 20;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!HexColour().IsMatch(AccentColor ?? ""))
        {
            yield return new ValidationResult($"WebChat:AccentColor '{AccentColor}' is not a #RRGGBB colour.", [nameof(AccentColor)]);
        }

        foreach (var origin in AllowedOrigins ?? [])
        {
            if (NormalizeOrigin(origin) is null)
            {
                yield return new ValidationResult(
                    $"WebChat:AllowedOrigins entry '{origin}' is not an origin like https://shop.example (scheme, host and optional port; no path).",
                    [nameof(AllowedOrigins)]);
            }
        }
    }

    /// <summary>The canonical form of an origin (lower-case, no trailing slash), or null when it is not one.</summary>
    public static string? NormalizeOrigin(string? origin)
    {
        if (string.IsNullOrWhiteSpace(origin) || !Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }

        if ((uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
        {
            return null;
        }

        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColour();
}
