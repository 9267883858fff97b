namespace LeashBot.Tests.Support;

/// <summary>One host for a test class; each test uses its own owner and conversation.</summary>
public sealed class SharedHost : IDisposable
{
    public BotHost Host { get; } = new();

    public void Dispose() => Host.Dispose();
}
