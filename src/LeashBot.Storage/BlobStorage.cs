using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace LeashBot.Storage;

/// <summary>
/// State as one JSON blob per key in an Azure Blob Storage container (created if missing, on first use).
/// Conditional writes use the blob's own ETag: <c>If-Match</c> to update, <c>If-None-Match: *</c> to create.
/// Blob names come from <see cref="BlobName"/>, safe for any channel, conversation or user id.
/// Several writes in one call are not atomic (Blob Storage has no multi-blob transaction); they are applied in order.
/// </summary>
public sealed class BlobStorage : JsonStorage
{
    private const int ReadablePrefixLength = 60;
    private const string WriteIdMetadata = "writeid";
    private const string KindMetadata = "kind";

    private readonly BlobContainerClient _container;
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private volatile bool _initialized;

    /// <summary>State in <paramref name="containerName"/> of the account a connection string names (account key, SAS or Azurite).</summary>
    public BlobStorage(string connectionString, string containerName, StorageHealth? health = null)
        : this(new BlobContainerClient(connectionString, containerName, ClientOptions()), health)
    {
    }

    /// <summary>
    /// State in <paramref name="containerName"/> of the account at <paramref name="accountUrl"/>, signed in with
    /// <paramref name="credential"/> (on Azure, the app's managed identity): no account key in the settings.
    /// </summary>
    public BlobStorage(Uri accountUrl, string containerName, TokenCredential credential, StorageHealth? health = null, BlobClientOptions? options = null)
        : this(new BlobServiceClient(accountUrl, credential, options ?? ClientOptions()).GetBlobContainerClient(containerName), health)
    {
    }

    private BlobStorage(BlobContainerClient container, StorageHealth? health)
        : base(StorageOptions.BlobProvider, health)
    {
        _container = container;
    }

    /// <summary>The client settings every Blob store uses; callers may change the transport (tests trust a local certificate).</summary>
    public static BlobClientOptions ClientOptions()
    {
        var options = new BlobClientOptions();

        // A turn should fail fast and tell the owner, not hang for the SDK's default back-off of a minute or more.
        // A hung store (connections accepted, nothing answered) costs one try of NetworkTimeout, a short delay and one
        // retry: at most 4 s (OperationTimeout) for the first operation of a turn, which then stops and says it can't save.
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(500);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(2);
        return options;
    }

