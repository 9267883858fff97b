using LeashBot.State;

namespace LeashBot.Coaching;

/// <summary>What became of an answer the conversation was about to give.</summary>
public enum Answered
{
    /// <summary>It went out.</summary>
    Said,

    /// <summary>The same answer already went out earlier in this turn ("whole plan" asked twice in one message): nothing more is needed.</summary>
    SaidThisTurn,

    /// <summary>
    /// The owner got this very answer a few turns ago and asked again in other words: instead of the same paragraph, they
    /// got it again in short (the sentence of it that fits their follow-up best).
    /// </summary>
    Repeated,
}

/// <summary>
/// The conversation remembers the last answers it gave, as short fingerprints of their first paragraph
/// (<see cref="ConversationFlags.RecentAnswers"/>, 24 characters however long the conversation). An owner who asks again in other words ("what size tho", "like
/// measure round her chest?") because the answer didn't fit must not get the same paragraph word for word: the
/// answer is held while it is made, and when its opening paragraph is one of the remembered ones it is dropped, so
/// the owner gets it again in short instead: the one sentence of it that fits their follow-up best
/// (<see cref="AnswerGist"/>), never the same line twice, and never for a follow-up that shares nothing with it.
/// </summary>
public sealed class AnswerMemory(BotAccessors state, Replies replies)
{
    private readonly Understanding.ChatCues _cues = new(replies.Content);
    private readonly HashSet<string> _commonWords = new(replies.Content.Reading.CommonWords, StringComparer.Ordinal);

    /// <summary>How many answers are remembered: the last few exchanges, not the whole conversation.</summary>
    public const int Kept = 3;

    /// <summary>Characters of one fingerprint.</summary>
    private const int Width = 8;

    /// <summary>Makes an answer held, then sends it unless it repeats one of the last answers.</summary>
    public async Task<Answered> SayOnceAsync(ITurnContext turn, Func<Task> answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(answer);
        if (turn.TurnState.Get<HeldAnswer>() is not null)
        {
            // Already inside an answer being weighed: that one decides.
            await answer();
            return Answered.Said;
        }

        var held = new HeldAnswer();
        turn.TurnState.Set(held);
        try
        {
            await answer();
        }
        finally
        {
            turn.TurnState.Remove(typeof(HeldAnswer).FullName!);
        }

        // Nothing new came out of it: whatever it would say was said earlier in this turn.
        if (held.Activities.Count == 0)
        {
            return Answered.SaidThisTurn;
        }

        var first = held.Activities.FirstOrDefault(SaidThisTurn.IsPlain);
        if (first is null)
        {
            await turn.SendActivitiesAsync([.. held.Activities], cancellationToken);
            return Answered.Said;
        }

        // The fingerprints are kept as one string of a fixed width, oldest first: the conversation's record takes its
        // full size with the first answer and never grows after it.
        var flags = await state.FlagsAsync(turn, cancellationToken);
        var ring = flags.RecentAnswers is { Length: Kept * Width } kept ? kept : new string('0', Kept * Width);
        var print = Fingerprint(first.Text);
        if (Holds(ring, print) && turn.TurnState.Get<InFull>() is null)
        {
            await SayAgainInShortAsync(turn, flags, first.Text, cancellationToken);
            return Answered.Repeated;
        }

        flags.RecentAnswers = ring[Width..] + print;

        await turn.SendActivitiesAsync([.. held.Activities], cancellationToken);
        return Answered.Said;
    }

    /// <summary>
    /// A topic the owner picked from the bot's own choices ("Or were you after one of these?") or was routed to once a
    /// cat was known is answered in full this turn, even if it was given a moment ago: they asked for exactly that.
    /// </summary>
    public static void GivenInFull(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.TurnState.Set(new InFull());
    }

    private sealed class InFull;

