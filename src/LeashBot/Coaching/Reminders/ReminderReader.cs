using System.Text.RegularExpressions;
using LeashBot.Understanding;

namespace LeashBot.Coaching.Reminders;

/// <summary>What a message asks of reminders.</summary>
public enum ReminderAsk
{
    /// <summary>Nothing about reminders.</summary>
    None,

    /// <summary>Set or change the plan (a time, days, or a one-off tomorrow).</summary>
    Set,

    /// <summary>Wants reminders but said no time.</summary>
    NeedTime,
    Pause,
    Resume,
    Stop,

    /// <summary>Asks what reminders are set ("what are my reminders?").</summary>
    Status,
}

/// <summary>The reminder question the bot is waiting on an answer to.</summary>
public enum ReminderQuestion
{
    None,

    /// <summary>The one offer after the first session: a clock time ("6pm", "at 7") answers it; "tonight" in a report doesn't.</summary>
    Offer,

    /// <summary>"What time suits you?": a part of the day ("evenings") answers it too.</summary>
    Time,
}

/// <summary>One message read for reminders: what it asks, and the time, days and pause it names.</summary>
public sealed record ReminderRequest(ReminderAsk Kind, int? Minute = null, int? Days = null, bool Tomorrow = false, int? PauseDays = null);

/// <summary>
/// Reads reminder requests the way owners type them ("remind me at 7pm pls", "weekdays at 8am", "no more reminders",
/// "can u nudge me tmrw morning", "pause reminders for 2 weeks") with the words in dialogs/reminders.json: a reminder
/// word, then what is asked (stop, pause, resume) or when (a clock time, a part of the day, days of the week).
/// "remind me what step 4 is" names no time and asks nothing of reminders, so it is left to the coaching. Without a
/// reminder word nothing starts reminders but a short answer to the bot's own reminder question: "tonight", "night" and
/// "every night she…" never do.
/// </summary>
public sealed partial class ReminderReader
{
    private const int DefaultPauseDays = 7;

    /// <summary>A reply to a reminder question longer than this is about something else ("ok another one tonight, he rolled on it…").</summary>
    private const int LongestTimeAnswer = 6;

    private readonly ReminderWords _words;
    private readonly Dictionary<string, string> _cities;
    private readonly List<KeyValuePair<string, string>> _places;
    private readonly AnswerReader _answers;

