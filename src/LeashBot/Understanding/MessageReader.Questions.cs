namespace LeashBot.Understanding;

/// <summary>How the message reader tells a question: by its opening, its "?", and beside the shop's business.</summary>
public sealed partial class MessageReader
{
    /// <summary>
    /// "ok so like... should i be bringing him near the door or is that later": a clause whose first word, after
    /// filler and chat ("ok so", "lol"), opens a question, with or without a "?"; "do not move him yet" tells, it
    /// doesn't ask.
    /// </summary>
    private bool OpensLikeAQuestion(List<string> clause)
    {
        var first = clause.FindIndex(w => w != "," && !_fillers.Contains(w) && !_commands.ChatWords.Contains(w) && !_questionLeads.Contains(w));
        return first >= 0 && _questionOpeners.Contains(clause[first]) && !(first + 1 < clause.Count && _negations.Contains(clause[first + 1]));
    }

    /// <summary>The topic of a question asked beside the shop's business, when the rest of the message asks one plainly.</summary>
    private string? TrainingQuestionBeside(string text, string[] catNames)
    {
        if (_business.Rest(text) is not { } rest)
        {
            return null;
        }

        var clause = _clauses.Words(rest);
        var r = _recognizer.Recognize(rest, catNames);
        return r is { Kind: RecognitionKind.Confident, TopicId: { } topic } && !SocialActReader.IsChat(topic)
            && (OpensLikeAQuestion(clause) || text.Contains('?', StringComparison.Ordinal)) && clause.Count(w => w != ",") >= MinClauseQuestionWords
            ? topic : null;
    }

    /// <summary>"can i walk them together eventually?": the clause's last word stands before a "?" in the message.</summary>
    private static bool EndsWithQuestionMark(string text, List<string> clause)
    {
        var last = clause.FindLast(w => w != "," && w.Any(char.IsLetterOrDigit));
        if (last is null)
        {
            return false;
        }

        return text.Contains(last + "?", StringComparison.OrdinalIgnoreCase) || text.Contains(last + " ?", StringComparison.OrdinalIgnoreCase);
    }
}
