using LeashBot.State;
using LeashBot.Understanding;
using Newtonsoft.Json.Linq;

namespace LeashBot.Coaching;

/// <summary>What became of a message read as a change of a checklist answer.</summary>
/// <param name="Changed">An earlier answer was changed (and the owner told).</param>
/// <param name="Pending">The answer the same message gives to the question waiting ("curioso = a veces"); unclear when none.</param>
public sealed record ChecklistChange(bool Changed, AnswerPolarity Pending = AnswerPolarity.Unclear);

/// <summary>
/// An owner changes an answer they gave earlier in the readiness checklist ("wait, she IS ok with strangers", "i said yes
/// but nail trims he absolutely does NOT… change that to no??", "no no, treats = SÍ, 100%", "te lo dije, le encantan los
/// churu"): the answer is changed where the checklist keeps it, the owner hears which one and to what, and the pending
/// question is asked again, or answered when the message answers it too. The new value is what the owner says about that
/// question (<see cref="AnswerReader.ReadChange"/>), never an answer they say they gave before. Once the verdict is given,
/// and for a while after it, the cat's stored result is worked out again from the changed answer.
/// </summary>
public sealed class ChecklistCorrections
{
    /// <summary>How long after the verdict an owner can still change an answer with nothing pending ("te lo dije 2 veces").</summary>
    private static readonly TimeSpan Recently = TimeSpan.FromHours(2);

    private const string OptionsKey = "options";
    private const string AnswersKey = "answers";

    private readonly Replies _replies;
    private readonly BotAccessors _state;
    private readonly AnswerReader _answers;
    private readonly ChatCues _cues;
    private readonly PhraseList _changeWords;
    private readonly PhraseList _lastOne;
    private readonly HashSet<string> _negations;
    private readonly List<(PhraseList Phrases, string[] Beginnings)> _about;

    public ChecklistCorrections(Replies replies, BotAccessors state, AnswerReader answers, ChatCues cues)
    {
        ArgumentNullException.ThrowIfNull(replies);
        _replies = replies;
        _state = state;
        _answers = answers;
        _cues = cues;
        var checklist = replies.Content.Checklist;
        _changeWords = new(checklist.ChangeWords);
        _lastOne = new(checklist.LastOneWords);
        _negations = [.. replies.Content.Reading.Negations.Where(n => n != "no")];
        _about = [.. checklist.Questions.Select(q => (new PhraseList(q.About.Where(a => a.Contains(' ', StringComparison.Ordinal))),
            q.About.Where(a => !a.Contains(' ', StringComparison.Ordinal)).ToArray()))];
    }

    /// <summary>
    /// Changes an earlier answer while the checklist asks (the checklist is the dialog under the pending question), or at
    /// its last question, the plan offer; nothing is done when the message is no change of one.
    /// </summary>
    public async Task<ChecklistChange> TryAsync(DialogContext innerDc, MessageReading reading, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        ArgumentNullException.ThrowIfNull(reading);
        if (innerDc.Stack.Count < 2 || innerDc.Stack[1] is not { Id: ChecklistDialog.DialogId } checklist
            || checklist.State[OptionsKey] is not JObject options
            || options.GetValue(AnswersKey, StringComparison.OrdinalIgnoreCase) is not JArray answers)
        {
            return new(false);
        }

        // At the last step the verdict was given and the plan is offered (an optional question): every answer counts,
        // the last one too, though the checklist's options hold only those before it.
        var questions = _replies.Content.Checklist.Questions;
        var verdictGiven = innerDc.ActiveDialog is { } pending && PromptState.OptionsOf(pending)?.Optional == true;
        var owner = await _state.OwnerAsync(innerDc.Context, cancellationToken);
        var result = verdictGiven ? owner.FindCat(options.GetValue("catName", StringComparison.OrdinalIgnoreCase)?.ToString() ?? "")?.Checklist : null;
        if (Changed(reading, verdictGiven ? questions.Count : answers.Count,
            i => i < answers.Count ? ((bool)answers[i] ? AnswerPolarity.Yes : AnswerPolarity.No) : Kept(result, i), saidOutright: false) is not { } change)
        {
            return new(false);
        }

        if (change.Index < answers.Count)
        {
            answers[change.Index] = change.Answer == AnswerPolarity.Yes;
        }

        await SayChangedAsync(innerDc.Context, change.Index, change.Answer, cancellationToken);
        if (result is not null)
        {
            Apply(result, change.Index, change.Answer);
        }

        // The rest of the message, when it names the question waiting, answers it ("curioso = a veces").
        var rest = string.Join(". ", Sentences(reading.Text).Where(s => !Names(s, change.Index)));
        var answersPending = !verdictGiven && answers.Count < questions.Count && Names(rest, answers.Count);
        return new(true, answersPending ? _answers.Read(rest) : AnswerPolarity.Unclear);
    }

