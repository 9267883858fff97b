namespace LeashBot.Hosting;

/// <summary>Where the conversation content lives and the limits on what the bot reads.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The folder with messages.json and the other content files; by default the copy next to the app.</summary>
    public string? Directory { get; set; }

    public string ResolveDirectory() =>
        string.IsNullOrWhiteSpace(Directory) ? Path.Combine(AppContext.BaseDirectory, "dialogs") : Path.GetFullPath(Directory);
}
