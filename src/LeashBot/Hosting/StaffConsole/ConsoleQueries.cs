using LeashBot.Understanding;

namespace LeashBot.Hosting.StaffConsole;

/// <summary>A red flag to follow up, as the console lists it: times in the site's zone, the owner as a pseudonym.</summary>
public sealed record RedFlagRow(long Id, string Site, string Channel, string Owner, string Tier, IReadOnlyList<string> Signs, IReadOnlyList<string> BodySystems,
    DateTimeOffset At, string LocalTime, IReadOnlyList<KeptText> Messages, string? FollowedUpBy, string? FollowedUpAt);

/// <summary>A message the bot missed.</summary>
public sealed record MissedMessage(long Id, string Site, string Kind, string? Topic, string Text, DateTimeOffset At);

/// <summary>Messages the bot missed that read alike, with the topic most of them were near (if any).</summary>
public sealed record MissedGroup(string Id, int Size, IReadOnlyList<string> Examples, IReadOnlyList<string> Texts, IReadOnlyDictionary<string, int> Kinds, string? NearTopic);

/// <summary>One chart's figures: labels along the axis and one or more series, also served as CSV.</summary>
public sealed record ChartData(string Name, IReadOnlyList<string> Labels, IReadOnlyDictionary<string, IReadOnlyList<double>> Series);

/// <summary>What the console reads from the event log, always limited to the sites the staff member may see.</summary>
public sealed class ConsoleQueries(EventLog log, Sites sites, BotContent content, TimeProvider time, IServiceProvider services)
{
    /// <summary>Share of words two messages must share to be grouped without the semantic reader.</summary>
    public const double WordOverlap = 0.34;

    /// <summary>Cosine similarity of sentence embeddings for two messages to be grouped with the semantic reader.</summary>
    public const double EmbeddingSimilarity = 0.62;

    private static readonly string[] FallbackKinds = ["not-sure", "did-you-mean", "out-of-scope", "did-not-help"];

    public IReadOnlyList<RedFlagRow> RedFlags(IReadOnlyCollection<string> inSites, int days)
    {
        var since = time.GetUtcNow().AddDays(-days).ToUnixTimeMilliseconds();
        var rows = log.Rows($"""
            SELECT e.id, e.site, e.channel, e.owner, e.tier, e.signs, e.systems, e.at, f.by, f.at
            FROM events e LEFT JOIN followups f ON f.event_id = e.id
            WHERE e.kind = 'redflag' AND e.at >= $since AND e.site IN ({EventLog.In(inSites)}) ORDER BY e.at DESC, e.id DESC LIMIT 500
            """, [("$since", since), .. EventLog.Params(inSites)]);
        var texts = TextsOf(rows.Select(r => (long)r[0]!).ToList());
        return [.. rows.Select(r =>
        {
            var id = (long)r[0]!;
            var site = (string)r[1]!;
            var at = DateTimeOffset.FromUnixTimeMilliseconds((long)r[7]!);
            return new RedFlagRow(id, site, (string)r[2]!, (string)r[3]!, (string?)r[4] ?? "", Split(r[5]), Split(r[6]), at, Local(site, at),
                texts.GetValueOrDefault(id) ?? [], (string?)r[8], r[9] is long followed ? Local(site, DateTimeOffset.FromUnixTimeMilliseconds(followed)) : null);
        })];
    }

    public IReadOnlyList<MissedMessage> Missed(IReadOnlyCollection<string> inSites, int days)
    {
        var since = time.GetUtcNow().AddDays(-days).ToUnixTimeMilliseconds();
        var rows = log.Rows($"""
            SELECT e.id, e.site, e.fallback, e.topic, t.text, e.at FROM events e JOIN texts t ON t.event_id = e.id AND t.role = 'message'
            WHERE e.kind = 'fallback' AND e.at >= $since AND e.site IN ({EventLog.In(inSites)}) ORDER BY e.at DESC LIMIT 2000
            """, [("$since", since), .. EventLog.Params(inSites)]);
        return [.. rows.Select(r => new MissedMessage((long)r[0]!, (string)r[1]!, (string)r[2]!, (string?)r[3], (string)r[4]!, DateTimeOffset.FromUnixTimeMilliseconds((long)r[5]!)))];
    }

