using System.Security.Cryptography;
using System.Text;
using Azure;
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

    private readonly BlobContainerClient _container;
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private volatile bool _initialized;

    public BlobStorage(string connectionString, string containerName, StorageHealth? health = null)
        : base(StorageOptions.BlobProvider, health)
    {
        var options = new BlobClientOptions();

        // A turn should fail fast and tell the owner, not hang for the SDK's default back-off of a minute or more.
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        _container = new BlobContainerClient(connectionString, containerName, options);
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
            var options = new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
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
                throw new StorageConflictException(write.Key);
            }
        }

        return eTags;
    }

    protected override async Task DeleteRecordAsync(string key, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        await _container.GetBlobClient(BlobName(key)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    protected override bool IsServiceFailure(Exception exception) =>
        exception is RequestFailedException or AggregateException or HttpRequestException or IOException;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _initGate.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override string DescribeFailure(Exception exception) => exception switch
    {
        RequestFailedException { Status: > 0 } failed => $"{failed.Status} {failed.ErrorCode}",
        RequestFailedException or AggregateException => "no connection",
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
