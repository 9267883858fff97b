namespace LeashBot.Tests.Architecture.Fakes.High.Right;

public sealed class Widget;