    /// <summary>
    /// Groups missed messages that read alike: by the semantic reader's sentence embeddings when it is on, else by the
    /// words they share (the content's stop words left out). Largest groups first; one message can be a group.
    /// </summary>
    public IReadOnlyList<MissedGroup> Groups(IReadOnlyList<MissedMessage> missed)
    {
        ArgumentNullException.ThrowIfNull(missed);
        var distinct = missed.GroupBy(m => m.Text.Trim().ToLowerInvariant()).Select(g => g.ToList()).ToList();
        var useEmbeddings = services.GetService<SemanticDecision>() is not null;
        var stop = content.Understanding.Global.StopWords.Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var vectors = useEmbeddings ? SentenceEmbeddings.Instance.EmbedAll([.. distinct.Select(d => d[0].Text)]) : null;
        var words = distinct.Select(d => Words(d[0].Text, stop)).ToList();
        var groups = new List<(List<int> Members, float[]? Centre, HashSet<string> Words)>();
        for (var i = 0; i < distinct.Count; i++)
        {
            var best = -1;
            var bestScore = 0.0;
            for (var g = 0; g < groups.Count; g++)
            {
                var score = vectors is not null ? Cosine(vectors[i], groups[g].Centre!) : Jaccard(words[i], groups[g].Words);
                if (score >= (vectors is not null ? EmbeddingSimilarity : WordOverlap) && score > bestScore)
                {
                    (best, bestScore) = (g, score);
                }
            }

            if (best < 0)
            {
                groups.Add(([i], vectors?[i].ToArray(), [.. words[i]]));
                continue;
            }

            groups[best].Members.Add(i);
            if (vectors is not null)
            {
                var centre = groups[best].Centre!;
                var n = groups[best].Members.Count;
                for (var k = 0; k < centre.Length; k++)
                {
                    centre[k] += (vectors[i][k] - centre[k]) / n;
                }
            }
        }

        return [.. groups.Select(g =>
        {
            var messages = g.Members.SelectMany(m => distinct[m]).ToList();
            var texts = g.Members.Select(m => distinct[m][0].Text).ToList();
            var near = messages.Where(m => m.Topic is not null).GroupBy(m => m.Topic!).OrderByDescending(t => t.Count()).FirstOrDefault()?.Key;
            return new MissedGroup(EventLogIds.GroupId(texts), messages.Count, [.. texts.Take(5)], texts,
                messages.GroupBy(m => m.Kind).ToDictionary(k => k.Key, k => k.Count()), near);
        }).OrderByDescending(g => g.Size).ThenBy(g => g.Examples[0], StringComparer.Ordinal)];
    }