    /// <summary>
    /// The blob name for a storage key: a readable prefix (ASCII letters, digits, '-', '_' and '.' kept, anything
    /// else as '_', at most 60 characters) for people browsing the container, then the SHA-256 of the whole key
    /// (UTF-8, hex) which makes the name unique. Slashes, unicode and very long ids all give short, valid names.
    /// </summary>
    public static string BlobName(string key)
    {
        var readable = new StringBuilder(ReadablePrefixLength);
        foreach (var c in key)
        {
            if (readable.Length == ReadablePrefixLength)
            {
                break;
            }

            readable.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return $"{readable}~{hash}.json";
    }

    protected override async Task<(string Json, string ETag)?> ReadRecordAsync(string key, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        try
        {
            var response = await _container.GetBlobClient(BlobName(key)).DownloadContentAsync(cancellationToken);
            return (response.Value.Content.ToString(), response.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404 && ex.ErrorCode != BlobErrorCode.ContainerNotFound)
        {
            return null;
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // The container vanished (e.g. the account was reset): never read that as "no state"; create it next time.
            _initialized = false;
            throw;
        }
    }

    protected override async Task<IReadOnlyList<string>> WriteRecordsAsync(IReadOnlyList<RecordWrite> writes, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        var eTags = new string[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            var writeId = Guid.NewGuid().ToString("N");
            var options = new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                Metadata = new Dictionary<string, string> { [WriteIdMetadata] = writeId, [KindMetadata] = RecordKinds.Of(write.Key) },
                Conditions = write.IfMatch switch
                {
                    null => new BlobRequestConditions { IfNoneMatch = ETag.All },
                    "*" => null,
                    var eTag => new BlobRequestConditions { IfMatch = new ETag(eTag) },
                },
            };
            try
            {
                var response = await _container.GetBlobClient(BlobName(write.Key))
                    .UploadAsync(BinaryData.FromString(write.Json), options, cancellationToken);
                eTags[i] = response.Value.ETag.ToString();
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
            {
                _initialized = false;
                throw;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 || (ex.Status == 404 && write.IfMatch is not null and not "*"))
            {
                // A try whose answer was lost to the network timeout may have been applied; the SDK's retry then meets
                // that very write as a changed eTag. Each write carries its own id, so such a write is recognized as done.
                eTags[i] = await OwnWriteETagAsync(write.Key, writeId, cancellationToken) ?? throw new StorageConflictException(write.Key);
            }
        }

        return eTags;
    }

    private async Task<string?> OwnWriteETagAsync(string key, string writeId, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await _container.GetBlobClient(BlobName(key)).GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.Value.Metadata.TryGetValue(WriteIdMetadata, out var stored) && stored == writeId ? properties.Value.ETag.ToString() : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Blob names are hashed, so the kind comes from the metadata each write sets; blobs without it are left alone.</summary>
    protected override async Task<int> DeleteIdleRecordsAsync(string kind, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        var deleted = 0;
        await foreach (var blob in _container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken))
        {
            if (blob.Metadata.TryGetValue(KindMetadata, out var stored) && stored == kind && blob.Properties.LastModified < cutoff)
            {
                var condition = new BlobRequestConditions { IfUnmodifiedSince = cutoff };
                try
                {
                    await _container.GetBlobClient(blob.Name).DeleteIfExistsAsync(conditions: condition, cancellationToken: cancellationToken);
                    deleted++;
                }
                catch (RequestFailedException ex) when (ex.Status == 412)
                {
                    // Written since it was listed: it is not idle any more.
                }
            }
        }

        return deleted;
    }

    protected override async Task DeleteRecordAsync(string key, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        // A record's snapshots go with it (Blob Storage refuses to delete a blob that has snapshots otherwise).
        await _container.GetBlobClient(BlobName(key)).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Deletes each record's blob with its snapshots, and its quarantined copies with theirs. A quarantined copy's blob
    /// name starts with the same readable part as the record's (both are cut at <see cref="ReadablePrefixLength"/>
    /// characters), and its text names the record it came from (<c>quarantinedFrom</c>), so the candidates listed under
    /// that prefix are checked one by one. Blob versions and soft-deleted blobs are the account's settings: LeashBot's
    /// template turns neither on.
    /// </summary>
    protected override async Task ForgetRecordsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        foreach (var key in keys)
        {
            var name = BlobName(key);
            await _container.GetBlobClient(name).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
            var prefix = BlobName(key + RecordQuarantine.Mark).Split('~')[0];
            await foreach (var blob in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
            {
                if (blob.Name == name || !await IsQuarantinedCopyAsync(blob.Name, key, cancellationToken))
                {
                    continue;
                }

                await _container.GetBlobClient(blob.Name).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
            }
        }
    }

    private async Task<bool> IsQuarantinedCopyAsync(string blobName, string key, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
            var quarantinedFrom = Newtonsoft.Json.Linq.JObject.Parse(content.Value.Content.ToString())["quarantinedFrom"];
            return quarantinedFrom?.Type == Newtonsoft.Json.Linq.JTokenType.String && (string?)quarantinedFrom == key;
        }
        catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or InvalidCastException || ex is RequestFailedException { Status: 404 })
        {
            return false;
        }
    }

    /// <summary>A first try of <c>NetworkTimeout</c>, the delay and most of a second, whatever the SDK does inside.</summary>
    protected internal override TimeSpan? OperationTimeout => TimeSpan.FromSeconds(4);

    protected internal override bool IsServiceFailure(Exception exception) =>
        exception is RequestFailedException or AggregateException or HttpRequestException or IOException or AuthenticationFailedException;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _initGate.Dispose();
        }

        base.Dispose(disposing);
    }

    protected internal override string DescribeFailure(Exception exception) => exception switch
    {
        RequestFailedException { Status: > 0 } failed => $"{failed.Status} {failed.ErrorCode}",
        RequestFailedException or AggregateException => "no connection",
        CredentialUnavailableException => "no credential for the storage account",
        AuthenticationFailedException => "sign-in to the storage account failed",
        _ => exception.GetType().Name,
    };

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }

        await _initGate.WaitAsync(cancellationToken);
        try
        {
            if (!_initialized)
            {
                await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                _initialized = true;
            }
        }
        finally
        {
            _initGate.Release();
        }
    }
}
