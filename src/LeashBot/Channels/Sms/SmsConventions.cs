using LeashBot.Bot;
using LeashBot.Coaching;
using LeashBot.State;

namespace LeashBot.Channels.Sms;

/// <summary>
/// What an SMS conversation does differently: a text never announces a new conversation, so the disclaimer goes with
/// the first reply, and that first text also says how to opt out; a turn's replies leave as one GSM-7 text
/// (<see cref="SmsReplies"/>), because separate texts can arrive out of order and each costs a segment; and a carrier
/// keyword (<see cref="SmsKeywords"/>: STOP, START, HELP and their kin) is no message for the bot, so the bot never
/// answers STOP with a menu (the Twilio webhook answers keywords itself; on Azure's SMS channel Twilio does). A number
/// that texted STOP gets nothing at all until it opts back in (<see cref="SmsOptOuts"/>).
/// </summary>
public sealed class SmsConventions(Phrasebook say, SmsOptOuts optOuts, SmsWelcomeBack welcomeBack) : ChannelConventions
{
    public override string ChannelId => SmsChannel.ChannelId;

    public override bool IntroducesWithFirstReply => true;

    public override bool IsForBot(Activity activity) => SmsKeywords.Of(activity.Text) == SmsKeyword.None;

    /// <summary>
    /// On Azure's SMS route Twilio answers STOP and START itself (its opt-out handling sends the one confirmation, and
    /// refuses any other text to that number until START, with error 21610): the bot only records them, so it answers
    /// nothing in between and reminders stay quiet; after START it says where the cats are (<see cref="BackAfterOptOutAsync"/>). YES after a STOP opts back in too, as it does at Twilio.
    /// </summary>
    public override async Task<bool?> ConsentChangeAsync(Activity activity, CancellationToken cancellationToken)
    {
        var owner = activity.From?.Id;
        var keyword = SmsKeywords.Of(activity.Text);
        if (string.IsNullOrEmpty(owner) || (keyword is not (SmsKeyword.OptOut or SmsKeyword.OptIn) && !SmsOptOuts.IsYes(activity.Text)))
        {
            return null;
        }

        if (keyword == SmsKeyword.OptOut)
        {
            await optOuts.OptOutAsync(owner, cancellationToken);
            return true;
        }

        if (keyword == SmsKeyword.OptIn || await optOuts.IsOptedOutAsync(owner, cancellationToken))
        {
            await optOuts.OptInAsync(owner, cancellationToken);
            return false;
        }

        return null;
    }

    /// <summary>Back after STOP on Azure's route: Twilio confirmed it, so only where the cats are ("Good to have you back! …").</summary>
    public override Task<string?> BackAfterOptOutAsync(Activity activity, CancellationToken cancellationToken) =>
        welcomeBack.TextAsync(StateKeys.Owner(activity), confirm: false, cancellationToken);

    /// <summary>A number that texted STOP is answered nothing until it opts back in.</summary>
    public override async Task<bool> OptedOutAsync(Activity activity, CancellationToken cancellationToken) =>
        activity.From?.Id is { Length: > 0 } owner && await optOuts.IsOptedOutAsync(owner, cancellationToken);

    /// <summary>Every message of the batch joined into one GSM-7 text in place of the first (<see cref="SmsReplies.OneText"/>).</summary>
    public override Activity[] ShapeReplies(IReadOnlyList<Activity> replies) => SmsReplies.OneText(replies);

    /// <summary>Registered before the turn runner's own send handler, so the batch it releases passes here last.</summary>
    public override void BeginTurn(ITurnContext turnContext) => turnContext.OnSendActivities(SmsReplies.OnSendAsync);

    /// <summary>The first text names how to opt out, right after the disclaimer, and is never shortened.</summary>
    public override Task IntroducedWithReplyAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(ReplyMarks.KeptWhole(MessageFactory.Text(say.Text(say.Content.Messages.Sms.HowToOptOut))), cancellationToken);
}