    /// <summary>
    /// The answer again in short: the sentence of it that fits the follow-up best and wasn't given in short already, each
    /// time with the next lead-in ("In short: …", "The key bit: …").
    /// </summary>
    private async Task SayAgainInShortAsync(ITurnContext turn, ConversationFlags flags, string? answer, CancellationToken cancellationToken)
    {
        var say = replies.Content.Answers.Say;

        // "that doesn't answer my question": the owner pushes back on this very answer, so no part of it goes out again;
        // the gap is admitted (and the closest topics are offered after it).
        if (_cues.Complains(turn.Activity?.Text ?? ""))
        {
            await replies.SendAsync(turn, say.RepeatGap, cancellationToken);
            return;
        }

        // The owner asked again, maybe in other words or another language ("cuántos minutos??"): the answer goes out again
        // in short, never a refusal. The sentence that fits best and wasn't given in short lately comes first; once every
        // one was, the best fitting one is said again, since asking a third time means it is still wanted.
        var gists = flags.RecentGists is { Length: Kept * Width } kept ? kept : new string('0', Kept * Width);
        var ranked = AnswerGist.Ranked(answer, turn.Activity?.Text, _commonWords);
        var part = ranked.Select(s => s.Sentence).FirstOrDefault(s => !Holds(gists, Fingerprint(s))) ?? ranked[0].Sentence;
        flags.RecentGists = gists[Width..] + Fingerprint(part);
        await replies.SendAsync(turn, replies.Fill(say.RepeatLeads[flags.Repeats++ % say.RepeatLeads.Count], ("part", part)), cancellationToken);
    }

    /// <summary>True when <paramref name="text"/> opened one of the last answers this conversation gave.</summary>
    public static bool GaveRecently(ConversationFlags flags, string text)
    {
        ArgumentNullException.ThrowIfNull(flags);
        return flags.RecentAnswers is { Length: Kept * Width } ring && Holds(ring, Fingerprint(text));
    }

    private static bool Holds(string ring, string print)
    {
        for (var i = 0; i < Kept; i++)
        {
            if (ring.AsSpan(i * Width, Width).SequenceEqual(print))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A short, stable fingerprint of a paragraph (case, spacing and punctuation aside): 32-bit FNV-1a as 8 hex digits,
    /// the same in every process, so what is stored compares across restarts and hosts. Among three answers a chance
    /// match is about one in 1.4 billion.
    /// </summary>
    public static string Fingerprint(string? text)
    {
        var hash = 2166136261U;
        foreach (var ch in SaidThisTurn.Normalize(text))
        {
            hash ^= ch;
            hash *= 16777619U;
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }
}

/// <summary>The activities of an answer being made, held until <see cref="AnswerMemory"/> decides to send them.</summary>
internal sealed class HeldAnswer
{
    public List<Activity> Activities { get; } = [];
}

/// <summary>The plain paragraphs already said in this turn (see <see cref="Replies.DeliverAsync"/>).</summary>
internal sealed class SaidThisTurn
{
    private readonly HashSet<string> _said = new(StringComparer.Ordinal);

    public int Count => _said.Count;

    /// <summary>This turn's set; a run of the turn's logic starts it afresh (<see cref="Forget"/>), so a rerun says everything again.</summary>
    public static SaidThisTurn Of(ITurnContext turn)
    {
        if (turn.TurnState.Get<SaidThisTurn>() is { } said)
        {
            return said;
        }

        said = new SaidThisTurn();
        turn.TurnState.Set(said);
        return said;
    }

    /// <summary>Starts a run of a turn's logic with nothing said.</summary>
    public static void Forget(ITurnContext turn) => turn.TurnState.Set(new SaidThisTurn());

    /// <summary>True when it was not said yet in this turn (and is now remembered as said).</summary>
    public bool Add(string? text) => _said.Add(Normalize(text));

    /// <summary>A message that is only text: no buttons, no card, nothing urgent. Only these are compared.</summary>
    public static bool IsPlain(Activity activity) =>
        activity.Type == ActivityTypes.Message && !string.IsNullOrWhiteSpace(activity.Text)
        && (activity.Attachments is null || activity.Attachments.Count == 0)
        && activity.SuggestedActions is null && activity.Importance != ActivityImportance.High;

    public static string Normalize(string? text)
    {
        var normalized = new StringBuilder((text ?? "").Length);
        var space = false;
        foreach (var ch in (text ?? "").ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(ch))
            {
                if (space && normalized.Length > 0)
                {
                    normalized.Append(' ');
                }

                normalized.Append(ch);
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return normalized.ToString();
    }
}
