using System.Globalization;
using System.Text.RegularExpressions;

namespace LeashBot.Content;

/// <summary>What each content file must satisfy beyond its shape. Paths are JSON paths into the file.</summary>
internal static partial class ContentRules
{
    public static IEnumerable<(string, string)> Messages(MessagesContent c)
    {
        // A phrase in two command lists would make "stop" mean cancel in one place and menu in another.
        var lists = new[] { ("help", c.Commands.Help), ("cancel", c.Commands.Cancel), ("menu", c.Commands.Menu), ("startOver", c.Commands.StartOver) };
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, phrases) in lists)
        {
            foreach (var phrase in phrases.Select(p => p.Trim().ToLowerInvariant()))
            {
                if (!owner.TryAdd(phrase, name) && owner[phrase] != name)
                {
                    yield return ($"commands.{name}", $"'{phrase}' is also a '{owner[phrase]}' command; a phrase may belong to one command only.");
                }
            }
        }
    }

    public static IEnumerable<(string, string)> Checklist(ChecklistContent c)
    {
        if (c.Questions.Count == 0)
        {
            yield return ("questions", "the checklist needs at least one question.");
        }

        foreach (var dup in Duplicates(c.Questions.Select(q => q.Id)))
        {
            yield return ("questions", $"the question id '{dup}' is used twice.");
        }

        if (c.ReadyThreshold < 1 || c.ReadyThreshold > c.Questions.Count)
        {
            yield return ("readyThreshold", $"must be between 1 and the number of questions ({c.Questions.Count}).");
        }

        if (!c.Questions.Any(q => q.Id == "healthy"))
        {
            yield return ("questions", "one question must have the id 'healthy': a 'no' there sends the owner to their vet first.");
        }
    }

    public static IEnumerable<(string, string)> Plan(PlanContent c)
    {
        if (c.Steps.Count != 10)
        {
            yield return ("steps", $"the plan has {c.Steps.Count} steps; it must have 10.");
        }

        for (var i = 0; i < c.Steps.Count; i++)
        {
            var step = c.Steps[i];
            if (step.Number != i + 1)
            {
                yield return ($"steps[{i}].number", $"is {step.Number}; steps must be numbered 1 to 10 in order, so this one should be {i + 1}.");
            }

            if (step.SessionMinutes is { } range && (range.Min < 1 || range.Max < range.Min))
            {
                yield return ($"steps[{i}].sessionMinutes", "min must be at least 1 and no more than max.");
            }
        }
    }

    public static IEnumerable<(string, string)> Troubleshooting(TroubleshootingContent c)
    {
        if (c.Struggles.Count == 0)
        {
            yield return ("struggles", "there must be at least one struggle.");
        }

        foreach (var dup in Duplicates(c.Struggles.Select(s => s.Id)))
        {
            yield return ("struggles", $"the struggle id '{dup}' is used twice.");
        }
    }

    public static IEnumerable<(string, string)> Faq(FaqContent c)
    {
        foreach (var dup in Duplicates(c.Answers.Select(a => a.Id).Concat(c.Stories.Select(s => s.Id))))
        {
            yield return ("answers", $"the id '{dup}' is used twice.");
        }

        if (c.Stories.Count == 0)
        {
            yield return ("stories", "there must be at least one story.");
        }
    }

    /// <summary>The tiers a red-flag sign may have.</summary>
    public static readonly IReadOnlySet<string> RedFlagTiers = new HashSet<string>(StringComparer.Ordinal) { "emergency", "soon" };

    /// <summary>Longest pattern the triage matches, in words.</summary>
    public const int LongestRedFlagPattern = 8;

    public static IEnumerable<(string, string)> RedFlags(RedFlagContent c)
    {
        if (c.MaxGap is < 0 or > 8)
        {
            yield return ("maxGap", "must be between 0 and 8.");
        }

        if (c.NegationWindow is < 1 or > 8)
        {
            yield return ("negationWindow", "must be between 1 and 8.");
        }

        if (c.FollowUpMinutes is < 0 or > 24 * 60)
        {
            yield return ("followUpMinutes", "must be between 0 and 1440 (a day).");
        }

        if (c.Systems.Count == 0 || c.Systems.Any(s => s.Signs.Count == 0))
        {
            yield return ("systems", "every body system needs at least one sign.");
        }

        foreach (var dup in Duplicates(c.Systems.Select(s => s.Id)).Concat(Duplicates(c.Systems.SelectMany(s => s.Signs).Select(s => s.Id))))
        {
            yield return ("systems", $"the id '{dup}' is used twice.");
        }

        // The vet message goes out by SMS too: one emoji or curly quote would cut a text message from 160 characters to 70.
        foreach (var (prefix, reply) in c.Translations.Select(t => ($"translations.{t.Key}", t.Value)).Prepend(("reply", c.Reply)))
        {
            foreach (var (name, text) in new[] { ("emergency", reply.Emergency), ("soon", reply.Soon), ("again", reply.Again), ("emergencyLine", reply.EmergencyLine),
                         ("nearestEmergency", reply.NearestEmergency), ("openNow", reply.OpenNow), ("clinicWithHours", reply.ClinicWithHours), ("clinic", reply.Clinic),
                         ("noNumbers", reply.NoNumbers), ("soonNoNumbers", reply.SoonNoNumbers), ("ifWorse", reply.IfWorse), ("afterwards", reply.Afterwards) })
            {
                // A translation may use its language's accents: an SMS carries "é" as "e", at the same length.
                var translated = reply != c.Reply;
                if (Template.WithoutPlaceholders(text).FirstOrDefault(ch => !Gsm7.IsBasic(ch) && !(translated && IsAccentedLatinLetter(ch))) is var bad and not '\0')
                {
                    yield return ($"{prefix}.{name}", $"'{bad}' is not a plain SMS (GSM-7) character; keep the vet message to plain letters, digits and punctuation.");
                }
            }
        }

        // Asked again about an alarm, the reason goes out with the numbers, on SMS too.
        var askedAgain = c.Systems.Select(s => ($"systems.{s.Id}.why", s.Why)).Append(("aftercare.callNow", c.Aftercare.CallNow))
            .Concat(c.Aftercare.AskedAgain.Select((text, i) => ($"aftercare.askedAgain[{i}]", text)));
        foreach (var (path, text) in askedAgain)
        {
            if (Template.WithoutPlaceholders(text).FirstOrDefault(ch => !Gsm7.IsBasic(ch)) is var bad and not '\0')
            {
                yield return (path, $"'{bad}' is not a plain SMS (GSM-7) character; it goes out with the vet's numbers.");
            }
        }

        if (c.Aftercare.AskedAgain.Count == 0)
        {
            yield return ("aftercare.askedAgain", "needs at least one opening.");
        }

        var groups = new Dictionary<string, List<string>>(c.WordGroups, StringComparer.Ordinal);
        foreach (var list in c.Knowledge)
        {
            if (!groups.TryAdd(list.Id, list.Words))
            {
                yield return ($"knowledge.{list.Id}", "a word group of that name exists already.");
            }

            if (string.IsNullOrWhiteSpace(list.Source) || string.IsNullOrWhiteSpace(list.Licence))
            {
                yield return ($"knowledge.{list.Id}", "every knowledge list names its source and licence.");
            }
        }

        foreach (var (name, members) in groups)
        {
            if (members.FirstOrDefault(m => m.StartsWith('@') && !groups.ContainsKey(m[1..])) is { } unknown)
            {
                yield return ($"wordGroups.{name}", $"'{unknown}' names no word group.");
            }
        }

        var lists = new (string Path, IEnumerable<string> Patterns)[]
        {
            ("clearances", c.Clearances), ("longAgo", c.LongAgo), ("resolved", c.Resolved), ("followUps", c.FollowUps), ("allClears", c.AllClears),
        };
        var systemPatterns = c.Systems.SelectMany((system, i) => system.Signs.SelectMany((sign, j) => new[]
        {
            ($"systems[{i}].signs[{j}]", (IEnumerable<string>)sign.Patterns),
            ($"systems[{i}].signs[{j}]", sign.Unless ?? []),
            ($"systems[{i}].signs[{j}].softerAfter", sign.SofterAfter ?? []),
            ($"systems[{i}].signs[{j}].stoppedWhen", sign.StoppedWhen ?? []),
        }));
        foreach (var (path, patterns) in lists.Concat(systemPatterns))
        {
            foreach (var pattern in patterns)
            {
                if (PatternProblem(pattern, groups) is { } problem)
                {
                    yield return (path, $"pattern '{pattern}': {problem}");
                }
            }
        }

        for (var i = 0; i < c.Systems.Count; i++)
        {
            for (var j = 0; j < c.Systems[i].Signs.Count; j++)
            {
                var sign = c.Systems[i].Signs[j];
                if (!RedFlagTiers.Contains(sign.Tier))
                {
                    yield return ($"systems[{i}].signs[{j}].tier", $"is '{sign.Tier}'; it must be 'emergency' or 'soon'.");
                }

                if (sign.Patterns.Count == 0)
                {
                    yield return ($"systems[{i}].signs[{j}].patterns", "a sign needs at least one pattern.");
                }
            }
        }
    }

    private static bool IsAccentedLatinLetter(char c) => c is >= '\u00C0' and <= '\u024F' && char.IsLetter(c) && c is not ('\u00D7' or '\u00F7');

    private static string? PatternProblem(string pattern, Dictionary<string, List<string>> groups)
    {
        var words = pattern.Replace("+", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return "it is empty.";
        }

        if (words.Length > LongestRedFlagPattern)
        {
            return $"it has {words.Length} words; at most {LongestRedFlagPattern}.";
        }

        if (pattern.StartsWith('+') || pattern.EndsWith('+'))
        {
            return "'+' joins two words; it can't start or end a pattern.";
        }

        foreach (var alternative in words.SelectMany(w => w.TrimStart('~').Split('|')))
        {
            if (alternative.StartsWith('@'))
            {
                if (!groups.ContainsKey(alternative[1..]))
                {
                    return $"there is no word group '{alternative[1..]}' in wordGroups.";
                }
            }
            else if (alternative.Length == 0 || !alternative.All(ch => char.IsLetter(ch) || ch == '\''))
            {
                return $"'{alternative}' must be letters, with '|' between alternatives and '~' for anywhere later in the sentence.";
            }
        }

        return null;
    }

    /// <summary>
    /// Topics the recognizer can tell apart: valid unique ids, examples no two topics share, keywords with a
    /// sensible weight, thresholds on the 0..1 scale, and normalization lists that don't contradict each other.
    /// </summary>
    public static IEnumerable<(string, string)> Understanding(UnderstandingContent c)
    {
        var global = c.Global;
        foreach (var (name, value) in new[] { ("confident", global.Thresholds.Confident), ("minimum", global.Thresholds.Minimum),
                     ("ambiguityMargin", global.Thresholds.AmbiguityMargin), ("decisiveMargin", global.Thresholds.DecisiveMargin) })
        {
            if (double.IsNaN(value) || value < 0 || value > 1)
            {
                yield return ($"global.thresholds.{name}", $"must be between 0 and 1 (is {value.ToString(CultureInfo.InvariantCulture)}).");
            }
        }

        if (global.Thresholds.Minimum > global.Thresholds.Confident)
        {
            yield return ("global.thresholds.minimum", "must not be above confident.");
        }

        foreach (var (name, map) in new[] { ("contractions", global.Contractions), ("shorthand", global.Shorthand), ("emoji", global.Emoji) })
        {
            foreach (var (key, value) in map)
            {
                if (string.IsNullOrWhiteSpace(key) || key.Any(char.IsWhiteSpace))
                {
                    yield return ($"global.{name}", $"'{key}': a key must be a single word.");
                }
                else if (string.IsNullOrWhiteSpace(value))
                {
                    yield return ($"global.{name}['{key}']", "the expansion is empty.");
                }
            }
        }

        var fillers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < global.FillerWords.Count; i++)
        {
            var word = global.FillerWords[i];
            if (string.IsNullOrWhiteSpace(word))
            {
                yield return ($"global.fillerWords[{i}]", "empty filler word.");
            }
            else if (!fillers.Add(Normalized(word)))
            {
                yield return ($"global.fillerWords[{i}]", $"'{word}' is listed twice.");
            }
            else if (global.Contractions.ContainsKey(word) || global.Shorthand.ContainsKey(word))
            {
                yield return ($"global.fillerWords[{i}]", $"'{word}' is both a filler word and expanded as a contraction or shorthand.");
            }
        }

        var stopWords = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < global.StopWords.Count; i++)
        {
            var word = global.StopWords[i];
            if (string.IsNullOrWhiteSpace(word))
            {
                yield return ($"global.stopWords[{i}]", "empty stop word.");
            }
            else if (!stopWords.Add(Normalized(word)))
            {
                yield return ($"global.stopWords[{i}]", $"'{word}' is listed twice.");
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
                yield return ($"{path}.canonical", "the canonical name must be one lower-case word (a-z, 0-9).");
            }
            else if (!canonicals.Add(group.Canonical))
            {
                yield return ($"{path}.canonical", $"the synonym group '{group.Canonical}' is listed twice.");
            }

            if (group.Terms.Count == 0)
            {
                yield return ($"{path}.terms", "a synonym group needs at least one term.");
            }

            for (var j = 0; j < group.Terms.Count; j++)
            {
                var term = group.Terms[j];
                if (string.IsNullOrWhiteSpace(term))
                {
                    yield return ($"{path}.terms[{j}]", "empty synonym term.");
                }
                else if (!termOwners.TryAdd(Normalized(term), path))
                {
                    yield return ($"{path}.terms[{j}]", $"'{term}' is already a term of {termOwners[Normalized(term)]}.");
                }
            }
        }

        if (c.Topics.Count == 0)
        {
            yield return ("topics", "there are no topics.");
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var exampleOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < c.Topics.Count; i++)
        {
            var topic = c.Topics[i];
            var path = $"topics[{i}]";
            if (!TopicIdPattern().IsMatch(topic.Id))
            {
                yield return ($"{path}.id", $"'{topic.Id}' is not a valid topic id (letters and digits, dot-separated, starting lower-case).");
            }
            else if (!ids.TryAdd(topic.Id, i))
            {
                yield return ($"{path}.id", $"the topic id '{topic.Id}' is used twice (first at topics[{ids[topic.Id]}]).");
            }

            if (topic.Examples.Count == 0)
            {
                yield return ($"{path}.examples", "a topic needs at least one example.");
            }

            for (var j = 0; j < topic.Examples.Count; j++)
            {
                var example = topic.Examples[j];
                if (string.IsNullOrWhiteSpace(example))
                {
                    yield return ($"{path}.examples[{j}]", "empty example.");
                }
                else if (!exampleOwners.TryAdd(Normalized(example), $"{path}.examples[{j}]"))
                {
                    yield return ($"{path}.examples[{j}]", $"'{example}' is also an example at {exampleOwners[Normalized(example)]}; an example may teach one topic only.");
                }
            }

            var keywords = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < topic.Keywords.Count; j++)
            {
                var keyword = topic.Keywords[j];
                if (string.IsNullOrWhiteSpace(keyword.Text))
                {
                    yield return ($"{path}.keywords[{j}].text", "empty keyword.");
                }
                else if (!keywords.Add(Normalized(keyword.Text)))
                {
                    yield return ($"{path}.keywords[{j}].text", $"the keyword '{keyword.Text}' is listed twice.");
                }

                if (double.IsNaN(keyword.Weight) || keyword.Weight <= 0 || keyword.Weight > 5)
                {
                    yield return ($"{path}.keywords[{j}].weight", "the weight must be above 0 and at most 5.");
                }
            }
        }

        if (!ids.ContainsKey(UnderstandingContent.OutOfScopeTopic))
        {
            yield return ("topics", $"the '{UnderstandingContent.OutOfScopeTopic}' topic is required: it keeps trivia from being coached on.");
        }
    }

    private static string Normalized(string text) => text.Trim().ToLowerInvariant();

    [GeneratedRegex("^[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)*$")]
    private static partial Regex TopicIdPattern();

    /// <summary>
    /// Every struggle and FAQ answer needs a topic the recognizer knows, and every topic needs a title
    /// (its struggle or answer title, or an entry in messages.json topicTitles) for "did you mean" choices.
    /// </summary>
    public static IEnumerable<string> EveryTopicAnswered(UnderstandingContent understanding, MessagesContent messages, TroubleshootingContent troubleshooting, FaqContent faq)
    {
        var topics = understanding.Topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in troubleshooting.Struggles.Select(s => s.Id).Concat(faq.Answers.Select(a => a.Id)))
        {
            if (!topics.Contains(id))
            {
                yield return $"dialogs/understanding.json: there is no topic '{id}', so owners could never reach that answer by typing.";
            }
        }

        var titled = troubleshooting.Struggles.Select(s => s.Id).Concat(faq.Answers.Select(a => a.Id)).Concat(messages.TopicTitles.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var id in topics.Where(t => !titled.Contains(t)))
        {
            yield return $"dialogs/messages.json (topicTitles): the topic '{id}' needs a title for \"did you mean\" choices.";
        }
    }

    public static IEnumerable<(string, string)> Reading(ReadingContent c)
    {
        if (c.NegationReach is < 1 or > 6)
        {
            yield return ("negationReach", "must be between 1 and 6 words.");
        }

        foreach (var dup in Duplicates(c.Languages.Select(l => l.Code)))
        {
            yield return ("languages", $"the language '{dup}' is listed twice.");
        }

        foreach (var (list, name) in new[] { (c.NameLeadIns, "nameLeadIns"), (c.NonNames, "nonNames"), (c.Negations, "negations") })
        {
            if (list.Count == 0 || list.Any(string.IsNullOrWhiteSpace))
            {
                yield return (name, "needs at least one entry and no empty ones.");
            }
        }
    }

    /// <summary>Every language the reader recognizes needs its "I speak English for now" reply, in that language.</summary>
    public static IEnumerable<string> EveryLanguageAnswered(ReadingContent reading, MessagesContent messages)
    {
        foreach (var language in reading.Languages.Where(l => !messages.OtherLanguage.ContainsKey(l.Code)))
        {
            yield return $"dialogs/messages.json (otherLanguage): the language '{language.Code}' from reading.json needs a reply.";
        }
    }

    private static IEnumerable<string> Duplicates(IEnumerable<string> ids) =>
        ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
}
