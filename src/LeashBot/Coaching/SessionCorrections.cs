using System.Globalization;
using LeashBot.State;
using LeashBot.Understanding;
using Microsoft.Bot.Builder;

namespace LeashBot.Coaching;

/// <summary>
/// Session reports that aren't one plain session: a fix of the last one ("ugh sorry that was pepper actually",
/// "i meant 15 not 50") and one report about several cats, each with its own mood ("did both, 4 min each. biscuit
/// relaxed, pepper kinda stressed"). Only the last session logged in the last few hours can be fixed, so a report
/// of a new session is never taken for a fix.
/// </summary>
public sealed class SessionCorrections
{
    /// <summary>How long after a session a message can still fix it.</summary>
    private static readonly TimeSpan FixableFor = TimeSpan.FromHours(3);

    /// <summary>Fixes are short: a long message is a new report or a question.</summary>
    private const int LongestFix = 14;

    private readonly Replies _replies;
    private readonly MessageReader _reader;
    private readonly TimeProvider _clock;
    private readonly PhraseList _markers;
    private readonly PhraseList _pointers;
    private readonly PhraseList _eachCat;
    private readonly Dictionary<string, int> _numberWords;

    public SessionCorrections(Replies replies, MessageReader reader, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(replies);
        _replies = replies;
        _reader = reader;
        _clock = clock;
        var words = replies.Content.Reading;
        _markers = new(words.Corrections);
        _pointers = new(words.SessionPointers);
        _eachCat = new(words.EachCat);
        _numberWords = words.NumberWords;
    }

    /// <summary>
    /// "that was pepper, not biscuit", "ugh sorry that was pepper actually": a fix that names the cat the last
    /// session belongs to (a cat other than the one it was logged for) and gives no new length of time.
    /// </summary>
    public bool MovesLastSession(MessageReading reading, OwnerProfile owner)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(owner);
        if (owner.Cats.Count < 2 || !LooksLikeAFix(reading) || reading.Duration is not null || LastSession(owner) is not { } last)
        {
            return false;
        }

