using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Support;

/// <summary>Where a test host keeps its state.</summary>
public enum TestStorage
{
    /// <summary>A SQLite file (by default a fresh one in a temp folder that outlives the host, so a second host on the same settings is a restart).</summary>
    Sqlite,

    /// <summary>In memory: gone with the host.</summary>
    Memory,

    /// <summary>A Blob container, normally on a real Azurite (<see cref="Storage.AzuriteFixture"/>).</summary>
    Blob,
}

/// <summary>How a <see cref="BotHost"/> runs. Every option has a default, so <c>BotHost.Create(new BotHostOptions())</c> is the usual coaching host.</summary>
public sealed record BotHostOptions
{
    /// <summary>The pet shop that "owns" the bot in tests; its name and phone numbers appear in replies.</summary>
    public static IReadOnlyDictionary<string, string?> Organization { get; } = new Dictionary<string, string?>
    {
        ["Organization:Name"] = "Paws & Whiskers Pet Shop",
        ["Organization:Phone"] = "555-0100",
        ["Organization:EmergencyPhone"] = "555-0199",
        ["Organization:OpeningHours"] = "9am to 6pm",
    };

    /// <summary>The moment the default fake clock shows when a host starts: a Monday morning.</summary>
    public static DateTimeOffset StartTime { get; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public TestStorage Storage { get; init; } = TestStorage.Sqlite;

    /// <summary>The SQLite file; a fresh file in a temp folder when null.</summary>
    public string? SqlitePath { get; init; }

    /// <summary>For <see cref="TestStorage.Blob"/>: the account's connection string (e.g. Azurite's).</summary>
    public string? BlobConnectionString { get; init; }

    /// <summary>For <see cref="TestStorage.Blob"/>: the container; a fresh name when null.</summary>
    public string? BlobContainer { get; init; }

    /// <summary>
    /// The host's clock. Null gives a <see cref="FakeTimeProvider"/> standing at <see cref="StartTime"/> (a test moves it);
    /// <see cref="TimeProvider.System"/> runs on real time (needed where a library reads the real clock too, e.g. token checks).
    /// </summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>The channel owners and <see cref="BotHost.SayAsync"/> talk on unless told otherwise.</summary>
    public string Channel { get; init; } = "webchat";

    /// <summary>Real Kestrel on a free loopback port (for browsers, WebSockets and other processes) instead of the in-memory test server.</summary>
    public bool Kestrel { get; init; }

    /// <summary>The loopback port Kestrel listens on; 0 picks a free one (a restarted host can take its predecessor's).</summary>
    public int Port { get; init; }

    /// <summary>A bot to run instead of the coaching (e.g. the storage tests' counter); resolved from the host's services.</summary>
    public Type? Bot { get; init; }

    /// <summary>More settings, as in appsettings.json ("Section:Key"); they win over everything above.</summary>
    public IReadOnlyDictionary<string, string?>? Settings { get; init; }

    /// <summary>Service replacements, for tests that need to break something on purpose.</summary>
    public Action<IServiceCollection>? Services { get; init; }
}

/// <summary>
/// The real host (Program, its settings, its Bot Framework adapter), in memory on the test server or on Kestrel,
/// configured through ordinary settings built from <see cref="BotHostOptions"/>. Talk to it as an owner
/// (<see cref="NewOwner"/>), as a bare channel (<see cref="SayAsync"/>), or over <see cref="Http"/>.
/// </summary>
public sealed class BotHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly BotHostOptions _options;
    private Action<IServiceCollection>? _services;
    private HttpClient? _http;

    /// <summary>The usual coaching host on a fresh SQLite file and the fake clock, with extra <paramref name="settings"/>.</summary>
    public BotHost(Dictionary<string, string?>? settings = null, FakeTimeProvider? clock = null)
        : this(new BotHostOptions { Settings = settings, Clock = clock })
    {
    }

