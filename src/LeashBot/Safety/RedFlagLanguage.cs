using System.Collections.Frozen;

namespace LeashBot.Safety;

/// <summary>
/// The language of a red flag written mostly in everyday words of another language the vet message exists in
/// ("mon chat a léché de l'antigel"), from the content's <c>languageWords</c>. Asked only when a vet message is about
/// to go out, never on the path every message takes. A tie goes to the language listed first in the content (Spanish
/// before Italian: "le di paracetamol" is as much one as the other by its words).
/// </summary>
public sealed class RedFlagLanguage(RedFlagContent content)
{
    // In the content's order (a frozen dictionary has none of its own, so ties fell either way).
    private readonly (string Language, FrozenSet<string> Words)[] _languageWords = [.. content.LanguageWords.Select(kv => (
        kv.Key,
        kv.Value.Select(w => new string([.. w.ToLowerInvariant().Select(RedFlagTriage.WithoutAccent)])).ToFrozenSet(StringComparer.Ordinal)))];

    /// <summary>The language most of the message's words belong to, or null: the message's own reading decides.</summary>
    public string? Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_languageWords.Length == 0)
        {
            return null;
        }

        var words = RedFlagTriage.Words(text).Select(w => new string([.. w.Select(RedFlagTriage.WithoutAccent)])).ToList();
        string? best = null;
        var bestHits = 0;
        foreach (var (language, everyday) in _languageWords)
        {
            var hits = words.Count(everyday.Contains);
            if (hits > bestHits)
            {
                (best, bestHits) = (language, hits);
            }
        }

        return bestHits >= 2 && bestHits * 4 >= words.Count ? best : null;
    }
}
