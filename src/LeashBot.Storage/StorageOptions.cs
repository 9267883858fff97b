using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace LeashBot.Storage;

/// <summary>
/// Where bot state lives (<c>Storage</c> section). Validated at start-up: a wrong provider or a missing
/// Blob connection string stops the host with a message naming the setting.
/// </summary>
public sealed partial class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    public const string SqliteProvider = "Sqlite";
    public const string BlobProvider = "Blob";
    public const string MemoryProvider = "Memory";

    /// <summary><c>Sqlite</c> (default), <c>Blob</c> or <c>Memory</c> (tests and benchmarks only: lost on restart).</summary>
    public string Provider { get; set; } = SqliteProvider;

    public SqliteStorageOptions Sqlite { get; set; } = new();

    public BlobStorageOptions Blob { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        string[] providers = [SqliteProvider, BlobProvider, MemoryProvider];
        if (!providers.Contains(Provider ?? "", StringComparer.OrdinalIgnoreCase))
        {
            yield return new ValidationResult(
                $"Storage:Provider '{Provider}' is not one of Sqlite, Blob, Memory.", [nameof(Provider)]);
            yield break;
        }

        if (IsProvider(SqliteProvider) && string.IsNullOrWhiteSpace(Sqlite.Path))
        {
            yield return new ValidationResult("Storage:Sqlite:Path is required when Storage:Provider is Sqlite.", ["Sqlite.Path"]);
        }

        if (IsProvider(BlobProvider))
        {
            var hasConnectionString = !string.IsNullOrWhiteSpace(Blob.ConnectionString);
            var hasAccountUrl = !string.IsNullOrWhiteSpace(Blob.AccountUrl);
            if (hasConnectionString == hasAccountUrl)
            {
                yield return new ValidationResult(
                    "Storage:Blob needs exactly one of ConnectionString (account key or Azurite) and AccountUrl (managed identity) when Storage:Provider is Blob.",
                    ["Blob.ConnectionString", "Blob.AccountUrl"]);
            }
            else if (hasAccountUrl && !(Uri.TryCreate(Blob.AccountUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps))
            {
                // Azure's SDK sends tokens only over HTTPS.
                yield return new ValidationResult(
                    $"Storage:Blob:AccountUrl '{Blob.AccountUrl}' is not an https:// URL such as https://<account>.blob.core.windows.net/.",
                    ["Blob.AccountUrl"]);
            }

            if (!ContainerName().IsMatch(Blob.Container ?? ""))
            {
                yield return new ValidationResult(
                    $"Storage:Blob:Container '{Blob.Container}' is not a valid container name (3-63 lower-case letters, digits and single hyphens).",
                    ["Blob.Container"]);
            }
        }
    }

    public bool IsProvider(string name) => string.Equals(Provider, name, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ContainerName();
}

public sealed class SqliteStorageOptions
{
    /// <summary>The database file; a relative path is resolved against the working directory.</summary>
    public string Path { get; set; } = "leashbot.db";
}

public sealed class BlobStorageOptions
{
    /// <summary>An account key or SAS connection string, or <c>UseDevelopmentStorage=true</c> for Azurite.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The account's Blob endpoint, signed in with Azure.Identity's DefaultAzureCredential (a managed identity on Azure).</summary>
    public string? AccountUrl { get; set; }

    /// <summary>With <see cref="AccountUrl"/>: the client id of the user-assigned managed identity to sign in with; empty for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public string Container { get; set; } = "leashbot-state";
}
