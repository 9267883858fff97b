namespace LeashBot.Tests.Architecture.Fakes.Elsewhere;

/// <summary>A type in a folder the layering does not list.</summary>
public sealed class Stray;
