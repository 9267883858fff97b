using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>
/// A session told again ("yeah like i said the 10 min one went great", "the 5 min one was fine btw"): the owner is
/// restating a session already logged, so it is never counted twice. When the words restate (reading.json →
/// <c>sessionToldAgain</c>) or point at the session ("the 10 min one") and a session of that length was logged for the
/// cat in the last day, the reply says it is already logged (at the step it was logged at, so a report after a step
/// change never lands on the new step); a mood that differs changes that session. Restating words with a length no
/// session has are asked about once ("Shall I log 12 min with Pepper?").
/// </summary>
public sealed class RestatedSessions(Replies replies, TimeProvider clock)
{
    /// <summary>How far back a restated session is looked for.</summary>
    private static readonly TimeSpan RecentFor = TimeSpan.FromDays(1);

    private readonly PhraseList _toldAgain = MessageParts.Phrases(replies.Content.Reading.SessionToldAgain);
    private readonly HashSet<string> _pointers = [.. replies.Content.Reading.CommandReading.Pointers.Select(MessageParts.Plain)];
    private readonly SessionReferences _references = new(replies.Content);

    /// <summary>
    /// Answers a session told again; the report to offer ("Shall I log …?") when the words restate a session no
    /// record has; null when the message is no restatement and is routed as usual.
    /// </summary>
    public async Task<RestatedOutcome> AnswerAsync(ITurnContext turn, MessageReading reading, OwnerProfile owner, OwnerCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(owner);
        if (owner.Cats.Count == 0 || reading.Duration is not { } length || !command.Is(CommandKind.LogSession) && command.Kind != CommandKind.None)
        {
            return RestatedOutcome.None;
        }

        var words = PhraseList.Words(reading.Text);
        if (_references.TellsOfNewSession(words) || reading.AsksAQuestion)
        {
            return RestatedOutcome.None;
        }

        var toldAgain = _toldAgain.IsIn(words);
        var pointed = command.Kind == CommandKind.None && PointsAtLength(words);
        if (!toldAgain && !pointed)
        {
            return RestatedOutcome.None;
        }

        var minutes = length.TotalMinutes;
        var named = reading.CatsMeant.Select(owner.FindCat).OfType<CatProfile>().ToList();
        var now = clock.GetUtcNow();
        var match = (named.Count > 0 ? named : owner.Cats)
            .SelectMany(c => c.Sessions.Select(s => (Cat: c, Session: s)))
            .Where(x => now - x.Session.At <= RecentFor && Math.Abs(x.Session.Minutes - minutes) < 0.01)
            .OrderBy(x => x.Session.At)
            .LastOrDefault();
        if (match.Cat is null)
        {
            var cat = named.Count == 1 ? named[0] : command.Cat is { } meant ? owner.FindCat(meant) : owner.Cats.Count == 1 ? owner.Cats[0] : null;
            return toldAgain && command.Is(CommandKind.LogSession) && cat is not null
                ? new RestatedOutcome(true, new LogSessionOptions { CatName = cat.Name, Text = reading.Text })
                : RestatedOutcome.None;
        }

        var (found, session) = match;
        owner.CurrentCat = found.Name;
        var step = session.Step.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (reading.Mood is { ThroughNegation: false } said && said.Mood != session.Mood)
        {
            var change = ProgressLedger.Begin(owner, ChangeKind.SessionEdited);
            var edited = ProgressLedger.EditSession(change, found, session, session.Minutes, said.Mood);
            await replies.SendAsync(turn, replies.Text(c => c.Plan.SessionToldAgainMood, ("cat", found.Name), ("minutes", replies.Minutes(edited.Minutes)),
                ("step", step), ("mood", replies.MoodTitle(edited.Mood))), cancellationToken);
            return new RestatedOutcome(true, null);
        }

        await replies.SendAsync(turn, replies.Text(c => c.Plan.SessionToldAgain, ("cat", found.Name), ("minutes", replies.Minutes(session.Minutes)),
            ("step", step), ("mood", replies.MoodTitle(session.Mood))), cancellationToken);
        return new RestatedOutcome(true, null);
    }

    /// <summary>"the 10 min one", "that 5 minute session": a length with a word pointing at a session before it.</summary>
    private bool PointsAtLength(string[] words)
    {
        for (var i = 1; i < words.Length; i++)
        {
            if (words[i].All(char.IsAsciiDigit) && _pointers.Contains(MessageParts.Plain(words[i - 1])))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Whether a restated session was answered, and the report to offer when unsure it was one.</summary>
public sealed record RestatedOutcome(bool Answered, LogSessionOptions? Offer)
{
    public static RestatedOutcome None { get; } = new(false, null);
}
