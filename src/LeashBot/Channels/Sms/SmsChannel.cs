namespace LeashBot.Channels.Sms;

/// <summary>
/// The SMS channel id, shared by Azure Bot Service's SMS channel and LeashBot's own Twilio webhook, so both get
/// the same plain-text choices, the disclaimer with the first reply and one joined GSM-7 text per turn.
/// </summary>
public static class SmsChannel
{
    public const string ChannelId = "sms";

    public static bool Is(IActivity activity) => string.Equals(activity.ChannelId, ChannelId, StringComparison.OrdinalIgnoreCase);
}
