namespace LeashBot.Understanding;

/// <summary>
/// Whether a message tells of a new session or points at one already logged: "did another one today, maybe 10 mins"
/// and "a second one tonight" tell of a new one (reading.json → newSessionWords), so a word like "update" in them
/// fixes nothing; a number after "day", "week" or "attempt" counts, it is no length ("day 2 update",
/// reading.json → numberedThings).
/// </summary>
public sealed class SessionReferences
{
    private readonly PhraseList _newSession;
    private readonly HashSet<string> _numbered;

    public SessionReferences(BotContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        _newSession = MessageParts.Phrases(content.Reading.NewSessionWords);
        _numbered = [.. content.Reading.NumberedThings.Select(MessageParts.Plain)];
    }

    /// <summary>The words tell of another session than the one logged ("another", "a second one").</summary>
    public bool TellsOfNewSession(string[] words) => _newSession.IsIn(words);

    /// <summary>The number at <paramref name="at"/> counts days, weeks or tries ("day 2"): it is no length of time.</summary>
    public bool Counts(string[] words, int at) => at > 0 && at <= words.Length && _numbered.Contains(MessageParts.Plain(words[at - 1]));
}