    public ReminderReader(BotContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        _words = content.Reminders.Words;
        _answers = new AnswerReader(content);
        _places = [.. content.Reminders.Places.Zones.OrderByDescending(z => z.Key.Length)];
        _cities = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var zone in TimeZoneInfo.GetSystemTimeZones())
        {
            var slash = zone.Id.LastIndexOf('/');
            if (slash > 0 && !zone.Id.StartsWith("Etc/", StringComparison.Ordinal))
            {
                _cities.TryAdd(zone.Id[(slash + 1)..].Replace('_', ' ').ToLowerInvariant(), zone.Id);
            }
        }
    }

    [GeneratedRegex(@"(?<![\d:.])(\d{1,2})(?:[:.h](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?(?![\d%])")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"[a-z0-9@:.'\-]+")]
    private static partial Regex Token();

    /// <param name="text">The message.</param>
    /// <param name="waiting">The reminder question the bot asked, if any: a short "7pm" (after "What time suits you?" also "evenings") then answers it.</param>
    /// <param name="hasPlan">True when the owner has reminders: "make it weekdays at 8am" then changes them.</param>
    public ReminderRequest Read(string text, ReminderQuestion waiting = ReminderQuestion.None, bool hasPlan = false)
    {
        var norm = Normalize(text);
        var tokens = Token().Matches(norm).Select(m => m.Value.Trim('.', '\'', '-')).Where(t => t.Length > 0).ToList();
        var asks = tokens.Any(t => _words.Ask.Any(a => !a.Contains(' ', StringComparison.Ordinal) && t.StartsWith(a, StringComparison.Ordinal)))
            || _words.Ask.Any(a => a.Contains(' ', StringComparison.Ordinal) && HasPhrase(norm, a));
        var (minute, byClock) = Time(norm, tokens);
        var days = DaysOf(norm, tokens);
        var tomorrow = _words.Tomorrow.Any(t => tokens.Contains(t));
        // "nah dont need the daily nudge thing", "no daily reminders pls": a refusal of reminders, whatever days it names.
        if (asks && minute is null && !(hasPlan && days is not null) && _answers.Read(text) == AnswerPolarity.No)
        {
            return new ReminderRequest(ReminderAsk.Stop);
        }

        if (!asks && hasPlan && minute is not null && AnyPhrase(norm, _words.Change))
        {
            return new ReminderRequest(ReminderAsk.Set, minute, days, tomorrow);
        }

        if (!asks)
        {
            var answers = minute is not null && tokens.Count <= LongestTimeAnswer && !text.Contains('?', StringComparison.Ordinal)
                && (waiting == ReminderQuestion.Time || (waiting == ReminderQuestion.Offer && byClock));
            return answers ? new ReminderRequest(ReminderAsk.Set, minute, days, tomorrow) : new ReminderRequest(ReminderAsk.None);
        }

        var when = minute is not null || days is not null || tomorrow;
        var namesThem = tokens.Any(t => t.StartsWith("reminder", StringComparison.Ordinal) || t.StartsWith("nudge", StringComparison.Ordinal) || t.StartsWith("notif", StringComparison.Ordinal));
        if (!when && namesThem && _words.Questions.Any(q => PhraseSearch.Opens(norm, q)))
        {
            // "when do my reminders end?", "what are my reminders": a question never stops or pauses them.
            return new ReminderRequest(ReminderAsk.Status);
        }

        if (!when && AnyWord(norm, tokens, _words.Stop))
        {
            return new ReminderRequest(ReminderAsk.Stop);
        }

        if (!when && AnyPhrase(norm, _words.Pause))
        {
            return new ReminderRequest(ReminderAsk.Pause, PauseDays: PauseLength(tokens));
        }

        if (!when && AnyPhrase(norm, _words.Resume))
        {
            return new ReminderRequest(ReminderAsk.Resume);
        }

        if (when)
        {
            return minute is null ? new ReminderRequest(ReminderAsk.NeedTime, null, days, tomorrow) : new ReminderRequest(ReminderAsk.Set, minute, days, tomorrow);
        }

        if (namesThem && AnyPhrase(norm, _words.Status))
        {
            return new ReminderRequest(ReminderAsk.Status);
        }

        // "remind me to practise", "I'd like reminders": yes, but when? "remind me what step 4 is": not about reminders.
        var wantsThem = namesThem || _words.Practise.Any(p => tokens.Any(t => t.StartsWith(p, StringComparison.Ordinal)));
        return wantsThem ? new ReminderRequest(ReminderAsk.NeedTime) : new ReminderRequest(ReminderAsk.None);
    }

    /// <summary>
    /// Reads a message that may say more than its reminder request ("its a text thing how r reminders not on lol. ok can
    /// u pause the training then"): the sentences about reminders give the request, and the others are the rest, for the
    /// coaching (null when there is none). A sentence is about reminders when it asks something of them on its own, or
    /// is a short time, days, yes or no that goes with the request.
    /// </summary>
    public (ReminderRequest Request, string? Left) ReadParts(string text, ReminderQuestion waiting = ReminderQuestion.None, bool hasPlan = false)
    {
        var whole = Read(text, waiting, hasPlan);
        var sentences = whole.Kind == ReminderAsk.None ? [] : SentenceEnd().Split(text.Trim()).Where(s => s.Any(char.IsLetterOrDigit)).ToList();
        if (sentences.Count < 2)
        {
            return (whole, whole.Kind == ReminderAsk.None ? text : null);
        }

        var about = sentences.Where(s => Read(s, waiting, hasPlan).Kind != ReminderAsk.None || GoesWithRequest(s)).ToList();
        if (about.Count == 0 || about.Count == sentences.Count)
        {
            return (whole, null);
        }

        return (Read(string.Join(" ", about), waiting, hasPlan), string.Join(" ", sentences.Where(s => !about.Contains(s))));
    }

    /// <summary>
    /// A short sentence that only says when ("weekdays only", "at 7 pls") or yes or no ("the nudge? nah im good, ill
    /// remember"): it goes with the request beside it.
    /// </summary>
    private bool GoesWithRequest(string sentence)
    {
        var norm = Normalize(sentence);
        var tokens = Token().Matches(norm).Select(m => m.Value).ToList();
        return tokens.Count <= LongestTimeAnswer
            && (Time(norm, tokens).Minute is not null || DaysOf(norm, tokens) is not null || _answers.Read(sentence) is AnswerPolarity.Yes or AnswerPolarity.No);
    }

    [GeneratedRegex(@"(?<=[.!?;…])\s+|\s*\n+\s*")]
    private static partial Regex SentenceEnd();

    /// <summary>An IANA time zone id from what the owner wrote ("Europe/London", "london", "new york pls", "EST"); null when none.</summary>
    public string? Zone(string text)
    {
        var trimmed = text.Trim().Trim('.', '!', '?');
        if (trimmed.Contains('/', StringComparison.Ordinal) && TimeZoneInfo.TryFindSystemTimeZoneById(trimmed.Replace(' ', '_'), out var exact))
        {
            return exact.Id;
        }

        var norm = Normalize(text);
        foreach (var (name, id) in _places)
        {
            if (HasPhrase(norm, name))
            {
                return id;
            }
        }

        return _cities.OrderByDescending(c => c.Key.Length).FirstOrDefault(c => c.Key.Length >= 3 && HasPhrase(norm, c.Key)).Value;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static string Normalize(string text) =>
        " " + Spaces().Replace(ChatLexer.WithStraightApostrophes(text.ToLowerInvariant()).Replace(',', ' ').Replace('!', ' ').Replace('?', ' '), " ").Trim() + " ";

    private static bool HasPhrase(string norm, string phrase) => PhraseSearch.HasWord(norm, phrase);

    private static bool AnyPhrase(string norm, IEnumerable<string> phrases) => phrases.Any(p => PhraseSearch.HasStart(norm, p));

    private static bool AnyWord(string norm, List<string> tokens, IEnumerable<string> words) =>
        words.Any(w => w.Contains(' ', StringComparison.Ordinal) ? HasPhrase(norm, w) : tokens.Contains(w));

    /// <summary>The time of day named, and whether it was a clock time ("7pm", "at 7") rather than a part of the day ("tonight").</summary>
    private (int? Minute, bool ByClock) Time(string norm, List<string> tokens)
    {
        foreach (Match match in ClockTime().Matches(norm))
        {
            var hour = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var minutes = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
            var suffix = match.Groups[3].Success ? match.Groups[3].Value.Replace(".", "", StringComparison.Ordinal) : null;
            var before = LastWordBefore(norm, match.Index);
            var after = FirstWordAfter(norm, match.Index + match.Length);
            var saysClock = suffix is not null || match.Groups[2].Success || _words.At.Contains(before);
            if (!saysClock || hour > 23 || minutes > 59 || _words.Periods.ContainsKey(after) || after.StartsWith("min", StringComparison.Ordinal))
            {
                continue;
            }

            if (suffix == "pm" || (suffix is null && hour < 12 && _words.Pm.Any(p => HasPhrase(norm, p)) && !_words.Am.Any(a => HasPhrase(norm, a))))
            {
                hour = hour % 12 + 12;
            }
            else if (suffix == "am")
            {
                hour %= 12;
            }
            else if (suffix is null && hour is >= 1 and <= 7 && !_words.Am.Any(a => HasPhrase(norm, a)))
            {
                // "at 7" for a daily practice is the evening; mornings before 8 are never used.
                hour += 12;
            }

            return ((hour * 60) + minutes, true);
        }

        foreach (var (part, time) in _words.PartsOfDay.OrderByDescending(p => p.Key.Length))
        {
            if (AnyPhrase(norm, [part]))
            {
                var clock = TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture);
                return ((clock.Hour * 60) + clock.Minute, false);
            }
        }

        return (null, false);
    }

    private int? DaysOf(string norm, List<string> tokens)
    {
        if (AnyPhrase(norm, _words.Weekdays))
        {
            return ReminderDaysMask.Weekdays;
        }

        if (AnyPhrase(norm, _words.Weekends))
        {
            return ReminderDaysMask.Weekends;
        }

        var mask = 0;
        foreach (var token in tokens)
        {
            var word = token.EndsWith('s') && !_words.DayNames.ContainsKey(token) ? token[..^1] : token;
            if (_words.DayNames.TryGetValue(word, out var day))
            {
                mask |= 1 << (int)day;
            }
        }

        return mask != 0 ? mask : _words.EveryDay.Any(e => HasPhrase(norm, e)) ? ReminderDaysMask.EveryDay : null;
    }

    private int PauseLength(List<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (_words.Periods.TryGetValue(tokens[i], out var days))
            {
                var count = i > 0 && int.TryParse(tokens[i - 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
                    : i > 0 && _words.Numbers.TryGetValue(tokens[i - 1], out var w) ? w : 1;
                return Math.Clamp(count * days, 1, 366);
            }
        }

        return DefaultPauseDays;
    }

    private static string LastWordBefore(string norm, int index)
    {
        var head = norm[..index].TrimEnd();
        var space = head.LastIndexOf(' ');
        return head[(space + 1)..];
    }

    private static string FirstWordAfter(string norm, int index)
    {
        var tail = norm[index..].TrimStart();
        var space = tail.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? tail : tail[..space];
    }
}
