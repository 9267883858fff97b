namespace LeashBot.Tests.Architecture.Fakes;

/// <summary>A type in the root namespace, in no folder at all.</summary>
public sealed class Loose;
