using System.ComponentModel.DataAnnotations;

namespace LeashBot.Content;

/// <summary>
/// One site of a store chain or clinic group (section <c>Sites</c>, a list): the Web Chat origins, phone numbers and Teams
/// tenants that reach it, and its own organization (name, numbers, hours, time zone, disclaimer) and accent colour.
/// </summary>
public sealed class SiteOptions : IValidatableObject
{
    public const string Section = "Sites";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Sites: every site needs an Id (letters, digits and dashes).")]
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,39}$", ErrorMessage = "Sites: a site's Id is lowercase letters, digits and dashes (40 at most).")]
    public string Id { get; set; } = "";

    /// <summary>Web Chat origins (scheme://host[:port]) of this site's pages; add them to WebChat:AllowedOrigins too.</summary>
    public string[] WebChatOrigins { get; set; } = [];

    /// <summary>The site's SMS numbers as the channel gives them (E.164, e.g. +15551234567).</summary>
    public string[] Numbers { get; set; } = [];

    /// <summary>Teams tenant ids (GUIDs) whose conversations belong to this site.</summary>
    public string[] TeamsTenants { get; set; } = [];

    /// <summary>The accent colour of this site's widget.</summary>
    [RegularExpression("^#[0-9A-Fa-f]{6}$", ErrorMessage = "Sites: AccentColor is #RRGGBB.")]
    public string? AccentColor { get; set; }

    /// <summary>The site's own organization; empty fields fall back to the top-level <c>Organization</c>.</summary>
    public OrganizationOptions Organization { get; set; } = new();

    /// <summary>SHA-256 (hex) of a console key that sees this site alone.</summary>
    public string AccessKeySha256 { get; set; } = "";

    /// <summary>Object id of an Entra group whose members see this site alone in the console (with <c>Console:Entra</c>).</summary>
    public string StaffGroupId { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(StaffGroupId) && !Guid.TryParse(StaffGroupId, out _))
        {
            yield return new ValidationResult($"Sites ({Id}): StaffGroupId is an Entra group's object id (a GUID).", [nameof(StaffGroupId)]);
        }

        if (!string.IsNullOrWhiteSpace(AccessKeySha256) && (AccessKeySha256.Length != 64 || !AccessKeySha256.All(char.IsAsciiHexDigit)))
        {
            yield return new ValidationResult($"Sites ({Id}): AccessKeySha256 must be the 64 hex digits of the key's SHA-256, never the key itself.", [nameof(AccessKeySha256)]);
        }

        foreach (var problem in Organization.Validate(validationContext))
        {
            yield return new ValidationResult($"Sites ({Id}): Organization: {problem.ErrorMessage}", problem.MemberNames);
        }
    }
}

/// <summary>
/// Which site a conversation belongs to (the host reads the activity's origin, number or tenant and asks here). Sites come from settings; everything that matches none belongs to the main
/// site (<see cref="Main"/>), the top-level <c>Organization</c>.
/// </summary>
public sealed class Sites
{
    public const string Main = "main";

    private readonly Dictionary<string, string> _byOrigin = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _byNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byTenant = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, OrganizationOptions> _organizations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _accents = new(StringComparer.Ordinal);

    public Sites(IOptions<List<SiteOptions>> sites, IOptions<OrganizationOptions> main)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(main);
        _organizations[Main] = main.Value;
        foreach (var site in sites.Value)
        {
            foreach (var origin in site.WebChatOrigins)
            {
                _byOrigin[origin.TrimEnd('/')] = site.Id;
            }

            foreach (var number in site.Numbers)
            {
                _byNumber[Digits(number)] = site.Id;
            }

            foreach (var tenant in site.TeamsTenants)
            {
                _byTenant[tenant] = site.Id;
            }

            _organizations[site.Id] = Merge(main.Value, site.Organization);
            if (site.AccentColor is { } accent)
            {
                _accents[site.Id] = accent;
            }
        }

        All = [.. _organizations.Keys];
    }

    /// <summary>Every site id, the main one first.</summary>
    public IReadOnlyList<string> All { get; }

    /// <summary>A site's organization (the main one for an unknown id).</summary>
    public OrganizationOptions OrganizationOf(string site) => _organizations.GetValueOrDefault(site) ?? _organizations[Main];

    /// <summary>The site of a Web Chat page's origin (scheme://host[:port]), or null.</summary>
    public string? ByOrigin(string? origin) => origin is not null && _byOrigin.TryGetValue(origin.TrimEnd('/'), out var site) ? site : null;

    /// <summary>The site of a phone number texted (any formatting), or null.</summary>
    public string? ByNumber(string? number) => number is not null && _byNumber.Count > 0 && _byNumber.TryGetValue(Digits(number), out var site) ? site : null;

    /// <summary>The site of a Teams tenant, or null.</summary>
    public string? ByTenant(string? tenant) => tenant is not null && _byTenant.TryGetValue(tenant, out var site) ? site : null;

    /// <summary>A site's widget accent colour, or null for the WebChat:AccentColor setting.</summary>
    public string? AccentOf(string site) => _accents.GetValueOrDefault(site);

    private static string Digits(string number) => new([.. number.Where(char.IsAsciiDigit)]);

    private static OrganizationOptions Merge(OrganizationOptions main, OrganizationOptions site) => new()
    {
        Name = string.IsNullOrWhiteSpace(site.Name) ? main.Name : site.Name,
        BotName = string.IsNullOrWhiteSpace(site.BotName) || site.BotName == new OrganizationOptions().BotName ? main.BotName : site.BotName,
        Phone = site.Phone ?? main.Phone,
        EmergencyPhone = site.EmergencyPhone ?? main.EmergencyPhone,
        OpeningHours = site.OpeningHours ?? main.OpeningHours,
        TimeZone = site.TimeZone ?? main.TimeZone,
        Disclaimer = site.Disclaimer ?? main.Disclaimer,
        StaffContact = site.StaffContact ?? main.StaffContact,
        Kind = site.Kind ?? main.Kind,
    };
}
