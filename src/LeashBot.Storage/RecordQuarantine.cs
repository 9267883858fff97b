using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeashBot.Storage;

/// <summary>
/// What happens to a stored record that can't be read (<see cref="StorageCorruptRecordException"/>): it is replaced by
/// an empty state and its unreadable text is kept under a quarantine key, <c>{key}#corrupt-{utc ticks}</c>, for support
/// to look at. "Forget me" deletes the copies with the record (<see cref="IRecordStore.ForgetAsync"/>).
/// </summary>
public static class RecordQuarantine
{
    /// <summary>What follows a key in the key of its quarantined copies.</summary>
    public const string Mark = "#corrupt-";

    /// <summary>True when <paramref name="candidate"/> is a quarantined copy of <paramref name="key"/>.</summary>
    public static bool IsCopyOf(string candidate, string key) =>
        candidate.Length > key.Length + Mark.Length
        && candidate.StartsWith(key, StringComparison.Ordinal)
        && string.CompareOrdinal(candidate, key.Length, Mark, 0, Mark.Length) == 0;

    /// <summary>
    /// Replaces a corrupt record with an empty state, keeping its text under a quarantine key stamped with
    /// <paramref name="time"/>'s clock. Does nothing if the record changed since it was found corrupt (someone else
    /// already replaced it).
    /// </summary>
    public static async Task ReplaceCorruptRecordAsync(this IRecordStore store, string key, string corruptETag, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var record = await store.ReadTextAsync(key, cancellationToken);
        if (record is null || record.Value.ETag != corruptETag)
        {
            return;
        }

        var copy = new JObject { ["quarantinedFrom"] = key, ["raw"] = record.Value.Json }.ToString(Formatting.None);
        var copyKey = $"{key}{Mark}{(time ?? TimeProvider.System).GetUtcNow().UtcTicks}";
        try
        {
            await store.WriteTextsAsync([(copyKey, copy, "*"), (key, "{}", corruptETag)], cancellationToken);
        }
        catch (StorageConflictException)
        {
            // Replaced by another turn in the meantime: its state wins.
        }
    }
}
