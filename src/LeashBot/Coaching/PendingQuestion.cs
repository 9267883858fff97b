using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>What the coaching knows about the question waiting for an answer: its kind, whether a message answers it, and the flows under it.</summary>
public static class PendingQuestion
{
    /// <summary>A reply of at most this many words that names a choice picks it.</summary>
    public const int ShortReplyWords = 5;

    /// <summary>
    /// The flows under way keep the cat's name (which cat the checklist is for, the question waiting to be asked
    /// again): after a rename they carry the new one, so the answers land on the renamed cat.
    /// </summary>
    public static void RenameOnStack(IEnumerable<DialogInstance> stack, string old, string renamed)
    {
        var word = new System.Text.RegularExpressions.Regex(@"\b" + System.Text.RegularExpressions.Regex.Escape(old) + @"\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        foreach (var instance in stack)
        {
            foreach (var value in instance.State.DescendantsAndSelf().OfType<Newtonsoft.Json.Linq.JValue>().Where(v => v.Type == Newtonsoft.Json.Linq.JTokenType.String).ToList())
            {
                value.Value = word.Replace((string)value.Value!, renamed);
            }

            if (instance.InnerStack is { } inner)
            {
                RenameOnStack(inner.DialogStack, old, renamed);
            }
        }
    }

    /// <summary>The pending question is one of the readiness checklist's.</summary>
    public static bool IsChecklistQuestion(DialogContext innerDc) =>
        innerDc.ActiveDialog?.Id == Prompts.Confirm && innerDc.Stack.Count > 1 && innerDc.Stack[1].Id == ChecklistDialog.DialogId;

    /// <summary>What the pending question waits for, from its prompt.</summary>
    public static AnswerKind KindOf(string promptId) => promptId switch
    {
        Prompts.Confirm => AnswerKind.YesNo,
        Prompts.Mood => AnswerKind.Mood,
        Prompts.CatName => AnswerKind.Name,
        Prompts.Duration => AnswerKind.Length,
        _ => AnswerKind.Choice,
    };

    /// <summary>
    /// A tapped button, or a short reply naming one of the choices shown. Not at a yes/no question, whose buttons are
    /// just yes and no: its answer is the message's yes or no, so the "no" in "so is that a no to walking them
    /// together?" never picks the No button.
    /// </summary>
    public static bool PicksAChoice(string promptId, PromptOptions waitingFor, MessageReading reading) =>
        promptId != Prompts.Confirm && waitingFor.Choices is { Count: > 0 } choices && ChoiceRecognizer.Recognize(reading.Text, choices.ToList()) is { } pick
        && (pick.Score >= 1.0 || (pick.Score >= 0.5 && reading.WordCount <= ShortReplyWords));

    /// <summary>A tap on one of the bot's card buttons: it carries the choice as its value (see ChoiceFactory).</summary>
    public static bool IsCardTap(Microsoft.Bot.Schema.IActivity activity) =>
        activity is Microsoft.Bot.Schema.Activity { Value: Newtonsoft.Json.Linq.JObject value } && value[ChoiceFactory.ChoiceValueKey] is not null;

    /// <summary>
    /// Whether the message answers the pending question: a tapped button or a short reply naming a choice, a
    /// yes, no or partly as <paramref name="yesNo"/> reads it at a yes/no question, a mood at the mood question, a length of time at the duration question, a name at the
    /// name question, or any very short reply. A yes-like phrase inside a question is not an answer.
    /// </summary>
    public static bool IsAnswer(string promptId, PromptOptions waitingFor, MessageReading reading, AnswerPolarity yesNo)
    {
        if (PicksAChoice(promptId, waitingFor, reading))
        {
            return true;
        }

        return promptId switch
        {
            // At a yes/no question the answer reading decides ("mmm no sé si entendiste… bueno sigue" answers nothing).
            Prompts.Confirm => yesNo != AnswerPolarity.Unclear || (reading.WordCount <= 2 && reading.Social == SocialAct.None),
            Prompts.Mood when reading.Mood is not null => true,
            Prompts.Duration when reading.Duration is not null => true,
            Prompts.CatName when reading.NewCatName is not null || reading.NewCatNames.Count > 1 || reading.BareName is not null || reading.NameAnswer is not null => true,
            _ when reading.Social != SocialAct.None && reading.YesNo is null && reading.Mood is null => false,
            _ => reading.WordCount <= 2 || reading.YesNo is not null,
        };
    }
}

/// <summary>The ids of the prompts every coaching flow shares.</summary>
public static class Prompts
{
    /// <summary>Every question is asked once more after a reply that doesn't answer it, then let go with a way out.</summary>
    public const int Attempts = 2;

    public const string Confirm = "confirm";
    public const string Choice = "choice";
    public const string Mood = "mood";
    public const string CatName = "catName";
    public const string Duration = "duration";
}
