using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using LeashBot.Tests.Channels;

namespace LeashBot.Tests.Reminders;

/// <summary>
/// A kill -9 in the middle of a send, with real processes on one SQLite file: LeashBot sends two reminders due the same
/// minute, one to a Teams owner (a simulated Bot Framework connector) and one by the direct Twilio route (a simulated
/// Twilio Messages API with its message log). Both services take the reminder and hold their answer; the process is
/// killed with SIGKILL before it can mark either sent, and a second process on the same file takes over once the
/// claims run out. Runs on the real clock (two to three minutes: the reminders are due a minute after the next whole
/// minute, so a slow machine still has time to set them).
/// </summary>
public sealed class ReminderKillTests
{
    private const string AuthToken = "kill-test-twilio-auth-token-0123456789";
    private const string PublicBase = "https://bot.clinic.example";
    private const string ClinicNumber = "+15550100100";
    private const string OwnerNumber = "+15557654321";

    [Fact]
    public async Task After_a_kill_mid_send_Twilio_texts_are_found_in_its_log_and_not_sent_again_and_Teams_ones_are_not_repeated_Simulated_Teams_connector_and_Twilio_API()
    {
        await using var services = await SimulatedChannel.StartAsync();
        var twilioLog = new TwilioMessageLog(() => DateTimeOffset.UtcNow);
        services.Success = (201, "{\"sid\":\"SM00000000000000000000000000000001\",\"status\":\"queued\"}");

        // Both take their reminder and hold the answer (the sender is killed meanwhile).
        services.Lookup = twilioLog.Answer;
        services.Delay = TimeSpan.FromSeconds(15);

        var folder = Directory.CreateTempSubdirectory("leashbot-kill-").FullName;
        var now = DateTimeOffset.UtcNow;
        var zone = TimeZoneInfo.GetSystemTimeZones().First(z => z.Id.Contains('/', StringComparison.Ordinal) && TimeZoneInfo.ConvertTime(now, z).Hour is >= 10 and < 17);
        string[] settings =
        [
            "--Storage:Provider=Sqlite", "--Storage:Sqlite:Path=" + Path.Combine(folder, "leashbot.db"),
            "--Reminders:Enabled=true", "--Reminders:PollSeconds=1", "--Reminders:LeaseSeconds=5",
            "--Sms:Twilio:AuthToken=" + AuthToken, "--Sms:Twilio:PublicBaseUrl=" + PublicBase, "--Sms:Twilio:AccountSid=AC00000000000000000000000000000001",
            "--Sms:Twilio:FromNumber=" + ClinicNumber, "--Sms:Twilio:ApiBaseUrl=" + services.Url, "--Organization:TimeZone=" + zone.Id,
            "--Logging:LogLevel:Default=Warning", "--Logging:Console:FormatterName=simple", "--Logging:Console:FormatterOptions:SingleLine=true",
        ];
        HostProcess? first = null, second = null;
        try
        {
            first = HostProcess.Start("leashbot-a", RepoRoot.HostDll(), settings);
            await first.WaitReadyAsync(TimeSpan.FromSeconds(60));
            var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone);
            var dueLocal = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0).AddMinutes(2);
            var ask = "remind me at " + dueLocal.ToString("h:mmtt", CultureInfo.InvariantCulture).ToLowerInvariant();
            using (var http = new HttpClient { BaseAddress = first.BaseAddress })
            {
                using var teams = await http.PostAsJsonAsync("/api/messages", new
                {
                    type = "message", id = "m1", channelId = "msteams", serviceUrl = services.Url, deliveryMode = "expectReplies",
                    conversation = new { id = "a:conv-kill", conversationType = "personal", tenantId = "t1" },
                    from = new { id = "29:owner-kill" }, recipient = new { id = "28:leashbot" }, localTimezone = zone.Id, text = ask + " pls",
                });
                Assert.Contains("Done!", await teams.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                Assert.Contains("Done!", await TextAsync(http, "pls " + ask), StringComparison.Ordinal);
            }

            // Both services take their reminder and hold the answer; the sender is killed before it can mark either.
            var waiting = Stopwatch.StartNew();
            while (services.Requests.Count < 2 && waiting.Elapsed < TimeSpan.FromSeconds(200))
            {
                await Task.Delay(50);
            }

            Assert.True(services.Requests.Count == 2, $"{services.Requests.Count} of the 2 reminders due at {ask} arrived:\n{first.Tail()}");
            Process.GetProcessById(first.Pid).Kill();
            await first.DisposeAsync();
            services.Delay = TimeSpan.Zero;

            // A second process on the same file takes both up once their claims (5 s) have run out.
            second = HostProcess.Start("leashbot-b", RepoRoot.HostDll(), settings);
            await second.WaitReadyAsync(TimeSpan.FromSeconds(60));
            waiting.Restart();
            while ((twilioLog.Lookups == 0 || !second.Output.Any(l => l.Contains("not sending it again", StringComparison.Ordinal))) && waiting.Elapsed < TimeSpan.FromSeconds(40))
            {
                await Task.Delay(100);
            }

            await Task.Delay(TimeSpan.FromSeconds(3));

            // Twilio's log had the text: marked sent, no second text. Teams can't be asked: not sent again (the default).
            Assert.Equal(1, twilioLog.Lookups);
            Assert.Equal(2, services.Requests.Count);
            Assert.Single(services.Requests, r => r.Path.Contains("/Messages.json", StringComparison.Ordinal));
            Assert.Single(services.Requests, r => r.Path.Contains("/v3/conversations/", StringComparison.Ordinal));
            Assert.Contains(second.Output, l => l.Contains("had taken it; marked sent", StringComparison.Ordinal));
            Assert.Contains(second.Output, l => l.Contains("can't tell; not sending it again", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var host in new[] { first, second })
            {
                if (host is not null)
                {
                    await host.DisposeAsync();
                }
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>An owner's text as Twilio posts it to LeashBot's webhook, signed; returns the TwiML reply.</summary>
    private static async Task<string> TextAsync(HttpClient http, string body)
    {
        var fields = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"),
            ["AccountSid"] = "AC00000000000000000000000000000001",
            ["From"] = OwnerNumber,
            ["To"] = ClinicNumber,
            ["Body"] = body,
            ["NumMedia"] = "0",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sms/twilio");
        request.Headers.Add("X-Twilio-Signature", TwilioSmsTests.Sign(AuthToken, PublicBase + "/api/sms/twilio", fields));
        request.Content = new FormUrlEncodedContent(fields);
        using var response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}
