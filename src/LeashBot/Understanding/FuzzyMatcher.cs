using System.Collections.Frozen;

namespace LeashBot.Understanding;

/// <summary>
/// Finds the vocabulary word closest to a misspelt word ("harnes" → "harness", "retractible" → "retractable").
/// Symmetric-delete index built once: every vocabulary word is stored under the strings obtained by
/// deleting up to two letters; a lookup deletes letters from the query and verifies candidates with
/// an optimal-string-alignment distance. Allowed distance grows with word length.
/// </summary>
internal sealed class FuzzyMatcher
{
    private const int MaxIndexedDistance = 2;
    private readonly FrozenDictionary<string, int[]> _deletes;
    private readonly string[] _words;
    private readonly int[] _frequency;

    public FuzzyMatcher(IReadOnlyDictionary<string, int> wordFrequencies)
    {
        _words = [.. wordFrequencies.Keys.Where(w => w.Length >= MinLength)];
        _frequency = [.. _words.Select(w => wordFrequencies[w])];
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var scratch = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _words.Length; i++)
        {
            scratch.Clear();
            AddDeletes(_words[i], MaxIndexedDistance, scratch);
            foreach (var key in scratch)
            {
                if (!index.TryGetValue(key, out var list))
                {
                    index[key] = list = [];
                }

                list.Add(i);
            }
        }

        _deletes = index.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Shortest word that may be corrected; shorter words are too easily confused.</summary>
    public const int MinLength = 5;

    public int IndexSize => _deletes.Count;

    /// <summary>How many edits a word of this length may have.</summary>
    public static int AllowedDistance(int length) => length < MinLength ? 0 : length < 9 ? 1 : 2;

    /// <summary>The closest vocabulary word within the allowed distance, or null.</summary>
    public string? Find(string word)
    {
        var allowed = AllowedDistance(word.Length);
        if (allowed == 0)
        {
            return null;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        AddDeletes(word, allowed, keys);
        var best = -1;
        var bestDistance = int.MaxValue;
        foreach (var key in keys)
        {
            if (!_deletes.TryGetValue(key, out var candidates))
            {
                continue;
            }

            foreach (var c in candidates)
            {
                var candidate = _words[c];
                if (Math.Abs(candidate.Length - word.Length) > allowed)
                {
                    continue;
                }

                var d = Distance(word, candidate, allowed);
                if (d <= allowed && (d < bestDistance || (d == bestDistance && _frequency[c] > _frequency[best])))
                {
                    best = c;
                    bestDistance = d;
                }
            }
        }

        return best < 0 ? null : _words[best];
    }

    private static void AddDeletes(string word, int distance, HashSet<string> into)
    {
        into.Add(word);
        if (distance == 0 || word.Length <= 1)
        {
            return;
        }

        for (var i = 0; i < word.Length; i++)
        {
            var shorter = string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
            if (into.Add(shorter) || distance > 1)
            {
                AddDeletes(shorter, distance - 1, into);
            }
        }
    }

    private const string KeyboardRows = "qwertyuiop asdfghjkl zxcvbnm";

    /// <summary>
    /// A slip to a neighbouring key or a vowel for a vowel ("retractible") costs 1 in longer words;
    /// any other substitution costs 2, so real words ("breed", "order", "stuff") are not bent into
    /// vocabulary words ("bleed", "older", "stuck").
    /// </summary>
    private static int SubstitutionCost(char x, char y, int length)
    {
        if (length < 7)
        {
            return 2;
        }

        var vowels = "aeiouy";
        if (vowels.Contains(x, StringComparison.Ordinal) && vowels.Contains(y, StringComparison.Ordinal))
        {
            return 1;
        }

        var ix = KeyboardRows.IndexOf(x, StringComparison.Ordinal);
        var iy = KeyboardRows.IndexOf(y, StringComparison.Ordinal);
        return ix >= 0 && iy >= 0 && Math.Abs(ix - iy) == 1 ? 1 : 2;
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transposition), capped.</summary>
    internal static int Distance(string a, string b, int cap)
    {
        var n = a.Length;
        var m = b.Length;
        Span<int> prev2 = stackalloc int[m + 1];
        Span<int> prev = stackalloc int[m + 1];
        Span<int> cur = stackalloc int[m + 1];
        for (var j = 0; j <= m; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= n; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= m; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : SubstitutionCost(a[i - 1], b[j - 1], n);
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, prev2[j - 2] + 1);
                }

                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > cap)
            {
                return cap + 1;
            }

            var t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }

        return prev[m];
    }
}
