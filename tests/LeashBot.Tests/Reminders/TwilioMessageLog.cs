using System.Globalization;
using System.Text.Json.Nodes;
using System.Web;

namespace LeashBot.Tests.Reminders;

/// <summary>
/// Twilio's message log, kept by a <see cref="SimulatedChannel"/> playing Twilio's API (set <see cref="Answer"/> as
/// its lookup): every text created by <c>POST …/Messages.json</c> is logged on Twilio's clock, and
/// <c>GET …/Messages.json?To=…</c> lists them as Twilio does, newest first, as API texts.
/// </summary>
public sealed class TwilioMessageLog(Func<DateTimeOffset> twilioClock)
{
    private readonly List<(string To, string From, string Body, DateTimeOffset Created)> _texts = [];
    private int _lookups;

    /// <summary>False: texts are taken (answered) but never reach the log.</summary>
    public bool Keeps { get; set; } = true;

    /// <summary>How often the log was listed.</summary>
    public int Lookups => Volatile.Read(ref _lookups);

    /// <summary>Answers a listing; logs a created text and lets the channel answer it (null).</summary>
    public (int Status, string Json)? Answer(string path, string body)
    {
        if (!path.Contains("/Messages.json", StringComparison.Ordinal))
        {
            return null;
        }

        if (body.Length > 0)
        {
            var form = HttpUtility.ParseQueryString(body);
            lock (_texts)
            {
                if (Keeps)
                {
                    _texts.Add((form["To"]!, form["From"] ?? "", form["Body"] ?? "", twilioClock()));
                }
            }

            return null;
        }

        Interlocked.Increment(ref _lookups);
        var to = HttpUtility.ParseQueryString(new Uri("http://x" + path).Query)["To"];
        var messages = new JsonArray();
        lock (_texts)
        {
            foreach (var sent in _texts.Where(m => m.To == to).Reverse())
            {
                messages.Add(new JsonObject
                {
                    ["sid"] = "SM" + Guid.NewGuid().ToString("N"), ["to"] = sent.To, ["from"] = sent.From, ["body"] = sent.Body,
                    ["direction"] = "outbound-api", ["status"] = "sent",
                    ["date_created"] = sent.Created.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture),
                });
            }
        }

        var page = new JsonObject
        {
            ["messages"] = messages, ["uri"] = path, ["page"] = 0, ["page_size"] = 20, ["first_page_uri"] = path, ["next_page_uri"] = null, ["previous_page_uri"] = null,
        };
        return (200, page.ToJsonString());
    }
}