        var named = reading.Cats.FirstOrDefault(c => !c.Negated) is { } mention ? owner.FindCat(mention.Name) : null;
        var tokens = PhraseList.Words(reading.Text);
        return named is not null && named != last.Cat && (reading.Cats.Any(c => c.Negated) || _markers.IsIn(tokens) || _pointers.IsIn(tokens));
    }

    /// <summary>
    /// Answers a fix of the last session's length or a report about several cats; false when the message is
    /// neither and should be routed as usual.
    /// </summary>
    public async Task<bool> AnswerAsync(ITurnContext turn, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(owner);
        return await FixLengthAsync(turn, reading, owner, cancellationToken) || await LogEachCatAsync(turn, reading, owner, cancellationToken);
    }

    /// <summary>"sorry i meant 15 not 50", "typo, 15 min": the last session gets the new length and is judged again.</summary>
    private async Task<bool> FixLengthAsync(ITurnContext turn, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken)
    {
        if (!LooksLikeAFix(reading) || reading.Mood is not null || LastSession(owner) is not { } last)
        {
            return false;
        }

        var named = reading.Cats.FirstOrDefault(c => !c.Negated) is { } mention ? owner.FindCat(mention.Name) : null;
        if (named is not null && named != last.Cat)
        {
            return false;
        }

        var tokens = PhraseList.Words(reading.Text);
        var numbers = NumbersIn(tokens);
        var old = last.Session.Minutes;
        var saysNotOld = numbers.Any(n => Math.Abs(n.Value - old) < 0.01 && n.At > 0 && tokens[n.At - 1] == "not");
        var fresh = numbers.Where(n => Math.Abs(n.Value - old) >= 0.01).Select(n => n.Value).ToList();
        if (fresh.Count != 1 || fresh[0] <= 0 || fresh[0] > TrainingPlan.LongestSessionMinutes || !(saysNotOld || _markers.IsIn(tokens)))
        {
            return false;
        }

        // One report about several cats logged a session for each at the same moment: the fix is for all of them.
        var fixing = named is not null ? [(named, last.Session)]
            : owner.Cats.SelectMany(c => c.Sessions.Where(s => s.At == last.Session.At && Math.Abs(s.Minutes - old) < 0.01).Select(s => (Cat: c, Session: s))).ToList();
        foreach (var (cat, session) in fixing)
        {
            TrainingPlan.Undo(cat, session);
            var result = TrainingPlan.LogSession(cat, _replies.Content.Plan, fresh[0], session.Mood, session.At);
            await _replies.SendAsync(turn, _replies.Text(c => c.Plan.LengthFixed, ("cat", cat.Name), ("minutes", _replies.Minutes(fresh[0])), ("old", _replies.Minutes(old))), cancellationToken);
            await _replies.SessionOutcomeAsync(turn, cat, fresh[0], result, cancellationToken);
        }

        owner.CurrentCat = fixing[^1].Item1.Name;
        return true;
    }

    /// <summary>
    /// "did both at dinner, 4 min each. biscuit relaxed, pepper kinda stressed": a length of time and two or more
    /// cats (named, or "both" when there are several) log a session for each, with the mood said next to its name
    /// (or the one mood the message gives for all of them).
    /// </summary>
    private async Task<bool> LogEachCatAsync(ITurnContext turn, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken)
    {
        if (owner.Cats.Count < 2 || reading.StepNumber is not null || reading.Duration is not { } duration
            || duration <= TimeSpan.Zero || duration.TotalMinutes > TrainingPlan.LongestSessionMinutes)
        {
            return false;
        }

        var tokens = PhraseList.Words(reading.Text);
        var named = reading.CatsMeant.Select(owner.FindCat).OfType<CatProfile>().Distinct().ToList();
        var cats = named.Count >= 2 ? named : _eachCat.IsIn(tokens) ? owner.Cats : [];
        if (cats.Count < 2)
        {
            return false;
        }

        // Each cat's stretch of the message runs from where it is named last to the next cat's name ("biscuit and pepper
        // did 4 min, biscuit happy, pepper scared").
        var places = cats.Select(c => (Cat: c, At: Array.FindLastIndex(tokens, t => OwnerProfile.SameName(t, c.Name) || NearName.IsSlipOf(t, c.Name))))
            .OrderBy(p => p.At < 0 ? int.MaxValue : p.At).ToList();
        var moods = new List<(CatProfile Cat, Mood Mood)>();
        for (var i = 0; i < places.Count; i++)
        {
            Mood? mood = null;
            if (places[i].At >= 0)
            {
                var end = i + 1 < places.Count && places[i + 1].At >= 0 ? places[i + 1].At : tokens.Length;
                mood = _reader.Read(string.Join(' ', tokens[places[i].At..end])).Mood?.Mood;
            }

            mood ??= places.Count(p => p.At >= 0) <= 1 || moods.Count == 0 ? reading.Mood?.Mood : null;
            if (mood is null)
            {
                return false;
            }

            moods.Add((places[i].Cat, mood.Value));
        }

        var minutes = duration.TotalMinutes;
        var now = _clock.GetUtcNow();
        foreach (var (cat, mood) in moods)
        {
            var result = TrainingPlan.LogSession(cat, _replies.Content.Plan, minutes, mood, now);
            await _replies.SessionOutcomeAsync(turn, cat, minutes, result, cancellationToken);
        }

        owner.CurrentCat = moods[^1].Cat.Name;
        return true;
    }

    private static bool LooksLikeAFix(MessageReading reading) =>
        reading.WordCount <= LongestFix && !reading.Text.Contains('?', StringComparison.Ordinal) && reading.Command == Command.None;

    /// <summary>The last session logged for any cat, if it is recent enough to fix.</summary>
    private (CatProfile Cat, TrainingSession Session)? LastSession(OwnerProfile owner)
    {
        var last = owner.Cats.SelectMany(c => c.Sessions.Select(s => (Cat: c, Session: s))).OrderBy(x => x.Session.At).LastOrDefault();
        return last.Cat is not null && _clock.GetUtcNow() - last.Session.At <= FixableFor ? last : null;
    }

    private List<(double Value, int At)> NumbersIn(string[] tokens)
    {
        var numbers = new List<(double, int)>();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (double.TryParse(tokens[i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                numbers.Add((value, i));
            }
            else if (_numberWords.TryGetValue(tokens[i], out var word) && tokens[i] != "last")
            {
                numbers.Add((word, i));
            }
        }

        return numbers;
    }
}
