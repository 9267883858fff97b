namespace LeashBot.Understanding;

/// <summary>
/// A typed word that is a slip of a cat's name ("peper" for Pepper, "biscut" for Biscuit): same first letter, one
/// edit away (two for long names), and not an everyday word. Short names must match exactly: "max" is one edit from
/// "may" and "mac".
/// </summary>
public static class NearName
{
    private const int ShortestFuzzy = 4;
    private const int LongName = 8;

    /// <summary>True when <paramref name="word"/> (lower case) is a likely slip of the one-word <paramref name="name"/>.</summary>
    public static bool IsSlipOf(string word, string name)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length < ShortestFuzzy || word.Length < ShortestFuzzy - 1 || word.Length == 0 || char.ToLowerInvariant(name[0]) != word[0])
        {
            return false;
        }

        var lower = name.ToLowerInvariant();
        if (lower == word)
        {
            return false;
        }

        var allowed = lower.Length >= LongName ? 2 : 1;
        return Math.Abs(lower.Length - word.Length) <= allowed && FuzzyMatcher.Distance(word, lower, allowed) <= allowed;
    }
}
