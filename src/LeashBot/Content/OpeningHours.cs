namespace LeashBot.Content;

/// <summary>
/// The clinic's opening hours as owners read them and the bot can check them: entries separated by ',' or ';',
/// each an optional day or day range and a time range ("Mon-Fri 8:00-18:00, Sat 9am-1pm"), or "24/7".
/// Without days an entry holds every day; a range past midnight ("22:00-06:00") runs into the next day.
/// </summary>
public sealed class OpeningHours
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private readonly List<(bool[] Days, TimeSpan Open, TimeSpan Close)> _entries;
    private readonly bool _always;

    private OpeningHours(List<(bool[] Days, TimeSpan Open, TimeSpan Close)> entries, bool always)
    {
        _entries = entries;
        _always = always;
    }

    /// <summary>Reads opening hours; null with a reason when the text can't be read.</summary>
    public static OpeningHours? Parse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = null;
        var entries = new List<(bool[], TimeSpan, TimeSpan)>();
        if (text.Trim() is "24/7" or "24h" or "always")
        {
            return new OpeningHours(entries, always: true);
        }

        foreach (var raw in text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var entry = raw.ToLowerInvariant().Replace(" to ", "-", StringComparison.Ordinal).Replace('\u2013', '-');
            var days = new bool[7];
            var firstDigit = entry.AsSpan().IndexOfAnyInRange('0', '9');
            if (firstDigit < 0)
            {
                problem = $"'{raw}' has no times; write e.g. 'Mon-Fri 9:00-18:00'.";
                return null;
            }

            var dayPart = entry[..firstDigit].Trim();
            if (dayPart.Length == 0 || dayPart is "daily" or "every day")
            {
                Array.Fill(days, true);
            }
            else if (!ReadDays(dayPart, days))
            {
                problem = $"'{dayPart}' is not a day or day range; use Mon, Tue, Wed, Thu, Fri, Sat, Sun or e.g. Mon-Fri.";
                return null;
            }

            var times = entry[firstDigit..].Replace(" ", "", StringComparison.Ordinal).Split('-');
            if (times.Length != 2 || ReadTime(times[0]) is not { } open || ReadTime(times[1]) is not { } close)
            {
                problem = $"'{raw}' needs a time range such as 9:00-18:00 or 9am-6pm.";
                return null;
            }

            entries.Add((days, open, close));
        }

        if (entries.Count == 0)
        {
            problem = "no opening hours were given.";
            return null;
        }

        return new OpeningHours(entries, always: false);
    }

    /// <summary>Whether the clinic is open at this local time.</summary>
    public bool IsOpen(DateTime local)
    {
        if (_always)
        {
            return true;
        }

        var day = (int)local.DayOfWeek;
        var previous = (day + 6) % 7;
        var time = local.TimeOfDay;
        foreach (var (days, open, close) in _entries)
        {
            if (close > open ? days[day] && time >= open && time < close
                : (days[day] && time >= open) || (days[previous] && time < close))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReadDays(string text, bool[] days)
    {
        foreach (var part in text.Split(['&', '/', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('-', StringSplitOptions.RemoveEmptyEntries);
            if (range.Length is 0 or > 2 || Day(range[0]) is not { } from || Day(range[^1]) is not { } to)
            {
                return false;
            }

            for (var d = from; ; d = (d + 1) % 7)
            {
                days[d] = true;
                if (d == to)
                {
                    break;
                }
            }
        }

        return true;
    }

    private static int? Day(string word)
    {
        var index = word.Length >= 3 ? Array.FindIndex(DayNames, d => word.StartsWith(d, StringComparison.Ordinal)) : -1;
        return index < 0 ? null : index;
    }

    private static TimeSpan? ReadTime(string text)
    {
        var pm = text.EndsWith("pm", StringComparison.Ordinal);
        var am = text.EndsWith("am", StringComparison.Ordinal);
        if (pm || am)
        {
            text = text[..^2];
        }

        var parts = text.Split(':', '.');
        if (parts.Length > 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || (parts.Length == 2 && (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m > 59)))
        {
            return null;
        }

        var minutes = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
        if ((pm || am) && hours is < 1 or > 12)
        {
            return null;
        }

        hours = pm && hours != 12 ? hours + 12 : am && hours == 12 ? 0 : hours;
        return hours is >= 0 and <= 24 && (hours < 24 || minutes == 0) ? new TimeSpan(hours, minutes, 0) : null;
    }
}
