namespace LeashBot.Content;

/// <summary>
/// Turns content text into what the bot says: fills the organization's details and the turn's values. The organization
/// is the settings' own, or, for a turn on one site of several, that site's (<see cref="ForSite"/>).
/// </summary>
public sealed class Phrasebook
{
    private static readonly AsyncLocal<(OrganizationOptions Organization, Dictionary<string, string> Values)?> SiteOrganization = new();

    /// <summary>The turn's owner's cats, by name, as the pronoun each goes by (see <see cref="ForCatsOfTurn"/>).</summary>
    private static readonly AsyncLocal<CatPronouns?> TurnCats = new();

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

    /// <summary>
    /// For the rest of this flow of the turn, text that fills {cat} also fills the pronoun slots ({they}, {them},
    /// {their}, {theyre} and capitalized {They}, {Their}, {Theyre}) with the pronoun that cat goes by, once the turn's
    /// owner is known (<see cref="KnowCats"/>); "they" for a cat whose pronoun isn't known, or no cat.
    /// </summary>
    public static IDisposable ForCatsOfTurn()
    {
        var previous = TurnCats.Value;
        TurnCats.Value = new CatPronouns();
        return new RestoreCats(previous);
    }

    /// <summary>The pronoun each of the turn's cats goes by ("she", "he" or null), looked up by name when text is filled.</summary>
    public static void KnowCats(Func<string, string?> pronounOf)
    {
        if (TurnCats.Value is { } cats)
        {
            cats.PronounOf = pronounOf;
        }
    }

    private sealed class CatPronouns
    {
        public Func<string, string?>? PronounOf { get; set; }
    }

    private sealed class RestoreCats(CatPronouns? previous) : IDisposable
    {
        public void Dispose() => TurnCats.Value = previous;
    }

    /// <summary>The pronoun slots for a cat that goes by <paramref name="pronoun"/> ("she", "he", or null for "they"), from the content.</summary>
    public IEnumerable<(string Name, string Value)> PronounSlots(string? pronoun)
    {
        var pronouns = Content.Messages.CatPronouns;
        var slots = pronoun is not null && pronouns.TryGetValue(pronoun, out var known) ? known : pronouns.GetValueOrDefault(Template.UnknownPronoun) ?? [];
        return slots.Select(s => (s.Key, s.Value));
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

        // The pronoun slots speak of the {cat} this text names, as that cat goes by; a slot filled by the caller wins.
        if (all.TryGetValue("cat", out var cat) && template.Contains('{', StringComparison.Ordinal))
        {
            foreach (var (name, value) in PronounSlots(TurnCats.Value?.PronounOf?.Invoke(cat)))
            {
                all.TryAdd(name, value);
            }
        }

        return Template.Render(template, all);
    }
}
