using System.ComponentModel.DataAnnotations;

namespace LeashBot.Hosting;

/// <summary>
/// The Bot Framework credentials, read from the top-level settings Bot Framework itself uses.
/// An empty <see cref="MicrosoftAppId"/> means local use without authentication.
/// </summary>
public sealed class BotAuthenticationOptions : IValidatableObject
{
    public string? MicrosoftAppType { get; set; }
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    public string? MicrosoftAppTenantId { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        string[] types = ["", "MultiTenant", "SingleTenant", "UserAssignedMSI"];
        if (!types.Contains(MicrosoftAppType ?? "", StringComparer.OrdinalIgnoreCase))
        {
            yield return new ValidationResult(
                $"MicrosoftAppType '{MicrosoftAppType}' is not one of MultiTenant, SingleTenant, UserAssignedMSI.",
                [nameof(MicrosoftAppType)]);
        }

        if (string.IsNullOrEmpty(MicrosoftAppId))
        {
            yield break;
        }

        var type = MicrosoftAppType ?? "";
        if (!type.Equals("UserAssignedMSI", StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(MicrosoftAppPassword))
        {
            yield return new ValidationResult("MicrosoftAppPassword is required when MicrosoftAppId is set.", [nameof(MicrosoftAppPassword)]);
        }

        if (!type.Equals("MultiTenant", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(type) && string.IsNullOrEmpty(MicrosoftAppTenantId))
        {
            yield return new ValidationResult($"MicrosoftAppTenantId is required when MicrosoftAppType is {type}.", [nameof(MicrosoftAppTenantId)]);
        }
    }
}
