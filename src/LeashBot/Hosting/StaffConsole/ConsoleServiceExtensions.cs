using LeashBot.Bot;
using LeashBot.Storage;
using LeashBot.Understanding;

namespace LeashBot.Hosting.StaffConsole;

/// <summary>Registers the staff console: the event log the turn writes, its retention, sites, sign-in and learned phrasings.</summary>
public static class ConsoleServiceExtensions
{
    public static WebApplicationBuilder AddStaffConsole(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddSettings<ConsoleOptions>(config, ConsoleOptions.Section)
            .Validate<IOptions<List<SiteOptions>>>((console, sites) => !console.Entra.IsConfigured || !string.IsNullOrWhiteSpace(console.Entra.StaffGroupId) || sites.Value.Exists(s => !string.IsNullOrWhiteSpace(s.StaffGroupId)),
                "Console:Entra needs a staff group: Console:Entra:StaffGroupId (every site) or Sites:N:StaffGroupId (that site)");
        services.AddSettings<List<SiteOptions>>(config, SiteOptions.Section)
            .Validate(sites => sites.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count() == sites.Count && !sites.Exists(s => s.Id == Sites.Main),
                $"Sites: every site needs its own Id, and '{Sites.Main}' is the top-level Organization's")
            .Validate(sites => sites.All(s => Valid(s)), "Sites: a site has a wrong setting (Id, AccentColor, Organization, AccessKeySha256 or StaffGroupId)");
        services.AddSingleton<Sites>();
        services.AddSingleton<ConsoleAccess>();

        var consoleOptions = config.GetSection(ConsoleOptions.Section).Get<ConsoleOptions>() ?? new ConsoleOptions();
        if (consoleOptions.Entra.IsConfigured)
        {
            services.AddEntraSignIn(consoleOptions);
        }

        var storage = config.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var logPath = EventLogPath(consoleOptions, storage);
        services.AddSingleton(sp => new EventLog(logPath, sp.GetRequiredService<ILogger<EventLog>>()));
        services.AddSingleton<IEventLog>(sp => sp.GetRequiredService<EventLog>());
        services.AddSingleton<ConsoleSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<ConsoleSweeper>());
        services.AddSingleton(sp => new LearnedPhrasingsStore(OverlayPath(consoleOptions, logPath), sp.GetRequiredService<BotContent>(), sp.GetRequiredService<TopicRecognizer>()));
        services.AddSingleton(sp => sp.GetRequiredService<LearnedPhrasingsStore>().Topics);
        services.AddSingleton<ConsoleQueries>();

        // The bot the adapter runs is the coaching bot with the console's recorder around it.
        services.AddSingleton<CoachBot>();
        services.AddSingleton<IBot, ConsoleRecorder>();
        return builder;
    }

    /// <summary>Beside the state's SQLite file (<c>leashbot.db</c> → <c>leashbot.console.db</c>); in memory with the memory store.</summary>
    private static string? EventLogPath(ConsoleOptions console, StorageOptions storage) =>
        !string.IsNullOrWhiteSpace(console.SqlitePath) ? console.SqlitePath
        : storage.IsProvider(StorageOptions.MemoryProvider) ? null
        : storage.IsProvider(StorageOptions.SqliteProvider) ? Path.ChangeExtension(storage.Sqlite.Path, ".console.db")
        : "leashbot.console.db";

    private static string OverlayPath(ConsoleOptions console, string? logPath) =>
        !string.IsNullOrWhiteSpace(console.OverlayPath) ? console.OverlayPath
        : logPath is null ? Path.Combine(Path.GetTempPath(), $"leashbot-learned-{Guid.NewGuid():N}.json")
        : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(logPath))!, "learned-phrasings.json");

    private static bool Valid(SiteOptions site) =>
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(site, new(site), null, validateAllProperties: true)
        && !site.Validate(new(site)).Any();
}

/// <summary>
/// The learned phrasings overlay on disk and in use: loaded and checked at start-up, and extended from the console,
/// where each change is checked like content before it is written and used by the very next message.
/// </summary>
public sealed class LearnedPhrasingsStore
{
    private readonly string _path;
    private readonly BotContent _content;
    private readonly Lock _gate = new();
    private LearnedPhrasingsFile _file;

    public LearnedPhrasingsStore(string path, BotContent content, TopicRecognizer recognizer)
    {
        _path = path;
        _content = content;
        Topics = new LearnedTopics(recognizer);
        _file = LearnedPhrasingsFile.Load(path, content);
        Topics.Use(_file.Phrasings);
    }

    /// <summary>The phrasings in use, for the message reader.</summary>
    public LearnedTopics Topics { get; }

    public string Path => _path;

    public IReadOnlyList<LearnedPhrasing> Phrasings => _file.Phrasings;

    /// <summary>Adds phrasings (a phrasing already there gets the new topic); returns the problems instead when the result would not pass the content check.</summary>
    public IReadOnlyList<string> Add(IEnumerable<LearnedPhrasing> phrasings)
    {
        lock (_gate)
        {
            var next = new LearnedPhrasingsFile { Phrasings = [.. _file.Phrasings] };
            foreach (var phrasing in phrasings)
            {
                next.Phrasings.RemoveAll(p => string.Equals(p.Text.Trim(), phrasing.Text.Trim(), StringComparison.OrdinalIgnoreCase));
                next.Phrasings.Add(phrasing);
            }

            var problems = next.Check(_content);
            if (problems.Count > 0)
            {
                return problems;
            }

            next.Save(_path);
            _file = next;
            Topics.Use(next.Phrasings);
            return [];
        }
    }
}
