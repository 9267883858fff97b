using LeashBot.Coaching.Reminders;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace LeashBot.Channels.Sms;

/// <summary>
/// Reminders for owners on LeashBot's own Twilio webhook: one text through Twilio's Messages API (the Twilio SDK's
/// <c>MessageResource.CreateAsync</c>) to the number sealed in the reminder record, from <c>Sms:Twilio:FromNumber</c>.
/// 429 and 5xx are tried again later; Twilio's 21610 (the number texted STOP) quiets reminders until START; any other
/// refusal stops them and is recorded. After an interrupted send, Twilio's message log says whether the text went.
/// </summary>
public sealed class TwilioReminderRoute(IOptions<TwilioSmsOptions> options, PhoneNumbers numbers, IHttpClientFactory httpClients) : IReminderRoute
{
    public const string HttpClientName = "LeashBot.TwilioApi";

    /// <summary>
    /// How far Twilio's clock may be from ours when its log is read. Safe to be generous: LeashBot texts a number at most
    /// once a day, inside the allowed hours, so the day before's text is always many hours older.
    /// </summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Twilio's error code for a message to a number that has opted out.</summary>
    private const int Unsubscribed = 21610;

    public string Route => ReminderRoutes.Twilio;

    public async Task<(DeliveryResult Result, string? Problem)> SendAsync(ReminderRecord record, string text, string deliveryId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.SendsReminders)
        {
            return (DeliveryResult.Refused, "twilio-sending-not-configured");
        }

        if (numbers.Open(record.Address) is not { } number)
        {
            return (DeliveryResult.Refused, "sealed-number-unreadable");
        }

        var message = new CreateMessageOptions(new PhoneNumber(number)) { Body = SmsText.ToGsm7(text) };
        if (FromMessagingService(settings))
        {
            message.MessagingServiceSid = settings.FromNumber;
        }
        else
        {
            message.From = new PhoneNumber(settings.FromNumber);
        }

        try
        {
            await MessageResource.CreateAsync(message, Client(settings)).WaitAsync(cancellationToken);
            return (DeliveryResult.Sent, null);
        }
        catch (ApiException ex) when (ex.Code == Unsubscribed)
        {
            return (DeliveryResult.OptedOut, $"twilio-{ex.Code}");
        }
        catch (ApiException ex) when (ex.Status is 429 or >= 500)
        {
            return (DeliveryResult.TryAgain, $"twilio-{ex.Status}");
        }
        catch (ApiException ex)
        {
            return (DeliveryResult.Refused, $"twilio-{ex.Status}-{ex.Code}");
        }
        catch (ApiConnectionException)
        {
            return (DeliveryResult.TryAgain, "twilio-unreachable");
        }
    }

    /// <summary>
    /// Twilio's message log (the Messages API's list, newest first) holds every text sent through the API: a text to
    /// the owner's number created by the API since the interrupted send began (give or take <see cref="ClockSkew"/>)
    /// means that send went through. (LeashBot's replies to texts are TwiML answers, listed as "outbound-reply", so they
    /// don't count.) Not filtered by <c>DateSent</c>: a text Twilio took but still holds in its queue has no date sent yet,
    /// and it will go.
    /// </summary>
    public async Task<bool?> WasDeliveredAsync(ReminderRecord record, string deliveryId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.SendsReminders || numbers.Open(record.Address) is not { } number)
        {
            return null;
        }

        var read = new ReadMessageOptions { To = new PhoneNumber(number), PageSize = 20, Limit = 20 };
        if (!FromMessagingService(settings))
        {
            read.From = new PhoneNumber(settings.FromNumber);
        }

        try
        {
            var messages = await MessageResource.ReadAsync(read, Client(settings)).WaitAsync(cancellationToken);
            var from = (since - ClockSkew).UtcDateTime;
            return messages.Take(20).Any(m => string.Equals(m.Direction?.ToString(), "outbound-api", StringComparison.Ordinal)
                && m.DateCreated is { } created && (created.Kind == DateTimeKind.Local ? created.ToUniversalTime() : created) >= from);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // No answer, or one that can't be read: can't tell.
            return null;
        }
    }

    private static bool FromMessagingService(TwilioSmsOptions settings) => settings.FromNumber!.StartsWith("MG", StringComparison.Ordinal);

    private TwilioRestClient Client(TwilioSmsOptions settings) =>
        new(settings.AccountSid, settings.AuthToken, httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName)));
}

/// <summary>Sends Twilio SDK requests to <c>Sms:Twilio:ApiBaseUrl</c> when it is not Twilio's own address.</summary>
public sealed class TwilioApiAddress(IOptions<TwilioSmsOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && Uri.TryCreate(options.Value.ApiBaseUrl, UriKind.Absolute, out var api) && !string.Equals(uri.Host, api.Host, StringComparison.OrdinalIgnoreCase))
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = api.Scheme, Host = api.Host, Port = api.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
