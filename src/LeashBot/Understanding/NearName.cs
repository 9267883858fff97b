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
        return Math.Abs(lower.Length - word.Length) <= allowed && Distance(word, lower) <= allowed;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
