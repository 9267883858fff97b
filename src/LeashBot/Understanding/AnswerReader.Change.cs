namespace LeashBot.Understanding;

/// <summary>How <see cref="AnswerReader"/> reads a change of an earlier answer: the value pointed at, an answer reported, a rebuttal.</summary>
public sealed partial class AnswerReader
{
    /// <summary>The value the owner points at in a change of an answer ("change that to no", "treats = SÍ"); null when none.</summary>
    public AnswerPolarity? PointedAt(string? text)
    {
        var hits = new List<Hit>();
        var at = 0;
        foreach (var sentence in Sentences(text))
        {
            hits.AddRange(HitsIn(sentence, at));
            at += sentence.Count + 1;
        }

        return Pointed(hits);
    }

    /// <summary>"change that to no", "treats = SÍ", "esa es un no": the last value the owner points at.</summary>
    private static AnswerPolarity? Pointed(List<Hit> hits)
    {
        for (var i = hits.Count - 1; i > 0; i--)
        {
            // "slow progress = ok para mí": an acceptance pointed at is a yes.
            if (hits[i].Kind is Kind.Yes or Kind.No or Kind.Partly or Kind.Acceptance && hits[i - 1].Kind == Kind.Target && hits[i - 1].End == hits[i].At)
            {
                return hits[i].Kind == Kind.Acceptance ? AnswerPolarity.Yes : Polarity(hits[i].Kind);
            }
        }

        return null;
    }

    /// <summary>An answer the owner says they gave is the one the bot kept (or nothing was kept to compare): it is the old one.</summary>
    private static bool WasKept(AnswerPolarity stored, Kind said) =>
        stored == AnswerPolarity.Unclear || (stored == AnswerPolarity.Yes) == (said == Kind.Yes);

    /// <summary>"i said yes", "te dije que sí": an answer word just after a word that reports what was said.</summary>
    private static bool IsReported(List<Hit> hits, int i)
    {
        var before = hits[i - 1];
        return before.Kind == Kind.Reported && hits[i].At - before.End <= 2;
    }

    /// <summary>
    /// "no, los treats SI lo motivan", "no thats wrong, she LOVES treats": a "no" opening a sentence, before a comma or
    /// before another answer in it, says the bot is wrong, not what the answer is ("no to the treats one" is the answer).
    /// </summary>
    private static bool IsRebuttal(List<Hit> hits, int i, HashSet<int> commas)
    {
        var start = i;
        while (start > 0 && hits[start - 1] is { Kind: Kind.No, Words: ["no"] } before && before.End == hits[start].At)
        {
            start--;
        }

        var end = i;
        while (end + 1 < hits.Count && hits[end + 1] is { Kind: Kind.No, Words: ["no"] } after && after.At == hits[end].End)
        {
            end++;
        }

        var laterAnswer = hits.Skip(end + 1).Any(h => h.Sentence == hits[i].Sentence && h.Kind is Kind.Yes or Kind.No or Kind.Partly or Kind.Positive or Kind.Negative);
        var pointsOn = end + 1 < hits.Count && hits[end + 1] is { Kind: Kind.Target } next && next.At == hits[end].End;
        return hits[i].Words is ["no"] && hits[start].At == hits[start].Sentence && !pointsOn && (commas.Contains(hits[end].End) || laterAnswer);
    }
}
