namespace LeashBot.Tests.Support;

/// <summary>An owner writing again a little later, as people do: the host's fake clock moves on first.</summary>
public static class OwnerTime
{
    public static Task<Replies> SaysLaterAsync(this Owner owner, BotHost host, string text, int minutes = 2)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(host);
        host.Clock.Advance(TimeSpan.FromMinutes(minutes));
        return owner.SaysAsync(text);
    }
}
