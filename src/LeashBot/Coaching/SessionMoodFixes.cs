using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>
/// "bean was fine tho it was widget that was stressed", "no wait, pepper was the relaxed one, biscuit was unsure": moods
/// said again, without a length, for cats whose sessions were just logged. Each cat named gets the mood said in its own
/// words (see <see cref="CatParts"/>) on its last session, which stays with that cat: a mood fix never moves a session
/// to another cat and never logs a new one. It applies when every cat named has its own mood and one of those differs
/// from what was logged; with one cat only, the message has to say it corrects something ("sorry", "actually").
/// </summary>
public sealed class SessionMoodFixes(Replies replies, MessageReader reader, TimeProvider clock)
{
    /// <summary>How long after a session its mood can still be fixed.</summary>
    private static readonly TimeSpan FixableFor = TimeSpan.FromHours(3);

    /// <summary>A mood fix is said in a sentence or two.</summary>
    private const int LongestFix = 24;

    private readonly PhraseList _markers = new(replies.Content.Reading.Corrections);
    private readonly HashSet<string> _joins = [.. replies.Content.Reading.NameListJoins];

    /// <summary>Fixes the moods when the message is a mood fix; false (nothing changed) when it isn't.</summary>
    public async Task<bool> AnswerAsync(ITurnContext turn, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(owner);
        if (reading.Command != Command.None || reading.Mood is null || reading.Duration is not null || reading.AsksAQuestion
            || reading.WordCount > LongestFix || reading.StepNumber is not null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var parts = CatParts.Of(reading.Text, owner.Cats, _joins);
        var fixes = new List<(CatProfile Cat, TrainingSession Session, Mood Mood)>();
        foreach (var (cat, text) in parts)
        {
            if (reader.Read(text, owner.Cats).Mood?.Mood is { } mood && cat.Sessions.LastOrDefault(s => now - s.At <= FixableFor) is { } last)
            {
                fixes.Add((cat, last, mood));
            }
        }

        var saysItCorrects = parts.Count >= 2 || _markers.IsIn(PhraseList.Words(reading.Text));
        if (!saysItCorrects || fixes.Count == 0 || fixes.Count < parts.Count || fixes.TrueForAll(f => f.Session.Mood == f.Mood))
        {
            return false;
        }

        var change = ProgressLedger.Begin(owner, ChangeKind.SessionEdited);
        foreach (var (cat, session, mood) in fixes.Where(f => f.Session.Mood != f.Mood))
        {
            ProgressLedger.EditSession(change, cat, session, session.Minutes, mood);
            await replies.SendAsync(turn, replies.Text(c => c.Plan.MoodFixed, ("cat", cat.Name), ("minutes", replies.Minutes(session.Minutes)),
                ("mood", replies.MoodTitle(mood)), ("old", replies.MoodTitle(session.Mood))), cancellationToken);
        }

        return true;
    }
}
