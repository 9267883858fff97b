namespace LeashBot.Dialogs;

/// <summary>Placeholder.</summary>
public abstract class Dialog;
