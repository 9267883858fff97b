using LeashBot.Bot;

namespace LeashBot.Channels.Sms;

/// <summary>
/// What an SMS conversation does differently: a text never announces a new conversation, so the disclaimer goes with
/// the first reply, and that first text also says how to opt out; a turn's replies leave as one GSM-7 text
/// (<see cref="SmsReplies"/>), because separate texts can arrive out of order and each costs a segment; and a carrier
/// keyword (<see cref="SmsKeywords"/>: STOP, START, HELP and their kin) is no message for the bot, so the bot never
/// answers STOP with a menu (the Twilio webhook answers keywords itself; on Azure's SMS channel Twilio does).
/// </summary>
public sealed class SmsConventions(Phrasebook say) : ChannelConventions
{
    public override string ChannelId => SmsChannel.ChannelId;

    public override bool IntroducesWithFirstReply => true;

    public override bool IsForBot(Activity activity) => SmsKeywords.Of(activity.Text) == SmsKeyword.None;

    /// <summary>On Azure's SMS route Twilio answers STOP and START itself; the bot only notes them for reminders.</summary>
    public override bool? OptsOut(Activity activity) => SmsKeywords.Of(activity.Text) switch
    {
        SmsKeyword.OptOut => true,
        SmsKeyword.OptIn => false,
        _ => null,
    };

    /// <summary>Every message of the batch joined into one GSM-7 text in place of the first (<see cref="SmsReplies.OneText"/>).</summary>
    public override Activity[] ShapeReplies(IReadOnlyList<Activity> replies) => SmsReplies.OneText(replies);

    /// <summary>Registered before the turn runner's own send handler, so the batch it releases passes here last.</summary>
    public override void BeginTurn(ITurnContext turnContext) => turnContext.OnSendActivities(SmsReplies.OnSendAsync);

    /// <summary>The first text names how to opt out, right after the disclaimer, and is never shortened.</summary>
    public override Task IntroducedWithReplyAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(SmsReplies.KeptWhole(MessageFactory.Text(say.Text(say.Content.Messages.Sms.HowToOptOut))), cancellationToken);
}
