namespace LeashBot.Safety;

/// <summary>
/// Denials as the red-flag triage reads them: "no vomiting", "gums are not pale", "I don't think she's in pain", and
/// the words that only look like one ("not sure", "can't stop"). A denial reaches a few words and stops at a new clause
/// or subject, so when in doubt the rules lean towards a vet.
/// </summary>
internal sealed class TriageDenials(TriageWordClasses words, int[][] notNegations, int negationWindow)
{
    private const int ShortQuestion = 4;

    /// <summary>
    /// A denial inside the matched words ("gums are not pale"), or a few words before them in the same clause
    /// ("no vomiting or anything"). "Not sure", "can't stop" and the like are not denials.
    /// </summary>
    public bool IsNegated(List<int> tokens, int sentenceStart, ReadOnlySpan<int> matched)
    {
        for (var k = matched[0] + 1; k < matched[^1]; k++)
        {
            if (tokens[k] > 0 && words.Negation[tokens[k]] && !matched.Contains(k) && !IsNotNegation(tokens, k))
            {
                return true;
            }
        }

        if (words.Negation[tokens[matched[0]]])
        {
            // A sign that starts with its own denial ("hasn't touched his bowl") is not undone by another before it ("won't eat, hasn't touched…").
            return false;
        }

        var counted = 0;
        for (var k = matched[0] - 1; k >= sentenceStart; k--)
        {
            var id = tokens[k];
            if (id == TriageTokens.Comma)
            {
                if (k + 1 < tokens.Count && tokens[k + 1] > 0 && words.Subject[tokens[k + 1]])
                {
                    return false;
                }

                continue;
            }

            if (id <= 0)
            {
                if (++counted > negationWindow)
                {
                    return false;
                }

                continue;
            }

            if (words.Negation[id])
            {
                return !IsNotNegation(tokens, k);
            }

            if (words.ClauseBreak[id])
            {
                return false;
            }

            if (words.Subject[id] && !AfterCarrier(tokens, sentenceStart, k))
            {
                // A new subject starts a new clause ("not limping, she's dragging her legs") unless a verb like
                // "think" carries the denial over it ("I don't think she's in pain").
                return false;
            }

            if (!words.Skip[id] && ++counted > negationWindow)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A denial strictly between two positions ("the vet said she's not fine").</summary>
    public bool HasDenialInside(List<int> tokens, int first, int last)
    {
        for (var k = first + 1; k < last; k++)
        {
            if (tokens[k] > 0 && words.Negation[tokens[k]])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A real denial anywhere in the message ("no", "not"; not "not sure").</summary>
    public bool AnyDenial(List<int> tokens)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens[k] > 0 && words.Negation[tokens[k]] && !IsNotNegation(tokens, k))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A short question answered with a denial right after it: "panting? no, just purring".</summary>
    public bool IsDeniedQuestion(List<int> tokens, int start, int end)
    {
        if (end + 1 >= tokens.Count || tokens[end] != TriageTokens.QuestionEnd || tokens[end + 1] <= 0 || !words.Negation[tokens[end + 1]] || IsNotNegation(tokens, end + 1))
        {
            return false;
        }

        var count = 0;
        for (var i = start; i < end; i++)
        {
            count += tokens[i] > 0 && words.Skip[tokens[i]] ? 0 : 1;
        }

        return count <= ShortQuestion;
    }

    private bool AfterCarrier(List<int> tokens, int sentenceStart, int subject)
    {
        for (var k = subject - 1; k >= sentenceStart; k--)
        {
            var id = tokens[k];
            if (id > 0 && words.Carrier[id])
            {
                return true;
            }

            if (id <= 0 || !words.Skip[id])
            {
                return false;
            }
        }

        return false;
    }

    private bool IsNotNegation(List<int> tokens, int at)
    {
        foreach (var phrase in notNegations)
        {
            if (phrase[0] != tokens[at])
            {
                continue;
            }

            var k = at + 1;
            var matched = 1;
            while (matched < phrase.Length && k < tokens.Count && !TriageTokens.IsEnd(tokens[k]))
            {
                if (tokens[k] == phrase[matched])
                {
                    matched++;
                }
                else if (tokens[k] <= 0 || !words.Skip[tokens[k]])
                {
                    break;
                }

                k++;
            }

            if (matched == phrase.Length)
            {
                return true;
            }
        }

        return false;
    }
}
