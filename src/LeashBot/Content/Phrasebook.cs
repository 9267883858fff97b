namespace LeashBot.Content;

/// <summary>
/// Turns content text into what the bot says: fills the organization's details and the turn's values. The organization
/// is the settings' own, or, for a turn on one site of several, that site's (<see cref="ForSite"/>).
/// </summary>
public sealed class Phrasebook
{
    private static readonly AsyncLocal<(OrganizationOptions Organization, Dictionary<string, string> Values)?> SiteOrganization = new();

    private readonly Dictionary<string, string> _organization;
    private readonly OrganizationOptions _main;

    public Phrasebook(BotContent content, IOptions<OrganizationOptions> organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        Content = content;
        _main = organization.Value;
        _organization = ValuesOf(_main);
    }

    public BotContent Content { get; }

    /// <summary>The organization the bot speaks for in this turn.</summary>
    public OrganizationOptions Organization => SiteOrganization.Value?.Organization ?? _main;

    /// <summary>Speaks for <paramref name="organization"/> (a site's) until the result is disposed, in this flow of the turn only.</summary>
    public static IDisposable ForSite(OrganizationOptions organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var previous = SiteOrganization.Value;
        SiteOrganization.Value = (organization, ValuesOf(organization));
        return new Restore(previous);
    }

    private static Dictionary<string, string> ValuesOf(OrganizationOptions org) => new(StringComparer.Ordinal)
    {
        ["org.name"] = org.Name,
        ["org.botName"] = org.BotName,
        ["org.phone"] = org.Phone ?? "",
        ["org.emergencyPhone"] = org.EmergencyPhone ?? "",
        ["org.hours"] = org.OpeningHours ?? "",
        ["org.disclaimer"] = org.Disclaimer ?? "",
        ["org.staffContact"] = org.StaffContact ?? "",
    };

    private sealed class Restore((OrganizationOptions, Dictionary<string, string>)? previous) : IDisposable
    {
        public void Dispose() => SiteOrganization.Value = previous;
    }

    public string Text(string template, params (string Name, string Value)[] values)
    {
        var organization = SiteOrganization.Value?.Values ?? _organization;
        if (values.Length == 0)
        {
            return Template.Render(template, organization);
        }

        var all = new Dictionary<string, string>(organization, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            all[name] = value;
        }

        return Template.Render(template, all);
    }
}
