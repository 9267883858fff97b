using System.Text.RegularExpressions;

namespace LeashBot.Content.Rules;

/// <summary>The rules of dialogs/understanding.json beyond its shape. Paths are JSON paths into the file.</summary>
internal static partial class UnderstandingRules
{
    /// <summary>
    /// Topics the recognizer can tell apart: valid unique ids, examples no two topics share, keywords with a
    /// sensible weight, thresholds on the 0..1 scale, and normalization lists that don't contradict each other.
    /// </summary>
    public static IEnumerable<ContentProblem> Check(UnderstandingContent c)
    {
        var global = c.Global;
        foreach (var (name, value) in new[] { ("confident", global.Thresholds.Confident), ("minimum", global.Thresholds.Minimum),
                     ("ambiguityMargin", global.Thresholds.AmbiguityMargin), ("decisiveMargin", global.Thresholds.DecisiveMargin) })
        {
            if (double.IsNaN(value) || value < 0 || value > 1)
            {
                yield return new($"global.thresholds.{name}", $"must be between 0 and 1 (is {value.ToString(CultureInfo.InvariantCulture)}).");
            }
        }

        if (global.Thresholds.Minimum > global.Thresholds.Confident)
        {
            yield return new("global.thresholds.minimum", "must not be above confident.");
        }

        foreach (var (name, map) in new[] { ("contractions", global.Contractions), ("shorthand", global.Shorthand), ("emoji", global.Emoji) })
        {
            foreach (var (key, value) in map)
            {
                if (string.IsNullOrWhiteSpace(key) || key.Any(char.IsWhiteSpace))
                {
                    yield return new($"global.{name}", $"'{key}': a key must be a single word.");
                }
                else if (string.IsNullOrWhiteSpace(value))
                {
                    yield return new($"global.{name}['{key}']", "the expansion is empty.");
                }
            }
        }

        var fillers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < global.FillerWords.Count; i++)
        {
            var word = global.FillerWords[i];
            if (string.IsNullOrWhiteSpace(word))
            {
                yield return new($"global.fillerWords[{i}]", "empty filler word.");
            }
            else if (!fillers.Add(Normalized(word)))
            {
                yield return new($"global.fillerWords[{i}]", $"'{word}' is listed twice.");
            }
            else if (global.Contractions.ContainsKey(word) || global.Shorthand.ContainsKey(word))
            {
                yield return new($"global.fillerWords[{i}]", $"'{word}' is both a filler word and expanded as a contraction or shorthand.");
            }
        }

        var stopWords = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < global.StopWords.Count; i++)
        {
            var word = global.StopWords[i];
            if (string.IsNullOrWhiteSpace(word))
            {
                yield return new($"global.stopWords[{i}]", "empty stop word.");
            }
            else if (!stopWords.Add(Normalized(word)))
            {
                yield return new($"global.stopWords[{i}]", $"'{word}' is listed twice.");
            }
        }

        var termOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        var canonicals = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < global.Synonyms.Count; i++)
        {
            var group = global.Synonyms[i];
            var path = $"global.synonyms[{i}]";
            if (group.Canonical.Length == 0 || group.Canonical.Any(ch => !char.IsAsciiLetterLower(ch) && !char.IsAsciiDigit(ch)))
            {
                yield return new($"{path}.canonical", "the canonical name must be one lower-case word (a-z, 0-9).");
            }
            else if (!canonicals.Add(group.Canonical))
            {
                yield return new($"{path}.canonical", $"the synonym group '{group.Canonical}' is listed twice.");
            }

            if (group.Terms.Count == 0)
            {
                yield return new($"{path}.terms", "a synonym group needs at least one term.");
            }

            for (var j = 0; j < group.Terms.Count; j++)
            {
                var term = group.Terms[j];
                if (string.IsNullOrWhiteSpace(term))
                {
                    yield return new($"{path}.terms[{j}]", "empty synonym term.");
                }
                else if (!termOwners.TryAdd(Normalized(term), path))
                {
                    yield return new($"{path}.terms[{j}]", $"'{term}' is already a term of {termOwners[Normalized(term)]}.");
                }
            }
        }

        if (c.Topics.Count == 0)
        {
            yield return new("topics", "there are no topics.");
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var exampleOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < c.Topics.Count; i++)
        {
            var topic = c.Topics[i];
            var path = $"topics[{i}]";
            if (!TopicIdPattern().IsMatch(topic.Id))
            {
                yield return new($"{path}.id", $"'{topic.Id}' is not a valid topic id (letters and digits, dot-separated, starting lower-case).");
            }
            else if (!ids.TryAdd(topic.Id, i))
            {
                yield return new($"{path}.id", $"the topic id '{topic.Id}' is used twice (first at topics[{ids[topic.Id]}]).");
            }

            if (topic.Examples.Count == 0)
            {
                yield return new($"{path}.examples", "a topic needs at least one example.");
            }

            for (var j = 0; j < topic.Examples.Count; j++)
            {
                var example = topic.Examples[j];
                if (string.IsNullOrWhiteSpace(example))
                {
                    yield return new($"{path}.examples[{j}]", "empty example.");
                }
                else if (!exampleOwners.TryAdd(Normalized(example), $"{path}.examples[{j}]"))
                {
                    yield return new($"{path}.examples[{j}]", $"'{example}' is also an example at {exampleOwners[Normalized(example)]}; an example may teach one topic only.");
                }
            }

            var keywords = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < topic.Keywords.Count; j++)
            {
                var keyword = topic.Keywords[j];
                if (string.IsNullOrWhiteSpace(keyword.Text))
                {
                    yield return new($"{path}.keywords[{j}].text", "empty keyword.");
                }
                else if (!keywords.Add(Normalized(keyword.Text)))
                {
                    yield return new($"{path}.keywords[{j}].text", $"the keyword '{keyword.Text}' is listed twice.");
                }

                if (double.IsNaN(keyword.Weight) || keyword.Weight <= 0 || keyword.Weight > 5)
                {
                    yield return new($"{path}.keywords[{j}].weight", "the weight must be above 0 and at most 5.");
                }
            }
        }

        if (!ids.ContainsKey(UnderstandingContent.OutOfScopeTopic))
        {
            yield return new("topics", $"the '{UnderstandingContent.OutOfScopeTopic}' topic is required: it keeps trivia from being coached on.");
        }
    }

    private static string Normalized(string text) => text.Trim().ToLowerInvariant();

    [GeneratedRegex("^[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)*$")]
    private static partial Regex TopicIdPattern();
}
