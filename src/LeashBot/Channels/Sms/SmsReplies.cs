using LeashBot.Coaching;

namespace LeashBot.Channels.Sms;

/// <summary>
/// Turns one turn's replies into the single text an SMS owner gets. Separate texts of one turn can arrive out of
/// order and each costs at least a segment, so the turn's messages are joined: urgent ones (a health red flag)
/// first and never shortened, then the rest in order. If the whole is over <see cref="SmsText.MaxSeptets"/>, the
/// last message (usually the question the owner must answer) and those marked <see cref="ReplyMarks.KeptWhole"/> (how to opt
/// out) are kept whole too, and the others are cut, at a sentence end where possible.
/// </summary>
public static class SmsReplies
{
    private const string Separator = "\n\n";
    private const string Cut = "...";

    // A cut that would leave less than this of a message drops the message instead.
    private const int ShortestUsefulPart = 40;

    /// <summary>
    /// The turn's send handler on SMS (register it before the turn runner's, so it is the outermost). The runner holds
    /// a turn's replies and releases them as one batch once state is saved; that batch passes here and becomes one
    /// text. Messages passing on their way into the runner's hold are shaped too, which the final join repeats
    /// harmlessly: the shaping of a shaped text changes nothing.
    /// </summary>
    public static async Task<ResourceResponse[]> OnSendAsync(ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> next)
    {
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(next);
        var count = activities.Count;
        var shaped = OneText(activities);
        activities.Clear();
        activities.AddRange(shaped);
        var sent = await next();

        // Callers expect one response per activity they sent; the joined ones all went out as the one text.
        return sent.Length == count ? sent : [.. Enumerable.Range(0, count).Select(i => sent.Length == 0 ? new ResourceResponse() : sent[Math.Min(i, sent.Length - 1)])];
    }

    /// <summary>The activities to send for one SMS turn: every message joined into one text in place of the first; other activities kept.</summary>
    public static Activity[] OneText(IReadOnlyList<Activity> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var messages = activities.Where(a => a.Type == ActivityTypes.Message).ToList();
        if (messages.Count == 0)
        {
            return [.. activities];
        }

        var text = Compose(messages.Select(m => (TextOf(m), string.Equals(m.Importance, ActivityImportance.High, StringComparison.OrdinalIgnoreCase), ReplyMarks.IsKeptWhole(m))));
        var joined = messages[0];
        joined.Text = text;
        joined.TextFormat = TextFormatTypes.Plain;
        joined.Attachments = null;
        joined.SuggestedActions = null;
        joined.Speak = null;
        joined.InputHint = messages[^1].InputHint;
        joined.Importance = messages.Any(m => m.Importance == ActivityImportance.High) ? ActivityImportance.High : messages[0].Importance;

        var result = new List<Activity>();
        foreach (var activity in activities)
        {
            if (activity.Type != ActivityTypes.Message)
            {
                result.Add(activity);
            }
            else if (ReferenceEquals(activity, joined))
            {
                result.Add(joined);
            }
        }

        return [.. result];
    }

    /// <summary>Joins texts (with whether each is urgent) into one GSM-7 text within the budget.</summary>
    public static string Compose(IEnumerable<(string Text, bool Urgent)> parts) => Compose(parts.Select(p => (p.Text, p.Urgent, false)));

    /// <summary>
    /// Joins texts into one GSM-7 text within the budget: urgent ones first, the rest in order; over the budget, the
    /// texts before the last that are not urgent or kept whole are cut, earliest kept longest.
    /// </summary>
    public static string Compose(IEnumerable<(string Text, bool Urgent, bool Whole)> parts)
    {
        var all = parts.Select(p => (Text: SmsText.ToGsm7(p.Text), p.Urgent, p.Whole)).Where(p => p.Text.Length > 0).ToList();
        var urgent = all.Where(p => p.Urgent).Select(p => p.Text).ToList();
        var rest = all.Where(p => !p.Urgent).ToList();
        var whole = string.Join(Separator, urgent.Concat(rest.Select(p => p.Text)));
        if (SmsText.Septets(whole) <= SmsText.MaxSeptets || rest.Count == 0)
        {
            return whole;
        }

        // Room for the parts that may be cut, once the urgent ones, the kept ones and the last are in.
        var keep = rest.Select((p, i) => p.Whole || i == rest.Count - 1).ToList();
        var fixedParts = urgent.Concat(rest.Where((_, i) => keep[i]).Select(p => p.Text)).ToList();
        var left = SmsText.MaxSeptets - SmsText.Septets(string.Join(Separator, fixedParts));
        var kept = new List<string>();
        var full = false;
        for (var i = 0; i < rest.Count; i++)
        {
            var part = rest[i].Text;
            if (keep[i])
            {
                kept.Add(part);
                continue;
            }

            var room = left - Separator.Length;
            if (full || room <= 0)
            {
                full = true;
                continue;
            }

            if (SmsText.Septets(part) <= room)
            {
                kept.Add(part);
                left -= SmsText.Septets(part) + Separator.Length;
                continue;
            }

            if (Shorten(part, room) is { } shortened)
            {
                kept.Add(shortened);
            }

            full = true;
        }

        return string.Join(Separator, urgent.Concat(kept));
    }

    /// <summary>The longest start of <paramref name="text"/> that fits, ending at a sentence (else a word) with "...".</summary>
    private static string? Shorten(string text, int room)
    {
        if (room < ShortestUsefulPart)
        {
            return null;
        }

        var fit = text;
        while (SmsText.Septets(fit) + Cut.Length > room)
        {
            fit = fit[..^Math.Max(1, (SmsText.Septets(fit) + Cut.Length - room) / 2)];
        }

        var sentence = fit.LastIndexOfAny(['.', '!', '?']);
        if (sentence >= ShortestUsefulPart)
        {
            return fit[..(sentence + 1)];
        }

        var word = fit.LastIndexOf(' ');
        return word >= ShortestUsefulPart ? fit[..word].TrimEnd(',', ';', ':') + Cut : null;
    }

    private static string TextOf(Activity message)
    {
        // Cards are what other channels get; SMS choices are already a numbered list in the text, so a card's text is enough.
        var cardTexts = message.Attachments?.Select(a => a.Content is HeroCard card ? card.Text : null).Where(t => !string.IsNullOrWhiteSpace(t)) ?? [];
        return string.Join(Separator, new[] { message.Text }.Concat(cardTexts).Where(t => !string.IsNullOrWhiteSpace(t)));
    }
}
