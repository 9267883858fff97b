using LeashBot.Tests.Support;

namespace LeashBot.Tests.Content;

/// <summary>
/// Everything the bot says lives in dialogs/*.json, where the loader checks it against a schema: a string in C#
/// that reads like a reply fails this test. Strings for developers and operators (logs, exceptions, settings
/// problems, HTTP refusals) and for machines (ids, routes, headers, JSON names) are not wording; what the scan
/// can't tell apart by itself is listed below with the reason.
/// </summary>
public sealed class NoWordingInCodeTests
{
    /// <summary>Files (or folders) whose readable text never reaches a chat, and why.</summary>
    private static readonly Dictionary<string, string> NotWording = new(StringComparer.Ordinal)
    {
        ["src/LeashBot.Storage/"] = "SQL statements and storage-health reasons for /healthz and operators; storage can't send to a chat",
        ["src/LeashBot.Dialogs/YesNoRecognizer.cs"] = "the yes/no/unsure phrases owners type: read by the recognizer, never said",
        ["src/LeashBot/Content/Rules/"] = "problems in dialogs/ files, reported at start-up to whoever edits them",
        ["src/LeashBot/Content/BotContent.cs"] = "problems in dialogs/ files, reported at start-up to whoever edits them",
        ["src/LeashBot/Content/ReminderContent.cs"] = "problems in dialogs/reminders.json, reported at start-up to whoever edits it",
        ["src/LeashBot/Channels/DirectLine/DirectLineBody.cs"] = "why a Direct Line request body is refused, in the 4xx body for the calling client's developer",
        ["src/LeashBot/Hosting/IncomingActivity.cs"] = "why an activity is refused, in the 400 body for the calling client's developer",
        ["src/LeashBot/Understanding/FuzzyMatcher.cs"] = "the keyboard's rows, for how far apart two typed letters are",
        ["src/LeashBot/Channels/DirectLine/WebChatEndpoints.cs"] = "Cache-Control and Content-Type header values",
        ["src/LeashBot/Content/OpeningHours.cs"] = "why the opening-hours setting can't be read, for the operator",
        ["src/LeashBot/Hosting/EdgeOptions.cs"] = "the Content-Security-Policy header value",
        ["src/LeashBot/Hosting/StartupProblem.cs"] = "the marker in .NET's own options-validation message that it cuts at",
        ["src/LeashBot/State/TurnRunner.cs"] = "names the kind of record in log lines",
        ["src/LeashBot/Content/LearnedPhrasings.cs"] = "problems in the learned-phrasings overlay, shown to the staff member who labels and to the operator at start-up",
        ["src/LeashBot/Hosting/StaffConsole/EventLog"] = "SQL of the console's event log (EventLog.cs, EventLog.Rows.cs)",
        ["src/LeashBot/Hosting/StaffConsole/ConsoleEndpoints.cs"] = "SQL, header values and why a console request is refused (4xx bodies); the console's own words are in its pages",
        ["src/LeashBot/Hosting/StaffConsole/ConsoleOptions.cs"] = "a wrong console setting, for the operator at start-up",
        ["src/LeashBot/Hosting/StaffConsole/ConsoleServiceExtensions.cs"] = "a wrong Sites setting, for the operator at start-up",
        ["src/LeashBot/Hosting/StaffConsole/ConsoleQueries.cs"] = "SQL of the console's queries and the names of its chart series (data, shown as data)",
    };

    [Fact]
    public void No_source_file_holds_bot_wording()
    {
        var found = WordingScan.SourceFiles()
            .SelectMany(f => WordingScan.Find(File.ReadAllText(Path.Combine(RepoRoot.Path, f)), f))
            .ToList();

        var unexplained = found.Where(w => !NotWording.Keys.Any(w.File.StartsWith)).ToList();
        Assert.True(unexplained.Count == 0, "Bot wording in C# (move it to dialogs/ and its schema):\n" + string.Join("\n", unexplained));

        // An entry that excuses nothing any more would hide wording added there later.
        var stale = NotWording.Keys.Where(k => !found.Any(w => w.File.StartsWith(k, StringComparison.Ordinal))).ToList();
        Assert.True(stale.Count == 0, "Allow-list entries with nothing left to allow (remove them): " + string.Join(", ", stale));
    }

    [Fact]
    public void The_scan_finds_wording_in_replies_but_not_in_logs_exceptions_ids_or_input()
    {
        const string source = """
            using Microsoft.Bot.Builder;
            public sealed class Sample(ILogger<Sample> logger)
            {
                public const string DialogId = "plan.log";
                public async Task ReplyAsync(ITurnContext turn, string cat, CancellationToken ct)
                {
                    logger.LogInformation("Turn for {Channel} took {Ms} ms", turn.Activity.ChannelId, 12);
                    if (turn.Activity.Text is "sure thing" or "of course") { }
                    if (cat.Length == 0) throw new ArgumentException("A cat needs a name before a session can be logged.", nameof(cat));
                    turn.TurnState["LeashBot.Outcome"] = true;
                    await turn.SendActivityAsync(MessageFactory.Text("Great job! Keep sessions short."), ct);
                    await turn.SendActivityAsync($"How long did {cat} wear the harness?", cancellationToken: ct);
                    var yes = new Choice("Yes");
                    var thanks = "Thanks!";
                    var paw = "🐾";
                    var body = Results.Text("{}", "application/json");
                    var json = new { error = "bad_json", message = "The body must be one JSON activity object." };
                }
            }
            """;

        var found = WordingScan.Find(source, "Sample.cs").Select(w => w.Text).ToList();

        Assert.Equal(["Great job! Keep sessions short.", "How long did {…} wear the harness?", "Yes", "Thanks!", "🐾"], found);
    }
}
