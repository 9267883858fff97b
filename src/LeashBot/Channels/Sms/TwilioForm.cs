using System.Text.RegularExpressions;
using LeashBot.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace LeashBot.Channels.Sms;

/// <summary>
/// Reading what Twilio posts to the webhook, before anything trusts it. Twilio posts
/// <c>application/x-www-form-urlencoded</c> with a known length and a fixed set of parameter names; anything else is
/// refused with a 4xx and a reason, never read further. The names matter for the signature: Twilio signs names and
/// values joined without a separator, so a captured body could be cut into other names and values under the same
/// signature ("Body" + "STOP now" is also "BodySTOP" + " now"). Only names Twilio sends are accepted, each once.
/// </summary>
public static partial class TwilioForm
{
    // Twilio's form is a couple of kilobytes at most (a text is at most 1,600 characters).
    public const int MaxFormBytes = 16 * 1024;

    private static readonly FormOptions FormLimits = new() { ValueCountLimit = 64, ValueLengthLimit = 4096, KeyLengthLimit = 128, BufferBody = false };

    /// <summary>The parameters Twilio sends with an incoming message (Messaging webhook), per Twilio's documentation.</summary>
    private static readonly HashSet<string> TwilioNames = new(StringComparer.Ordinal)
    {
        "MessageSid", "SmsSid", "SmsMessageSid", "AccountSid", "MessagingServiceSid", "From", "To", "Body", "NumMedia", "NumSegments",
        "SmsStatus", "ApiVersion", "FromCity", "FromState", "FromZip", "FromCountry", "ToCity", "ToState", "ToZip", "ToCountry",
        "ReferralNumMedia", "ProfileName", "WaId", "Forwarded", "FrequentlyForwarded", "ButtonText", "ButtonPayload", "OptOutType",
        "AddOns", "ChannelMetadata", "Latitude", "Longitude", "Address", "Label",
    };

    /// <summary>The form's fields, or why it is refused (400, 413 or 415).</summary>
    public static async Task<(Dictionary<string, string>? Fields, IResult? Refusal)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !string.Equals(type.MediaType.Value, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Refuse(StatusCodes.Status415UnsupportedMediaType, "Twilio posts application/x-www-form-urlencoded."));
        }

        if (request.ContentLength is null or > MaxFormBytes)
        {
            return (null, Refuse(StatusCodes.Status413PayloadTooLarge, $"A Twilio webhook form has a known length of at most {MaxFormBytes} bytes."));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(FormLimits, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException or FormatException or DecoderFallbackException)
        {
            return (null, Refuse(StatusCodes.Status400BadRequest, "The form could not be read."));
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in form)
        {
            if (values.Count != 1 || !IsTwilioName(name))
            {
                return (null, Refuse(StatusCodes.Status400BadRequest, "The form has a parameter Twilio does not send, or one more than once."));
            }

            fields[name] = values.ToString();
        }

        if (!fields.TryGetValue("MessageSid", out var sid) || !MessageSidPattern().IsMatch(sid))
        {
            return (null, Refuse(StatusCodes.Status400BadRequest, "The form has no valid MessageSid."));
        }

        return (fields, null);
    }

    /// <summary>True for a name Twilio sends: a fixed one, or one of the numbered media names (MediaUrl0, MediaContentType0, ...).</summary>
    public static bool IsTwilioName(string name) => TwilioNames.Contains(name) || MediaNamePattern().IsMatch(name);

    private static IResult Refuse(int status, string reason) => Results.Problem(reason, statusCode: status);

    [GeneratedRegex("^(MediaUrl|MediaContentType)[0-9]{1,2}$")]
    private static partial Regex MediaNamePattern();

    // SM (text) or MM (picture), then 32 hex digits; test tools also use lower- and upper-case hex.
    [GeneratedRegex("^(SM|MM)[0-9a-fA-F]{32}$")]
    private static partial Regex MessageSidPattern();
}

/// <summary>
/// Each Twilio message is answered once. Twilio's signature has no time in it, so a captured signed request stays valid
/// for ever; its MessageSid is recorded (create-only) in the shared store before the message is acted on, and a second
/// request with the same MessageSid, on this host or another one, is answered with an empty reply. The records hold no
/// words or numbers and go with idle conversations (<c>Retention:ConversationIdleDays</c>).
/// </summary>
public sealed class TwilioReplayGuard(Microsoft.Bot.Builder.IStorage storage, TimeProvider time)
{
    /// <summary>True the first time a MessageSid is seen; false for a replay.</summary>
    public async Task<bool> FirstTimeAsync(string messageSid, CancellationToken cancellationToken)
    {
        var key = $"{SmsChannel.ChannelId}/conversations/twilio-message-{messageSid.ToUpperInvariant()}";
        try
        {
            await storage.WriteAsync(new Dictionary<string, object> { [key] = new Dictionary<string, object> { ["at"] = time.GetUtcNow().ToString("O") } }, cancellationToken);
            return true;
        }
        catch (StorageConflictException)
        {
            return false;
        }
    }
}