    /// <summary>
    /// The sentences of an answer that name the question waiting, when the answer also names other questions ("no no,
    /// cepillar = no. tiempo = sí" at the handling question is "no no, cepillar = no"); null when it names no other one.
    /// </summary>
    public string? AboutPending(DialogContext innerDc, string text)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        if (innerDc.Stack.Count < 2 || innerDc.Stack[1].State[OptionsKey] is not JObject options
            || options.GetValue(AnswersKey, StringComparison.OrdinalIgnoreCase) is not JArray { Count: var pending } || pending >= _about.Count)
        {
            return null;
        }

        var sentences = Sentences(text);
        var about = sentences.Where(s => Names(s, pending)).ToList();
        return about.Count > 0 && sentences.Exists(s => !about.Contains(s) && Enumerable.Range(0, _about.Count).Any(i => i != pending && Names(s, i)))
            ? string.Join(". ", about) : null;
    }

    /// <summary>The title of the checklist question waiting ("handling"); null when none waits (the plan offer after the verdict is none).</summary>
    public string? PendingTitle(DialogContext innerDc)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var questions = _replies.Content.Checklist.Questions;
        return innerDc.Stack.Count > 1 && innerDc.ActiveDialog is { } asking && PromptState.OptionsOf(asking)?.Optional != true
            && innerDc.Stack[1].State[OptionsKey] is JObject options
            && options.GetValue(AnswersKey, StringComparison.OrdinalIgnoreCase) is JArray { Count: var pending } && pending < questions.Count
            ? questions[pending].Title : null;
    }

    /// <summary>
    /// With nothing pending, a little after the verdict ("queee?? no, los treats SI lo motivan, te lo dije 2 veces", "Mishi
    /// LOVES treats. yes to treats. please fix that", "change the treats one to yes"): the cat's stored result changes and
    /// the owner hears the new one. Once the checklist is over, only a message that says the new answer outright about a
    /// question it names changes one: a remark that merely mentions a question's words ("she doesnt chew the harness, i
    /// meant the pill packet") or a session told in the same breath ("noo thats not what i meant, today was a NEW session,
    /// about 10 mins, she wasnt scared") changes nothing. False (nothing done) when the message changes no answer.
    /// </summary>
    public async Task<bool> TryAfterVerdictAsync(ITurnContext turn, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(owner);
        var cat = reading.CatsMeant is [var named] ? owner.FindCat(named) : owner.Current;
        if (cat?.Checklist is not { } result || _replies.Now - result.At > Recently || reading.Duration is not null || reading.IsSessionReport
            || Changed(reading, _replies.Content.Checklist.Questions.Count, i => Kept(result, i), saidOutright: true) is not { } change)
        {
            return false;
        }

        await SayChangedAsync(turn, change.Index, change.Answer, cancellationToken);
        Apply(result, change.Index, change.Answer);
        var checklist = _replies.Content.Checklist;
        var reasons = string.Join("; ", checklist.Questions.Where(q => result.HeldBackBy.Contains(q.Id)).Select(q => _replies.Cat(q.HeldBack, cat)));
        var verdict = new List<string> { _replies.Text(c => result.Ready ? c.Checklist.Ready : c.Checklist.NotYet, ("cat", cat.Name), ("reasons", reasons)) };
        if (result.Ready && reasons.Length > 0)
        {
            verdict.Add(_replies.Text(c => c.Checklist.ReadyWorkOn, ("cat", cat.Name), ("reasons", reasons)));
        }

        await _replies.SendAsync(turn, verdict, cancellationToken);
        return true;
    }

    /// <summary>
    /// The earlier question the message changes and its new value: a message that says it changes something ("actually",
    /// "espera"), says the bot got it wrong ("te lo dije") or points at a value ("treats = SÍ"), about one of the first
    /// <paramref name="answered"/> questions; null when it changes none. A question of the owner's that says no value
    /// ("wait do i need a special harness?") changes nothing, and with <paramref name="saidOutright"/> the value must be
    /// said, not only guessed from a "not" somewhere in the sentence.
    /// </summary>
    private (int Index, AnswerPolarity Answer)? Changed(MessageReading reading, int answered, Func<int, AnswerPolarity> kept, bool saidOutright)
    {
        var words = PhraseList.Words(reading.Text);
        if (QuestionMeant(reading, words, answered) is not { } index)
        {
            return null;
        }

        // Every sentence about the question counts ("yo dije CLARO QUE SÍ a lo de ir despacio. no me frustra nada, tengo paciencia").
        var naming = Sentences(reading.Text).Where(s => Names(s, index)).ToList();
        var about = naming.Count > 0 ? string.Join(". ", naming) : reading.Text;
        if (!_changeWords.IsIn(words) && !_cues.Complains(reading.Text) && _answers.PointedAt(about) is null)
        {
            return null;
        }

        var answer = _answers.ReadChange(about, kept(index));
        if (answer == AnswerPolarity.Unclear && _answers.PointedAt(about) is null && (saidOutright || reading.AsksAQuestion || reading.Clauses.Any(c => c.AsksAQuestion)))
        {
            return null;
        }

        return (index, answer != AnswerPolarity.Unclear ? answer
            : PhraseList.Words(about).Any(w => _negations.Contains(w.Replace("'", "", StringComparison.Ordinal))) ? AnswerPolarity.No : AnswerPolarity.Yes);
    }

    /// <summary>The answer a stored result keeps for a question (held back is a no); unclear with no result.</summary>
    private AnswerPolarity Kept(ChecklistResult? result, int index) =>
        result is null ? AnswerPolarity.Unclear : result.HeldBackBy.Contains(_replies.Content.Checklist.Questions[index].Id) ? AnswerPolarity.No : AnswerPolarity.Yes;

    private Task SayChangedAsync(ITurnContext turn, int index, AnswerPolarity answer, CancellationToken cancellationToken) =>
        _replies.SendAsync(turn, _replies.Text(c => answer switch
        {
            AnswerPolarity.Partly => c.Checklist.ChangedPartly,
            AnswerPolarity.Yes => c.Checklist.ChangedYes,
            _ => c.Checklist.ChangedNo,
        }, ("title", _replies.Content.Checklist.Questions[index].Title)), cancellationToken);

    /// <summary>The cat's stored result follows the changed answer (a partly is something to work on, kept as a no).</summary>
    private void Apply(ChecklistResult result, int index, AnswerPolarity answer)
    {
        var questions = _replies.Content.Checklist.Questions;
        var id = questions[index].Id;
        result.HeldBackBy.Remove(id);
        if (answer != AnswerPolarity.Yes)
        {
            result.HeldBackBy = [.. questions.Select(q => q.Id).Where(q => q == id || result.HeldBackBy.Contains(q))];
        }

        result.Ready = questions.Count - result.HeldBackBy.Count >= _replies.Content.Checklist.ReadyThreshold && !result.HeldBackBy.Contains("healthy");
    }

    /// <summary>The earlier question the message is about: the one its words name most, else "that last one".</summary>
    private int? QuestionMeant(MessageReading reading, string[] words, int answered)
    {
        var best = -1;
        var bestHits = 0;
        for (var i = 0; i < answered; i++)
        {
            var hits = Hits(words, i);
            if (hits > bestHits)
            {
                (best, bestHits) = (i, hits);
            }
        }

        return best >= 0 ? best : answered > 0 && _lastOne.IsIn(words) && reading.WordCount > 0 ? answered - 1 : null;
    }

    private int Hits(string[] words, int question)
    {
        var (phrases, beginnings) = _about[question];
        return words.Count(w => beginnings.Any(b => w.StartsWith(b, StringComparison.Ordinal))) + (phrases.IsIn(words) ? 1 : 0);
    }

    /// <summary>The text names the question by its words ("treats", "churu", "uñas").</summary>
    private bool Names(string text, int question) => question < _about.Count && Hits(PhraseList.Words(text), question) > 0;

    /// <summary>The message's sentences as typed (split at sentence ends), for reading what each says about which question.</summary>
    private static List<string> Sentences(string text) =>
        [.. System.Text.RegularExpressions.Regex.Split(text, @"(?<=[.!?;\n])\s*|\.{2,}", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))
            .Select(s => s.Trim()).Where(s => s.Length > 0)];
}
