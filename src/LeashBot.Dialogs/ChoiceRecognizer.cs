using System.Globalization;

namespace LeashBot.Dialogs;

/// <summary>
/// Works out which of a list of choices a reply means. In order: the whole reply equal to a value, title or
/// synonym; the option's number ("2", "2.", "#2", "option 2") or ordinal ("second", "the second one"); then
/// word overlap with values, titles and synonyms, tolerating small typos (one edit in words of 4+ letters, two
/// in words of 8+). Overlap picks a choice only when at least half of what the reply says is that choice's words, or
/// when a reply that asks nothing names all of a choice ("move mango to step 4" at "Mango | Pepper"): a question that
/// shares a word with a button ("is there something i can do about the biting?" at "Something else") picks nothing,
/// while "the walk please" or "somthing else" still do. A tie between choices is treated as no answer.
/// </summary>
public static class ChoiceRecognizer
{
    // Recognizer data: words around a number or ordinal that do not change which option is meant.
    private static readonly HashSet<string> NumberFillers = new(StringComparer.Ordinal)
    {
        "the", "one", "option", "choice", "number", "nr", "no", "num", "please", "pls", "i", "ill", "take", "pick", "go", "with", "for", "id", "say", "want", "like",
    };

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["1st"] = 1, ["second"] = 2, ["2nd"] = 2, ["third"] = 3, ["3rd"] = 3, ["fourth"] = 4, ["4th"] = 4,
        ["fifth"] = 5, ["5th"] = 5, ["sixth"] = 6, ["6th"] = 6, ["seventh"] = 7, ["7th"] = 7, ["eighth"] = 8, ["8th"] = 8,
        ["ninth"] = 9, ["9th"] = 9, ["tenth"] = 10, ["10th"] = 10,
    };

    // Words too common to tell choices apart.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "to", "and", "or", "on", "in", "at", "with", "for", "my", "her", "his", "its", "it", "is", "i",
    };

    // Recognizer data: words a reply wraps around a choice that say nothing about which one is meant ("the walk one please").
    private static readonly HashSet<string> ReplyFillers = new(StringComparer.Ordinal)
    {
        "one", "that", "this", "please", "pls", "plz", "ok", "okay", "um", "uh", "hmm", "oh", "so", "just", "yes", "yeah", "sure",
        "id", "ill", "want", "like", "take", "pick", "go", "lets", "tell", "me", "about", "more", "thanks", "thx", "ty", "option", "choice",
    };

    // Recognizer data: words that open a question.
    private static readonly HashSet<string> QuestionOpeners = new(StringComparer.Ordinal)
    {
        "how", "what", "whats", "why", "when", "where", "which", "who", "is", "are", "do", "does", "did", "can", "could", "should", "would", "will", "shall",
    };

    /// <summary>Least share of a reply's own words that must belong to a choice for word overlap to pick it.</summary>
    private const double LeastShareOfReply = 0.5;

    /// <summary>Recognizes a choice.</summary>
    /// <param name="text">The user's reply; null or blank gives null.</param>
    /// <param name="choices">The choices, in the order they were offered; each needs a non-empty value.</param>
    /// <returns>The chosen option, or null when nothing matches or the reply fits several equally well.</returns>
    public static FoundChoice? Recognize(string? text, IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Any(c => c is null || string.IsNullOrWhiteSpace(c.Value)))
        {
            throw new ArgumentException("Every choice needs a non-empty Value.", nameof(choices));
        }

        var words = ChatLexer.Words(text);
        if (words.Count == 0 || choices.Count == 0)
        {
            return null;
        }

        return ExactMatch(words, choices)
            ?? NumberMatch(words, choices)
            ?? WordMatch(text, words, choices)
            ?? OrdinalInSentence(words, choices);
    }

    private static FoundChoice? ExactMatch(List<string> words, IReadOnlyList<Choice> choices)
    {
        var joined = string.Join(' ', words);
        var matches = Enumerable.Range(0, choices.Count)
            .Where(i => Candidates(choices[i]).Any(c => string.Join(' ', c) == joined))
            .ToList();
        return matches.Count == 1 ? Found(choices, matches[0], 1.0) : null;
    }

    private static FoundChoice? NumberMatch(List<string> words, IReadOnlyList<Choice> choices)
    {
        var remaining = words.Where(w => !NumberFillers.Contains(w)).ToList();
        if (remaining.Count != 1)
        {
            return null;
        }

        var position = int.TryParse(remaining[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : Ordinals.GetValueOrDefault(remaining[0]);
        if (remaining[0] == "last")
        {
            position = choices.Count;
        }

        return position >= 1 && position <= choices.Count ? Found(choices, position - 1, 1.0) : null;
    }

    private static FoundChoice? OrdinalInSentence(List<string> words, IReadOnlyList<Choice> choices)
    {
        // "I think we'll go with the second one, thanks": one ordinal word and no better clue.
        var ordinals = words.Where(Ordinals.ContainsKey).Distinct().ToList();
        return ordinals.Count == 1 && Ordinals[ordinals[0]] <= choices.Count ? Found(choices, Ordinals[ordinals[0]] - 1, 0.8) : null;
    }

    private static FoundChoice? WordMatch(string? text, List<string> words, IReadOnlyList<Choice> choices)
    {
        var said = words.Where(w => !StopWords.Contains(w) && !ReplyFillers.Contains(w) && w.Any(char.IsLetterOrDigit)).ToList();

        // A question anywhere in the reply ("my cat keeps biting the leash, what do i do"): a "?" or a part that opens like one.
        var asks = (text ?? "").Contains('?', StringComparison.Ordinal)
            || ChatLexer.Clauses(text).Any(clause => clause.Find(w => !ReplyFillers.Contains(w)) is { } first && QuestionOpeners.Contains(first));

        // A statement that names a whole choice picks it ("move mango to step 4" at "which cat?"); a question must be
        // mostly the choice's own words.
        var scores = choices.Select(choice => Candidates(choice)
            .Where(candidate => ShareOfReply(said, candidate) >= LeastShareOfReply || (!asks && NamesWhole(words, candidate)))
            .Select(candidate => Score(words, candidate)).DefaultIfEmpty(0).Max()).ToList();
        var best = scores.Max();
        if (best <= 0)
        {
            return null;
        }

        var winners = Enumerable.Range(0, scores.Count).Where(i => Math.Abs(scores[i] - best) < 1e-9).ToList();
        return winners.Count == 1 ? Found(choices, winners[0], best) : null;
    }

    /// <summary>Share of the candidate's meaningful words found in the reply; a typo counts a little less than an exact word.</summary>
    private static double Score(List<string> words, List<string> candidate)
    {
        var meaningful = candidate.Where(w => !StopWords.Contains(w)).ToList();
        if (meaningful.Count == 0)
        {
            meaningful = candidate;
        }

        double total = 0;
        foreach (var target in meaningful)
        {
            if (words.Contains(target))
            {
                total += 1;
            }
            else if (HasTypoOf(words, target))
            {
                total += 0.8;
            }
        }

        return meaningful.Count == 0 ? 0 : total / meaningful.Count;
    }

    private static bool HasTypoOf(List<string> words, string target)
    {
        foreach (var word in words)
        {
            if (IsTypoOf(word, target))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every meaningful word of the candidate is in the reply as typed.</summary>
    private static bool NamesWhole(List<string> words, List<string> candidate)
    {
        var meaningful = candidate.Where(w => !StopWords.Contains(w)).ToList();
        return meaningful.Count > 0 && meaningful.All(words.Contains);
    }

    /// <summary>Share of the reply's own words (fillers aside) that are the candidate's words or small typos of them.</summary>
    private static double ShareOfReply(List<string> said, List<string> candidate) =>
        said.Count == 0 ? 1 : (double)said.Count(w => candidate.Contains(w) || candidate.Exists(target => IsTypoOf(w, target))) / said.Count;

    private static bool IsTypoOf(string word, string target)
    {
        var allowed = target.Length >= 8 ? 2 : target.Length >= 4 ? 1 : 0;
        return allowed > 0 && Math.Abs(word.Length - target.Length) <= allowed && EditDistance(word, target, allowed) <= allowed;
    }

    /// <summary>Levenshtein distance with adjacent transpositions, giving up early past <paramref name="limit"/>.</summary>
    private static int EditDistance(string a, string b, int limit)
    {
        // One flat matrix, on the stack for the short words replies are made of: this runs for every word of a reply
        // against every word of every choice.
        var width = b.Length + 1;
        var size = (a.Length + 1) * width;
        var rows = size <= 1024 ? stackalloc int[size] : new int[size];
        for (var i = 0; i <= a.Length; i++)
        {
            rows[i * width] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            rows[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(rows[((i - 1) * width) + j] + 1, rows[(i * width) + j - 1] + 1), rows[((i - 1) * width) + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, rows[((i - 2) * width) + j - 2] + 1);
                }

                rows[(i * width) + j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return rowMin;
            }
        }

        return rows[size - 1];
    }

    private static IEnumerable<List<string>> Candidates(Choice choice)
    {
        IEnumerable<string?> texts = [choice.Value, choice.Title, .. choice.Synonyms ?? []];
        return texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(ChatLexer.Words).Where(w => w.Count > 0);
    }

    private static FoundChoice Found(IReadOnlyList<Choice> choices, int index, double score) =>
        new() { Value = choices[index].Value, Index = index, Score = score };
}
