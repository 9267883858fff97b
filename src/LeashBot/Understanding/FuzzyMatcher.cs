using System.Buffers;
using System.Numerics;

namespace LeashBot.Understanding;

/// <summary>
/// Finds the vocabulary word closest to a misspelt word ("harnes" → "harness", "retractible" → "retractable").
/// Symmetric-delete index built once: every vocabulary word is filed under the strings obtained by deleting
/// letters (up to as many as any query could need), a lookup deletes letters from the query and verifies the
/// words filed under them with an optimal-string-alignment distance. Allowed distance grows with word length.
/// <para>
/// The index keeps no strings: a deletion is filed under its hash, in one flat array of word numbers grouped by
/// hash bucket, each entry tagged with the high bits of its hash. A word whose tag matches is measured with the exact
/// distance, so the answer is the same as with a dictionary of deletions. The red-flag triage's index (every word of the content) took
/// about 10 MB as a dictionary of strings and 39 MB of garbage to build; as buckets it is about 1 MB.
/// </para>
/// </summary>
internal sealed class FuzzyMatcher
{
    private const int MaxIndexedDistance = 2;

    /// <summary>Longest word spelled on the stack while its deletions are hashed.</summary>
    private const int StackWordLength = 64;

    private readonly string[] _words;
    private readonly int[] _frequency;

    // Bucket b holds the word numbers _entries[_bucketStarts[b] .. _bucketStarts[b + 1]).
    private readonly int[] _bucketStarts;
    private readonly int[] _entries;
    private readonly ushort[] _tags; // the high bits of each entry's deletion hash: words that only share its bucket are skipped unmeasured
    private readonly int _bucketMask;

    public FuzzyMatcher(IReadOnlyDictionary<string, int> wordFrequencies)
    {
        _words = [.. wordFrequencies.Keys.Where(w => w.Length >= MinLength)];
        _frequency = [.. _words.Select(w => wordFrequencies[w])];

        // Every (deletion hash, word) pair once per word, then grouped by bucket (a counting sort).
        var pairs = new List<(int Hash, int Word)>();
        var hashes = new HashSet<int>();
        for (var i = 0; i < _words.Length; i++)
        {
            hashes.Clear();
            DeletionHashes(_words[i], IndexedDistance(_words[i].Length), hashes);
            foreach (var hash in hashes)
            {
                pairs.Add((hash, i));
            }
        }

        var buckets = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(pairs.Count, 1));
        _bucketMask = buckets - 1;
        _bucketStarts = new int[buckets + 1];
        foreach (var (hash, _) in pairs)
        {
            _bucketStarts[(hash & _bucketMask) + 1]++;
        }

        for (var b = 0; b < buckets; b++)
        {
            _bucketStarts[b + 1] += _bucketStarts[b];
        }

        _entries = new int[pairs.Count];
        _tags = new ushort[pairs.Count];
        var next = _bucketStarts[..^1];
        foreach (var (hash, word) in pairs)
        {
            var at = next[hash & _bucketMask]++;
            _entries[at] = word;
            _tags[at] = Tag(hash);
        }

        IndexSize = pairs.Count;
    }

    /// <summary>Shortest word that may be corrected; shorter words are too easily confused.</summary>
    public const int MinLength = 5;

    /// <summary>Number of (deletion, word) entries in the index.</summary>
    public int IndexSize { get; }

    /// <summary>How many edits a word of this length may have.</summary>
    public static int AllowedDistance(int length) => length < MinLength ? 0 : length < 9 ? 1 : 2;

    /// <summary>
    /// How many deletions a vocabulary word is filed under: as many as the longest query that may reach it is
    /// allowed (a query differs from the word by at most its allowed distance in length).
    /// </summary>
    private static int IndexedDistance(int length) => Math.Min(MaxIndexedDistance, AllowedDistance(length + MaxIndexedDistance));

    /// <summary>
    /// The closest vocabulary word within the allowed distance, or null. Of equally close words the one the
    /// vocabulary uses more often wins, then the one it lists first.
    /// </summary>
    public string? Find(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var allowed = AllowedDistance(word.Length);
        if (allowed == 0)
        {
            return null;
        }

        var keys = new HashSet<int>();
        DeletionHashes(word, allowed, keys);
        var best = -1;
        var bestDistance = int.MaxValue;
        foreach (var key in keys)
        {
            var bucket = key & _bucketMask;
            var tag = Tag(key);
            for (var e = _bucketStarts[bucket]; e < _bucketStarts[bucket + 1]; e++)
            {
                if (_tags[e] != tag)
                {
                    continue;
                }

                var c = _entries[e];
                var candidate = _words[c];
                if (Math.Abs(candidate.Length - word.Length) > allowed || c == best)
                {
                    continue;
                }

                var d = Distance(word, candidate, allowed);
                if (d <= allowed && (d < bestDistance || (d == bestDistance && Better(c, best))))
                {
                    best = c;
                    bestDistance = d;
                }
            }
        }

        return best < 0 ? null : _words[best];
    }

    private static ushort Tag(int hash) => (ushort)((uint)hash >> 16);

    private bool Better(int candidate, int best) =>
        _frequency[candidate] > _frequency[best] || (_frequency[candidate] == _frequency[best] && candidate < best);

    /// <summary>Hashes of the word and of every string made by deleting up to <paramref name="distance"/> of its letters.</summary>
    private static void DeletionHashes(string word, int distance, HashSet<int> into)
    {
        char[]? rented = null;
        var buffer = word.Length <= StackWordLength
            ? stackalloc char[StackWordLength * (MaxIndexedDistance + 1)]
            : rented = ArrayPool<char>.Shared.Rent(word.Length * (MaxIndexedDistance + 1));
        try
        {
            word.AsSpan().CopyTo(buffer);
            AddDeletions(buffer, word.Length, distance, into);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    // The current string is buffer[..length]; its deletions are spelled in the space after it, one level per deletion.
    private static void AddDeletions(Span<char> buffer, int length, int distance, HashSet<int> into)
    {
        var current = buffer[..length];
        into.Add(string.GetHashCode(current));
        if (distance == 0 || length <= 1)
        {
            return;
        }

        var shorter = buffer.Slice(length, length - 1);
        for (var i = 0; i < length; i++)
        {
            current[..i].CopyTo(shorter);
            current[(i + 1)..].CopyTo(shorter[i..]);
            if (distance > 1)
            {
                AddDeletions(buffer[length..], length - 1, distance - 1, into);
            }
            else
            {
                into.Add(string.GetHashCode(shorter));
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
