namespace LeashBot.Understanding;

/// <summary>
/// The plan step a message names: by number ("step 3", "the third step", "3rd step"), or relative to a step its title
/// (or goal) names ("what comes after the harness?"), from reading.json's step words and plan.json's steps.
/// </summary>
internal sealed class StepReferenceReader
{
    private const int GoalWordsForAStep = 2;

    private readonly (int Number, HashSet<string> Title, HashSet<string> Goal)[] _steps;
    private readonly HashSet<string> _stepWords;
    private readonly HashSet<string> _afterWords;
    private readonly HashSet<string> _beforeWords;
    private readonly HashSet<string> _stopWords;
    private readonly HashSet<string> _fillers;
    private readonly Dictionary<string, int> _numberWords;

    public StepReferenceReader(ReadingContent reading, PlanContent plan, GlobalSettings global, HashSet<string> fillers, ChatClauses words)
    {
        _steps = [.. plan.Steps.Select(st => (st.Number, Title: StemSet(st.Title), Goal: StemSet(st.Goal)))];
        _stepWords = [.. reading.StepWords.Step];
        _afterWords = [.. reading.StepWords.After];
        _beforeWords = [.. reading.StepWords.Before];
        _stopWords = [.. global.StopWords.Select(w => w.ToLowerInvariant())];
        _fillers = fillers;
        _numberWords = reading.NumberWords;

        HashSet<string> StemSet(string text) => [.. words.Words(text.Replace("{cat}", " ", StringComparison.Ordinal)).Select(EnglishStemmer.Stem)];
    }

    /// <summary>The step the words name (1 to 10, or relative to a named step), or null.</summary>
    public int? Of(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!_stepWords.Contains(words[i]))
            {
                continue;
            }

            if (i + 1 < words.Count && NumberOf(words[i + 1]) is { } after)
            {
                return after;
            }

            if (i > 0 && NumberOf(words[i - 1]) is { } before && !char.IsAsciiDigit(words[i - 1][0]))
            {
                return before;
            }
        }

        return RelativeStep(words);
    }

    /// <summary>"what comes after the harness?": the step whose title (or goal) the words name best, then the one after (or before).</summary>
    private int? RelativeStep(List<string> words)
    {
        bool after = false, before = false;
        foreach (var word in words)
        {
            after |= _afterWords.Contains(word);
            before |= _beforeWords.Contains(word);
        }

        if (after == before)
        {
            return null;
        }

        var stems = words.Where(w => w.Length >= 3 && !_stopWords.Contains(w) && !_fillers.Contains(w)
                && !_stepWords.Contains(w) && !_afterWords.Contains(w) && !_beforeWords.Contains(w))
            .Select(EnglishStemmer.Stem).ToList();
        // Titles first ("the harness" is step 1 before it is anything else); goals only when no title fits, and
        // then with two of their words: one word of a long goal ("cats", "time") is in too many questions to name a step.
        var best = (Number: 0, Score: 0);
        foreach (var byGoal in (ReadOnlySpan<bool>)[false, true])
        {
            foreach (var (number, title, goal) in _steps)
            {
                var score = stems.Count((byGoal ? goal : title).Contains);
                if (score > best.Score && (!byGoal || score >= GoalWordsForAStep))
                {
                    best = (number, score);
                }
            }

            if (best.Score > 0)
            {
                break;
            }
        }

        if (best.Score == 0)
        {
            return null;
        }

        var step = best.Number + (after ? 1 : -1);
        return step >= 1 && step <= _steps.Length ? step : null;
    }

    private int? NumberOf(string word)
    {
        // "3rd", "4th": the digits of an ordinal.
        var digitsOnly = word.Length > 2 && char.IsAsciiDigit(word[0]) && word[^2..] is "st" or "nd" or "rd" or "th" ? word[..^2] : word;
        var n = int.TryParse(digitsOnly, NumberStyles.None, CultureInfo.InvariantCulture, out var digits) ? digits
            : _numberWords.TryGetValue(word, out var named) ? named : 0;
        return n is >= 1 and <= 10 ? n : null;
    }
}
