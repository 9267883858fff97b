using System.Collections.Frozen;

namespace LeashBot.Safety;

/// <summary>
/// A health question about what might happen, not what is happening: "if she pants after a walk on a hot day, is that
/// ok?", "asking in advance, it hasn't happened". Its signs are information to give (what to do if it happens, how to
/// keep it from happening), not an alarm. A sentence is a what-if when it asks (ends in "?") with a word of
/// <c>whatIf.conditionals</c> before the sign and nothing told as done after it ("is it bad if she ate chocolate?": a
/// word of <c>whatIf.happened</c> or one in -ed); a whole message is one when a pattern of <c>whatIf.markers</c> is in
/// it. Neither when the message has a word of <c>whatIf.present</c> ("now", "since", "still", "hours"): then it is
/// happening, and the rules lean towards a vet as always.
/// </summary>
internal sealed class TriageWhatIf(TriageMatcher matcher, TriagePatternSet markers, bool[] conditional, bool[] present, WhatIfWords whatIf)
{
    private static readonly char[] SentenceEnds = ['?', '.', '!', '\n'];

    private readonly FrozenSet<string> _conditionals = Lower(whatIf.Conditionals);
    private readonly FrozenSet<string> _happened = Lower(whatIf.Happened);
    private readonly FrozenSet<string> _articles = Lower(whatIf.Articles);
    private readonly FrozenSet<string> _supposing = Lower(whatIf.Supposing);

    /// <summary>How the message reads as a whole: told as happening now, marked as a what-if, a conditional told as done.</summary>
    public WhatIfReading Read(List<int> tokens, string text)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            if (TriageWordClasses.Is(present, tokens[k]))
            {
                return new WhatIfReading(Present: true, Marked: false, Happened: true);
            }
        }

        return new WhatIfReading(false, matcher.AnySentenceMatches(markers, tokens, denialInsideUndoes: false), HappenedAfterIf(text));
    }

    /// <summary>A question whose sentence has a conditional ("if") before the sign at <paramref name="sign"/>.</summary>
    public bool AsksIf(List<int> tokens, int start, int sign, int end)
    {
        if (end >= tokens.Count || tokens[end] != TriageTokens.QuestionEnd)
        {
            return false;
        }

        for (var k = start; k < sign; k++)
        {
            if (TriageWordClasses.Is(conditional, tokens[k]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"is it bad if she ate some chocolate?": after a conditional, a word told as done.</summary>
    private bool HappenedAfterIf(string text)
    {
        foreach (var sentence in text.ToLowerInvariant().Split(SentenceEnds, StringSplitOptions.RemoveEmptyEntries))
        {
            var afterIf = false;
            var words = RedFlagTriage.Words(sentence).ToList();
            for (var i = 0; i < words.Count; i++)
            {
                var word = words[i];
                var toldAsDone = _happened.Contains(word) || (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal) && !word.EndsWith("eed", StringComparison.Ordinal));

                // "if he were to drool", "if she was to eat one": a supposition, nothing done. After an article the word
                // is a thing, not a deed ("if he drools a bit", "if she takes a fall").
                var supposed = i + 1 < words.Count && _supposing.Contains(word + " " + words[i + 1]);
                var aThing = i > 0 && _articles.Contains(words[i - 1]);
                if (afterIf && toldAsDone && !supposed && !aThing)
                {
                    return true;
                }

                afterIf |= _conditionals.Contains(word);
            }
        }

        return false;
    }

    private static FrozenSet<string> Lower(IEnumerable<string> words) => words.Select(w => w.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
}

/// <summary>A message's what-if reading (<see cref="TriageWhatIf.Read"/>) and the signs set aside as a what-if.</summary>
internal sealed record WhatIfReading(bool Present, bool Marked, bool Happened)
{
    public List<RedFlagSign>? Signs { get; private set; }

    public void Add(RedFlagSign sign)
    {
        Signs ??= [];
        if (!Signs.Contains(sign))
        {
            Signs.Add(sign);
        }
    }
}
