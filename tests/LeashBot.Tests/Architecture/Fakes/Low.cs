using LeashBot.Tests.Architecture.Fakes.High;

namespace LeashBot.Tests.Architecture.Fakes.Low;

// The lower folder of the small made-up assembly the layering check is tried on: each type reaches the folder
// above in one way the check must see.

/// <summary>Used from the folder above, which is allowed.</summary>
public sealed class Plain;

public sealed class UsesUpInAField
{
    private readonly Target[] _targets = [];

    public int Count => _targets.Length;
}

public static class UsesUpInAParameter
{
    public static bool IsMissing(Target target) => target is null;
}

public static class UsesUpInABody
{
    public static object Make() => new Target();
}

public static class UsesUpInALambda
{
    public static Func<object> Maker() => () => new Target();
}

public static class UsesUpInAnAsyncMethod
{
    public static async Task<string> NameAsync()
    {
        await Task.Yield();
        return typeof(Target).Name;
    }
}
