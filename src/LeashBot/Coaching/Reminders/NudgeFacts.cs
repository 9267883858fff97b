using LeashBot.State;

namespace LeashBot.Coaching.Reminders;

/// <summary>
/// What a reminder says about the owner's training (the cat it names, the step, the days practised in a row) and
/// whether they practised on its day, kept in the reminder record so sending it needs no read of the owner's profile.
/// The conversation writes them when the plan is set and again after any turn that changed them; a record without
/// them (or kept for another zone) is sent from the profile as before.
/// </summary>
public sealed class NudgeFacts
{
    /// <summary>The zone the days below are local to (the record's <see cref="ReminderRecord.TimeZone"/> when written).</summary>
    public string Zone { get; set; } = "";

    /// <summary>The cat the reminder names; null when the owner has named none.</summary>
    public string? Cat { get; set; }

    /// <summary>The pronoun the owner gave that cat ("she", "he"); null when none was given.</summary>
    public string? Pronoun { get; set; }

    public int Step { get; set; } = 1;

    /// <summary>The latest local day (yyyy-MM-dd) with a session of any cat; null when there is none.</summary>
    public string? LastPractised { get; set; }

    /// <summary>Days in a row with a session, ending on <see cref="LastPractised"/>.</summary>
    public int Run { get; set; }

    /// <summary>The facts of <paramref name="owner"/>'s profile in <paramref name="zoneId"/>, counting sessions up to <paramref name="until"/> when given.</summary>
    public static NudgeFacts Of(OwnerProfile? owner, string? zoneId, DateOnly? until = null)
    {
        var zone = ReminderSchedule.Zone(zoneId);
        var cat = owner?.Current ?? owner?.Cats.FirstOrDefault();
        var days = (owner?.Cats ?? []).SelectMany(c => c.Sessions).Select(s => ReminderSchedule.LocalDay(s.At, zone))
            .Where(d => until is null || d <= until).ToHashSet();
        var facts = new NudgeFacts { Zone = zoneId ?? "", Cat = cat?.Name, Pronoun = cat?.Pronoun, Step = cat?.Step ?? 1 };
        if (days.Count > 0)
        {
            var last = days.Max();
            facts.LastPractised = ReminderSchedule.DayText(last);
            for (var day = last; days.Contains(day); day = day.AddDays(-1))
            {
                facts.Run++;
            }
        }

        return facts;
    }

    /// <summary>True when these facts tell <paramref name="day"/> in zone <paramref name="zoneId"/> exactly (no session is known after it).</summary>
    public bool Tell(string? zoneId, DateOnly day) =>
        Zone == (zoneId ?? "") && (ReminderSchedule.ParseDay(LastPractised) is not { } last || last <= day);

    public bool PractisedOn(DateOnly day) => ReminderSchedule.ParseDay(LastPractised) == day;

    /// <summary>Days in a row with a session, ending the day before <paramref name="today"/>.</summary>
    public int StreakBefore(DateOnly today) => ReminderSchedule.ParseDay(LastPractised) is not { } last ? 0
        : last == today ? Run - 1
        : last == today.AddDays(-1) ? Run
        : 0;

    public bool SameAs(NudgeFacts? other) =>
        other is not null && other.Zone == Zone && other.Cat == Cat && other.Pronoun == Pronoun && other.Step == Step && other.LastPractised == LastPractised && other.Run == Run;
}
