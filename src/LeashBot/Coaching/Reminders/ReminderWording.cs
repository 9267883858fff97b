using LeashBot.State;

namespace LeashBot.Coaching.Reminders;

/// <summary>The reminders' own words, from dialogs/reminders.json: the nudge itself, and how a plan is described.</summary>
public sealed class ReminderWording(Replies replies)
{
    private ReminderContent Words => replies.Content.Reminders;

    /// <summary>Added to the first reminder sent by text: how to stop them.</summary>
    public string HowToStopTexts => replies.Text(c => c.Messages.Sms.HowToOptOut);

    /// <summary>
    /// A reminder naming the cat, its step and the step's goal, and the days practised in a row before today, picked
    /// from the pool so that it differs from the last one. Returns the text and which one of the pool it is.
    /// </summary>
    public (string Text, int Index) Nudge(OwnerProfile? owner, TimeZoneInfo zone, DateOnly today, int last, int seed)
    {
        var cat = owner?.Current ?? owner?.Cats.FirstOrDefault();
        return Nudge(cat?.Name, cat?.Pronoun, cat?.Step ?? 1, Streak(owner, zone, today), last, seed);
    }

    /// <summary>The same reminder from the facts kept in the reminder record (<see cref="NudgeFacts"/>).</summary>
    public (string Text, int Index) Nudge(NudgeFacts facts, DateOnly today, int last, int seed)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Nudge(facts.Cat, facts.Pronoun, facts.Step, facts.StreakBefore(today), last, seed);
    }

    private (string Text, int Index) Nudge(string? catName, string? pronoun, int stepNumber, int streak, int last, int seed)
    {
        var step = replies.Content.Step(stepNumber);
        var pool = Words.Nudges;
        var index = Math.Abs(seed % pool.Count);
        if (index == last)
        {
            index = (index + 1) % pool.Count;
        }

        var streakText = streak switch
        {
            0 => Words.Streak.None,
            1 => Words.Streak.One,
            _ => Words.Streak.Many,
        };
        // A reminder goes out of any turn: the cat's pronoun is given here, and the step's goal is filled in for the cat too.
        (string Name, string Value)[] aboutCat = [("cat", catName ?? replies.Content.Messages.YourCat), .. replies.PronounSlots(pronoun)];
        var text = replies.Fill(pool[index], [.. aboutCat, ("step", step.Number.ToString(CultureInfo.InvariantCulture)), ("goal", replies.Fill(step.Goal, aboutCat))])
            + " " + replies.Fill(streakText, ("streak", streak.ToString(CultureInfo.InvariantCulture)));
        return (text, index);
    }

    /// <summary>Days in a row, ending yesterday, with at least one session of any cat (the owner's own local days).</summary>
    public static int Streak(OwnerProfile? owner, TimeZoneInfo zone, DateOnly today)
    {
        if (owner is null)
        {
            return 0;
        }

        var days = owner.Cats.SelectMany(c => c.Sessions).Select(s => ReminderSchedule.LocalDay(s.At, zone)).ToHashSet();
        var count = 0;
        for (var day = today.AddDays(-1); days.Contains(day); day = day.AddDays(-1))
        {
            count++;
        }

        return count;
    }

    /// <summary>What the owner has set now: days, time and zone, a pause, texts turned off by STOP; or that there are none.</summary>
    public string Current(ReminderRecord? record, DateTimeOffset now)
    {
        if (record?.Plan is not { } plan)
        {
            return replies.Text(c => c.Reminders.NothingSet);
        }

        var lines = new List<string>
        {
            replies.Text(c => c.Reminders.Current, ("days", DaysOf(plan)), ("time", Clock(plan.Minute)), ("zone", record.TimeZone ?? "")),
        };
        var today = ReminderSchedule.LocalDay(now, ReminderSchedule.Zone(record.TimeZone));
        if (ReminderSchedule.ParseDay(plan.PausedUntil) is { } until && until > today)
        {
            lines.Add(replies.Text(c => c.Reminders.CurrentPaused, ("until", ReminderWording.Date(until))));
        }

        if (record.OptedOut)
        {
            lines.Add(replies.Text(c => c.Reminders.CurrentTextsOff));
        }

        lines.Add(replies.Text(c => c.Reminders.HowToChange));
        return string.Join(" ", lines);
    }

    /// <summary>"every day", "on weekdays", "every Monday, Thursday", "on Tuesday".</summary>
    public string DaysOf(ReminderPlan plan)
    {
        if (ReminderSchedule.ParseDay(plan.Once) is { } once)
        {
            return replies.Fill(Words.Days.Once, ("days", DateTimeFormatInfo.InvariantInfo.GetDayName(once.DayOfWeek)));
        }

        return plan.Days switch
        {
            ReminderDaysMask.EveryDay => Words.Days.EveryDay,
            ReminderDaysMask.Weekdays => Words.Days.Weekdays,
            ReminderDaysMask.Weekends => Words.Days.Weekends,
            _ => replies.Fill(Words.Days.Some, ("days", string.Join(", ", Enum.GetValues<DayOfWeek>()
                .Where(d => ReminderDaysMask.Has(plan.Days, d)).Select(d => DateTimeFormatInfo.InvariantInfo.GetDayName(d))))),
        };
    }

    /// <summary>A time of day as owners write it: "7pm", "8:30am".</summary>
    public string Clock(int minute)
    {
        var hour = minute / 60;
        var twelve = hour % 12 == 0 ? 12 : hour % 12;
        var suffix = hour < 12 ? Words.Words.Am[0] : Words.Words.Pm[0];
        return minute % 60 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{twelve}{suffix}")
            : string.Create(CultureInfo.InvariantCulture, $"{twelve}:{minute % 60:00}{suffix}");
    }

    public static string Date(DateOnly day) => day.ToString("dddd d MMMM", CultureInfo.InvariantCulture);
}