    /// <summary>Every chart of the overview, for the sites given, over the last <paramref name="days"/> days.</summary>
    public IReadOnlyList<ChartData> Charts(IReadOnlyCollection<string> inSites, int days)
    {
        var now = time.GetUtcNow();
        var since = now.AddDays(-days).ToUnixTimeMilliseconds();
        (string, object?)[] p = [("$since", since), .. EventLog.Params(inSites)];
        var siteFilter = $"site IN ({EventLog.In(inSites)})";
        var zone = sites.OrganizationOf(inSites.Count == 1 ? inSites.First() : Sites.Main).ReadTimeZone();

        // Conversations per day by channel, days in the (first) site's zone.
        var dayLabels = Enumerable.Range(0, days).Select(d => Day(now.AddDays(d - days + 1), zone)).ToList();
        var perDay = PerDay(log.Rows($"SELECT channel, started FROM conversations WHERE started >= $since AND {siteFilter}", p), dayLabels, zone);

        // Reminder opt-ins and opt-outs per day.
        var reminders = PerDay(log.Rows($"SELECT kind, at FROM events WHERE kind IN ('{EventLog.ReminderOptInKind}', '{EventLog.ReminderOptOutKind}') AND at >= $since AND {siteFilter}", p), dayLabels, zone);

        // Share of messages answered without a fallback.
        var messages = Count($"SELECT COUNT(*) FROM events WHERE kind = 'message' AND at >= $since AND {siteFilter}", p);
        var fallbackTurns = Count($"SELECT COUNT(DISTINCT conversation || at) FROM events WHERE kind = 'fallback' AND fallback <> 'did-not-help' AND at >= $since AND {siteFilter}", p);
        var answered = messages == 0 ? 0 : Math.Round(100.0 * (messages - fallbackTurns) / messages, 1);

        // Fallbacks per topic and kind.
        var fallbacks = log.Rows($"SELECT COALESCE(topic, ''), fallback, COUNT(*) FROM events WHERE kind = 'fallback' AND at >= $since AND {siteFilter} GROUP BY 1, 2", p);
        var fallbackTopics = fallbacks.Select(r => (string)r[0]!).Distinct().OrderBy(t => t.Length == 0 ? 1 : 0).ThenBy(t => t, StringComparer.Ordinal).ToList();

        // Red flags by body system.
        var systems = log.Rows($"SELECT systems FROM events WHERE kind = 'redflag' AND at >= $since AND {siteFilter}", p)
            .SelectMany(r => Split(r[0])).GroupBy(s => s).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();

        // The step funnel: cats that reached each step, and the median days from their first chat to it.
        var stepCount = content.Plan.Steps.Count;
        var steps = log.Rows($"SELECT s.step, s.at - c.first_at FROM steps s JOIN cats c ON c.owner = s.owner AND c.cat = s.cat WHERE c.{siteFilter}", [.. EventLog.Params(inSites)]);
        var maxSteps = log.Rows($"SELECT MAX(s.step) FROM steps s JOIN cats c ON c.owner = s.owner AND c.cat = s.cat WHERE c.{siteFilter} GROUP BY s.owner, s.cat", [.. EventLog.Params(inSites)])
            .Select(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture)).ToList();

        // "Did that help?" per struggle.
        var helped = log.Rows($"SELECT topic, helped, COUNT(*) FROM events WHERE kind = 'helped' AND at >= $since AND {siteFilter} GROUP BY 1, 2", p);
        var struggles = helped.Select(r => (string?)r[0] ?? "").Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();

