using LeashBot.Content;

namespace LeashBot.Understanding;

/// <summary>
/// Questions about a step of the plan: what a step is ("tell me about step three"), and how long a cat stays on one,
/// asked of a step named ("how many days on step 3 before moving on") or of the cat's own step ("how long on this
/// step", "thats what we just did, can we try putting it on her"). The pace answer is the step's sign of readiness,
/// never the course's length or a session's.
/// </summary>
internal sealed class StepQuestions(ReadingContent words)
{
    private readonly PhraseList _paceAsks = new(words.StepPace.Asks);
    private readonly PhraseList _movingOn = new(words.StepPace.MovingOn);
    private readonly PhraseList _ownStep = new(words.StepPace.OwnStep);
    private readonly HashSet<string> _numbered = [.. words.StepWords.Numbered];

    /// <summary>What the word lists make of a message that may be a step question, and whether it asks a step's pace.</summary>
    public (Recognition Recognition, bool AsksPace) Read(string text, List<string> words, Recognition recognition, int? stepNumber)
    {
        var plain = PhraseList.Words(text);
        var named = NamesAStepByNumber(words);
        var asksPace = _paceAsks.IsIn(plain);

        // "how many days on step 3 before moving on": that step's pace, whatever length-of-time topic the words suggest.
        if (named && stepNumber is not null && asksPace && MayBeAPaceQuestion(recognition))
        {
            return (Certain(TopicIds.PlanStep, recognition), true);
        }

        // "how long do we stay on this step", "thats what we just did tho, can we try putting it on": the cat's own step, whatever "the step before" the words name.
        if (!named && ((asksPace && _ownStep.IsIn(plain)) || _movingOn.IsIn(plain)))
        {
            return (Certain(TopicIds.PlanNext, recognition), true);
        }

        // "tell me about step three": a step named in a message the recognizer can't place (or can't decide on)
        // is a question about that step.
        // "how will i know she's ready to move on from step 5?": a step named by its number is that step's question, whatever
        // two topics it sits between; being ready at a step is no question for the readiness checklist, which comes before the plan.
        if (stepNumber is not null && (recognition.Kind is RecognitionKind.Unsure or RecognitionKind.OutOfScope
            || (recognition.Kind == RecognitionKind.Ambiguous && recognition.Candidates.Take(2).Any(c => c.TopicId == TopicIds.PlanStep))
            || ((recognition.Kind == RecognitionKind.Ambiguous || recognition.TopicId == TopicIds.Checklist) && named)))
        {
            return (Confident(TopicIds.PlanStep, recognition), false);
        }

        return (recognition, false);
    }

    private static Recognition Confident(string topic, Recognition recognition) => recognition with { TopicId = topic, Kind = RecognitionKind.Confident };

    /// <summary>A pace question is the rule's to settle: the semantic reader never overrules it.</summary>
    private static Recognition Certain(string topic, Recognition recognition) => recognition with { TopicId = topic, Confidence = 1, Kind = RecognitionKind.Confident };

    /// <summary>A step's pace is asked in words the lists read as a length of time, the plan, or nothing clear; never a struggle's.</summary>
    private static bool MayBeAPaceQuestion(Recognition recognition) =>
        recognition.Kind is not (RecognitionKind.Confident or RecognitionKind.Ambiguous)
        || recognition.TopicId is null or TopicIds.FaqDuration or TopicIds.FaqSessionLength or TopicIds.PlanNext or TopicIds.PlanStep or TopicIds.PlanProgress
            or TopicIds.PlanStart or TopicIds.PlanLog or TopicIds.Checklist or "faq.wearTime" or "faq.worried";

    /// <summary>"step 5", "stage 2": a step named by its number, not a "front step" or "the previous one".</summary>
    public bool NamesAStepByNumber(List<string> words)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (_numbered.Contains(words[i]) && words[i + 1].All(char.IsAsciiDigit))
            {
                return true;
            }
        }

        return false;
    }
}
