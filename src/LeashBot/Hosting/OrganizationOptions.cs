using System.ComponentModel.DataAnnotations;

namespace LeashBot.Hosting;

/// <summary>The store or clinic that offers LeashBot: used in the greeting and in urgent replies.</summary>
public sealed class OrganizationOptions
{
    public const string Section = "Organization";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Organization:Name is required: the store or clinic name used in the greeting."), MaxLength(80)]
    public string Name { get; set; } = "";

    /// <summary>The everyday phone number; urgent replies mention it when set.</summary>
    [MaxLength(40)]
    public string? Phone { get; set; }

    /// <summary>The after-hours or emergency line; urgent replies lead with it when set.</summary>
    [MaxLength(40)]
    public string? EmergencyPhone { get; set; }

    [MaxLength(120)]
    public string? OpeningHours { get; set; }

    /// <summary>One line shown under the greeting, e.g. "LeashBot gives training tips, not veterinary advice."</summary>
    [MaxLength(200)]
    public string? Disclaimer { get; set; }
}
