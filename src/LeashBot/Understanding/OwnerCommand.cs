namespace LeashBot.Understanding;

/// <summary>What a message tells the bot to change in the owner's record: at most one of these per message.</summary>
public enum CommandKind
{
    None,

    /// <summary>"undo", "put it back": reverse the last change.</summary>
    Undo,

    /// <summary>"delete the 50 min one": take a session out.</summary>
    DeleteSession,

    /// <summary>"call her Nori", "his name is Toffee": a new name for a cat the owner has.</summary>
    Rename,

    /// <summary>"put ziggy on step 5", "ziggy is on step 5": the cat goes to a step.</summary>
    SetStep,

    /// <summary>"keep her on 1", "dont move him yet": the cat stays where it is.</summary>
    KeepStep,

    /// <summary>"move him back a step".</summary>
    StepBack,

    /// <summary>"move her on", "ready for the next step".</summary>
    MoveOn,

    /// <summary>"i meant 15 not 50", "that was the same session": the last session is fixed.</summary>
    FixSession,

    /// <summary>"ugh sorry that was pepper actually": the last session belongs to another cat.</summary>
    MoveSession,

    /// <summary>"did 12 mins in the hall, he was chill after": a session to log.</summary>
    LogSession,

    /// <summary>"honestly can we just start over".</summary>
    StartOver,
}

/// <summary>How sure the reading is that the owner gave the command: certain (do it), likely (ask once) or none.</summary>
public enum Certainty
{
    None,
    Likely,
    Certain,
}

/// <summary>
/// What a message says about a cat's step: <see cref="To"/> a step named after a command word ("put her back on 2"),
/// <see cref="NotTo"/> a step the owner doesn't want yet ("dont move mango to 5 yet"), <see cref="Keep"/> where it
/// is ("dont move him yet"), one step <see cref="Back"/>, or <see cref="MoveOn"/> ("move her on").
/// </summary>
public sealed record StepWish(int? To, int? NotTo, bool Keep, bool Back, bool MoveOn)
{
    public static StepWish None { get; } = new(null, null, false, false, false);

    /// <summary>True when the owner said the cat should stay at <paramref name="step"/> (not move on from it).</summary>
    public bool KeepsAt(int step) => Keep || To == step || NotTo is { } not && not > step;

    /// <summary>True when the wish says anything at all.</summary>
    public bool Says => this != None;

    /// <summary>Both wishes in one, the later one's step winning (a message's parts read in order).</summary>
    public StepWish With(StepWish later)
    {
        ArgumentNullException.ThrowIfNull(later);
        return new StepWish(later.To ?? To, later.NotTo ?? NotTo, later.To is null && (Keep || later.Keep), Back || later.Back, MoveOn || later.MoveOn);
    }
}

/// <summary>
/// The one command a message gives (see <see cref="CommandReader"/>): what kind, the cat it is about (null when the
/// message doesn't settle which), how sure the reading is, what it says about the cat's step, and the part of the
/// message that gave it.
/// </summary>
public sealed record OwnerCommand(CommandKind Kind, Certainty Certainty, string? Cat, StepWish Wish, string Part)
{
    public static OwnerCommand None { get; } = new(CommandKind.None, Certainty.None, null, StepWish.None, "");

    /// <summary>True when the message gives one of these commands (certain or likely).</summary>
    public bool Is(params CommandKind[] kinds) => Certainty != Certainty.None && Array.IndexOf(kinds, Kind) >= 0;

    /// <summary>A command about the cat's step.</summary>
    public bool IsStep => Is(CommandKind.SetStep, CommandKind.KeepStep, CommandKind.StepBack, CommandKind.MoveOn);
}
