using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;

namespace LeashBot.LoadTest;

/// <summary>
/// Practice reminders under load, end to end: owners ask for a reminder at the same minute (real turns: Teams
/// activities on /api/messages, or signed Twilio webhooks on /api/sms/twilio), then two LeashBot processes on one store
/// (one SQLite file, or Azurite's Blob service: the scale-out path, due blobs taken with Blob leases) send them all, through
/// ContinueConversationAsync to a connector or through Twilio's Messages API, both played by this program
/// (<see cref="SimulatedReminderChannels"/>); one process is killed with SIGKILL mid-way and started again. Counts what
/// arrived: every reminder once (none lost), any twice (a send the killed process made but could not mark), how many
/// within the minute after they were due, the machine's load average meanwhile, the hosts' own measure of how long
/// sends were in doubt, and what became of the killed process's unconfirmed sends under the route's policy.
/// </summary>
internal sealed class ReminderBenchmark(string leashBotDll, int owners, string store, string route, string policy, Action<string> log)
{
    public const string Sqlite = "sqlite";
    public const string Blob = "blob";
    public const string Connector = "connector";
    public const string Twilio = "twilio";
    private const string AuthToken = "bench-twilio-auth-token-0123456789abcdef";
    private const string PublicBase = "https://bot.bench.example";
    private const string ClinicNumber = "+15550100100";
    private const string SmsPath = "/api/sms/twilio";

    /// <summary>The outcome, one row of the README's table.</summary>
    public ReminderRun? Result { get; private set; }

