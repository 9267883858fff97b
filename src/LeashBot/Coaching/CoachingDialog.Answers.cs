using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>How the coaching hands an answer to the question waiting, and answers the questions asked beside it.</summary>
public sealed partial class CoachingDialog
{
    /// <summary>
    /// The pending yes/no question gets this answer. Half a yes at a checklist question ("kinda", "a veces") is a "not
    /// yet", something to work on, and said so.
    /// </summary>
    private async Task<DialogTurnResult?> AnswerWithAsync(DialogContext innerDc, AnswerPolarity answer, MessageReading? said, CancellationToken cancellationToken)
    {
        var turn = innerDc.Context;
        var choices = _replies.Content.Messages.YesNoChoices;
        if (answer == AnswerPolarity.Partly)
        {
            await _replies.SayAsync(turn, c => c.Messages.Listening.Partly, cancellationToken);
        }
        else if (answer == AnswerPolarity.No && said is { WordCount: > 1 } && _checklistCorrections.PendingTitle(innerDc) is { } title)
        {
            // "no mucho jaja. las uñas odia que se las corte": a no said in words is said back, so the owner knows how it was taken.
            await _replies.SendAsync(turn, _replies.Text(c => c.Checklist.AnsweredNo, ("title", title)), cancellationToken);
        }

        turn.Activity.Text = answer == AnswerPolarity.Yes ? choices.Yes : choices.No;
        return null;
    }

    /// <summary>The message asks for what comes next ("la siguiente", "ok next q?"), in any part of it.</summary>
    private static bool AsksForTheNext(MessageReading reading) =>
        reading.Recognition is { Kind: RecognitionKind.Confident, TopicId: TopicIds.PlanNext }
        || reading.Clauses.Any(c => c.Recognition is { Kind: RecognitionKind.Confident, TopicId: TopicIds.PlanNext });

    /// <summary>
    /// What answers the pending question in a message that also asks something: its clauses that don't ask, read on
    /// their own ("yes vet saw her in march" of "yes vet saw her in march. does 8 count as old?"). The whole message
    /// when no clause asks, or every clause does.
    /// </summary>
    private MessageReading AnswerPart(ITurnContext turn, MessageReading reading, OwnerProfile owner)
    {
        var statements = reading.Clauses.Where(c => !c.AsksAQuestion).Select(c => c.Text).ToList();
        return statements.Count == 0 || statements.Count == reading.Clauses.Count ? reading : _reader.Read(turn, string.Join(". ", statements), owner);
    }

    /// <summary>
    /// The questions asked beside an answer, each in a clause that opens like a question: answered when a topic
    /// recognizes one, else the owner hears it wasn't understood (never silently skipped).
    /// </summary>
    private async Task AnswerSideQuestionsAsync(ITurnContext turn, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken)
    {
        // "idk maybe? she likes treats a lot": a short hedge or yes/no with a question mark is the answer, unsure, not a question.
        var asked = reading.Clauses.Where(c => c.AsksAQuestion && !IsHedgedAnswer(c.Text)).Select(c => c.Recognition).ToList();
        if (asked.Count == 0 || reading.Clauses.Count < 2)
        {
            // "omg yes she loves treats 😹 wait do i need a special harness or will any cat one work": one clause to the
            // reader, but an answer and then a question of the owner's own.
            if (AsideAfterAnswer(turn, reading.Text, owner) is not { } aside)
            {
                return;
            }

            (reading, asked) = (aside, [aside.Recognition]);
        }

        var answered = false;
        foreach (var topic in asked.Where(r => r.Kind == RecognitionKind.Confident).Select(r => r.TopicId!).Distinct(StringComparer.Ordinal))
        {
            answered |= await _router.AnswerAsideAsync(turn, topic, reading, owner, cancellationToken);
        }

        if (!answered)
        {
            await _replies.SayAsync(turn, c => c.Messages.Listening.SideQuestionUnsure, cancellationToken);
        }
    }

    /// <summary>"idk maybe?", "yes??", "kinda?": a few words that hedge or answer, and ask nothing of their own.</summary>
    private bool IsHedgedAnswer(string clause)
    {
        var words = PhraseList.Words(clause);
        return words.Length <= HedgeWords && (_hedges.IsIn(words) || _unsure.IsIn(words) || _exits.Answers.Read(clause) != AnswerPolarity.Unclear);
    }

    /// <summary>Most words a clause that only hedges or answers has ("idk maybe?").</summary>
    private const int HedgeWords = 3;

    /// <summary>
    /// A question of the owner's own after an answer, opened by an aside word ("wait", "btw", "por cierto") and asking
    /// something ("yes def 😹 wait do i need a special harness"), read on its own; null when the message has none.
    /// </summary>
    private MessageReading? AsideAfterAnswer(ITurnContext turn, string text, OwnerProfile owner)
    {
        foreach (System.Text.RegularExpressions.Match lead in _asideLeads.Matches(text))
        {
            var rest = text[(lead.Index + lead.Length)..].TrimStart(' ', ',', ':', '-', '.');
            if (lead.Index > 0 && PhraseList.Words(rest).Length >= 3 && _reader.Read(turn, rest, owner) is { AsksAQuestion: true } asked)
            {
                return asked;
            }
        }

        return null;
    }
}
