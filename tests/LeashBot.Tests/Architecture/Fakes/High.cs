using LeashBot.Tests.Architecture.Fakes.Low;

namespace LeashBot.Tests.Architecture.Fakes.High;

/// <summary>The upper folder of the made-up assembly; it uses the lower one, which is allowed.</summary>
public sealed class Target
{
    public Plain Below { get; } = new();
}
