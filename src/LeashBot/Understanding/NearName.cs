namespace LeashBot.Understanding;

/// <summary>
/// A typed word that is a slip of a cat's name ("peper" for Pepper, "biscut" and "bisquit" for Biscuit): same first
/// letter, one edit away (two for long names; one letter typed for another counts from six letters), and not an
/// everyday word. Short names must match exactly: "max" is one edit from "may" and "mac".
/// </summary>
public static class NearName
{
    private const int ShortestFuzzy = 4;
    private const int LongName = 8;

    /// <summary>Names up to this long must be typed without a letter swapped for another ("milo" is not "mile").</summary>
    private const int LongestSwapFree = 5;

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
        return Math.Abs(lower.Length - word.Length) <= allowed
            && (FuzzyMatcher.Distance(word, lower, allowed) <= allowed || OneLetterSwapped(word, lower));
    }

    /// <summary>
    /// "bisquit" for Biscuit, "pepoer" for Pepper: one letter typed for another in a name of six letters or more (the
    /// typo distance charges most such swaps double, which is right for everyday words but misses names spelt by ear).
    /// </summary>
    private static bool OneLetterSwapped(string word, string name)
    {
        if (name.Length < LongestSwapFree + 1 || word.Length != name.Length)
        {
            return false;
        }

        var differ = 0;
        for (var i = 0; i < word.Length && differ < 2; i++)
        {
            differ += word[i] == name[i] ? 0 : 1;
        }

        return differ == 1;
    }
}
