using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LeashBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IStorage"/> as the store named by <c>Storage:Provider</c>, with its options validated at start-up.
    /// A relative <c>Storage:Sqlite:Path</c> is resolved against the host's content root (ASP.NET Core's default is the
    /// process's working directory; <c>--contentRoot</c> changes it). Production should set an absolute path on a persistent disk.
    /// </summary>
    public static IServiceCollection AddLeashBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<StorageHealth>();
        services.AddSingleton<IStorage>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var health = sp.GetRequiredService<StorageHealth>();
            if (options.IsProvider(StorageOptions.BlobProvider))
            {
                return new BlobStorage(options.Blob.ConnectionString!, options.Blob.Container, health);
            }

            if (options.IsProvider(StorageOptions.MemoryProvider))
            {
                return new MemoryJsonStorage(health);
            }

            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new SqliteStorage(Path.Combine(root, options.Sqlite.Path), health);
        });
        return services;
    }
}
