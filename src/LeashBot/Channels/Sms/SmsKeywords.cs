namespace LeashBot.Channels.Sms;

/// <summary>What a whole text means to carriers, whatever the bot would make of it.</summary>
public enum SmsKeyword
{
    /// <summary>An ordinary text, for the bot.</summary>
    None,

    /// <summary>Opting out (STOP and its kin): no more texts until the number opts back in.</summary>
    OptOut,

    /// <summary>Opting back in (START and its kin).</summary>
    OptIn,

    /// <summary>Asking who is texting and how to stop it (HELP, INFO).</summary>
    Help,
}

/// <summary>
/// The words carriers (CTIA) and Twilio reserve on SMS when they are a whole text, in any case and with trailing
/// punctuation: the bot never treats them as chat, and its own wording on SMS never asks people to send one
/// ("never mind" rather than "cancel"). Both SMS routes read them here: the Twilio webhook answers them itself, and on
/// Azure Bot Service's SMS channel they get no turn (Twilio's opt-out handling answers there).
/// </summary>
public static class SmsKeywords
{
    private static readonly Dictionary<string, SmsKeyword> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["STOP"] = SmsKeyword.OptOut,
        ["STOPALL"] = SmsKeyword.OptOut,
        ["UNSUBSCRIBE"] = SmsKeyword.OptOut,
        ["CANCEL"] = SmsKeyword.OptOut,
        ["END"] = SmsKeyword.OptOut,
        ["QUIT"] = SmsKeyword.OptOut,
        ["REVOKE"] = SmsKeyword.OptOut,
        ["OPTOUT"] = SmsKeyword.OptOut,
        ["START"] = SmsKeyword.OptIn,
        ["UNSTOP"] = SmsKeyword.OptIn,
        ["SUBSCRIBE"] = SmsKeyword.OptIn,
        ["HELP"] = SmsKeyword.Help,
        ["INFO"] = SmsKeyword.Help,
    };

    /// <summary>The keyword a whole text is (spaces inside do not count: "opt out" is OPTOUT), or <see cref="SmsKeyword.None"/>.</summary>
    public static SmsKeyword Of(string? text)
    {
        var word = string.Concat((text ?? "").Trim().TrimEnd('.', '!', ' ').Where(c => !char.IsWhiteSpace(c)));
        return Words.GetValueOrDefault(word, SmsKeyword.None);
    }
}
