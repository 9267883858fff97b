using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>
/// Answers given in one go, without starting a flow: a question asked mid-flow, each question of a several-question
/// message, chat ("ok", "lol", "bye"), and the "did you mean" offered when an owner asks again for an answer they just got.
/// </summary>
public sealed class AsideAnswers(BotAccessors state, Replies replies, RouteTable routes)
{
    private readonly AnswerMemory _memory = new(state, replies);

    /// <summary>Answers each question of a several-question message in order; false when none could be answered in one go.</summary>
    public async Task<bool> AnswerSeveralAsync(ITurnContext turn, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var answered = false;
        foreach (var topic in reading.Questions)
        {
            answered |= await AnswerAsync(turn, topic, reading, owner, cancellationToken);
        }

        return answered;
    }

    /// <summary>Answers a topic in one go, without starting a flow (a question asked mid-flow, or one of several); false when it needs a flow.</summary>
    public async Task<bool> AnswerAsync(ITurnContext turn, string topic, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (routes.Find(topic) is not { Answer: { } answer, AnswersAside: true } route)
        {
            return false;
        }

        var cats = CatNaming.CatsFor(route.Cats == CatNeed.All ? CatNeed.All : CatNeed.None, reading, owner) ?? [];
        if (route.Cats == CatNeed.One && cats.Count == 0)
        {
            return false;
        }

        NoteAnswered(turn, topic);
        var aside = new RouteTurn { Context = turn, Step = null, Reading = reading, Owner = owner, Cats = cats, Topic = topic };
        if (!route.Remembered)
        {
            await answer(aside, cancellationToken);
        }
        else
        {
            await _memory.SayOnceAsync(turn, () => answer(aside, cancellationToken), cancellationToken);
        }

        return true;
    }

    /// <summary>Runs a route's answer; a remembered answer given a moment ago is said again in short (<see cref="Answered.Repeated"/>).</summary>
    public async Task<Answered?> RunAsync(Route route, RouteTurn routeTurn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(routeTurn);
        if (!route.Remembered)
        {
            await route.Answer!(routeTurn, cancellationToken);
            return null;
        }

        return await _memory.SayOnceAsync(routeTurn.Context, () => route.Answer!(routeTurn, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The owner asked again, in other words, for an answer they got a moment ago and got it again in short: the topics
    /// closest to what they wrote are offered too, in case they were after one of those.
    /// </summary>
    public async Task<DialogTurnResult> OfferInsteadAsync(WaterfallStepContext<NoValues> step, MessageReading reading, string topic, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(reading);
        TurnEvents.Fallback(step.Context, FallbackKind.DidYouMean, topic);
        var close = reading.Recognition.Candidates.Concat(reading.Clauses.SelectMany(c => c.Recognition.Candidates))
            .OrderByDescending(c => c.Score).Select(c => c.TopicId)
            .Where(id => id != topic && routes.Find(id) is { Remembered: true }).Distinct(StringComparer.Ordinal).Take(2).ToList();
        return close.Count == 0
            ? await step.EndDialogAsync(null, cancellationToken)
            : await step.BeginDialogAsync(DidYouMeanDialog.DialogId, new DidYouMeanOptions { Topics = close, Text = text, AfterRepeat = true }, cancellationToken);
    }

    /// <summary>Notes the topic for the staff console: out of scope counts as a fallback, everything else as answered.</summary>
    public static void NoteAnswered(ITurnContext turn, string topic)
    {
        if (topic == TopicIds.OutOfScope)
        {
            TurnEvents.Fallback(turn, FallbackKind.OutOfScope);
        }
        else
        {
            TurnEvents.Note(turn, new TurnEvent(TurnEventKind.TopicAnswered) { Topic = topic });
        }
    }

    /// <summary>A short warm answer to chat: an acknowledgement, laughter or a goodbye.</summary>
    public Task SmallTalkAsync(ITurnContext turn, SocialAct act, OwnerProfile owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return replies.SayAsync(turn, act switch
        {
            SocialAct.Goodbye => c => c.Messages.SmallTalk.Goodbye,
            SocialAct.Laughter => c => c.Messages.SmallTalk.Laughter,
            SocialAct.Thanks => c => c.Messages.ThanksReply,
            SocialAct.Pause => c => c.Messages.SmallTalk.Pause,
            _ => c => c.Messages.SmallTalk.Acknowledgement,
        }, owner.Current, cancellationToken);
    }
}
