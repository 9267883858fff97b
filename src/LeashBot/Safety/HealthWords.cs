namespace LeashBot.Safety;

/// <summary>
/// Whether a message reads health-related, cheaply and without the model: it shares a word (or a word's start,
/// "vomit" in "vomitting") with the red-flag content's signs and word groups, leaving out the words that say
/// nothing on their own (fillers, negations, subjects, times) and every word the training topics' examples use
/// ("down", "lay", "walk"), and the words that say a cat's sex ("girl", "boy", "female": reading.json's pronouns), which
/// red flags use only beside a sign ("a fox caught my girl") and which are no sign of anything on their own. Grows with
/// the red-flag content.
/// </summary>
public sealed class HealthWords
{
    private const int Shortest = 4;
    private static readonly char[] Breaks = [' ', ',', '.', '!', '?', ';', ':', '\n', '\t', '(', ')', '"'];

    private readonly HashSet<string> _words;

    public HealthWords(BotContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var redFlags = content.RedFlags;
        var notHealth = new HashSet<string>(
            redFlags.SkipWords.Concat(redFlags.Fillers).Concat(redFlags.Negations).Concat(redFlags.Subjects).Concat(redFlags.LongAgo).Concat(redFlags.Clearances)
                .Concat(content.Understanding.Topics.SelectMany(t => t.Examples).SelectMany(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
                .Concat(content.Reading.Pronouns.Values.SelectMany(p => p)),
            StringComparer.OrdinalIgnoreCase);
        _words = new HashSet<string>(
            redFlags.Systems.SelectMany(s => s.Signs).SelectMany(s => s.Patterns).Concat(redFlags.WordGroups.Values.SelectMany(g => g))
                .SelectMany(p => p.Split([' ', '|'], StringSplitOptions.RemoveEmptyEntries))
                .Select(w => w.Trim().ToLowerInvariant())
                .Where(w => w.Length >= Shortest && w.All(char.IsLetter) && !notHealth.Contains(w)),
            StringComparer.Ordinal);
    }

    public bool In(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var raw in text.Split(Breaks, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Trim('\'').ToLowerInvariant();
            for (var length = Shortest; length <= word.Length; length++)
            {
                if (_words.Contains(word[..length]))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
