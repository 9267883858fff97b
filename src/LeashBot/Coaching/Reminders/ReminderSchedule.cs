namespace LeashBot.Coaching.Reminders;

/// <summary>
/// When reminders may go and when the next one is due, in the owner's own time zone: only between the allowed hours,
/// at most one a day, and right across daylight-saving changes (a time the clocks skip moves on to the first real
/// minute after it; a time that happens twice is taken the first time).
/// </summary>
public sealed class ReminderSchedule(ReminderOptions options)
{
    /// <summary>The latest minute of the day a reminder may be planned for: half an hour before the end, so retries fit.</summary>
    public int LatestMinute => (options.LatestHour * 60) - 30;

    public int EarliestMinute => options.EarliestHour * 60;

    /// <summary>The planned minute, moved inside the allowed hours.</summary>
    public int Clamp(int minute) => Math.Clamp(minute, EarliestMinute, LatestMinute);

    public static TimeZoneInfo Zone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateOnly LocalDay(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    public static string DayText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>True when <paramref name="instant"/> is inside the allowed hours of the owner's day.</summary>
    public bool Allowed(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var minute = (local.Hour * 60) + local.Minute;
        return minute >= EarliestMinute && local.Hour < options.LatestHour;
    }

    /// <summary>The instant the allowed hours of <paramref name="day"/> end.</summary>
    public DateTimeOffset EndOf(DateOnly day, TimeZoneInfo zone) => At(day, options.LatestHour * 60, zone);

    /// <summary>The first reminder of <paramref name="plan"/> on <paramref name="fromDay"/> or later and after <paramref name="after"/>; null when none is left.</summary>
    public DateTimeOffset? NextDue(ReminderPlan plan, TimeZoneInfo zone, DateOnly fromDay, DateTimeOffset after)
    {
        var paused = ParseDay(plan.PausedUntil);
        var once = ParseDay(plan.Once);
        var day = LocalDay(after, zone);
        if (fromDay > day)
        {
            day = fromDay;
        }

        for (var i = 0; i < 400; i++, day = day.AddDays(1))
        {
            if ((paused is { } until && day < until) || (once is { } only ? day != only : !ReminderDaysMask.Has(plan.Days, day.DayOfWeek)))
            {
                if (once is { } last && day > last)
                {
                    return null;
                }

                continue;
            }

            var due = At(day, Clamp(plan.Minute), zone);
            if (due > after)
            {
                return due;
            }
        }

        return null;
    }

    /// <summary>
    /// The reminder after the one of <paramref name="handledDay"/>: the plan's next day's, even when that time has passed
    /// (a host that was down sends it late) as long as it is still today and inside the allowed hours; otherwise the
    /// next one still to come.
    /// </summary>
    public DateTimeOffset? NextAfter(ReminderPlan plan, TimeZoneInfo zone, DateOnly handledDay, DateTimeOffset now)
    {
        var next = NextDue(plan, zone, handledDay.AddDays(1), At(handledDay.AddDays(1), 0, zone).AddTicks(-1));
        var today = LocalDay(now, zone);
        if (next is { } due && due < now && (LocalDay(due, zone) != today || !Allowed(now, zone)))
        {
            next = NextDue(plan, zone, LocalDay(due, zone) == today ? today.AddDays(1) : today, now);
        }

        return next;
    }

    /// <summary>The instant of <paramref name="minute"/> on <paramref name="day"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset At(DateOnly day, int minute, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minute);
        while (zone.IsInvalidTime(local))
        {
            // Clocks skip this minute (spring forward): the first real one after it.
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
