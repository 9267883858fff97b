namespace LeashBot.Storage;

/// <summary>
/// A write was refused because the record changed since it was read (its eTag no longer matches),
/// or because a record the writer believed new already exists.
/// </summary>
public sealed class StorageConflictException : Exception
{
    public StorageConflictException(string key)
        : base($"The stored record '{key}' changed since it was read; the write was refused.") => Key = key;

    public StorageConflictException()
    {
        Key = "";
    }

    public StorageConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = "";
    }

    public string Key { get; }
}

/// <summary>The storage service could not be reached or refused the operation (not a conflict).</summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException(string provider, Exception innerException)
        : base($"{provider} storage is unavailable ({innerException.GetType().Name}).", innerException) => Provider = provider;

    public StorageUnavailableException()
    {
        Provider = "";
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
        Provider = "";
    }

    public string Provider { get; }
}

/// <summary>A stored record exists but is not a JSON object (e.g. truncated or hand-edited).</summary>
public sealed class StorageCorruptRecordException : Exception
{
    public StorageCorruptRecordException(string key, string eTag, Exception? innerException)
        : base($"The stored record '{key}' is not a valid JSON object.", innerException)
    {
        Key = key;
        ETag = eTag;
    }

    public StorageCorruptRecordException()
    {
        Key = "";
        ETag = "";
    }

    public StorageCorruptRecordException(string message)
        : base(message)
    {
        Key = "";
        ETag = "";
    }

    public StorageCorruptRecordException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = "";
        ETag = "";
    }

    public string Key { get; }

    /// <summary>The corrupt record's eTag, so it can be replaced only if nobody replaced it first.</summary>
    public string ETag { get; }
}
