using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace LeashBot.LoadTest;

/// <summary>
/// Practice reminders under load, end to end: owners ask for a reminder at the same minute in a Teams chat (real turns
/// on /api/messages), then two LeashBot processes on one store (one SQLite file, or Azurite's Blob and queue services:
/// the Azure Storage Queues path) send them all through ContinueConversationAsync to a connector played by this
/// program; one process is killed with SIGKILL mid-way and started again. Counts what the simulated connector
/// received: every delivery id once (none lost), any id posted twice (a send the killed process made but could not
/// mark), how many arrived within the minute after they were due, and the machine's load average meanwhile.
/// </summary>
internal sealed class ReminderBenchmark(string leashBotDll, int owners, string store, Action<string> log)
{
    private readonly ConcurrentDictionary<string, int> _deliveries = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstArrival = new();
    private readonly ConcurrentQueue<DateTimeOffset> _arrivals = new();

    public const string Sqlite = "sqlite";
    public const string Blob = "blob";

    /// <summary>The outcome, one row of the README's table.</summary>
    public ReminderRun? Result { get; private set; }

    public async Task<int> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("leashbot-reminders-").FullName;
        var port = HostProcess.FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        using var stop = new CancellationTokenSource();
        var serving = Task.WhenAll(Enumerable.Range(0, 16).Select(_ => ServeAsync(listener, stop.Token)));
        Azurite? blobs = null, queues = null;
        List<string> settings = ["--Reminders:Enabled=true", "--Reminders:PollSeconds=1", "--Reminders:LeaseSeconds=10", "--Logging:LogLevel:Default=Warning"];
        HostProcess? first = null, second = null, restarted = null;
        var setUp = owners;
        try
        {
            if (store == Blob)
            {
                var azurite = Azurite.Find(out var problem) ?? throw new SetupException(problem);
                blobs = await Azurite.StartAsync(azurite);
                queues = await Azurite.StartAsync(azurite, Azurite.QueueService);
                settings.AddRange(["--Storage:Provider=Blob", "--Storage:Blob:ConnectionString=" + blobs.ConnectionString, "--Storage:Blob:Container=reminders-bench",
                    "--Storage:Queue:ConnectionString=" + queues.ConnectionString]);
            }
            else
            {
                settings.AddRange(["--Storage:Provider=Sqlite", "--Storage:Sqlite:Path=" + Path.Combine(folder, "leashbot.db")]);
            }

            first = HostProcess.Start("leashbot-a", leashBotDll, settings);
            await first.WaitReadyAsync(TimeSpan.FromSeconds(90));

            // A zone where it is daytime, and a minute far enough ahead for every owner to ask first.
            var now = DateTimeOffset.UtcNow;
            var zone = TimeZoneInfo.GetSystemTimeZones().First(z => z.Id.Contains('/', StringComparison.Ordinal) && TimeZoneInfo.ConvertTime(now, z).Hour is >= 10 and < 17);
            var local = TimeZoneInfo.ConvertTime(now, zone);
            var dueLocal = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0).AddMinutes(Math.Max(3, (owners / 1500) + 2));
            var due = new DateTimeOffset(dueLocal, zone.GetUtcOffset(dueLocal));
            var ask = "remind me at " + dueLocal.ToString("h:mmtt", CultureInfo.InvariantCulture).ToLowerInvariant() + " pls";
            log($"{store}: {owners} owners ask \"{ask}\" in {zone.Id}; due {due:HH:mm:ss}Z");

