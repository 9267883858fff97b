using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace LeashBot.Tests.Support;

/// <summary>
/// The real host in memory (WebApplicationFactory), configured through ordinary settings. Each instance
/// gets its own settings; by default storage is a fresh SQLite file in a temp folder that outlives the
/// host, so a second host on the same settings is a restart.
/// </summary>
public sealed class BotHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public BotHost(Dictionary<string, string?>? settings = null, FakeTimeProvider? clock = null)
    {
        _settings = new Dictionary<string, string?>
        {
            ["Organization:Name"] = "Paws & Whiskers Pet Shop",
            ["Organization:Phone"] = "555-0100",
            ["Organization:EmergencyPhone"] = "555-0199",
            ["Organization:OpeningHours"] = "9am to 6pm",
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:Path"] = Path.Combine(TempFolder.Create(), "leashbot.db"),
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }

        Clock = clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    }

    private Action<IServiceCollection>? _services;

    public FakeTimeProvider Clock { get; }

    /// <summary>Adds service replacements, for tests that need to break something on purpose.</summary>
    public BotHost WithServices(Action<IServiceCollection> configure)
    {
        _services = configure;
        return this;
    }

    /// <summary>The settings this host runs with, to start another host on the same storage.</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    public Owner NewOwner(string channelId = "webchat", string? userId = null, string? conversationId = null) =>
        new(CreateClient(), channelId, userId ?? "owner-" + Guid.NewGuid().ToString("N")[..8], conversationId ?? "conv-" + Guid.NewGuid().ToString("N")[..8]);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            _services?.Invoke(services);
        });
    }
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