        return
        [
            new("conversations-per-day", dayLabels, perDay.Count > 0 ? perDay : new Dictionary<string, IReadOnlyList<double>> { ["webchat"] = [.. dayLabels.Select(_ => 0.0)] }),
            new("answered-without-fallback", ["answered", "fell back"], new Dictionary<string, IReadOnlyList<double>> { ["messages"] = [messages - fallbackTurns, fallbackTurns], ["percent"] = [answered, messages == 0 ? 0 : 100 - answered] }),
            new("fallbacks-per-topic", [.. fallbackTopics.Select(t => t.Length == 0 ? "(no topic)" : t)],
                FallbackKinds.ToDictionary(k => k, k => (IReadOnlyList<double>)[.. fallbackTopics.Select(t => (double)fallbacks.Where(r => (string)r[0]! == t && (string?)r[1] == k).Sum(r => (long)r[2]!))])),
            new("red-flags-by-body-system", [.. systems.Select(g => g.Key)], new Dictionary<string, IReadOnlyList<double>> { ["red flags"] = [.. systems.Select(g => (double)g.Count())] }),
            new("step-funnel", [.. Enumerable.Range(1, stepCount).Select(n => n.ToString(CultureInfo.InvariantCulture))], new Dictionary<string, IReadOnlyList<double>>
            {
                ["cats"] = [.. Enumerable.Range(1, stepCount).Select(n => (double)maxSteps.Count(m => m >= n))],
                ["median days"] = [.. Enumerable.Range(1, stepCount).Select(n => Median(steps.Where(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture) == n).Select(r => Convert.ToDouble(r[1], CultureInfo.InvariantCulture) / 86_400_000)))],
            }),
            new("reminder-opt-ins", dayLabels, new Dictionary<string, IReadOnlyList<double>>
            {
                ["opted in"] = reminders.GetValueOrDefault(EventLog.ReminderOptInKind) ?? [.. dayLabels.Select(_ => 0.0)],
                ["opted out"] = reminders.GetValueOrDefault(EventLog.ReminderOptOutKind) ?? [.. dayLabels.Select(_ => 0.0)],
            }),
            new("did-that-help", struggles, new Dictionary<string, IReadOnlyList<double>>
            {
                ["yes"] = [.. struggles.Select(s => (double)helped.Where(r => ((string?)r[0] ?? "") == s && (long?)r[1] == 1).Sum(r => (long)r[2]!))],
                ["no"] = [.. struggles.Select(s => (double)helped.Where(r => ((string?)r[0] ?? "") == s && (long?)r[1] == 0).Sum(r => (long)r[2]!))],
            }),
        ];
    }

    /// <summary>True for a topic of understanding.json or out of scope.</summary>
    public bool IsTopic(string topic) => topic == UnderstandingContent.OutOfScopeTopic || content.Understanding.Topics.Exists(t => t.Id == topic);

    /// <summary>A chart as CSV: the label column, then one column per series.</summary>
    public static string Csv(ChartData chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var lines = new List<string> { string.Join(',', new[] { "label" }.Concat(chart.Series.Keys).Select(CsvField)) };
        for (var i = 0; i < chart.Labels.Count; i++)
        {
            lines.Add(string.Join(',', new[] { CsvField(chart.Labels[i]) }.Concat(chart.Series.Values.Select(v => v[i].ToString(CultureInfo.InvariantCulture)))));
        }

        return string.Join("\r\n", lines) + "\r\n";
    }

    private static string CsvField(string value)
    {
        // A leading =, +, - or @ would be a formula in a spreadsheet.
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    private Dictionary<long, List<KeptText>> TextsOf(List<long> ids)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var names = ids.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        return log.Rows($"SELECT event_id, role, text FROM texts WHERE event_id IN ({EventLog.In(names)}) ORDER BY at, id", [.. ids.Select((id, i) => ("$in" + i, (object?)id))])
            .GroupBy(r => (long)r[0]!)
            .ToDictionary(g => g.Key, g => g.Select(r => new KeptText((string)r[1]!, (string)r[2]!)).OrderBy(t => t.Role switch { KeptText.Before => 0, KeptText.Message => 1, _ => 2 }).ToList());
    }

    private long Count(string sql, (string, object?)[] p) => Convert.ToInt64(log.Rows(sql, p)[0][0], CultureInfo.InvariantCulture);

    private string Local(string site, DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, sites.OrganizationOf(site).ReadTimeZone()).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    /// <summary>Rows of (series, unix ms) counted per day of <paramref name="dayLabels"/>, one series per distinct first column.</summary>
    private static Dictionary<string, IReadOnlyList<double>> PerDay(List<object?[]> rows, List<string> dayLabels, TimeZoneInfo zone) =>
        rows.GroupBy(r => (string)r[0]!).ToDictionary(g => g.Key, g =>
        {
            var days = g.Select(r => Day(DateTimeOffset.FromUnixTimeMilliseconds((long)r[1]!), zone)).ToList();
            return (IReadOnlyList<double>)[.. dayLabels.Select(day => (double)days.Count(d => d == day))];
        });

    private static string Day(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string[] Split(object? value) => value is string s && s.Length > 0 ? s.Split(',') : [];

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : Math.Round(sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2, 1);
    }

    private static HashSet<string> Words(string text, HashSet<string> stop) =>
        [.. System.Text.RegularExpressions.Regex.Split(text.ToLowerInvariant(), @"[^\p{L}\p{N}']+").Where(w => w.Length > 2 && !stop.Contains(w)).Select(w => w.TrimEnd('s'))];

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}

/// <summary>Stable ids for what the console shows.</summary>
internal static class EventLogIds
{
    public static string GroupId(IEnumerable<string> texts) => ConsoleRecorder.Pseudonym(string.Join('\n', texts.Order(StringComparer.Ordinal)))[..12];
}
