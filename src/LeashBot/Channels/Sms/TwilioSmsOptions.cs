using System.ComponentModel.DataAnnotations;

namespace LeashBot.Channels.Sms;

/// <summary>Settings of LeashBot's own Twilio SMS webhook, <c>POST /api/sms/twilio</c> (section <c>Sms:Twilio</c>).</summary>
public sealed class TwilioSmsOptions : IValidatableObject
{
    public const string Section = "Sms:Twilio";

    /// <summary>The shortest <see cref="NumberHashKey"/> accepted: 32 characters, as the README and the template say.</summary>
    public const int MinNumberHashKeyLength = 32;

    /// <summary>The Twilio account's auth token, which signs every webhook request. Empty turns the webhook off (404).</summary>
    public string? AuthToken { get; set; }

    /// <summary>
    /// The address Twilio posts to, as configured on the number (e.g. <c>https://bot.clinic.example</c>). Twilio signs
    /// the full public URL, and the host never takes it from the request's Host header (the caller chooses that), so it
    /// is required when the webhook is on.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Key of the hash that stands for a phone number in storage and logs (32+ characters). Empty: the auth token is
    /// the key, so rotating the token would make every owner a stranger; set this before the first rotation.
    /// </summary>
    public string? NumberHashKey { get; set; }

    /// <summary>Texts one number may send per minute; more get no reply and don't reach the bot.</summary>
    [Range(1, 600)]
    public int MessagesPerNumberPerMinute { get; set; } = 8;

    public bool Enabled => !string.IsNullOrWhiteSpace(AuthToken);

    /// <summary>The Twilio account (AC…) that sends reminders through Twilio's Messages API; with <see cref="FromNumber"/>.</summary>
    public string? AccountSid { get; set; }

    /// <summary>The Twilio number reminders are sent from (E.164, +1…), or a Messaging Service SID (MG…).</summary>
    public string? FromNumber { get; set; }

    /// <summary>Where Twilio's REST API is; https://api.twilio.com unless a test double or a proxy stands in.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>True when reminders can go out by Twilio's Messages API.</summary>
    public bool SendsReminders => Enabled && !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(FromNumber);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && string.IsNullOrWhiteSpace(PublicBaseUrl))
        {
            yield return new ValidationResult("Sms:Twilio:PublicBaseUrl is required with Sms:Twilio:AuthToken: the public address Twilio calls, like https://bot.clinic.example.", [nameof(PublicBaseUrl)]);
        }

        if (!string.IsNullOrWhiteSpace(PublicBaseUrl)
            && (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.Query)))
        {
            yield return new ValidationResult("Sms:Twilio:PublicBaseUrl must be an absolute http(s) address without a query, like https://bot.clinic.example.", [nameof(PublicBaseUrl)]);
        }

        if (!string.IsNullOrEmpty(NumberHashKey) && NumberHashKey.Length < MinNumberHashKeyLength)
        {
            yield return new ValidationResult($"Sms:Twilio:NumberHashKey must be at least {MinNumberHashKeyLength} characters.", [nameof(NumberHashKey)]);
        }
    }
}