            var seeding = Stopwatch.StartNew();
            using (var http = new HttpClient { BaseAddress = first.BaseAddress, Timeout = TimeSpan.FromSeconds(60) })
            {
                var failed = 0;
                setUp = owners;
                await Parallel.ForEachAsync(Enumerable.Range(0, owners), new ParallelOptions { MaxDegreeOfParallelism = 24 }, async (i, ct) =>
                {
                    using var response = await http.PostAsJsonAsync("/api/messages", new
                    {
                        type = "message", id = "m" + i, channelId = "msteams", serviceUrl = $"http://127.0.0.1:{port}/", deliveryMode = "expectReplies",
                        conversation = new { id = "a:conv-" + i, conversationType = "personal", tenantId = "t1" },
                        from = new { id = "29:owner-" + i }, recipient = new { id = "28:leashbot" }, localTimezone = zone.Id, text = ask,
                    }, ct);
                    if (!response.IsSuccessStatusCode || !(await response.Content.ReadAsStringAsync(ct)).Contains("Done!", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref failed);
                    }
                });
                setUp = owners - failed;
                log($"asked in {seeding.Elapsed.TotalSeconds:0.0} s ({owners / seeding.Elapsed.TotalSeconds:0} turns/s), {failed} not set (a turn that failed; not counted below)");
            }

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
            var deadline = due.AddMinutes(3);
            while (_deliveries.Count < setUp && DateTimeOffset.UtcNow < deadline)
            {
                if (killed is null && _deliveries.Count >= killAt)
                {
                    Process.GetProcessById(first.Pid).Kill();
                    killed = DateTimeOffset.UtcNow;
                    log($"killed leashbot-a (SIGKILL) at {_deliveries.Count} delivered, {(killed.Value - due).TotalSeconds:0.0} s after due");
                    restarted = HostProcess.Start("leashbot-a2", leashBotDll, settings);
                }

                await Task.Delay(100);
            }

            var loadAtEnd = LoadAverage();

            // Late resends of a killed process's unconfirmed sends come once its claims run out (the lease, 10 s here).
            await Task.Delay(TimeSpan.FromSeconds(15));
            var arrivals = _arrivals.ToArray();
            var lastAfterDue = arrivals.Length == 0 ? double.NaN : (arrivals.Max() - due).TotalSeconds;
            var firstAfterDue = arrivals.Length == 0 ? double.NaN : (arrivals.Min() - due).TotalSeconds;
            var withinMinute = _firstArrival.Values.Count(a => a - due < TimeSpan.FromMinutes(1));
            var twice = _deliveries.Count(d => d.Value > 1);
            Result = new ReminderRun(store, setUp, withinMinute, Math.Round(lastAfterDue, 1), twice, setUp - _deliveries.Count, $"{loadAtDue}–{loadAtEnd}", killed is not null);
            log("");
            log($"store:                       {store} (two processes; the queue: {(store == Blob ? "Azure Storage Queues on Azurite" : "a table in the SQLite file")})");
            log($"reminders due in one minute: {setUp}");
            log($"delivered (distinct ids):    {_deliveries.Count}  lost: {setUp - _deliveries.Count}");
            log($"sent within the minute:      {withinMinute}");
            log($"posts to the connector:      {arrivals.Length}  ids posted more than once: {twice}");
            log($"first / last arrival:        {firstAfterDue:0.0} s / {lastAfterDue:0.0} s after due (within the minute: {lastAfterDue < 60})");
            log($"killed mid-send:             {(killed is null ? "no (all sent before a third arrived)" : "yes")}");
            log($"load average (1 min):        {loadAtDue} at due, {loadAtEnd} when the last arrived ({Environment.ProcessorCount} cores)");
            return _deliveries.Count == setUp && lastAfterDue < 60 && twice == 0 ? 0 : 1;
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

            foreach (var azurite in new[] { blobs, queues })
            {
                if (azurite is not null)
                {
                    await azurite.DisposeAsync();
                }
            }

            await stop.CancelAsync();
            listener.Stop();
            try
            {
                await serving;
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
            {
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task ServeAsync(HttpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                var body = await reader.ReadToEndAsync(cancellationToken);
                var id = JsonNode.Parse(body)?["leashbotDeliveryId"]?.GetValue<string>() ?? "(none)";
                var now = DateTimeOffset.UtcNow;
                _deliveries.AddOrUpdate(id, 1, (_, n) => n + 1);
                _firstArrival.TryAdd(id, now);
                _arrivals.Enqueue(now);
            }

            var answer = "{\"id\":\"sent\"}"u8.ToArray();
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(answer, cancellationToken);
            context.Response.Close();
        }
    }

    /// <summary>The machine's 1-minute load average, as /proc/loadavg gives it ("?" where there is none).</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}

/// <summary>One reminders run: the store, how many were due, sent within the minute, the last one's delay, repeats, lost, the load.</summary>
internal sealed record ReminderRun(string Store, int Reminders, int WithinMinute, double LastAfterDueSeconds, int PostedTwice, int Lost, string Load, bool Killed);
