namespace LeashBot.Understanding;

/// <summary>
/// The words that deny what follows ("not", "didn't", "never", from dialogs/reading.json) and how far a denial reaches:
/// up to <see cref="Reach"/> words, never over a "," or a "but".
/// </summary>
internal sealed class ReadingNegations(IEnumerable<string> negations, int reach)
{
    // As listed, not expanded: "wasnt" in the list must not make "was" a negation ("wasn't" in a message becomes "was not").
    private readonly HashSet<string> _negations = [.. negations.Select(n => n.Trim().ToLowerInvariant())];

    /// <summary>How many words a denial reaches.</summary>
    public int Reach => reach;

    /// <summary>True for a denying word.</summary>
    public bool Contains(string word) => _negations.Contains(word);

    /// <summary>"pickle, not milo" / "not milo, pickle": a denial right before the word, or before a "," right before it.</summary>
    public bool RightBefore(List<string> words, int at) =>
        (at > 0 && Contains(words[at - 1])) || (at > 1 && words[at - 1] == "," && Contains(words[at - 2]));

    /// <summary>A denial within reach before the word at <paramref name="at"/>, in the same part of the clause.</summary>
    public bool NegatedBefore(List<string> clause, int at)
    {
        for (var j = at - 1; j >= 0 && j >= at - Reach; j--)
        {
            if (clause[j] is "," or "but")
            {
                return false;
            }

            if (_negations.Contains(clause[j]))
            {
                return true;
            }
        }

        return false;
    }
}
