namespace LeashBot.Safety;

/// <summary>
/// What calms a sign within its sentence: a vet's all-clear or a time long past ("years ago") calms every sign up to the
/// segment it is in, "fine now" and the like only the see-a-vet-soon ones. Segments are split by contrast words ("but",
/// "now", "still"); a sign's <c>unless</c> reaches up to the first of <c>unlessStopsAt</c>.
/// </summary>
internal sealed class TriageCalming(TriageWordClasses words, TriageMatcher matcher, TriageDenials denials, TriagePatternSet clearancePatterns, TriagePatternSet resolvedPatterns)
{
    /// <summary>The last segment with an all-clear or a long-ago time, and the last with "fine now" (-1 for none), each not denied.</summary>
    public (int Calm, int Resolved) CalmingSegments(List<int> tokens, int start, int end)
    {
        Span<int> positions = stackalloc int[TriagePatternSet.MaxElements];
        int calm = -1, resolved = -1;
        for (var i = start; i < end; i++)
        {
            foreach (var (pattern, _) in clearancePatterns.StartingWith(tokens[i]))
            {
                var length = matcher.Match(pattern, tokens, i, end, positions);
                if (length > 0 && !denials.IsNegated(tokens, start, positions[..length]))
                {
                    calm = Math.Max(calm, SegmentOf(tokens, start, positions[length - 1]));
                }
            }

            foreach (var (pattern, _) in resolvedPatterns.StartingWith(tokens[i]))
            {
                var length = matcher.Match(pattern, tokens, i, end, positions);
                if (length > 0 && !denials.IsNegated(tokens, start, positions[..length]))
                {
                    resolved = Math.Max(resolved, SegmentOf(tokens, start, positions[length - 1]));
                }
            }
        }

        return (calm, resolved);
    }

    /// <summary>Segments of a sentence are separated by contrast words ("but", "now", "still"); a contrast word opens the next one.</summary>
    public int SegmentOf(List<int> tokens, int start, int position)
    {
        var segment = 0;
        for (var i = start + 1; i <= position; i++)
        {
            if (tokens[i] > 0 && words.Contrast[tokens[i]])
            {
                segment++;
            }
        }

        return segment;
    }

    /// <summary>Where a sign's <c>unless</c> stops being about it: the first word of <c>unlessStopsAt</c> after the sign.</summary>
    public int UnlessEnd(List<int> tokens, int last, int end)
    {
        for (var k = last + 1; k < end; k++)
        {
            if (tokens[k] > 0 && words.UnlessStop[tokens[k]])
            {
                return k;
            }
        }

        return end;
    }
}