    // Private, so that new BotHost(new() { ["Section:Key"] = "value" }) stays unambiguous: options go through Create.
    private BotHost(BotHostOptions options)
    {
        _options = options;
        _services = options.Services;
        Time = options.Clock ?? new FakeTimeProvider(BotHostOptions.StartTime);
        _settings = new Dictionary<string, string?>(BotHostOptions.Organization);

        // A test's turns and stored records are its own: the start-up warm-up conversation is off unless a test turns it on.
        _settings["WarmUp:Turns"] = "false";
        foreach (var (key, value) in StorageSettings(options))
        {
            _settings[key] = value;
        }

        foreach (var (key, value) in options.Settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        if (options.Kestrel)
        {
            UseKestrel(o => o.Listen(IPAddress.Loopback, options.Port));
            StartServer();
            BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }
        else
        {
            BaseAddress = ClientOptions.BaseAddress;
        }
    }

    /// <summary>A host as <paramref name="options"/> say (see <see cref="BotHostOptions"/> for the defaults).</summary>
    public static BotHost Create(BotHostOptions options) => new(options);

    /// <summary>A coaching host on real Kestrel and the real clock (unless <paramref name="clock"/> is given), for Direct Line and browser tests.</summary>
    public static BotHost OnKestrel(Dictionary<string, string?>? settings = null, FakeTimeProvider? clock = null, Action<IServiceCollection>? services = null) =>
        new(new BotHostOptions { Kestrel = true, Settings = settings, Clock = (TimeProvider?)clock ?? TimeProvider.System, Services = services });

    /// <summary>The host's clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The host's clock when it is the fake one (the default), for tests that move time.</summary>
    public FakeTimeProvider Clock => Time as FakeTimeProvider ?? throw new InvalidOperationException("This host runs on a real clock.");

    /// <summary>The settings this host runs with, to start another host on the same storage.</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    /// <summary>Where the host answers: http://127.0.0.1:port on Kestrel, the test server's address otherwise.</summary>
    public Uri BaseAddress { get; }

    /// <summary>scheme://host:port, as a browser would send it in Origin.</summary>
    public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority);

    /// <summary>One client for the host's lifetime, with <see cref="BaseAddress"/> set.</summary>
    public HttpClient Http => _http ??= _options.Kestrel ? new HttpClient { BaseAddress = BaseAddress } : CreateClient();

    /// <summary>The host's state store, as the bot sees it.</summary>
    public IStorage Storage => Services.GetRequiredService<IStorage>();

    /// <summary>Adds service replacements, for tests that need to break something on purpose.</summary>
    public BotHost WithServices(Action<IServiceCollection> configure)
    {
        _services += configure;
        return this;
    }

    public Owner NewOwner(string? channelId = null, string? userId = null, string? conversationId = null) =>
        new(CreateClient(), channelId ?? _options.Channel, userId ?? "owner-" + Guid.NewGuid().ToString("N")[..8], conversationId ?? "conv-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>Sends one message with expectReplies, as a bare channel would, and returns the texts of the bot's replies.</summary>
    public async Task<string[]> SayAsync(string conversationId, string userId, string text, string? channelId = null)
    {
        var activity = new
        {
            type = "message",
            id = Guid.NewGuid().ToString("N"),
            channelId = channelId ?? _options.Channel,
            serviceUrl = "http://localhost/",
            deliveryMode = "expectReplies",
            conversation = new { id = conversationId },
            from = new { id = userId, name = "Owner" },
            recipient = new { id = "leashbot", name = "LeashBot" },
            text,
        };
        using var response = await Http.PostAsJsonAsync("/api/messages", activity);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/messages answered {(int)response.StatusCode}: {body}");
        var activities = (JArray?)JObject.Parse(body)["activities"] ?? [];
        return [.. activities.Select(a => (string?)a["text"] ?? "")];
    }

    /// <summary>GET /healthz: the status code and the JSON body.</summary>
    public async Task<(int Status, JObject Body)> HealthAsync()
    {
        using var response = await Http.GetAsync(new Uri("/healthz", UriKind.Relative));
        return ((int)response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Kestrel listens where the options say, never on a URL from appsettings or the environment.
        builder.UseSetting("Urls", "");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton(Time));
            if (_options.Bot is { } bot)
            {
                services.Replace(ServiceDescriptor.Singleton(typeof(IBot), bot));
            }

            _services?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _http?.Dispose();
        }

        base.Dispose(disposing);
    }

    private static Dictionary<string, string?> StorageSettings(BotHostOptions options) => options.Storage switch
    {
        TestStorage.Sqlite => new()
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:Path"] = options.SqlitePath ?? Path.Combine(TempFolder.Create(), "leashbot.db"),
        },
        TestStorage.Memory => new() { ["Storage:Provider"] = "Memory" },
        TestStorage.Blob => new()
        {
            ["Storage:Provider"] = "Blob",
            ["Storage:Blob:ConnectionString"] = options.BlobConnectionString ?? throw new ArgumentException("Blob storage needs a connection string.", nameof(options)),
            ["Storage:Blob:Container"] = options.BlobContainer ?? "c" + Guid.NewGuid().ToString("N"),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(options)),
    };
}

public static class TempFolder
{
    public static string Create()
    {
        var path = Path.Combine(Path.GetTempPath(), "leashbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
