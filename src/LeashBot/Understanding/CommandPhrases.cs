namespace LeashBot.Understanding;

/// <summary>
/// A whole message that is a command (messages.json's help, cancel, menu and start-over phrases), politeness and chat
/// words around it aside ("menu pls", "ok cancel lol"); longer messages never are one.
/// </summary>
internal sealed class CommandPhrases
{
    private readonly Dictionary<string, Command> _commands = new(StringComparer.Ordinal);
    private readonly int _longestCommand;
    private readonly HashSet<string> _politeness;

    public CommandPhrases(Commands commands, GlobalSettings global, ReadingContent reading, HashSet<string> fillers, ChatClauses words)
    {
        foreach (var (phrases, command) in new[] { (commands.Help, Command.Help), (commands.Cancel, Command.Cancel), (commands.Menu, Command.Menu), (commands.StartOver, Command.StartOver) })
        {
            foreach (var phrase in phrases.Select(p => string.Join(' ', words.Words(p))).Where(p => p.Length > 0))
            {
                _commands.TryAdd(phrase, command);
            }
        }

        _longestCommand = _commands.Keys.Max(k => k.Split(' ').Length);

        // "?" alone is a help command; it has no words, so it is looked up as typed.
        foreach (var phrase in commands.Help.Where(p => words.Words(p).Count == 0))
        {
            _commands.TryAdd(phrase.Trim(), Command.Help);
        }

        // "menu pls", "help please": politeness around a command (fillers, and shorthand that means one) keeps it a command.
        _politeness = [.. fillers, .. global.Shorthand.Where(kv => fillers.Contains(kv.Value)).Select(kv => kv.Key)];
        ChatWords = [.. reading.Social.Acknowledgements.Concat(reading.Social.Laughter).Where(p => !p.Contains(' ', StringComparison.Ordinal)).SelectMany(words.Words).Where(w => !_commands.ContainsKey(w))];
    }

    /// <summary>One-word acknowledgements and laughter ("ok", "lol") that are no command: chat around a command or a question.</summary>
    public HashSet<string> ChatWords { get; }

    /// <summary>The whole message as a command, politeness aside ("menu pls"); longer messages never are one.</summary>
    public Command Of(string text, List<string> words)
    {
        if (words.Count == 0)
        {
            return _commands.TryGetValue("", out var none) ? none : _commands.TryGetValue(text, out var symbol) ? symbol : Command.None;
        }

        var meant = 0;
        foreach (var word in words)
        {
            meant += _politeness.Contains(word) ? 0 : 1;
        }

        if (meant <= _longestCommand && _commands.TryGetValue(string.Join(' ', words.Where(w => !_politeness.Contains(w))), out var command))
        {
            return command;
        }

        // "ah never mind", "ok cancel lol": chat words around a command keep it one.
        var bare = string.Join(' ', words.Where(w => !_politeness.Contains(w) && !ChatWords.Contains(w)));
        return bare.Length > 0 && words.Count <= _longestCommand + 2 && _commands.TryGetValue(bare, out var withChat) ? withChat : Command.None;
    }
}
