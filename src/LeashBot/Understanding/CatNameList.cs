namespace LeashBot.Understanding;

/// <summary>
/// Several cats' names in one breath, read one way wherever they are written: at the name question ("ziggy n pip",
/// "Canela y Bruno") and in any sentence ("two of them, nori and bruno", "my cats are luna + mochi"). Names are
/// joined by a word for "and" or a sign (<c>nameListJoins</c> in dialogs/reading.json) or commas. In a longer message
/// a list counts only where a list of names goes: after a word for cats or a lead-in ("i have", "names are"), or as a
/// part of its own (between sentence ends or commas, chat around it aside). Words the content knows ("harness and
/// leash") and words formed like verbs or adjectives are no names there.
/// </summary>
internal sealed class CatNameList(
    Func<IReadOnlyList<string>, string?> plausible,
    Func<string, bool> ordinary,
    IReadOnlySet<string> joins,
    IReadOnlySet<string> catWords,
    IReadOnlySet<string> stopWords,
    IReadOnlySet<string> chat,
    PhraseIndex<bool> leadIns)
{
    /// <summary>More names than this in a row is not a list of one owner's cats.</summary>
    private const int MostListed = 5;

    private const string Comma = ",";

    /// <summary>A word that joins two names in a list ("and", "n", "&amp;", "+", "y") or a comma.</summary>
    private bool Joins(string word) => word == Comma || joins.Contains(word);

    /// <summary>
    /// The whole message, or what follows its last lead-in ("their names are Milo, Pickle and Tom"), as a list:
    /// "milo and pickle", "mr whiskers + tom". Empty unless every part is a plausible name and there are at least two.
    /// </summary>
    public IReadOnlyList<string> Whole(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var start = 0;
        for (var i = words.Count - 1; i >= 0 && start == 0; i--)
        {
            if (leadIns.MatchAt(words, i) is { Words: var leadIn })
            {
                start = i + leadIn.Length;
            }
        }

        var parts = new List<List<string>> { new() };
        foreach (var word in words.Skip(start))
        {
            if (Joins(word))
            {
                parts.Add([]);
            }
            else
            {
                parts[^1].Add(word);
            }
        }

        parts.RemoveAll(p => p.Count == 0);
        if (parts.Count is < 2 or > MostListed)
        {
            return [];
        }

        var names = new List<string>(parts.Count);
        foreach (var part in parts)
        {
            if (plausible(part) is not { } name)
            {
                return [];
            }

            names.Add(name);
        }

        return Distinct(names);
    }

    /// <summary>
    /// Single-word names listed inside a longer message, where a list of names goes (see the class summary); the
    /// first such list, or empty.
    /// </summary>
    public IReadOnlyList<string> InSentence(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        for (var i = 0; i < words.Count; i++)
        {
            // After a word for cats a name may be any plausible word ("my cats are pepper and mango"); elsewhere not
            // one of everyday talk.
            var afterCatWord = AfterCatWordOrLeadIn(words, i);
            if (NameAt(words, i, strict: !afterCatWord) is null)
            {
                continue;
            }

            var (names, end) = RunFrom(words, i, strict: !afterCatWord);
            if (names.Count is >= 2 and <= MostListed && (afterCatWord || (StandsAlone(words, i - 1, -1) && StandsAlone(words, end, 1))))
            {
                return Distinct(names);
            }
        }

        return [];
    }

    /// <summary>A word that can be a cat's name: plausible, and (when <paramref name="strict"/>) no word of everyday talk.</summary>
    private string? NameAt(IReadOnlyList<string> words, int at, bool strict) =>
        at >= 0 && at < words.Count && !Joins(words[at]) && !(strict && ordinary(words[at])) && !FormedLikeNoName(words[at]) ? plausible([words[at]]) : null;

    /// <summary>
    /// Never a name in a list, even after a word for cats: a word with a digit in it ("4yo", "5kg") or formed like a verb
    /// ("eating and zooming around", "walked"). Short names that end so ("Ned", "Bing") stay names.
    /// </summary>
    private static bool FormedLikeNoName(string word) =>
        word.Any(char.IsAsciiDigit) || (word.Length >= 6 && (word.EndsWith("ing", StringComparison.Ordinal) || word.EndsWith("ed", StringComparison.Ordinal)));

    /// <summary>The names joined from <paramref name="start"/> on ("nori , bruno and mochi"), and where the run ends.</summary>
    private (List<string> Names, int End) RunFrom(IReadOnlyList<string> words, int start, bool strict)
    {
        var names = new List<string> { NameAt(words, start, strict)! };
        var at = start + 1;
        while (true)
        {
            var next = at;
            while (next < words.Count && Joins(words[next]))
            {
                next++;
            }

            // "luna + miso, miso did this before": after a comma alone, a name goes on the list only when the list goes
            // on after it ("nori, bruno and mochi") or ends there; else the comma ends the list.
            var commaOnly = Enumerable.Range(at, next - at).All(k => words[k] == Comma);
            if (next == at || NameAt(words, next, strict) is not { } name
                || (commaOnly && next + 1 < words.Count && !Joins(words[next + 1])))
            {
                return (names, at);
            }

            names.Add(name);
            at = next + 1;
        }
    }

    /// <summary>
    /// "my cats are luna + mochi", "2 cats: ziggy n pip", "i have nori and bruno": a word for cats (with small words,
    /// counts and lead-ins between) or a lead-in right before the list.
    /// </summary>
    private bool AfterCatWordOrLeadIn(IReadOnlyList<string> words, int start)
    {
        for (var j = start - 1; j >= 0; j--)
        {
            var word = words[j];
            if (catWords.Contains(word))
            {
                return true;
            }

            if (LeadInEndsAt(words, j + 1))
            {
                return true;
            }

            if (!(word == Comma || stopWords.Contains(word) || word.All(char.IsAsciiDigit) || chat.Contains(word)))
            {
                return false;
            }
        }

        return false;
    }

    private bool LeadInEndsAt(IReadOnlyList<string> words, int end)
    {
        for (var k = Math.Max(0, end - 5); k < end; k++)
        {
            if (leadIns.MatchAt(words, k) is { Words: var leadIn } && k + leadIn.Length == end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>From <paramref name="at"/> on (going <paramref name="direction"/>), only chat and small words before a comma, a sentence end or the message's end.</summary>
    private bool StandsAlone(IReadOnlyList<string> words, int at, int direction)
    {
        for (; at >= 0 && at < words.Count; at += direction)
        {
            if (words[at] == Comma)
            {
                return true;
            }

            if (!chat.Contains(words[at]) && !stopWords.Contains(words[at]) && words[at].Any(char.IsLetterOrDigit))
            {
                return false;
            }
        }

        return true;
    }

    private static List<string> Distinct(List<string> names) => [.. names.Distinct(StringComparer.OrdinalIgnoreCase)];
}
