using LeashBot.Coaching.Reminders;
using LeashBot.Storage;
using Newtonsoft.Json.Linq;
using Twilio.Security;
using Twilio.TwiML;

namespace LeashBot.Channels.Sms;

/// <summary>
/// LeashBot's own SMS route for owners without Azure Bot Service: Twilio posts each incoming text to
/// <c>POST /api/sms/twilio</c> and sends whatever TwiML comes back. The request must carry Twilio's signature of
/// the public URL and form (403 otherwise). The carrier keywords (<see cref="SmsKeywords"/>) are answered here; any other
/// text becomes a turn on the same adapter and bot as <c>/api/messages</c>, in-process with
/// <c>deliveryMode: expectReplies</c>, on channel <c>sms</c>, so the reply is the one GSM-7 text every SMS turn gets.
/// The number never leaves this class: the owner is known by <see cref="PhoneNumbers.Pseudonym"/>.
/// </summary>
public sealed class TwilioSmsEndpoint(
    IOptions<TwilioSmsOptions> options,
    PhoneNumbers numbers,
    SmsRateLimit rateLimit,
    SmsOptOuts optOuts,
    Phrasebook say,
    IInProcessAdapter adapter,
    TwilioReplayGuard replays,
    IBot bot,
    ReminderConversation reminders,
    SmsWelcomeBack welcomeBack,
    SmsConventions sms,
    TimeProvider time,
    ILogger<TwilioSmsEndpoint> logger)
{
    public const string Path = "/api/sms/twilio";


    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var settings = options.Value;
        var request = context.Request;
        var cancellationToken = context.RequestAborted;
        if (!settings.Enabled)
        {
            return Results.Problem("The Twilio SMS webhook is off: set Sms:Twilio:AuthToken to turn it on.", statusCode: StatusCodes.Status404NotFound);
        }

        var (fields, refusal) = await TwilioForm.ReadAsync(request, cancellationToken);
        if (fields is null)
        {
            return refusal!;
        }

        var signature = request.Headers["X-Twilio-Signature"].ToString();
        if (string.IsNullOrEmpty(signature) || !new RequestValidator(settings.AuthToken).Validate(PublicUrl(request, settings), fields, signature))
        {
            logger.LogWarning("Refused an SMS webhook request with a {Problem} signature", string.IsNullOrEmpty(signature) ? "missing" : "wrong");
            return Results.Problem("The X-Twilio-Signature header is missing or does not match this request.", statusCode: StatusCodes.Status403Forbidden);
        }

        if (!fields.TryGetValue("From", out var from) || string.IsNullOrWhiteSpace(from))
        {
            return Results.Problem("The form has no From number.", statusCode: StatusCodes.Status400BadRequest);
        }

        var owner = numbers.Pseudonym(from);
        try
        {
            if (!await replays.FirstTimeAsync(fields["MessageSid"], cancellationToken))
            {
                logger.LogWarning("Refused a replayed SMS webhook request for owner {Owner}: its MessageSid was answered before", owner);
                return TwiML(null);
            }

            return TwiML(await AnswerAsync(owner, from, fields, request, cancellationToken));
        }
        catch (StorageUnavailableException)
        {
            logger.LogError("SMS from {Owner} not answered: storage is unavailable", owner);
            return TwiML(say.Text(say.Content.Messages.CantSaveNow));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The adapter's turn-error handler deals with the bot's own failures; this is the plumbing around it.
            // A 5xx would only make Twilio log an error: the owner gets a sentence instead.
            logger.LogError("SMS from {Owner} failed outside the bot with {ExceptionType}", owner, ex.GetType().Name);
            logger.LogDebug(ex, "SMS failure details");
            return TwiML(say.Text(say.Content.Messages.SomethingWentWrong));
        }
    }

    /// <summary>
    /// What to text back: a keyword's answer, nothing (opted out, over the limit) or the bot's turn. Every text counts
    /// against the number's limit, keywords too. STOP is recorded whatever the limit and confirmed once: a number that
    /// has already opted out gets nothing, however often it says STOP.
    /// </summary>
    private async Task<string?> AnswerAsync(string owner, string from, Dictionary<string, string> fields, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = fields.GetValueOrDefault("Body")?.Trim() ?? "";
        var keyword = SmsKeywords.Of(body);
        var sms = say.Content.Messages.Sms;
        var optedOut = await optOuts.IsOptedOutAsync(owner, cancellationToken);
        var withinLimit = rateLimit.TryTake(owner);
        if (!withinLimit)
        {
            logger.LogWarning("SMS owner {Owner} is over {PerMinute} texts a minute; not answering", owner, options.Value.MessagesPerNumberPerMinute);
        }

        if (keyword == SmsKeyword.OptOut)
        {
            if (optedOut)
            {
                return null;
            }

            await optOuts.OptOutAsync(owner, cancellationToken);
            logger.LogInformation("SMS owner {Owner} opted out", owner);
            await reminders.SmsOptOutAsync(OwnerKey(owner), optedOut: true, cancellationToken);
            return withinLimit ? say.Text(sms.OptedOut) : null;
        }

        if (keyword == SmsKeyword.OptIn || (optedOut && SmsOptOuts.IsYes(body)))
        {
            await optOuts.OptInAsync(owner, cancellationToken);
            logger.LogInformation("SMS owner {Owner} opted back in", owner);
            await reminders.SmsOptOutAsync(OwnerKey(owner), optedOut: false, cancellationToken);
            return withinLimit ? await welcomeBack.TextAsync(OwnerKey(owner), confirm: true, cancellationToken) : null;
        }

        // Carriers forbid texting a number that opted out, until it sends START.
        if (optedOut || !withinLimit)
        {
            return null;
        }

        return keyword == SmsKeyword.Help ? say.Text(sms.Help) : await RunTurnAsync(owner, from, fields, body, request, cancellationToken);
    }

    private async Task<string?> RunTurnAsync(string owner, string from, Dictionary<string, string> fields, string body, HttpRequest request, CancellationToken cancellationToken)
    {
        var activity = new Activity(ActivityTypes.Message)
        {
            Id = fields.GetValueOrDefault("MessageSid") is { Length: > 0 } sid ? sid : Guid.NewGuid().ToString("N"),
            ChannelId = SmsChannel.ChannelId,
            ServiceUrl = options.Value.PublicBaseUrl!.TrimEnd('/') + "/",
            Conversation = new ConversationAccount(id: owner),
            From = new ChannelAccount(owner) { Role = RoleTypes.User },
            Recipient = new ChannelAccount("leashbot", "LeashBot") { Role = RoleTypes.Bot },
            Text = body,
            Timestamp = time.GetUtcNow(),
            Locale = "en-US",
            DeliveryMode = DeliveryModes.ExpectReplies,

            // The number, sealed, is kept only if the owner asks for reminders in this turn (Twilio's Messages API needs it).
            ChannelData = new JObject { [ReminderConversation.SealedNumberData] = numbers.Seal(from) },
        };
        if (int.TryParse(fields.GetValueOrDefault("NumMedia"), out var media) && media > 0)
        {
            // Pictures aren't passed on (they would carry the owner's data to nowhere); an empty text gets the "words, please" reply.
            activity.Attachments = [new Attachment { ContentType = "application/octet-stream", Name = "media" }];
        }

        var response = await adapter.ProcessInProcessActivityAsync(activity, bot.OnTurnAsync, cancellationToken);
        var messages = ((response?.Body as ExpectedReplies)?.Activities ?? [])
            .Where(a => a.Type == ActivityTypes.Message && !string.IsNullOrWhiteSpace(a.Text))
            .ToList();

        // A turn's replies come back as one text (SmsConventions); should anything else have been sent in the same call, it joins that text the same way.
        return messages.Count == 0 ? null : sms.ShapeReplies(messages)[0].Text;
    }

    private static string OwnerKey(string owner) => $"{SmsChannel.ChannelId}/users/{owner}";

    /// <summary>The URL Twilio signed: the configured public base with this path and query (never the request's Host, which the caller chooses).</summary>
    private static string PublicUrl(HttpRequest request, TwilioSmsOptions settings) =>
        settings.PublicBaseUrl!.TrimEnd('/') + request.PathBase + request.Path + request.QueryString;

    private static IResult TwiML(string? text)
    {
        var twiml = new MessagingResponse();
        if (!string.IsNullOrWhiteSpace(text))
        {
            twiml.Message(SmsText.ToGsm7(text));
        }

        return Results.Text(twiml.ToString(), "text/xml", System.Text.Encoding.UTF8);
    }
}
