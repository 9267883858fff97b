using System.Net;
using System.Net.Http.Json;
using System.Text;
using LeashBot.Content;
using LeashBot.Hosting.StaffConsole;
using LeashBot.Tests.Reminders;
using LeashBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.StaffConsole;

/// <summary>The console's event log as the real host writes it, on a real SQLite file, and what the console makes of it.</summary>
public sealed class ConsoleEventTests
{
    private const string Gibberish = "wibble florp the zanzibar quoggle";

    private static (BotHost Host, string Db) Host(Dictionary<string, string?>? settings = null)
    {
        var folder = TempFolder.Create();
        var db = Path.Combine(folder, "leashbot.db");
        var host = BotHost.Create(new BotHostOptions { SqlitePath = db, Settings = settings });
        return (host, Path.Combine(folder, "leashbot.console.db"));
    }

    private static List<object?[]> Rows(BotHost host, string sql) => host.Services.GetRequiredService<EventLog>().Rows(sql);

    [Fact]
    public async Task A_turn_writes_counts_without_text_and_keeps_words_only_for_fallbacks_and_red_flags()
    {
        var (host, _) = Host();
        using var _ = host;
        var owner = host.NewOwner();
        (await owner.SaysAsync("which leash should I buy?")).Says("4 to 6 feet");
        await owner.SaysAsync(Gibberish);
        await owner.SaysAsync("whats the best pizza topping");
        (await owner.SaysAsync("she just collapsed and her gums look grey")).Says("vet");

        var kinds = Rows(host, "SELECT kind, topic, fallback, tier, systems FROM events ORDER BY id");
        Assert.Equal(4, kinds.Count(r => (string)r[0]! == EventLog.MessageKind));
        Assert.Contains(kinds, r => (string)r[0]! == "answered" && (string?)r[1] == "faq.leash");
        Assert.Contains(kinds, r => (string)r[0]! == "fallback" && (string?)r[2] is "not-sure" or "out-of-scope");
        var redFlag = Assert.Single(kinds, r => (string)r[0]! == "redflag");
        Assert.Equal("emergency", redFlag[3]);
        Assert.False(string.IsNullOrEmpty((string?)redFlag[4]));

        var texts = Rows(host, "SELECT e.kind, t.role, t.text FROM texts t JOIN events e ON e.id = t.event_id");
        Assert.DoesNotContain(texts, t => ((string)t[2]!).Contains("leash should", StringComparison.Ordinal) && (string)t[0]! != "redflag");
        Assert.Contains(texts, t => (string)t[0]! == "fallback" && (string)t[2]! == Gibberish);
        Assert.Contains(texts, t => (string)t[0]! == "redflag" && (string)t[1]! == KeptText.Message && ((string)t[2]!).Contains("collapsed", StringComparison.Ordinal));
        Assert.Contains(texts, t => (string)t[0]! == "redflag" && (string)t[1]! == KeptText.Before && ((string)t[2]!).Contains("leash should", StringComparison.Ordinal));
        Assert.All(Rows(host, "SELECT owner, conversation FROM events"), r => Assert.DoesNotContain(owner.UserId, (string)r[0]! + (string)r[1]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_No_to_Did_that_help_is_a_fallback_kept_with_the_question_and_counted_per_struggle()
    {
        var (host, _) = Host();
        using var _ = host;
        var owner = host.NewOwner();
        (await owner.SaysAsync("ugh he keeps freezing when we go outside")).Says("Did that help?");
        await owner.SaysAsync("no not really");

        Assert.Contains(Rows(host, "SELECT topic, helped FROM events WHERE kind = 'helped'"), r => (string?)r[0] == "struggle.freezes" && (long?)r[1] == 0);
        var missed = host.Services.GetRequiredService<ConsoleQueries>().Missed([Sites.Main], 30);
        Assert.Contains(missed, m => m.Kind == "did-not-help" && m.Topic == "struggle.freezes" && m.Text.Contains("freezing", StringComparison.Ordinal));
        var help = host.Services.GetRequiredService<ConsoleQueries>().Charts([Sites.Main], 30).Single(c => c.Name == "did-that-help");
        Assert.Equal(1, help.Series["no"][help.Labels.ToList().IndexOf("struggle.freezes")]);
    }

    [Fact]
    public async Task With_KeepMessages_off_no_words_are_kept_but_everything_is_counted()
    {
        var (host, _) = Host(new() { ["Console:KeepMessages"] = "false" });
        using var _ = host;
        var owner = host.NewOwner();
        await owner.SaysAsync(Gibberish);
        await owner.SaysAsync("my cat ate a lily leaf");
        Assert.Empty(Rows(host, "SELECT * FROM texts"));
        Assert.Contains(Rows(host, "SELECT kind FROM events"), r => (string)r[0]! == "redflag");
        Assert.Contains(Rows(host, "SELECT kind FROM events"), r => (string)r[0]! == "fallback");
    }

    [Fact]
    public async Task Forget_me_removes_the_owner_from_the_console_file_byte_for_byte_and_leaves_others()
    {
        var (host, db) = Host();
        using var _ = host;
        var owner = host.NewOwner();
        var other = host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Pumpernickel");
        await owner.SaysAsync(Gibberish);
        await owner.SaysAsync("pumpernickel is limping badly since this morning");
        await other.SaysAsync("zorblax quinty mcgee");
        string[] files = [db, db + "-wal"];
        Assert.NotEmpty(Rows(host, "SELECT * FROM texts")); // the console's view: what the turns queued is written by now
        Assert.True(Occurrences(files, "zanzibar") > 0);

        host.Clock.Advance(TimeSpan.FromDays(1));
        (await owner.SaysAsync("forget me")).Says("Are you sure");
        (await owner.SaysAsync("yes")).Says("deleted your profile");

        Assert.Equal(0, Occurrences(files, "zanzibar"));
        Assert.Equal(0, Occurrences(files, "limping"));
        Assert.Empty(Rows(host, "SELECT * FROM events WHERE kind = 'redflag'"));
        Assert.Contains(Rows(host, "SELECT t.text FROM texts t"), r => (string)r[0]! == "zorblax quinty mcgee");
    }

    [Fact]
    public async Task Turns_are_answered_while_another_process_holds_the_event_log_locked_and_are_logged_once_it_lets_go()
    {
        var (host, db) = Host();
        using var _ = host;
        var owner = host.NewOwner();
        await owner.SaysAsync("which leash should I buy?");
        var log = host.Services.GetRequiredService<EventLog>();
        Assert.Equal(2, Rows(host, "SELECT * FROM events").Count);

        // Another process's writer: SQLite's write lock on the console's file, held while the owner goes on talking.
        await using (var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString()))
        {
            other.Open();
            using var lockFile = other.CreateCommand();
            lockFile.CommandText = "BEGIN IMMEDIATE; INSERT INTO labels (site, text, topic, by, at) VALUES ('main', 'x', 'faq.leash', 'other', 0);";
            lockFile.ExecuteNonQuery();

            // Each reply comes while the log is locked (writing the turn first would wait out SQLite's busy timeout and
            // then Microsoft.Data.Sqlite's 30 s of retries).
            (await owner.SaysAsync("she just collapsed and her gums look grey").WaitAsync(TimeSpan.FromSeconds(20))).Says("vet");
            Assert.False(string.IsNullOrWhiteSpace((await owner.SaysAsync(Gibberish).WaitAsync(TimeSpan.FromSeconds(20))).All));
            Assert.True(log.Pending > 0);
            using var release = other.CreateCommand();
            release.CommandText = "ROLLBACK;";
            release.ExecuteNonQuery();
        }

        // Once the other process lets go, every turn is there, the words after the red flag kept with it.
        Assert.Single(Rows(host, "SELECT * FROM events WHERE kind = 'redflag'"));
        Assert.Equal(3, Rows(host, "SELECT * FROM events WHERE kind = 'message'").Count);
        Assert.Contains(Rows(host, "SELECT t.role, t.text FROM texts t JOIN events e ON e.id = t.event_id WHERE e.kind = 'redflag'"),
            r => (string)r[0]! == KeptText.After && (string)r[1]! == Gibberish);
        Assert.Equal(0, log.Pending);
        Assert.Equal(0, log.Dropped);
    }

    [Fact]
    public void A_log_that_falls_behind_stops_queuing_turns_at_its_limit_and_writes_the_ones_it_queued()
    {
        var db = Path.Combine(TempFolder.Create(), "console.db");
        using var log = new EventLog(db, maxPending: 3);
        var at = BotHostOptions.StartTime;
        using (var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString()))
        {
            other.Open();
            using var lockFile = other.CreateCommand();
            lockFile.CommandText = "BEGIN IMMEDIATE; INSERT INTO labels (site, text, topic, by, at) VALUES ('main', 'x', 'faq.leash', 'other', 0);";
            lockFile.ExecuteNonQuery();
            for (var i = 0; i < 10; i++)
            {
                log.Queue(new TurnRecord(at.AddSeconds(i), Sites.Main, "webchat", "conversation" + i, "owner" + i));
            }

            Assert.Equal(3, log.Pending);
            Assert.Equal(7, log.Dropped);
            using var release = other.CreateCommand();
            release.CommandText = "ROLLBACK;";
            release.ExecuteNonQuery();
        }

        Assert.Equal(["conversation0", "conversation1", "conversation2"], log.Rows("SELECT conversation FROM events ORDER BY id").Select(r => (string)r[0]!));
        Assert.Equal(0, log.Pending);
    }

    [Fact]
    public async Task Forgetting_an_owner_waits_for_the_owners_queued_turns_so_none_is_written_after_it()
    {
        var db = Path.Combine(TempFolder.Create(), "console.db");
        using var log = new EventLog(db);
        var at = BotHostOptions.StartTime;
        for (var i = 0; i < 200; i++)
        {
            log.Queue(new TurnRecord(at.AddSeconds(i), Sites.Main, "webchat", "conversation" + (i % 2), "owner" + (i % 2)));
        }

        await log.ForgetOwnerAsync("owner0", CancellationToken.None);
        log.Queue(new TurnRecord(at.AddSeconds(300), Sites.Main, "webchat", "conversation1", "owner1"));

        Assert.Empty(log.Rows("SELECT * FROM events WHERE owner = 'owner0'"));
        Assert.Equal(101, log.Rows("SELECT * FROM events WHERE owner = 'owner1'").Count);
    }

    [Fact]
    public async Task Retention_removes_kept_words_after_the_set_days_and_keeps_the_counts()
    {
        var (host, _) = Host(new() { ["Console:KeepMessagesDays"] = "30" });
        using var _ = host;
        await host.NewOwner().SaysAsync(Gibberish);
        var sweeper = host.Services.GetRequiredService<ConsoleSweeper>();
        host.Clock.Advance(TimeSpan.FromDays(29));
        sweeper.Sweep();
        Assert.Single(Rows(host, "SELECT * FROM texts"));
        host.Clock.Advance(TimeSpan.FromDays(2));
        sweeper.Sweep();
        Assert.Empty(Rows(host, "SELECT * FROM texts"));
        Assert.Equal(2, Rows(host, "SELECT * FROM events").Count);
    }

    [Fact]
    public async Task A_phrasing_labelled_and_applied_in_the_console_is_answered_right_in_a_new_chat_without_a_restart()
    {
        var (host, _) = Host();
        using var _ = host;
        const string Phrasing = "is it cool if fluffy rocks the gear all arvo";
        var first = await host.NewOwner().SaysAsync(Phrasing);
        Assert.Contains(Rows(host, "SELECT fallback FROM events WHERE kind = 'fallback'"), r => r[0] is not null);

        using var label = await PostJsonAsync(host, "/console/api/labels", new { topic = "faq.wearTime", texts = new[] { Phrasing }, apply = true });
        Assert.Equal(HttpStatusCode.OK, label.StatusCode);

        var wearTime = (await host.NewOwner().SaysAsync("how long can she wear the harness each day")).All;
        var again = await host.NewOwner().SaysAsync("Is it cool if Fluffy rocks the gear all arvo?");
        Assert.Equal(wearTime, again.All);
        Assert.NotEqual(first.All, again.All);

        // The overlay on disk passes its schema, as an editor would check it.
        var overlay = host.Services.GetRequiredService<LearnedPhrasingsStore>().Path;
        var schema = Json.Schema.JsonSchema.FromFile(Path.Combine(RepoRoot.Path, "dialogs", "schemas", "learned-phrasings.schema.json"));
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(overlay));
        var check = schema.Evaluate(document.RootElement, new() { OutputFormat = Json.Schema.OutputFormat.List });
        Assert.True(check.IsValid, string.Join("; ", (check.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Values)));
        Assert.Contains("fluffy rocks", File.ReadAllText(overlay), StringComparison.Ordinal);

        // A label for a topic that doesn't exist is refused like bad content, and nothing changes.
        using var wrong = await PostJsonAsync(host, "/console/api/labels", new { topic = "faq.nope", texts = new[] { Phrasing }, apply = true });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("faq.nope", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminder_opt_ins_and_opt_outs_are_counted_per_day_without_words_and_downloaded_as_CSV()
    {
        const string London = "Europe/London";
        var (host, _) = Host(ReminderHost.Settings());
        using var _ = host;
        var first = host.NewOwner();
        (await first.SaysInAsync("remind me to practise every evening at 7", London)).Says("every day at 7pm");
        (await first.SaysInAsync("actually make it weekdays at 8am", London)).Says("on weekdays at 8am");
        (await first.SaysInAsync("pause reminders for a week", London)).Says("paused until");
        var second = host.NewOwner();
        await second.SaysInAsync("can u nudge me tmrw morning", London);
        (await second.SaysInAsync("no more reminders pls", London)).Says("no more reminders");
        (await second.SaysInAsync("stop reminders", London)).Says("don't have any reminders");

        // Two owners turned reminders on (a change of time or a pause is not another), one stopped them; no words kept.
        var kinds = Rows(host, "SELECT e.kind, COUNT(DISTINCT e.id), COUNT(t.id) FROM events e LEFT JOIN texts t ON t.event_id = e.id WHERE e.kind LIKE 'reminder-%' GROUP BY e.kind ORDER BY e.kind");
        Assert.Equal(["reminder-opt-in:2:0", "reminder-opt-out:1:0"], kinds.Select(r => $"{r[0]}:{r[1]}:{r[2]}"));

        var chart = host.Services.GetRequiredService<ConsoleQueries>().Charts([Sites.Main], 7).Single(c => c.Name == "reminder-opt-ins");
        Assert.Equal(7, chart.Labels.Count);
        Assert.Equal(2, chart.Series["opted in"][^1]);
        Assert.Equal(1, chart.Series["opted out"][^1]);
        Assert.Equal(0, chart.Series["opted in"].Take(6).Sum());

        using var csv = await host.Http.GetAsync(new Uri("/console/api/charts/reminder-opt-ins.csv?days=7", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("label,opted in,opted out", lines[0]);
        Assert.EndsWith(",2,1", lines[^1], StringComparison.Ordinal);

        // "Forget me" takes the owner's opt-in with the rest.
        (await first.SaysAsync("forget me")).Says("Are you sure");
        (await first.SaysAsync("yes")).Says("deleted your profile");
        Assert.Equal(1L, Rows(host, "SELECT COUNT(*) FROM events WHERE kind = 'reminder-opt-in'").Single()[0]);
    }

    internal static async Task<HttpResponseMessage> PostJsonAsync(BotHost host, string path, object body, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Origin", origin ?? host.Origin);
        return await host.Http.SendAsync(request);
    }

    private static int Occurrences(string[] files, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return files.Where(File.Exists).Sum(f =>
        {
            var bytes = File.ReadAllBytes(f);
            var count = 0;
            for (var i = bytes.AsSpan().IndexOf(needle); i >= 0; i = bytes.AsSpan(i + 1).IndexOf(needle) is var next and >= 0 ? i + 1 + next : -1)
            {
                count++;
            }

            return count;
        });
    }
}
