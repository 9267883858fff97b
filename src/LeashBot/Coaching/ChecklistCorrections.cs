using LeashBot.Dialogs;
using LeashBot.State;
using LeashBot.Understanding;
using Newtonsoft.Json.Linq;

namespace LeashBot.Coaching;

/// <summary>
/// An owner changes an answer they gave earlier in the readiness checklist ("wait, she IS ok with strangers", "actually
/// no to the handling one", "espera, lo de cepillarlo SI se deja", "that last one was a yes, i misread it"): the answer
/// is changed where the checklist keeps it, the owner hears which one and to what, and the pending question is asked
/// again. Once the verdict is given, the cat's result is worked out again from the changed answer.
/// </summary>
public sealed class ChecklistCorrections
{
    private const string OptionsKey = "options";
    private const string AnswersKey = "answers";

    private readonly Replies _replies;
    private readonly BotAccessors _state;
    private readonly PhraseList _changeWords;
    private readonly PhraseList _lastOne;
    private readonly PhraseList _hedges;
    private readonly HashSet<string> _negations;
    private readonly List<(PhraseList Phrases, string[] Beginnings)> _about;

    public ChecklistCorrections(Replies replies, BotAccessors state)
    {
        ArgumentNullException.ThrowIfNull(replies);
        _replies = replies;
        _state = state;
        var checklist = replies.Content.Checklist;
        _changeWords = new(checklist.ChangeWords);
        _lastOne = new(checklist.LastOneWords);
        _hedges = new(replies.Content.Reading.Hedges);
        _negations = [.. replies.Content.Reading.Negations.Where(n => n != "no")];
        _about = [.. checklist.Questions.Select(q => (new PhraseList(q.About.Where(a => a.Contains(' ', StringComparison.Ordinal))),
            q.About.Where(a => !a.Contains(' ', StringComparison.Ordinal)).ToArray()))];
    }

    /// <summary>
    /// Changes an earlier answer when the message is a change of one; false (nothing done) when it isn't. The checklist
    /// is the dialog under the pending question.
    /// </summary>
    public async Task<bool> TryAsync(DialogContext innerDc, MessageReading reading, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        ArgumentNullException.ThrowIfNull(reading);
        if (innerDc.Stack.Count < 2 || innerDc.Stack[1] is not { Id: ChecklistDialog.DialogId } checklist
            || checklist.State[OptionsKey] is not JObject options
            || options.GetValue(AnswersKey, StringComparison.OrdinalIgnoreCase) is not JArray answers)
        {
            return false;
        }

        // At the last step the verdict was given and the plan is offered (an optional question): every answer counts,
        // the last one too, though the checklist's options hold only those before it.
        var questions = _replies.Content.Checklist.Questions;
        var verdictGiven = innerDc.ActiveDialog is { } pending && PromptState.OptionsOf(pending)?.Optional == true;
        var words = PhraseList.Words(reading.Text);
        if (!_changeWords.IsIn(words) || QuestionMeant(reading, words, verdictGiven ? questions.Count : answers.Count) is not { } index)
        {
            return false;
        }

        var (answer, partly) = AnswerIn(reading, index);
        if (index < answers.Count)
        {
            answers[index] = answer;
        }

        var question = questions[index];
        await _replies.SendAsync(innerDc.Context, _replies.Text(c => partly ? c.Checklist.ChangedPartly : answer ? c.Checklist.ChangedYes : c.Checklist.ChangedNo,
            ("title", question.Title)), cancellationToken);

        // The cat's stored result follows the changed answer.
        var owner = await _state.OwnerAsync(innerDc.Context, cancellationToken);
        if (verdictGiven && owner.FindCat(options.GetValue("catName", StringComparison.OrdinalIgnoreCase)?.ToString() ?? "") is { Checklist: { } result })
        {
            result.HeldBackBy.Remove(question.Id);
            if (!answer)
            {
                result.HeldBackBy = [.. questions.Select(q => q.Id).Where(id => id == question.Id || result.HeldBackBy.Contains(id))];
            }

            result.Ready = questions.Count - result.HeldBackBy.Count >= _replies.Content.Checklist.ReadyThreshold && !result.HeldBackBy.Contains("healthy");
        }

        return true;
    }

    /// <summary>The earlier question the message is about: the one its words name most, else "that last one".</summary>
    private int? QuestionMeant(MessageReading reading, string[] words, int answered)
    {
        var best = -1;
        var bestHits = 0;
        for (var i = 0; i < answered; i++)
        {
            var (phrases, beginnings) = _about[i];
            var hits = words.Count(w => beginnings.Any(b => w.StartsWith(b, StringComparison.Ordinal))) + (phrases.IsIn(words) ? 1 : 0);
            if (hits > bestHits)
            {
                (best, bestHits) = (i, hits);
            }
        }

        return best >= 0 ? best : answered > 0 && _lastOne.IsIn(words) && reading.WordCount > 0 ? answered - 1 : null;
    }

    /// <summary>
    /// The new answer, read in the clause about that question when there is one ("wait no i misread it. im fine with
    /// slow progress"): half answers are "partly" (kept as a no, to work on), a plain yes or no decides, and else a
    /// negation makes it a no ("she's NOT used to it yet") and its absence a yes ("she IS ok with strangers"). A "no"
    /// that goes with the change ("wait no", "sorry no") is about the earlier answer, not the new one; "no to the
    /// handling one" is the new one.
    /// </summary>
    private (bool Answer, bool Partly) AnswerIn(MessageReading reading, int index)
    {
        var (phrases, beginnings) = _about[index];
        var clause = reading.Clauses.Select(c => c.Text).LastOrDefault(c =>
        {
            var words = PhraseList.Words(c);
            return phrases.IsIn(words) || words.Any(w => beginnings.Any(b => w.StartsWith(b, StringComparison.Ordinal)));
        }) ?? reading.Text;
        var all = PhraseList.Words(clause);
        if (_hedges.IsIn(all))
        {
            return (false, true);
        }

        var kept = all.Where((w, i) => !(w is "no" or "nope" && (_changeWords.EndsAt(all, i - 1) || _changeWords.StartsAt(all, i + 1))
            && !(i + 1 < all.Length && all[i + 1] is "to" or "for" or "on" or "about"))).ToArray();
        return YesNoRecognizer.Recognize(string.Join(' ', kept)) is { } said ? (said, false) : (!kept.Any(w => _negations.Contains(w.Replace("'", "", StringComparison.Ordinal))), false);
    }
}
