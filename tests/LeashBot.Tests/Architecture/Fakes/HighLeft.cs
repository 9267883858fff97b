using LeashBot.Tests.Architecture.Fakes.High.Right;

namespace LeashBot.Tests.Architecture.Fakes.High.Left;

/// <summary>Uses its own folder's top (allowed).</summary>
public static class UsesItsFolder
{
    public static Target Make() => new();
}

/// <summary>Reaches into the sub-folder beside it.</summary>
public static class UsesASibling
{
    public static Widget Make() => new();
}
