namespace LeashBot.Understanding;

/// <summary>How a part of a message stands to a command word in it (see <see cref="CommandReader"/>).</summary>
internal enum PartStance
{
    Tells,
    Asks,
    Negated,
    Reported,
    Hypothetical,
}

/// <summary>
/// The words of step commands (reading.json → stepCommands, stepSet): what one part of a message says about a
/// cat's step. A command word ("put", "keep", "move") with a step after it sets it, "dont" right before it forbids
/// instead, "back" after it is one step back, "move on" moves on; a command word the part doesn't tell (asked,
/// reported, a what-if) says nothing.
/// </summary>
internal sealed class StepLexicon
{
    private readonly int _lastStep;
    private readonly PhraseList _keep;
    private readonly PhraseList _move;
    private readonly PhraseList _set;
    private readonly PhraseList _moveOn;
    private readonly PhraseList _back;
    private readonly PhraseList _forbid;
    private readonly PhraseList _keepAt;
    private readonly PhraseList _sessionWords;
    private readonly HashSet<string> _notStepAfter;
    private readonly HashSet<string> _spanJoins;
    private readonly HashSet<string> _stepWords;
    private readonly Dictionary<string, int> _numberWords;

    public StepLexicon(ReadingContent reading, int lastStep)
    {
        var commands = reading.StepCommands;
        _lastStep = lastStep;
        _keep = Phrases(commands.Keep);
        _move = Phrases(commands.Move);
        _set = Phrases(reading.StepSet);
        _moveOn = Phrases(commands.MoveOn);
        _back = Phrases(commands.Back);
        _forbid = Phrases(commands.Forbid);
        _keepAt = Phrases(commands.KeepAt);
        _sessionWords = Phrases(commands.SessionWords);
        _notStepAfter = [.. commands.NotStepAfter];
        _spanJoins = [.. commands.SpanJoins];
        _stepWords = [.. reading.StepWords.Step];
        _numberWords = reading.NumberWords;
    }

    /// <summary>What the part's words say about the step, or null when they say nothing (or don't tell it).</summary>
    public StepWish? WishIn(string[] words, Func<int, PartStance> stanceAt)
    {
        int? to = null, notTo = null;
        bool keep = false, back = false, moveOn = false;
        var on = _moveOn.Find(words);
        if (on >= 0 && (Forbidden(words, on) || stanceAt(on) == PartStance.Tells))
        {
            moveOn = !Forbidden(words, on);
            keep |= Forbidden(words, on);
        }

        for (var i = 0; i < words.Length; i++)
        {
            var isKeep = _keep.StartsAt(words, i);
            var isMove = _move.StartsAt(words, i);
            if (!isKeep && !isMove && !_set.StartsAt(words, i))
            {
                continue;
            }

            var forbidden = Forbidden(words, i);
            if (!forbidden && stanceAt(i) != PartStance.Tells)
            {
                continue;
            }

            // "nori is on step 5", "shes on 8": a statement of where the cat is names the step, or ends with its number.
            var number = StepNamedAfter(words, i, bareAtEndOnly: !isKeep && !isMove);
            if (forbidden)
            {
                // "dont move mango to 5 yet", "no dont move him back": the owner wants the cat where it is.
                if (number is { } not)
                {
                    notTo = not;
                }
                else
                {
                    keep = true;
                }
            }
            else if (number is { } step)
            {
                to = step;
                keep = false;
            }
            else if (Near(words, i, _back))
            {
                // "move him back a step", "can u put him back": back from the step, not "put the harness back on".
                back = true;
            }
            else if (isKeep && Near(words, i, _keepAt))
            {
                // "keep him where he is", "stay on this step".
                keep = true;
            }
        }

        return to is null && notTo is null && !keep && !back && !moveOn ? null : new StepWish(to, notTo, keep, back, moveOn);
    }

    /// <summary>"pepper step 2": a step named with a step word and no command word.</summary>
    public int? BareStepMention(string[] words)
    {
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (_stepWords.Contains(words[i]) && NumberOf(words[i + 1]) is { } n && n >= 1 && n <= _lastStep)
            {
                return n;
            }
        }

        return null;
    }

    /// <summary>Words that point at a session ("the 50 one", "that session").</summary>
    public bool NamesASession(string[] words) => _sessionWords.IsIn(words) || words.Contains("one");

    public bool IsNumberWord(string word) => _numberWords.ContainsKey(word);

    /// <summary>A word that gives a step command ("put", "keep", "move").</summary>
    public bool IsCommandWord(string word) => _keep.StartsAt([word], 0) || _move.StartsAt([word], 0);

    /// <summary>"dont move", "do not put", "dont u move": the command word at <paramref name="at"/> is forbidden, not given.</summary>
    private bool Forbidden(string[] words, int at) => _forbid.EndsAt(words, at - 1) || _forbid.EndsAt(words, at - 2);

    /// <summary>
    /// The step named after the command word at <paramref name="at"/>: "step 4" or "stage four", or a bare number from
    /// 1 to the last step that isn't a length or a count ("keep him on 4", not "put it on for 10 min"). A step that
    /// names a session ("change the step 1 session to 10 min") is no step to go to. With <paramref name="bareAtEndOnly"/>,
    /// a bare number counts only where the words end ("nori is on 5", not "the harness is on 2 straps").
    /// </summary>
    private int? StepNamedAfter(string[] words, int at, bool bareAtEndOnly = false)
    {
        for (var j = at + 1; j < words.Length && j <= at + CommandReaderLimits.StepReach; j++)
        {
            var afterStepWord = _stepWords.Contains(words[j]) && j + 1 < words.Length;
            var number = afterStepWord ? NumberOf(words[j + 1])
                : words[j].All(char.IsAsciiDigit) && int.TryParse(words[j], NumberStyles.None, CultureInfo.InvariantCulture, out var bare) ? bare : null;
            var next = afterStepWord ? j + 2 : j + 1;
            if (number is { } n && n >= 1 && n <= _lastStep && !_sessionWords.StartsAt(words, next) && (next >= words.Length || !_notStepAfter.Contains(words[next]))
                && (afterStepWord || !bareAtEndOnly || next >= words.Length) && (afterStepWord || !EndsATimeSpan(words, j)))
            {
                return n;
            }
        }

        return null;
    }

    /// <summary>
    /// "leave her there another day or 2", "a week or two": a bare number joined to a word of time just before it counts
    /// that time, it names no step.
    /// </summary>
    private bool EndsATimeSpan(string[] words, int at) =>
        at >= 2 && _spanJoins.Contains(words[at - 1]) && _notStepAfter.Contains(words[at - 2]);

    /// <summary>True when one of the phrases starts within the four words after word <paramref name="at"/>.</summary>
    private static bool Near(string[] words, int at, PhraseList phrases) =>
        Enumerable.Range(at + 1, 4).Any(j => phrases.StartsAt(words, j));

    private int? NumberOf(string word) =>
        int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : _numberWords.TryGetValue(word, out var named) ? named : null;

    private static PhraseList Phrases(IEnumerable<string> phrases) =>
        new(phrases.Select(p => p.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal)));
}

/// <summary>Limits shared by the command reading.</summary>
internal static class CommandReaderLimits
{
    /// <summary>How far after a command word its step number may come ("put her back on step 2").</summary>
    public const int StepReach = 6;
}
