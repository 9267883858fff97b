using System.Net;
using System.Web;
using System.Xml.Linq;
using LeashBot.Channels.Sms;
using LeashBot.Tests.Channels;
using LeashBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LeashBot.Tests.Reminders;

/// <summary>
/// Reminders for owners on LeashBot's own Twilio webhook, sent with the Twilio SDK through Twilio's Messages API, here
/// a simulated Twilio API on a real port (Twilio's servers can't be reached from tests).
/// </summary>
public sealed class TwilioReminderTests : IAsyncLifetime
{
    private const string AuthToken = "twilio-test-auth-token-0123456789";
    private const string PublicBase = "https://bot.clinic.example";
    private const string AccountSid = "AC00000000000000000000000000000001";
    private const string Number = "+15557654321";
    private const string Chicago = "America/Chicago";
    private SimulatedChannel _twilio = null!;
    private BotHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _twilio = await SimulatedChannel.StartAsync();
        _twilio.Success = (201, "{\"sid\":\"SM00000000000000000000000000000001\",\"status\":\"queued\"}");
        _host = ReminderHost.Create(new()
        {
            ["Sms:Twilio:AuthToken"] = AuthToken,
            ["Sms:Twilio:PublicBaseUrl"] = PublicBase,
            ["Sms:Twilio:AccountSid"] = AccountSid,
            ["Sms:Twilio:FromNumber"] = "+15550100100",
            ["Sms:Twilio:ApiBaseUrl"] = _twilio.Url,
            ["Organization:TimeZone"] = Chicago,
            ["Reminders:LeaseSeconds"] = "5",
        });
        _http = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _host.Dispose();
        await _twilio.DisposeAsync();
    }

    private async Task<string> TextAsync(string body)
    {
        var fields = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"),
            ["AccountSid"] = AccountSid,
            ["From"] = Number,
            ["To"] = "+15550100100",
            ["Body"] = body,
            ["NumMedia"] = "0",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, TwilioSmsEndpoint.Path);
        request.Headers.Add("X-Twilio-Signature", TwilioSmsTests.Sign(AuthToken, PublicBase + TwilioSmsEndpoint.Path, fields));
        request.Content = new FormUrlEncodedContent(fields);
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return string.Join("\n", XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements("Message").Select(m => m.Value));
    }

    [Fact]
    public async Task Reminders_go_through_Twilios_Messages_API_and_STOP_ends_them_until_START_Simulated_Twilio_API()
    {
        Assert.Contains("every day at 7pm", await TextAsync("remind me every evening at 7"), StringComparison.Ordinal);

        // The number is kept only sealed; the owner's id stays a keyed hash.
        var database = _host.Settings["Storage:Sqlite:Path"]!;
        var stored = await File.ReadAllTextAsync(database) + (File.Exists(database + "-wal") ? Convert.ToHexString(await File.ReadAllBytesAsync(database + "-wal")) + await File.ReadAllTextAsync(database + "-wal") : "");
        _host.MoveTo(Chicago, 19, 0);
        await _host.SendDueAsync();
        var (path, body) = Assert.Single(_twilio.Requests);
        Assert.Equal($"/2010-04-01/Accounts/{AccountSid}/Messages.json", path);
        var form = HttpUtility.ParseQueryString(body);
        Assert.Equal(Number, form["To"]);
        Assert.Equal("+15550100100", form["From"]);
        Assert.Contains("Reply STOP", form["Body"], StringComparison.Ordinal);

        // STOP: confirmed once, and no reminder goes out after it, however many days pass.
        Assert.Contains("unsubscribed", await TextAsync("STOP"), StringComparison.Ordinal);
        Assert.Equal("", await TextAsync("stop"));
        for (var day = 0; day < 3; day++)
        {
            _host.MoveTo(Chicago, 19, 0);
            await _host.SendDueAsync();
        }

        Assert.Single(_twilio.Requests);

        await TextAsync("START");
        _host.MoveTo(Chicago, 19, 0);
        await _host.SendDueAsync();
        Assert.Equal(2, _twilio.Requests.Count);
        Assert.DoesNotContain("Reply STOP", HttpUtility.ParseQueryString(_twilio.Requests.Last().Body)["Body"], StringComparison.Ordinal);
        Assert.DoesNotContain(Number, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sms_owner_sets_changes_pauses_and_stops_reminders_by_text_and_the_texts_follow_Simulated_Twilio_API()
    {
        Assert.Contains("every day at 7pm", await TextAsync("remind me to practise every evening at 7"), StringComparison.Ordinal);
        Assert.Contains("at 6:30pm", await TextAsync("can u make it 6.30pm instead"), StringComparison.Ordinal);
        _host.MoveTo(Chicago, 18, 30);
        await _host.SendDueAsync();
        Assert.Single(_twilio.Requests);

        // Paused for a week: no texts in it, then they come back by themselves.
        Assert.Contains("paused until", await TextAsync("pls pause reminders for a week, away on holiday"), StringComparison.Ordinal);
        for (var day = 0; day < 6; day++)
        {
            _host.MoveTo(Chicago, 18, 30);
            await _host.SendDueAsync();
        }

        Assert.Single(_twilio.Requests);
        _host.MoveTo(Chicago, 18, 30);
        await _host.SendDueAsync();
        Assert.Equal(2, _twilio.Requests.Count);

        // Stopped in words (not the carrier keyword): no more texts, and the sealed number is gone.
        Assert.Contains("no more reminders", await TextAsync("i dont want the reminders anymore thx"), StringComparison.Ordinal);
        for (var day = 0; day < 5; day++)
        {
            _host.MoveTo(Chicago, 18, 30);
            await _host.SendDueAsync();
        }

        Assert.Equal(2, _twilio.Requests.Count);
        var owner = _host.Services.GetRequiredService<PhoneNumbers>().Pseudonym(Number);
        Assert.Null((await _host.RecordAsync("sms", owner))!.Address);
    }

    [Fact]
    public async Task A_number_Twilio_reports_unsubscribed_is_quieted_and_a_server_error_is_tried_again_Simulated_Twilio_API()
    {
        await TextAsync("nudge me at 6pm");
        _twilio.Failures.Enqueue((500, "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}"));
        _host.MoveTo(Chicago, 18, 0);
        await _host.SendDueAsync();
        _host.Clock.Advance(TimeSpan.FromSeconds(8));
        await _host.SendDueAsync();
        Assert.Equal(2, _twilio.Requests.Count);

        _twilio.Failures.Enqueue((400, "{\"code\":21610,\"message\":\"Attempt to send to unsubscribed recipient\",\"status\":400}"));
        _host.MoveTo(Chicago, 18, 0);
        await _host.SendDueAsync();
        var owner = _host.Services.GetRequiredService<PhoneNumbers>().Pseudonym(Number);
        Assert.True((await _host.RecordAsync("sms", owner))!.OptedOut);
        Assert.Equal(3, _twilio.Requests.Count);
    }

    [Fact]
    public async Task A_send_with_no_answer_within_its_claim_is_checked_in_Twilios_message_log_before_any_second_text_Simulated_Twilio_API()
    {
        // The simulated API keeps a message log as Twilio does, listed newest first by GET Messages.json?To=..., on
        // Twilio's own clock, here two minutes behind the host's.
        var log = new TwilioMessageLog(() => _host.Clock.GetUtcNow() - TimeSpan.FromMinutes(2));
        _twilio.Lookup = log.Answer;

        await TextAsync("nudge me at 6pm");
        var owner = _host.Services.GetRequiredService<PhoneNumbers>().Pseudonym(Number);

        // Twilio takes the text but answers too late: the send is abandoned before the claim on the day runs out.
        _twilio.Delay = TimeSpan.FromSeconds(6);
        _host.MoveTo(Chicago, 18, 0);
        await _host.SendDueAsync();
        _twilio.Delay = TimeSpan.Zero;
        Assert.Single(_twilio.Requests);
        Assert.Equal("sending", (await _host.RecordAsync("sms", owner))!.LastState);

        // The retry asks Twilio's log first, finds the text, and marks the day sent without a second one.
        _host.Clock.Advance(TimeSpan.FromSeconds(10));
        await _host.SendDueAsync();
        Assert.Equal(1, log.Lookups);
        Assert.Single(_twilio.Requests);
        Assert.Equal("sent", (await _host.RecordAsync("sms", owner))!.LastState);

        // Another day: a text that never reached Twilio's log (only yesterday's is there) is sent again after the same check.
        _twilio.Delay = TimeSpan.FromSeconds(6);
        log.Keeps = false;
        _host.MoveTo(Chicago, 18, 0);
        await _host.SendDueAsync();
        _twilio.Delay = TimeSpan.Zero;
        Assert.Equal(2, _twilio.Requests.Count);
        _host.Clock.Advance(TimeSpan.FromSeconds(10));
        await _host.SendDueAsync();
        Assert.Equal(2, log.Lookups);
        Assert.Equal(3, _twilio.Requests.Count);
        Assert.Equal("sent", (await _host.RecordAsync("sms", owner))!.LastState);
    }
}
