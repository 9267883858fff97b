using Azure.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeashBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IRecordStore"/> (and the same store as Bot Framework's <see cref="IStorage"/>) as the store
    /// named by <c>Storage:Provider</c>, with its options validated at start-up.
    /// A relative <c>Storage:Sqlite:Path</c> is resolved against the process's working directory, as the README says (not
    /// the content root, which is the app's folder: two hosts started from different folders would otherwise share one
    /// file). Production should set an absolute path on a persistent disk.
    /// </summary>
    public static IServiceCollection AddLeashBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<StorageOptions>(configuration, StorageOptions.Section);
        services.AddSingleton<IValidateOptions<StorageOptions>, SqliteFolderCheck>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<StorageHealth>();
        services.AddSingleton<StorageProbe>();
        services.AddSingleton<IRecordStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var health = sp.GetRequiredService<StorageHealth>();
            if (options.IsProvider(StorageOptions.BlobProvider))
            {
                return string.IsNullOrWhiteSpace(options.Blob.AccountUrl)
                    ? new BlobStorage(options.Blob.ConnectionString!, options.Blob.Container, health)
                    : new BlobStorage(new Uri(options.Blob.AccountUrl), options.Blob.Container, ManagedIdentity(options.Blob), health);
            }

            if (options.IsProvider(StorageOptions.MemoryProvider))
            {
                return new MemoryJsonStorage(health);
            }

            return new SqliteStorage(Path.GetFullPath(options.Sqlite.Path), health, sp.GetRequiredService<ILogger<SqliteStorage>>());
        });
        services.AddSingleton<IStorage>(sp => sp.GetRequiredService<IRecordStore>());
        return services;
    }

    // DefaultAzureCredential finds the app's managed identity on Azure and a developer's `az login` elsewhere.
    internal static DefaultAzureCredential ManagedIdentity(BlobStorageOptions blob) => new(new DefaultAzureCredentialOptions
    {
        ManagedIdentityClientId = string.IsNullOrWhiteSpace(blob.ManagedIdentityClientId) ? null : blob.ManagedIdentityClientId,
    });
}
