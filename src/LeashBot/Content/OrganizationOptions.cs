using System.ComponentModel.DataAnnotations;

namespace LeashBot.Content;

/// <summary>The store or clinic that offers LeashBot: used in the greeting and in the vet message.</summary>
public sealed class OrganizationOptions : IValidatableObject
{
    public const string Section = "Organization";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Organization:Name is required: the store or clinic name used in the greeting."), MaxLength(80)]
    public string Name { get; set; } = "";

    /// <summary>
    /// What the bot calls itself in the greeting and on SMS; set it to the name the clinic gave the app in Teams
    /// (the Teams package's ShortName, e.g. "Whisker Vets coach") so both say the same.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Organization:BotName must not be empty: it is the name the bot introduces itself with."), MaxLength(30)]
    public string BotName { get; set; } = "LeashBot";

    /// <summary>The everyday phone number; the vet message gives it when set.</summary>
    [MaxLength(40)]
    public string? Phone { get; set; }

    /// <summary>The after-hours or emergency line; the vet message leads with it outside opening hours.</summary>
    [MaxLength(40)]
    public string? EmergencyPhone { get; set; }

    /// <summary>
    /// When the clinic answers its phone, e.g. "Mon-Fri 8:00-18:00, Sat 9am-1pm" (see <see cref="Content.OpeningHours"/>).
    /// Shown in the vet message; outside these hours, or when none are set, the emergency line comes first.
    /// </summary>
    [MaxLength(120)]
    public string? OpeningHours { get; set; }

    /// <summary>The time zone the opening hours are in (IANA, e.g. "Europe/London"); UTC when empty.</summary>
    [MaxLength(64)]
    public string? TimeZone { get; set; }

    /// <summary>
    /// Where shoppers reach the staff about the shop's or clinic's own business (prices, opening hours, stock, orders),
    /// e.g. "ask at the till or call 0161 555 0100". When set, "that's not something I know" points to it.
    /// </summary>
    [MaxLength(160)]
    public string? StaffContact { get; set; }

    /// <summary>
    /// What the organization is, for the hand-off on questions about its own business: a store (stock, prices, opening
    /// hours) or a clinic (appointments, prices, opening hours). A store when not set.
    /// </summary>
    public OrganizationKind? Kind { get; set; }

    /// <summary>One line shown under the greeting, e.g. "LeashBot gives training tips, not veterinary advice."</summary>
    [MaxLength(200)]
    public string? Disclaimer { get; set; }

    /// <summary>The opening hours, read; null when none are set.</summary>
    public OpeningHours? ReadHours() => string.IsNullOrWhiteSpace(OpeningHours) ? null : Content.OpeningHours.Parse(OpeningHours, out _);

    /// <summary>The time zone of the opening hours.</summary>
    public TimeZoneInfo ReadTimeZone() => string.IsNullOrWhiteSpace(TimeZone) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(OpeningHours) && Content.OpeningHours.Parse(OpeningHours, out var problem) is null)
        {
            yield return new ValidationResult($"Organization:OpeningHours can't be read: {problem}", [nameof(OpeningHours)]);
        }

        if (!string.IsNullOrWhiteSpace(TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Organization:TimeZone '{TimeZone}' is not a known time zone; use an IANA name such as Europe/London.", [nameof(TimeZone)]);
        }
    }
}

/// <summary>What kind of place offers LeashBot.</summary>
public enum OrganizationKind
{
    Store,
    Clinic,
}
