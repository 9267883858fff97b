using LeashBot.Safety;
using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>
/// Which topic a message with no command settles on: the recognizer's reading, adjusted by what the message says
/// about cats (new names are cats to meet, "both" asks how they are doing, a few words naming a cat ask about it),
/// by what the owner denies, and by the rule that undoing, moving or logging a session is a command, never a topic a
/// message merely sounds like. Null for "did you mean" or "not sure".
/// </summary>
public sealed class TopicSettling(Replies replies, MessageReader reader, RouteTable routes, CommandReader commands, RedFlagTriage triage, TrainingNews trainingNews)
{
    /// <summary>"what about pepper??": a message this short that names a cat and nothing else asks about that cat.</summary>
    public const int ShortCatQuestion = 5;

    private readonly PhraseList _eachCat = new(replies.Content.Reading.EachCat);
    private readonly StatusQuestions _status = new(replies.Content.Reading);
    private readonly PhraseList _switchWords = new(replies.Content.Understanding.Topics.Where(t => t.Id == TopicIds.CatSwitch).SelectMany(t => t.Keywords).Select(k => k.Text));

    /// <summary>The topic before anything is said (a menu pick or a question's, else the reading's), with cats to meet and denied struggles settled.</summary>
    public string? Settle(string? topic, MessageReading reading, OwnerCommand command, OwnerProfile owner)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(owner);
        topic ??= TopicOf(reading, command, owner);

        // "is SHE on it", "is mango on step 2 now or still 1": whether a cat is on a step is that cat's status.
        if (command.Kind == CommandKind.None && topic is not (TopicIds.PlanProgress or TopicIds.PlanNext) && _status.Asks(reading.Text, owner.Cats))
        {
            topic = TopicIds.PlanProgress;
        }

        // "my cats are mango & pepper, pls track both", "ziggy n pip": several new names are cats to meet, whatever else it reads as.
        if (topic is null or TopicIds.OutOfScope && CatNaming.NewCatsListed(reading, owner).Count > 1)
        {
            topic = TopicIds.CatAdd;
        }

        // "my cat is toffee": a short message that only introduces a new cat does that, whatever its name sounds like.
        if (topic is null or TopicIds.OutOfScope && reading.WordCount <= ShortCatQuestion && !reading.AsksAQuestion
            && reading.NewCatName is { } introduced && owner.FindCat(introduced) is null && reading.CatsMeant.Count == 0)
        {
            topic = TopicIds.CatAdd;
        }

        // "both cats where r they": with the cats already known and no new name, "both" asks about them, not to add one.
        if (topic == TopicIds.CatAdd && owner.Cats.Count > 1 && reading.NewCatName is null && reading.NewCatNames.All(n => owner.FindCat(n) is not null) && _eachCat.IsIn(PhraseList.Words(reading.Text)))
        {
            topic = TopicIds.PlanProgress;
        }

        // "start both", "lets start them both": with two known cats, "both" next to starting starts each of them, never adds a cat.
        if (topic is null or TopicIds.CatAdd or TopicIds.PlanStart && owner.Cats.Count > 1 && reading.NewCatName is null && reading.NewCatNames.All(n => owner.FindCat(n) is not null)
            && reading.Recognition.Candidates.Any(c => c.TopicId == TopicIds.PlanStart) && _eachCat.IsIn(PhraseList.Words(reading.Text)))
        {
            topic = TopicIds.PlanStart;
        }

