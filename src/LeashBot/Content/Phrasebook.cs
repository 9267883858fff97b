using Microsoft.Extensions.Options;

namespace LeashBot.Content;

/// <summary>Turns content text into what the bot says: fills the organization's details and the turn's values.</summary>
public sealed class Phrasebook
{
    private readonly Dictionary<string, string> _organization;

    public Phrasebook(BotContent content, IOptions<OrganizationOptions> organization)
    {
        Content = content;
        var org = organization.Value;
        _organization = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["org.name"] = org.Name,
            ["org.botName"] = org.BotName,
            ["org.phone"] = org.Phone ?? "",
            ["org.emergencyPhone"] = org.EmergencyPhone ?? "",
            ["org.hours"] = org.OpeningHours ?? "",
            ["org.disclaimer"] = org.Disclaimer ?? "",
        };
        Organization = org;
    }

    public BotContent Content { get; }

    public OrganizationOptions Organization { get; }

    public string Text(string template, params (string Name, string Value)[] values)
    {
        if (values.Length == 0)
        {
            return Template.Render(template, _organization);
        }

        var all = new Dictionary<string, string>(_organization, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            all[name] = value;
        }

        return Template.Render(template, all);
    }
}
