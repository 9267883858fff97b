namespace LeashBot.Understanding;

/// <summary>
/// Emoji that carry meaning read as words ("🤮" → "vomit", "😿" → "sad"), from the content's emoji list
/// (dialogs/understanding.json): the one place chat text's emoji are replaced, for the topic normalizer and the
/// red-flag triage alike. Apostrophes are made straight on the way (see <see cref="ChatLexer"/>). Immutable; thread-safe.
/// </summary>
public sealed class EmojiWords
{
    private readonly KeyValuePair<string, string>[] _emoji;

    /// <param name="emoji">Emoji and the word each stands for; longer emoji sequences are replaced first.</param>
    public EmojiWords(IReadOnlyDictionary<string, string>? emoji) => _emoji = [.. (emoji ?? new Dictionary<string, string>()).OrderByDescending(kv => kv.Key.Length)];

    /// <summary>The text with every listed emoji replaced by its word, spaced apart; a text without emoji comes back as it is.</summary>
    public string Replace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!ChatLexer.MayHoldEmoji(text))
        {
            return text;
        }

        text = ChatLexer.WithStraightApostrophes(text);
        foreach (var (emoji, word) in _emoji)
        {
            if (text.Contains(emoji, StringComparison.Ordinal))
            {
                text = text.Replace(emoji, " " + word + " ", StringComparison.Ordinal);
            }
        }

        return text;
    }
}
