namespace LeashBot.Storage;

/// <summary>
/// The kinds of record a retention sweep tells apart: the middle segment of Bot Framework's keys
/// <c>{channel}/{kind}/{id}</c>. Channel ids hold no '/' (the activity endpoint refuses them).
/// </summary>
public static class RecordKinds
{
    public const string Conversations = "conversations";
    public const string Users = "users";
    public const string Reminders = "reminders";

    /// <summary>What a key that is none of the kinds above (a quarantined copy, the health probe's record) counts as.</summary>
    public const string Other = "other";

    /// <summary>The kind of a key: the middle segment of <c>{channel}/{kind}/{id}</c>, or <see cref="Other"/>.</summary>
    public static string Of(string key)
    {
        var parts = key.Split('/', 3);
        return parts.Length == 3 && parts[1] is Conversations or Users or Reminders && !key.Contains('#', StringComparison.Ordinal) ? parts[1] : Other;
    }
}