        // "hes not slipping out of anything tho": a struggle the owner says didn't happen is not what they ask about.
        return topic is not null && reading.DeniedStruggles.Contains(topic) ? null : topic;
    }

    /// <summary>The topic after the answers that end the turn early: short cat questions, and commands that only sound like topics.</summary>
    public string? Refine(ITurnContext turn, string? topic, MessageReading reading, OwnerCommand command, OwnerProfile owner, string text)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(command);

        // "and what about pepper??": a few words naming one of the owner's cats and nothing the bot can place ask how it's going.
        if (topic is null or TopicIds.OutOfScope && reading.Cats.Count > 0 && reading.CatsMeant.Count > 0 && reading.WordCount <= ShortCatQuestion
            && reading.Recognition.Kind != RecognitionKind.Ambiguous)
        {
            topic = TopicIds.PlanProgress;
        }

        // "is 10 minutes too long for her?", "is that 4 min one under bean now": a question, or a length the command
        // reading didn't take as a report, is never a session to log; it is about the next likeliest topic.
        if (topic == TopicIds.PlanLog && !command.Is(CommandKind.LogSession) && (reading.AsksAQuestion || reading.Duration is not null))
        {
            topic = reading.Recognition.Candidates.Skip(1).FirstOrDefault(c => c.TopicId is not (TopicIds.PlanLog or TopicIds.PlanUndo or TopicIds.PlanMoveSession))?.TopicId;
        }

        // Undoing or moving a session is a command, never a topic the words merely sound like ("is a vest ok?").
        if (topic is TopicIds.PlanUndo && !command.Is(CommandKind.Undo, CommandKind.DeleteSession)
            || topic is TopicIds.PlanMoveSession && !command.Is(CommandKind.MoveSession))
        {
            topic = null;
        }

        // "can we talk about leashes" sounds like switching cats, but switching needs a cat: without one, the
        // message is about what follows the switching words.
        if (topic == TopicIds.CatSwitch && reading.CatsMeant.Count == 0 && reading.NewCatName is null)
        {
            var about = reader.Read(turn, _switchWords.Without(text), owner).Recognition;
            topic = about.Kind != RecognitionKind.OutOfScope && about.Candidates.Count > 0 && about.Candidates[0] is { } best && best.TopicId != TopicIds.CatSwitch
                ? best.TopicId : null;
        }

        return topic;
    }

    /// <summary>A statement (no question) with a word about the cat's body in it, that the triage found no red flag in.</summary>
    public bool IsHealthRemark(MessageReading reading, string text) =>
        !reading.Text.Contains('?', StringComparison.Ordinal) && IsAboutHealth(reading, text);

    /// <summary>
    /// A health word written as such, in an English message: another language's everyday words that look like English
    /// health words ("rapide", "puse") and words read as typos of one are no remark about health, and nor is training
    /// news or a fear story ("she bolts under the bed mid session"). (Red flags in any language were handled before the router.)
    /// </summary>
    public bool IsAboutHealth(MessageReading reading, string text) => reading.Language == "en" && triage.Read(text).MentionsHealth && !trainingNews.In(text);

    /// <summary>
    /// "no leave him on 2. also how long should each session be": the parts of a message that ask about a topic the
    /// bot knows, and give no command of their own, are answered after the command; null when there are none.
    /// </summary>
    public string? QuestionsBeside(MessageReading reading, OwnerProfile owner)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(owner);
        var asked = reading.Clauses.Where(c => c.AsksAQuestion && c.Recognition is { Kind: RecognitionKind.Confident, TopicId: { } topic }
                && routes.Find(topic) is { Flow: null } && commands.Read(reader.Read(c.Text, owner.Cats), owner).Kind == CommandKind.None)
            .Select(c => c.Text).ToList();
        return asked.Count > 0 && asked.Count < reading.Clauses.Count ? string.Join(' ', asked) : null;
    }

    /// <summary>True when the message also asks about something, so chat words in it don't decide what it is.</summary>
    public static bool AsksSomething(MessageReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return reading.Recognition is { Kind: RecognitionKind.Confident, TopicId: { } topic }
            && topic is not (TopicIds.Greeting or TopicIds.Thanks or TopicIds.Help) && reading.WordCount > 3;
    }

    /// <summary>The topic the reading settles on, or null for "did you mean" / "not sure".</summary>
    private static string? TopicOf(MessageReading reading, OwnerCommand command, OwnerProfile owner)
    {
        var recognition = reading.Recognition;
        if (owner.Cats.Count > 0 && command.Is(CommandKind.LogSession) && (recognition.Kind != RecognitionKind.OutOfScope || command.Certainty == Certainty.Certain))
        {
            return TopicIds.PlanLog;
        }

        if (reading.Social == SocialAct.Thanks && !AsksSomething(reading))
        {
            return TopicIds.Thanks;
        }

        // "i want to train pepper now" reads as starting or switching: switching to a cat nobody has met is meeting it.
        if (recognition.Kind == RecognitionKind.Ambiguous && reading.NewCatName is { } newName && owner.FindCat(newName) is null
            && recognition.Candidates.Take(2).Any(c => c.TopicId == TopicIds.CatSwitch))
        {
            return recognition.Candidates.Take(2).First(c => c.TopicId != TopicIds.CatSwitch).TopicId;
        }

        return recognition.Kind switch
        {
            RecognitionKind.Confident => recognition.TopicId,
            RecognitionKind.OutOfScope => TopicIds.OutOfScope,

            // "her name is Luna" reads as nothing in particular, but it is someone to meet.
            RecognitionKind.Unsure when reading.NewCatName is { } name && owner.FindCat(name) is null => TopicIds.CatAdd,
            _ => null,
        };
    }
}
