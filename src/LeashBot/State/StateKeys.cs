namespace LeashBot.State;

/// <summary>
/// Where a conversation's state (the dialog stack and flags) is stored. In a one-to-one chat that is the
/// conversation; in a conversation several people share (a Teams group chat or channel) it is the conversation
/// and the person, so one member's answer never lands in the question another member was asked. The owner's
/// profile (user state) is always keyed by the person.
/// </summary>
public static class StateKeys
{
    public static string? Conversation(Activity activity)
    {
        if (activity.Conversation?.Id is not { Length: > 0 } id)
        {
            return null;
        }

        var key = $"{activity.ChannelId}/conversations/{id}";
        return IsShared(activity) && activity.From?.Id is { Length: > 0 } person ? $"{key}/people/{person}" : key;
    }

    /// <summary>Where an owner's profile is kept: per channel and person, in every conversation they have there.</summary>
    public static string? Owner(IActivity activity) =>
        activity.ChannelId is { Length: > 0 } channel && activity.From?.Id is { Length: > 0 } person ? $"{channel}/users/{person}" : null;

    /// <summary>
    /// True in a conversation several people share: one the channel marks as a group, or a Teams group chat or
    /// channel. There each person keeps their own flow.
    /// </summary>
    public static bool IsShared(IActivity activity) =>
        activity.Conversation is { } conversation
        && (conversation.IsGroup == true
            || string.Equals(conversation.ConversationType, "groupChat", StringComparison.OrdinalIgnoreCase)
            || string.Equals(conversation.ConversationType, "channel", StringComparison.OrdinalIgnoreCase));
}
