namespace LeashBot.Content.Rules;

/// <summary>The rules of dialogs/redflags.json beyond its shape: tiers, patterns the triage can match, plain SMS text where it goes out by SMS. Paths are JSON paths into the file.</summary>
internal static class RedFlagRules
{
    /// <summary>The tiers a red-flag sign may have.</summary>
    public static readonly IReadOnlySet<string> RedFlagTiers = new HashSet<string>(StringComparer.Ordinal) { "emergency", "soon" };

    /// <summary>Longest pattern the triage matches, in words.</summary>
    public const int LongestRedFlagPattern = 8;

    public static IEnumerable<ContentProblem> Check(RedFlagContent c)
    {
        if (c.MaxGap is < 0 or > 8)
        {
            yield return new("maxGap", "must be between 0 and 8.");
        }

        if (c.NegationWindow is < 1 or > 8)
        {
            yield return new("negationWindow", "must be between 1 and 8.");
        }

        if (c.FollowUpMinutes is < 0 or > 24 * 60)
        {
            yield return new("followUpMinutes", "must be between 0 and 1440 (a day).");
        }

        if (c.Systems.Count == 0 || c.Systems.Any(s => s.Signs.Count == 0))
        {
            yield return new("systems", "every body system needs at least one sign.");
        }

        foreach (var dup in ContentRules.Duplicates(c.Systems.Select(s => s.Id)).Concat(ContentRules.Duplicates(c.Systems.SelectMany(s => s.Signs).Select(s => s.Id))))
        {
            yield return new("systems", $"the id '{dup}' is used twice.");
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
                    yield return new($"{prefix}.{name}", $"'{bad}' is not a plain SMS (GSM-7) character; keep the vet message to plain letters, digits and punctuation.");
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
                yield return new(path, $"'{bad}' is not a plain SMS (GSM-7) character; it goes out with the vet's numbers.");
            }
        }

        if (c.Aftercare.AskedAgain.Count == 0)
        {
            yield return new("aftercare.askedAgain", "needs at least one opening.");
        }

        var groups = new Dictionary<string, List<string>>(c.WordGroups, StringComparer.Ordinal);
        foreach (var list in c.Knowledge)
        {
            if (!groups.TryAdd(list.Id, list.Words))
            {
                yield return new($"knowledge.{list.Id}", "a word group of that name exists already.");
            }

            if (string.IsNullOrWhiteSpace(list.Source) || string.IsNullOrWhiteSpace(list.Licence))
            {
                yield return new($"knowledge.{list.Id}", "every knowledge list names its source and licence.");
            }
        }

        foreach (var (name, members) in groups)
        {
            if (members.FirstOrDefault(m => m.StartsWith('@') && !groups.ContainsKey(m[1..])) is { } unknown)
            {
                yield return new($"wordGroups.{name}", $"'{unknown}' names no word group.");
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
                    yield return new(path, $"pattern '{pattern}': {problem}");
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
                    yield return new($"systems[{i}].signs[{j}].tier", $"is '{sign.Tier}'; it must be 'emergency' or 'soon'.");
                }

                if (sign.Patterns.Count == 0)
                {
                    yield return new($"systems[{i}].signs[{j}].patterns", "a sign needs at least one pattern.");
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
}