    public async Task<int> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("leashbot-reminders-").FullName;
        await using var channels = new SimulatedReminderChannels();
        Azurite? blobs = null;
        List<string> settings = ["--Reminders:Enabled=true", "--Reminders:PollSeconds=1", "--Reminders:LeaseSeconds=10", "--Reminders:WhenUnconfirmed=" + policy,
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:LeashBot.Coaching.Reminders.ReminderSender=Information", "--Logging:Console:FormatterName=simple",
            "--Logging:Console:FormatterOptions:SingleLine=true",

            // The processes share a send journal folder, as App Service instances share /home: a send the kill
            // interrupted is known to have left, or not, unless it was in flight at that very moment.
            "--Reminders:SendJournalFolder=" + Path.Combine(folder, "journal")];
        HostProcess? first = null, second = null, restarted = null;
        var setUp = owners;
        try
        {
            if (store == Blob)
            {
                var azurite = Azurite.Find(out var problem) ?? throw new SetupException(problem);
                blobs = await Azurite.StartAsync(azurite);
                settings.AddRange(["--Storage:Provider=Blob", "--Storage:Blob:ConnectionString=" + blobs.ConnectionString, "--Storage:Blob:Container=reminders-bench"]);
            }
            else
            {
                settings.AddRange(["--Storage:Provider=Sqlite", "--Storage:Sqlite:Path=" + Path.Combine(folder, "leashbot.db")]);
            }

            // A zone where it is daytime, and a minute far enough ahead for every owner to ask first.
            var now = DateTimeOffset.UtcNow;
            var zone = TimeZoneInfo.GetSystemTimeZones().First(z => z.Id.Contains('/', StringComparison.Ordinal) && TimeZoneInfo.ConvertTime(now, z).Hour is >= 10 and < 17);
            if (route == Twilio)
            {
                settings.AddRange(["--Sms:Twilio:AuthToken=" + AuthToken, "--Sms:Twilio:PublicBaseUrl=" + PublicBase, "--Sms:Twilio:AccountSid=AC00000000000000000000000000000001",
                    "--Sms:Twilio:FromNumber=" + ClinicNumber, "--Sms:Twilio:ApiBaseUrl=" + channels.Url, "--Organization:TimeZone=" + zone.Id]);
            }

            first = HostProcess.Start("leashbot-a", leashBotDll, settings);
            await first.WaitReadyAsync(TimeSpan.FromSeconds(90));

            using var http = new HttpClient { BaseAddress = first.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };

            // How fast owners can ask on this machine right now: a few ask for a reminder hours ahead (not counted), so
            // the due minute leaves every counted owner time to ask first, and the second process time to start.
            // The first of them only warm the process up (its first turns are slow), the rest are timed.
            var probe = Math.Clamp(owners / 50, 24, 100);
            var later = "remind me at " + TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).AddHours(3).ToString("h:mmtt", CultureInfo.InvariantCulture).ToLowerInvariant();
            await AskAsync(http, owners, probe, later, zone.Id, channels.Url);
            var probing = Stopwatch.StartNew();
            await AskAsync(http, owners + probe, probe, later, zone.Id, channels.Url);
            var perSecond = probe / probing.Elapsed.TotalSeconds;
            var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow + TimeSpan.FromSeconds((owners / perSecond * 1.3) + 90), zone);
            var dueLocal = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0).AddMinutes(1);
            var due = new DateTimeOffset(dueLocal, zone.GetUtcOffset(dueLocal));
            var ask = "remind me at " + dueLocal.ToString("h:mmtt", CultureInfo.InvariantCulture).ToLowerInvariant() + " pls";
            log($"{store}, {route}, unconfirmed sends: {policy}: {owners} owners ask \"{ask}\" in {zone.Id}; due {due.UtcDateTime:HH:mm:ss} UTC (asking ran at {perSecond:0} turns/s)");

            var seeding = Stopwatch.StartNew();
            var failed = await AskAsync(http, 0, owners, ask, zone.Id, channels.Url);
            setUp = owners - failed;
            log($"asked in {seeding.Elapsed.TotalSeconds:0.0} s ({owners / seeding.Elapsed.TotalSeconds:0} turns/s), {failed} not set (a turn that failed; not counted below)");
            if (DateTimeOffset.UtcNow >= due)
            {
                log("warning: asking took past the due minute; the reminders are late from the start");
            }

            second = HostProcess.Start("leashbot-b", leashBotDll, settings);
            await second.WaitReadyAsync(TimeSpan.FromSeconds(90));
            var waitForDue = due - DateTimeOffset.UtcNow;
            if (waitForDue > TimeSpan.Zero)
            {
                await Task.Delay(waitForDue);
            }

            var loadAtDue = LoadAverage();

            // Kill the first process with SIGKILL once a third has arrived, then start it again.
            var killAt = setUp / 3;
            DateTimeOffset? killed = null;
            // Until all arrived; or, after the kill, nothing more for 25 s (the killed process's claims run out after
            // 10 s; under WhenUnconfirmed=Skip the ones in doubt never come); at most three minutes.
            var deadline = due.AddMinutes(3);
            var (seen, lastNews) = (0, DateTimeOffset.UtcNow);
            while (channels.Distinct < setUp && DateTimeOffset.UtcNow < deadline && (killed is null || DateTimeOffset.UtcNow - lastNews < TimeSpan.FromSeconds(25)))
            {
                if (channels.Arrivals.Count != seen)
                {
                    (seen, lastNews) = (channels.Arrivals.Count, DateTimeOffset.UtcNow);
                }

                if (killed is null && channels.Distinct >= killAt)
                {
                    Process.GetProcessById(first.Pid).Kill();
                    killed = DateTimeOffset.UtcNow;
                    log($"killed leashbot-a (SIGKILL) at {channels.Distinct} delivered, {(killed.Value - due).TotalSeconds:0.0} s after due");
                    restarted = HostProcess.Start("leashbot-a2", leashBotDll, settings);
                }

                await Task.Delay(100);
            }

            var loadAtEnd = LoadAverage();

            // Late resends of a killed process's unconfirmed sends come once its claims run out (the lease, 10 s here).
            await Task.Delay(TimeSpan.FromSeconds(15));
            var arrivals = channels.Arrivals.ToArray();
            var lastAfterDue = arrivals.Length == 0 ? double.NaN : (arrivals.Max() - due).TotalSeconds;
            var firstAfterDue = arrivals.Length == 0 ? double.NaN : (arrivals.Min() - due).TotalSeconds;
            var withinMinute = channels.FirstArrivals.Values.Count(a => a - due < TimeSpan.FromMinutes(1));
            var repeated = channels.Repeated();
            var lost = setUp - channels.Distinct;
            var survivors = new[] { second, restarted }.Where(h => h is not null).Select(h => h!).ToList();
            var interrupted = survivors.Sum(h => h.Output.Count(l => l.Contains("An interrupted reminder send", StringComparison.Ordinal)));
            var notResent = survivors.Sum(h => h.Output.Count(l => l.Contains("can't tell; not sending it again", StringComparison.Ordinal)));
            var foundInLog = survivors.Sum(h => h.Output.Count(l => l.Contains("had taken it; marked sent", StringComparison.Ordinal)));
            var inDoubt = survivors.SelectMany(h => h.Output.Where(l => l.Contains("Reminders sent in the round", StringComparison.Ordinal)).Select(l => h.Name + ": " + l[l.IndexOf("Reminders sent", StringComparison.Ordinal)..])).ToList();
            Result = new ReminderRun(store, route, route == Twilio ? "asks Twilio's log" : policy, setUp, withinMinute, Math.Round(lastAfterDue, 1), repeated.Count, lost, $"{loadAtDue}–{loadAtEnd}", killed is not null);
            log("");
            log($"store:                       {store} (two processes; the queue: {(store == Blob ? "due blobs with Blob leases on Azurite" : "a table in the SQLite file")})");
            log($"route:                       {(route == Twilio ? "Twilio's Messages API (simulated, with its message log)" : "Bot Framework connector (simulated Teams)")}; unconfirmed sends: {policy}");
            log($"reminders due in one minute: {setUp}");
            log($"delivered (distinct):        {channels.Distinct}  lost: {lost}");
            log($"sent within the minute:      {withinMinute}");
            log($"arrivals:                    {arrivals.Length}  more than once: {repeated.Count}");
            if (killed is { } at && repeated.Count > 0)
            {
                var before = repeated.Select(r => (at - r.First).TotalMilliseconds).Order().ToArray();
                log($"repeats first arrived:       {before[0]:0} to {before[^1]:0} ms before the kill (median {before[before.Length / 2]:0} ms): the killed process's sends in flight");
            }

            log($"interrupted sends taken up:  {interrupted} (found in Twilio's log: {foundInLog}; not sent again, unconfirmed: {notResent}; Twilio log lookups: {channels.LogLookups})");
            if (notResent > 0)
            {
                log($"of those not sent again:     {notResent - lost} had reached the channel before the kill (delivered once), {lost} had not (lost)");
            }
            log($"first / last arrival:        {firstAfterDue:0.0} s / {lastAfterDue:0.0} s after due (within the minute: {lastAfterDue < 60})");
            log($"killed mid-send:             {(killed is null ? "no (all sent before a third arrived)" : "yes")}");
            log($"load average (1 min):        {loadAtDue} at due, {loadAtEnd} when the last arrived ({Environment.ProcessorCount} cores)");
            foreach (var line in inDoubt)
            {
                log("in doubt, as the host saw it: " + line);
            }

            return lost == 0 && lastAfterDue < 60 && repeated.Count == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var host in new[] { first, second, restarted })
            {
                if (host is not null)
                {
                    await host.DisposeAsync();
                }
            }

            if (blobs is not null)
            {
                await blobs.DisposeAsync();
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Owners <paramref name="first"/> to first + count - 1 ask <paramref name="ask"/>; returns how many were not set.</summary>
    private async Task<int> AskAsync(HttpClient http, int first, int count, string ask, string zone, string connector)
    {
        var failed = 0;
        await Parallel.ForEachAsync(Enumerable.Range(first, count), new ParallelOptions { MaxDegreeOfParallelism = 24 }, async (i, ct) =>
        {
            using var response = route == Twilio ? await TextAsync(http, i, ask, ct) : await TeamsAsync(http, i, ask, zone, connector, ct);
            if (!response.IsSuccessStatusCode || !(await response.Content.ReadAsStringAsync(ct)).Contains("Done!", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref failed);
            }
        });
        return failed;
    }

    private static Task<HttpResponseMessage> TeamsAsync(HttpClient http, int i, string ask, string zone, string connector, CancellationToken ct) =>
        http.PostAsJsonAsync("/api/messages", new
        {
            type = "message", id = "m" + i, channelId = "msteams", serviceUrl = connector, deliveryMode = "expectReplies",
            conversation = new { id = "a:conv-" + i, conversationType = "personal", tenantId = "t1" },
            from = new { id = "29:owner-" + i }, recipient = new { id = "28:leashbot" }, localTimezone = zone, text = ask,
        }, ct);

    /// <summary>An owner's text as Twilio posts it to LeashBot's webhook, signed with the account's auth token.</summary>
    private static async Task<HttpResponseMessage> TextAsync(HttpClient http, int i, string ask, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + i.ToString("D32", CultureInfo.InvariantCulture),
            ["AccountSid"] = "AC00000000000000000000000000000001",
            ["From"] = "+1555" + (2_000_000 + i).ToString("D7", CultureInfo.InvariantCulture),
            ["To"] = ClinicNumber,
            ["Body"] = ask,
            ["NumMedia"] = "0",
        };
        var signed = new StringBuilder(PublicBase + SmsPath);
        foreach (var (name, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            signed.Append(name).Append(value);
        }

        // SHA-1 is Twilio's choice, not ours.
#pragma warning disable CA5350
        var signature = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(AuthToken), Encoding.UTF8.GetBytes(signed.ToString())));
#pragma warning restore CA5350
        using var request = new HttpRequestMessage(HttpMethod.Post, SmsPath) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", signature);
        return await http.SendAsync(request, ct);
    }

    /// <summary>The machine's 1-minute load average, as /proc/loadavg gives it ("?" where there is none).</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}

/// <summary>One reminders run: the store, route and policy, how many were due, sent within the minute, the last one's delay, repeats, lost, the load.</summary>
internal sealed record ReminderRun(string Store, string Route, string Policy, int Reminders, int WithinMinute, double LastAfterDueSeconds, int PostedTwice, int Lost, string Load, bool Killed);
