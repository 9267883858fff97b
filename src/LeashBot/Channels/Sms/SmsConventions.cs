using LeashBot.Bot;
using Microsoft.Bot.Builder;

namespace LeashBot.Channels.Sms;

/// <summary>
/// What an SMS conversation does differently: a text never announces a new conversation, so the disclaimer goes with
/// the first reply; and a turn's replies leave as one GSM-7 text (<see cref="SmsReplies"/>), because separate texts
/// can arrive out of order and each costs a segment.
/// </summary>
public sealed class SmsConventions : ChannelConventions
{
    public override string ChannelId => SmsChannel.ChannelId;

    public override bool IntroducesWithFirstReply => true;

    /// <summary>Registered before the turn runner's own send handler, so the batch it releases passes here last.</summary>
    public override void BeginTurn(ITurnContext turnContext) => turnContext.OnSendActivities(SmsReplies.OnSendAsync);
}
