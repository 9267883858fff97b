using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>
/// "that was yesterday actually", "oh that was on sunday": the session just logged happened on another day, so it moves
/// to that day at the same time of day, with its length, mood and step; streaks and "today" counts go by the moment, so
/// they follow. It is one change, so "undo" puts it back. Only a short message that points at the session ("that was",
/// "it was") or says it corrects ("wrong", "i meant"), gives a day before today and no length, step or question is a
/// day fix, and only for sessions logged in the last few hours.
/// </summary>
public sealed class SessionDayFixes(Replies replies, TimeProvider clock)
{
    /// <summary>How long after a session its day can still be fixed.</summary>
    private static readonly TimeSpan FixableFor = TimeSpan.FromHours(3);

    /// <summary>A day fix is said in one short sentence.</summary>
    private const int LongestFix = 14;

    private readonly PhraseList _dayBefore = new(replies.Content.Reading.DayBefore);
    private readonly PhraseList _pointers = new(replies.Content.Reading.SessionPointers);
    private readonly PhraseList _markers = new(replies.Content.Reading.Corrections);
    private readonly Dictionary<string, DayOfWeek> _dayNames = replies.Content.Reminders.Words.DayNames;

    /// <summary>Moves the sessions the message is about to the day it names; false (nothing changed) when it is no day fix.</summary>
    public async Task<bool> AnswerAsync(ITurnContext turn, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(owner);
        var tokens = PhraseList.Words(reading.Text);
        if (reading.Duration is not null || reading.StepNumber is not null || reading.AsksAQuestion || reading.WordCount > LongestFix
            || !(_pointers.IsIn(tokens) || _markers.IsIn(tokens)))
        {
            return false;
        }

        var zone = replies.Organization.ReadTimeZone();
        var now = clock.GetUtcNow();
        var today = LocalDay(now, zone);
        if (DayNamed(tokens, today) is not { } day)
        {
            return false;
        }

        // The cat named, else the last session logged (and every cat logged with it in one report).
        var named = reading.CatsMeant.Select(owner.FindCat).OfType<CatProfile>().ToList();
        var recent = owner.Cats.SelectMany(c => c.Sessions.Select(s => (Cat: c, Session: s)))
            .Where(x => now - x.Session.At <= FixableFor && (named.Count == 0 || named.Contains(x.Cat))).OrderBy(x => x.Session.At).ToList();
        if (recent.Count == 0)
        {
            return false;
        }

        var last = recent[^1].Session.At;
        var moving = named.Count > 0 ? named.Select(c => recent.LastOrDefault(x => x.Cat == c)).Where(x => x.Cat is not null).ToList()
            : recent.Where(x => x.Session.At == last).ToList();
        moving.RemoveAll(x => LocalDay(x.Session.At, zone) <= day);
        if (moving.Count == 0)
        {
            return false;
        }

        var change = ProgressLedger.Begin(owner, ChangeKind.SessionEdited);
        var dayText = day == today.AddDays(-1) ? replies.Content.Plan.OneDayAgo : DateTimeFormatInfo.InvariantInfo.GetDayName(day.DayOfWeek);
        foreach (var (cat, session) in moving)
        {
            var back = LocalDay(session.At, zone).DayNumber - day.DayNumber;
            var moved = new TrainingSession { At = session.At.AddDays(-back), Step = session.Step, Minutes = session.Minutes, Mood = session.Mood };
            var atThisStep = cat.SessionsAtCurrentStep.Contains(session);
            ProgressLedger.RemoveSession(change, cat, session);
            ProgressLedger.AddSession(change, cat, moved);

            // A session of the cat's current step still counts at it: the cat was on that step that day (undo puts the start back).
            if (atThisStep && moved.At < cat.StepStarted)
            {
                cat.StepStarted = moved.At;
            }

            await replies.SendAsync(turn, replies.Text(c => c.Plan.SessionDayMoved, ("cat", cat.Name), ("minutes", replies.Minutes(session.Minutes)), ("since", dayText)), cancellationToken);
        }

        owner.CurrentCat = moving[^1].Cat.Name;
        return true;
    }

    /// <summary>"yesterday" is the day before today; a weekday's full name is the last such day before today ("sat" and "sun" are everyday words).</summary>
    private DateOnly? DayNamed(string[] tokens, DateOnly today)
    {
        if (_dayBefore.IsIn(tokens))
        {
            return today.AddDays(-1);
        }

        foreach (var token in tokens)
        {
            if (_dayNames.TryGetValue(token, out var named) && string.Equals(token, named.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                var back = ((int)today.DayOfWeek - (int)named + 7) % 7;
                return today.AddDays(-(back == 0 ? 7 : back));
            }
        }

        return null;
    }

    private static DateOnly LocalDay(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
}
