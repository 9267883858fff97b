using System.Collections.Frozen;
using LeashBot.Content.Rules;

namespace LeashBot.Safety;

/// <summary>Words in order, each a set of alternative ids; <c>Adjacent</c>: right after the previous word; <c>Anywhere</c>: anywhere later in the sentence ("~word").</summary>
internal sealed record TriagePattern(int[][] Elements, bool[] Adjacent, bool[] Anywhere);

/// <summary>Patterns indexed by the ids their first word may have.</summary>
internal sealed class TriagePatternSet
{
    /// <summary>The most words a pattern has: the content's rule (<see cref="RedFlagRules.LongestRedFlagPattern"/>) is the one limit.</summary>
    public const int MaxElements = RedFlagRules.LongestRedFlagPattern;

    private static readonly (TriagePattern, int)[] NoPatterns = [];
    private readonly Dictionary<int, (TriagePattern, int)[]> _byFirst;

    public TriagePatternSet(IEnumerable<(TriagePattern Pattern, int Tag)> patterns)
    {
        var list = patterns.ToList();
        Count = list.Count;
        _byFirst = list
            .SelectMany(p => p.Pattern.Elements[0].Select(id => (id, p)))
            .GroupBy(x => x.id)
            .ToDictionary(g => g.Key, g => g.Select(x => (x.p.Pattern, x.p.Tag)).ToArray());
    }

    public int Count { get; }

    public (TriagePattern, int)[] StartingWith(int id) => id > 0 && _byFirst.TryGetValue(id, out var list) ? list : NoPatterns;
}

/// <summary>Compiles the content's patterns into word ids; remembers every word written in one (<see cref="SurfaceWords"/>).</summary>
internal sealed class TriagePatternCompiler(TriageVocabulary vocabulary, Dictionary<string, List<string>> groups, FrozenDictionary<string, string[]> expansions)
{
    public HashSet<string> SurfaceWords { get; } = new(StringComparer.Ordinal);

    /// <summary>A pattern's words, each a set of alternative ids; "+" before a word means it must follow directly.</summary>
    public TriagePattern Pattern(string text)
    {
        var parts = text.Replace("+", " + ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var elements = new List<int[]>();
        var adjacent = new List<bool>();
        var anywhere = new List<bool>();
        var next = false;
        foreach (var part in parts)
        {
            if (part == "+")
            {
                next = true;
                continue;
            }

            var far = part.StartsWith('~');
            var words = part.TrimStart('~').Split('|').SelectMany(w => Expand(w, 0));
            elements.Add([.. words.SelectMany(Ids).Distinct()]);
            adjacent.Add(next);
            anywhere.Add(far);
            next = false;
        }

        return new TriagePattern([.. elements], [.. adjacent], [.. anywhere]);
    }

    /// <summary>Patterns tagged 0, as one set.</summary>
    public TriagePatternSet Set(IEnumerable<string> patterns) => new(patterns.Select(p => (Pattern(p), 0)));

    /// <summary>A phrase compared word for word (fillers, words that only look like denials).</summary>
    public int[] Phrase(string text) => [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(Ids)];

    /// <summary>A word, or the words of a group; a group may name other groups ("@poison" = "@toxicPlant" and more).</summary>
    private IEnumerable<string> Expand(string word, int depth)
    {
        if (!word.StartsWith('@'))
        {
            return [word];
        }

        if (depth > 4 || !groups.TryGetValue(word[1..], out var members))
        {
            throw new InvalidOperationException($"Unknown or circular word group '{word}'.");
        }

        return members.SelectMany(m => Expand(m, depth + 1));
    }

    private IEnumerable<int> Ids(string word)
    {
        word = word.ToLowerInvariant();
        if (expansions.TryGetValue(word, out var expansion))
        {
            // A contraction inside a pattern alternative stands for its last word ("can't" -> "not").
            word = expansion[^1];
        }

        SurfaceWords.Add(word);
        yield return vocabulary.IdOf(word);
    }
}

/// <summary>Matches a pattern in a sentence: its words in order, a few others between them (none over a contrast like "but").</summary>
internal sealed class TriageMatcher(TriageWordClasses words, int maxGap, TriageDenials denials)
{
    /// <summary>True when a pattern of the set matches within one sentence of the message (with <paramref name="statementsOnly"/>, one that is no question).</summary>
    public bool AnySentenceMatches(TriagePatternSet set, List<int> tokens, bool denialInsideUndoes, bool statementsOnly = false)
    {
        Span<int> positions = stackalloc int[TriagePatternSet.MaxElements];
        var start = 0;
        for (var i = 0; i <= tokens.Count; i++)
        {
            if (i < tokens.Count && !TriageTokens.IsEnd(tokens[i]))
            {
                continue;
            }

            // In a question only a statement told before it counts ("vet says she's fine, so when can we start again?");
            // one the question asks about doesn't ("should i go to the vet or is he fine?").
            var question = statementsOnly && i < tokens.Count && tokens[i] == TriageTokens.QuestionEnd;
            for (var p = start; p < i; p++)
            {
                foreach (var (pattern, _) in set.StartingWith(tokens[p]))
                {
                    var length = Match(pattern, tokens, p, i, positions);
                    if (length > 0 && !(denialInsideUndoes && denials.HasDenialInside(tokens, positions[0], positions[length - 1]))
                        && (!question || ClauseEndsBetween(tokens, positions[length - 1], i)))
                    {
                        return true;
                    }
                }
            }

            start = i + 1;
        }

        return false;
    }

