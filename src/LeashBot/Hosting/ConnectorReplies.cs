using System.Net.Http.Headers;
using Microsoft.Bot.Connector;
using Newtonsoft.Json;

namespace LeashBot.Hosting;

/// <summary>
/// Posts the bot's replies to the channel's connector at the activity's <c>serviceUrl</c> (Bot Framework's
/// <c>POST /v3/conversations/{conversationId}/activities[/{replyToId}]</c>), in place of the Bot Framework
/// ConnectorClient, for three reasons:
/// <list type="bullet">
/// <item>every call has its own timeout (<see cref="MessagesOptions.ReplyTimeoutSeconds"/>), so a connector that stalls
/// costs one turn a few seconds, not a minute;</item>
/// <item>the conversation and activity ids are escaped as exactly one path segment each, dots included, and the URL is
/// used as written (no dot-segment removal), so an id like <c>..</c> or <c>../../admin</c> cannot climb out of the
/// conversation's path;</item>
/// <item>the serviceUrl is checked again here (absolute http(s), no user info), whoever called.</item>
/// </list>
/// Authentication is the connector client's own: its credentials sign the request exactly as the ConnectorClient would.
/// Any failure becomes a <see cref="ReplyNotDeliveredException"/> with a short reason and no stack trace in it.
/// </summary>
public sealed class ConnectorReplies(IHttpClientFactory httpClients, IOptions<MessagesOptions> options, TimeProvider time)
{
    public const string HttpClientName = "LeashBot.ConnectorReplies";

    private static readonly JsonSerializerSettings Json = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateFormatHandling = DateFormatHandling.IsoDateFormat,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
    };

    // What a connector answers is outside input too: its "$type" or "$ref" are data.
    private static readonly JsonSerializerSettings ConnectorAnswer = new() { MetadataPropertyHandling = MetadataPropertyHandling.Ignore, TypeNameHandling = TypeNameHandling.None, MaxDepth = 32 };

    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(options.Value.ReplyTimeoutSeconds);

    /// <summary>The reply URL for an activity: serviceUrl + v3/conversations/{one segment}/activities[/{one segment}].</summary>
    public static Uri ReplyUri(string serviceUrl, string conversationId, string? replyToId)
    {
        if (IncomingActivity.ServiceUrlProblem(serviceUrl) is { } problem)
        {
            throw new ReplyNotDeliveredException(problem);
        }

        var path = new StringBuilder(serviceUrl.TrimEnd('/'))
            .Append("/v3/conversations/").Append(Segment(conversationId)).Append("/activities");
        if (!string.IsNullOrEmpty(replyToId))
        {
            path.Append('/').Append(Segment(replyToId));
        }

        // Used as written: no unescaping of %2F or %2E and no removal of dot segments.
        return new Uri(path.ToString(), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
    }

    /// <summary>One path segment: every reserved character escaped, and dots too, so "." and ".." are plain names.</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value).Replace(".", "%2E", StringComparison.Ordinal);

    public async Task<ResourceResponse> PostAsync(IConnectorClient? connector, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId))
        {
            throw new ReplyNotDeliveredException("the reply has no conversation id");
        }

        var uri = ReplyUri(activity.ServiceUrl ?? "", conversationId, activity.ReplyToId);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(JsonConvert.SerializeObject(activity, Json), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        // The call's own timeout runs on the host's clock (a test moves it on instead of waiting).
        using var deadline = new CancellationTokenSource(_timeout, time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            if (connector?.Credentials is { } credentials)
            {
                await credentials.ProcessHttpRequestAsync(request, timeout.Token);
            }

            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new ReplyNotDeliveredException($"the connector answered {(int)response.StatusCode}") { StatusCode = (int)response.StatusCode };
            }

            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return TryRead(body) ?? new ResourceResponse(activity.Id ?? "");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ReplyNotDeliveredException($"the connector did not answer within {_timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException ex)
        {
            throw new ReplyNotDeliveredException($"the connector could not be reached ({ex.HttpRequestError})");
        }
    }

    private static ResourceResponse? TryRead(string body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonConvert.DeserializeObject<ResourceResponse>(body, ConnectorAnswer);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or InvalidCastException or InvalidOperationException)
        {
            return null;
        }
    }
}

/// <summary>A reply could not be posted to the channel's connector. The message is a reason without user data.</summary>
public sealed class ReplyNotDeliveredException : Exception
{
    public ReplyNotDeliveredException(string reason)
        : base(reason)
    {
    }

    /// <summary>The connector's HTTP status, when it answered at all.</summary>
    public int? StatusCode { get; init; }

    public ReplyNotDeliveredException()
    {
    }

    public ReplyNotDeliveredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
