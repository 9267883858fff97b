using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;

namespace LeashBot.LoadTest;

/// <summary>
/// The far end of the reminders, played on one loopback port (the real services can't be reached from here), counting
/// every reminder that arrives by its id:
/// <list type="bullet">
/// <item>a Bot Framework connector (Teams, Azure's SMS channel): <c>POST /v3/conversations/{id}/activities</c>; the id
/// is the activity's <c>leashbotDeliveryId</c>;</item>
/// <item>Twilio's Messages API: <c>POST /2010-04-01/Accounts/{sid}/Messages.json</c> creates a text (the id is the
/// number it goes to: one reminder a day per owner) and puts it in the account's message log;
/// <c>GET …/Messages.json</c> lists that log as Twilio filters it (<c>To</c>, <c>From</c>, <c>DateSent</c>,
/// <c>DateSent&lt;</c>, <c>DateSent&gt;</c>), newest first, one page of <c>PageSize</c> (50 by default).</item>
/// </list>
/// </summary>
internal sealed class SimulatedReminderChannels : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private readonly ConcurrentDictionary<string, int> _deliveries = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstArrival = new();
    private readonly ConcurrentQueue<DateTimeOffset> _arrivals = new();
    private readonly ConcurrentDictionary<string, List<LoggedText>> _twilioLog = new(StringComparer.Ordinal);
    private long _logLookups;

    public SimulatedReminderChannels()
    {
        Port = HostProcess.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.WhenAll(Enumerable.Range(0, 16).Select(_ => ServeAsync(_stop.Token)));
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/";

    /// <summary>Distinct reminders received (by delivery id or number).</summary>
    public int Distinct => _deliveries.Count;

    /// <summary>Every arrival, repeats included.</summary>
    public IReadOnlyCollection<DateTimeOffset> Arrivals => _arrivals;

    public IReadOnlyDictionary<string, DateTimeOffset> FirstArrivals => _firstArrival;

    /// <summary>Reminders that arrived more than once, with their first arrival.</summary>
    public IReadOnlyList<(string Id, DateTimeOffset First)> Repeated() =>
        _deliveries.Where(d => d.Value > 1).Select(d => (d.Key, _firstArrival[d.Key])).ToList();

    /// <summary>How often Twilio's message log was listed (after interrupted sends).</summary>
    public long LogLookups => Interlocked.Read(ref _logLookups);

    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync(cancellationToken);
            }

            var path = context.Request.Url!.AbsolutePath;
            var (status, answer) = !path.EndsWith("/Messages.json", StringComparison.Ordinal) ? Connector(body)
                : context.Request.HttpMethod == "POST" ? CreateText(body)
                : ListTexts(context.Request.Url.Query);
            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes, cancellationToken);
            context.Response.Close();
        }
    }

    private (int, string) Connector(string body)
    {
        Arrived(JsonNode.Parse(body)?["leashbotDeliveryId"]?.GetValue<string>() ?? "(none)");
        return (200, "{\"id\":\"sent\"}");
    }

    private (int, string) CreateText(string body)
    {
        var form = HttpUtility.ParseQueryString(body);
        var text = new LoggedText("SM" + Guid.NewGuid().ToString("N"), form["To"] ?? "", form["From"] ?? form["MessagingServiceSid"] ?? "", form["Body"] ?? "", DateTimeOffset.UtcNow);
        var log = _twilioLog.GetOrAdd(text.To, _ => []);
        lock (log)
        {
            log.Add(text);
        }

        Arrived(text.To);
        return (201, text.Json().ToJsonString());
    }

    private (int, string) ListTexts(string query)
    {
        Interlocked.Increment(ref _logLookups);
        var filters = HttpUtility.ParseQueryString(query);
        var to = filters["To"];
        var from = filters["From"];
        var pageSize = int.TryParse(filters["PageSize"], CultureInfo.InvariantCulture, out var size) ? Math.Clamp(size, 1, 1000) : 50;
        IEnumerable<LoggedText> texts = to is not null
            ? (_twilioLog.TryGetValue(to, out var log) ? Snapshot(log) : [])
            : _twilioLog.Values.SelectMany(Snapshot);
        texts = texts.Where(t => (from is null || t.From == from)
            && OnDay(filters["DateSent"], d => t.SentDay == d) && OnDay(filters["DateSent<"], d => t.SentDay <= d) && OnDay(filters["DateSent>"], d => t.SentDay >= d));
        var page = new JsonArray([.. texts.OrderByDescending(t => t.Created).Take(pageSize).Select(t => (JsonNode)t.Json())]);
        var uri = "/2010-04-01/Accounts/AC/Messages.json" + query;
        return (200, new JsonObject
        {
            ["messages"] = page, ["uri"] = uri, ["page"] = 0, ["page_size"] = pageSize, ["first_page_uri"] = uri, ["next_page_uri"] = null, ["previous_page_uri"] = null,
        }.ToJsonString());
    }

    private static List<LoggedText> Snapshot(List<LoggedText> log)
    {
        lock (log)
        {
            return [.. log];
        }
    }

    /// <summary>Twilio's DateSent filters take a day (yyyy-MM-dd, as the SDK writes it); an absent filter passes.</summary>
    private static bool OnDay(string? value, Func<DateOnly, bool> test) =>
        value is null || (DateOnly.TryParse(value.AsSpan(0, Math.Min(10, value.Length)), CultureInfo.InvariantCulture, out var day) && test(day));

    private void Arrived(string id)
    {
        var now = DateTimeOffset.UtcNow;
        _deliveries.AddOrUpdate(id, 1, (_, n) => n + 1);
        _firstArrival.TryAdd(id, now);
        _arrivals.Enqueue(now);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _listener.Close();
        _stop.Dispose();
    }

    /// <summary>One text in Twilio's log (the simulated one sends at once, so its date sent is its date created).</summary>
    private sealed record LoggedText(string Sid, string To, string From, string Body, DateTimeOffset Created)
    {
        public DateOnly SentDay => DateOnly.FromDateTime(Created.UtcDateTime);

        public JsonObject Json()
        {
            var date = Created.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
            return new JsonObject
            {
                ["sid"] = Sid, ["to"] = To, ["from"] = From, ["body"] = Body, ["direction"] = "outbound-api", ["status"] = "sent",
                ["date_created"] = date, ["date_updated"] = date, ["date_sent"] = date, ["num_segments"] = "1",
            };
        }
    }
}