    /// <summary>A comma or a clause break ("so", "and then") after <paramref name="after"/> and before <paramref name="end"/>.</summary>
    private bool ClauseEndsBetween(List<int> tokens, int after, int end)
    {
        for (var k = after + 1; k < end; k++)
        {
            if (tokens[k] == TriageTokens.Comma || (tokens[k] > 0 && words.ClauseBreak[tokens[k]]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Matches a pattern whose first word is at <paramref name="first"/>; returns how many words matched
    /// (the pattern's length) with their positions, or 0.
    /// </summary>
    public int Match(TriagePattern pattern, List<int> tokens, int first, int end, Span<int> positions)
    {
        positions[0] = first;
        return Extend(pattern, 1, tokens, first, end, positions) ? pattern.Elements.Length : 0;
    }

    /// <summary>True when a pattern of the set matches between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public bool AnyMatch(TriagePatternSet set, List<int> tokens, int start, int end)
    {
        Span<int> positions = stackalloc int[TriagePatternSet.MaxElements];
        for (var i = start; i < end; i++)
        {
            foreach (var (pattern, _) in set.StartingWith(tokens[i]))
            {
                if (Match(pattern, tokens, i, end, positions) > 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool Extend(TriagePattern pattern, int element, List<int> tokens, int previous, int end, Span<int> positions)
    {
        if (element == pattern.Elements.Length)
        {
            return true;
        }

        var alternatives = pattern.Elements[element];
        var adjacent = pattern.Adjacent[element];
        var anywhere = pattern.Anywhere[element];
        var gap = 0;
        for (var j = previous + 1; j < end; j++)
        {
            var id = tokens[j];
            if (id > 0 && Array.IndexOf(alternatives, id) >= 0)
            {
                positions[element] = j;
                if (Extend(pattern, element + 1, tokens, j, end, positions))
                {
                    return true;
                }
            }

            if (adjacent || (!anywhere && id > 0 && words.GapStop[id]))
            {
                return false;
            }

            // A denial belongs to its own clause: "no vomita, come bien" says nothing of "no come".
            if (element == 1 && id == TriageTokens.Comma && tokens[previous] > 0 && words.Negation[tokens[previous]])
            {
                return false;
            }

            if (id == TriageTokens.Comma || (id > 0 && words.Skip[id]))
            {
                continue;
            }

            if (!anywhere && ++gap > maxGap)
            {
                return false;
            }
        }

        return false;
    }
}
