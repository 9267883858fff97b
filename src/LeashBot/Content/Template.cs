using System.Text.RegularExpressions;

namespace LeashBot.Content;

/// <summary>Fills <c>{name}</c> placeholders in content text. Unknown names are caught when content loads.</summary>
public static partial class Template
{
    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_.]*)\}")]
    private static partial Regex Placeholder();

    /// <summary>The pronoun (a key of messages.json's catPronouns) of a cat whose owner hasn't said "she" or "he".</summary>
    public const string UnknownPronoun = "they";

    /// <summary>The pronoun slots: the pronoun the {cat} of the same text goes by (see Phrasebook.ForCatsOfTurn).</summary>
    public static readonly IReadOnlySet<string> PronounNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "they", "them", "their", "theyre", "They", "Their", "Theyre",
    };

    /// <summary>Every placeholder name that content text may use.</summary>
    public static readonly IReadOnlySet<string> KnownNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "org.name", "org.botName", "org.phone", "org.emergencyPhone", "org.hours", "org.disclaimer", "org.staffContact",
        "cat", "cats", "name", "max", "step", "next", "title", "goal", "tip", "target", "minutes", "shorter",
        "mood", "since", "sessions", "total", "days", "reasons", "verdict", "old", "skipped", "first",
        "streak", "time", "zone", "until", "earliest", "latest", "part",
        "they", "them", "their", "theyre", "They", "Their", "Theyre",
    };

    /// <summary>The text with every placeholder taken out, for checks on the words around them.</summary>
    public static string WithoutPlaceholders(string text) => Placeholder().Replace(text, "");

    public static IEnumerable<string> NamesIn(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value);

    public static string Render(string text, IReadOnlyDictionary<string, string> values)
    {
        if (text.IndexOf('{', StringComparison.Ordinal) < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 32);
        var last = 0;
        foreach (Match match in Placeholder().Matches(text))
        {
            result.Append(text, last, match.Index - last);
            result.Append(values.TryGetValue(match.Groups[1].Value, out var value) ? value : match.Value);
            last = match.Index + match.Length;
        }

        return result.Append(text, last, text.Length - last).ToString();
    }
}
