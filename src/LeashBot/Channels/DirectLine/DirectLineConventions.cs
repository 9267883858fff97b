using LeashBot.Bot;

namespace LeashBot.Channels.DirectLine;

/// <summary>
/// Direct Line is a plain chat, except that the web widget keeps a copy of who the visitor is (the visitor key in the
/// site's localStorage): when the owner is forgotten, an event tells the widget to delete that copy too.
/// </summary>
public sealed class DirectLineConventions : ChannelConventions
{
    /// <summary>The event the widget deletes its visitor key on; Web Chat shows no event.</summary>
    public const string ForgottenEvent = "leashbot.forgotten";

    public override string ChannelId => DirectLineBotBridge.ChannelId;

    public override Task OwnerForgottenAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var forgotten = Activity.CreateEventActivity();
        forgotten.Name = ForgottenEvent;
        return turnContext.SendActivityAsync(forgotten, cancellationToken);
    }
}
