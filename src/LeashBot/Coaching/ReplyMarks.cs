namespace LeashBot.Coaching;

/// <summary>
/// Marks on a reply that a channel's shaping respects. SMS joins a turn's replies into one text and shortens what
/// doesn't fit; a reply marked kept whole (the disclaimer beside a first vet message, how to opt out) is never cut.
/// </summary>
public static class ReplyMarks
{
    private const string KeepWholeProperty = "leashbotKeepWhole";

    /// <summary>Marks a message that may not be shortened, though it keeps its place in the text.</summary>
    public static Activity KeptWhole(Activity message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Properties[KeepWholeProperty] = true;
        return message;
    }

    /// <summary>True when the message was marked with <see cref="KeptWhole"/>.</summary>
    public static bool IsKeptWhole(Activity message) => message?.Properties?[KeepWholeProperty]?.ToObject<bool>() == true;
}
