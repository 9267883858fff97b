namespace LeashBot.Understanding;

/// <summary>What kind of answer a pending question waits for.</summary>
public enum AnswerKind
{
    /// <summary>Yes or no (checklist questions, step offers, confirmations): a plain "no" answers it.</summary>
    YesNo,

    /// <summary>One of the buttons shown ("Did you mean…", the gear questions).</summary>
    Choice,

    /// <summary>A cat's name.</summary>
    Name,

    /// <summary>How long a session was.</summary>
    Length,

    /// <summary>How the cat seemed.</summary>
    Mood,

    /// <summary>A time of day for reminders.</summary>
    Time,

    /// <summary>Where the owner is, for their time zone.</summary>
    Place,
}

/// <summary>How the owner leaves a pending question instead of answering it.</summary>
public enum PromptExit
{
    /// <summary>Nothing but an attempt at the answer: the question reads it.</summary>
    None,

    /// <summary>"ok bye!!", "night": the chat ends kindly.</summary>
    Goodbye,

    /// <summary>"stop", "nvm", "not now", "i didn't ask for that": the question is left and nothing saved is lost.</summary>
    Leave,

    /// <summary>A question of its own, not an answer ("so is that a no to walking them together?"): answered, then the question is asked again.</summary>
    Question,

    /// <summary>A session report where something else was asked ("we did 10 min, he was chill"): the question is left and the report logged.</summary>
    Report,
}

/// <summary>
/// The one reading of the ways out of a pending question, the same for every question the bot asks: the checklist,
/// the cat's name, the minutes and mood of a session, step offers, confirmations, "did you mean", and the reminder's
/// time and place. Every question consults it before it tries to read its answer.
/// </summary>
public sealed class PromptExits(BotContent content)
{
    /// <summary>At a yes/no question a reply this short that is a plain yes or no ("no thanks", "nah stop") answers it.</summary>
    private const int ShortAnswerWords = 3;

    private readonly PhraseList _leave = new((content ?? throw new ArgumentNullException(nameof(content))).Reading.LeaveQuestion);

    /// <summary>How a reply answers a yes/no question, every word of it counting ("nah dont need the nudge" is a no).</summary>
    public AnswerReader Answers { get; } = new(content);

    /// <summary>Endings and complaints anywhere in a message.</summary>
    public ChatCues Cues { get; } = new(content);

    /// <summary>How the message leaves a question waiting for <paramref name="kind"/>; <see cref="PromptExit.None"/> when it doesn't.</summary>
    public PromptExit Read(MessageReading reading, AnswerKind kind)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Command == Command.Cancel)
        {
            return PromptExit.Leave;
        }

        // An answer with a way-out word in it stays an answer ("10 min, then she wanted to stop"); at a yes/no question
        // only a short one does ("nah stop" is a no, "i didn't ask for a quiz. stop" leaves), and a name never comes
        // with "nvm" or a goodbye. A way-out word in a question of the owner's ("is 5 days a week enough?") is no way out.
        var leaves = reading.Clauses.Count == 0 ? _leave.IsIn(PhraseList.Words(reading.Text))
            : reading.Clauses.Any(c => !c.AsksAQuestion && _leave.IsIn(PhraseList.Words(c.Text)));
        var ends = Cues.Ends(reading);
        if (Carries(reading, kind) && kind switch
        {
            AnswerKind.YesNo => reading.WordCount <= ShortAnswerWords || !leaves || AnswersFirst(reading),
            AnswerKind.Name => !leaves && !ends,
            _ => true,
        })
        {
            return PromptExit.None;
        }

        if (ends)
        {
            return PromptExit.Goodbye;
        }

        if (leaves || (kind != AnswerKind.YesNo && reading.Declines && !reading.AsksAQuestion)
            || (kind == AnswerKind.Length && reading.Duration is { } none && none <= TimeSpan.Zero))
        {
            return PromptExit.Leave;
        }

        if (reading.IsSessionReport && kind is not (AnswerKind.Length or AnswerKind.Mood))
        {
            return PromptExit.Report;
        }

        return reading.AsksAQuestion ? PromptExit.Question : PromptExit.None;
    }

    /// <summary>
    /// The answer a message gives to a yes/no question. A question of the owner's own answers nothing ("so is that a no to
    /// walking them together?"; a bare "yes?" or "kinda?" does); a session report answers only with a plain yes or no at its
    /// start ("yes, we did 10 min", never the "calm" of "we did 8 min tonight she was calm").
    /// </summary>
    public AnswerPolarity YesNoIn(MessageReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.IsSessionReport)
        {
            return reading.YesNo switch { true => AnswerPolarity.Yes, false => AnswerPolarity.No, null => AnswerPolarity.Unclear };
        }

        return reading.AsksAQuestion && reading.WordCount > 2 && reading.Clauses.All(c => c.AsksAQuestion) ? AnswerPolarity.Unclear : Answers.Read(reading.Text);
    }

    /// <summary>
    /// The first sentence is a yes or no with no way-out word in it ("I would say so, yes. … which is fair enough";
    /// "Yes please. Though I thought… Never mind."): the answer came first, and a way-out word later in the message is
    /// about the owner's own aside, not the question. "i didn't ask for a quiz. stop" leaves: its first sentence is the way out.
    /// </summary>
    private bool AnswersFirst(MessageReading reading)
    {
        var end = reading.Text.AsSpan().IndexOfAny(".!?\n");
        var first = end < 0 ? reading.Text : reading.Text[..end];
        return !_leave.IsIn(PhraseList.Words(first)) && Answers.Read(first) != AnswerPolarity.Unclear;
    }

    /// <summary>The message carries the kind of answer the question waits for.</summary>
    private bool Carries(MessageReading reading, AnswerKind kind) => kind switch
    {
        AnswerKind.YesNo => reading.YesNo is not null || YesNoIn(reading) != AnswerPolarity.Unclear,
        AnswerKind.Length => reading.Duration is { } length && length > TimeSpan.Zero,
        AnswerKind.Mood => reading.Mood is not null,
        AnswerKind.Name => reading.NewCatName is not null || reading.NewCatNames.Count > 1 || reading.BareName is not null,
        _ => false,
    };
}
