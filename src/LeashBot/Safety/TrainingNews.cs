using System.Buffers;
using System.Collections.Frozen;

namespace LeashBot.Safety;

/// <summary>
/// Training news and fear stories, which are no health worry: "he hissed at the velcro, 8 mins total", "she bolted under
/// the bed, scared of the bin lorry". A message with a behaviour word of training (hissed, hid, bolted, froze, scared,
/// "legs it"; <c>trainingNews</c> in the red-flag content) in which, once those words, the story's places and gear
/// ("under the bed", "the velcro bit") and the fright they name ("scared of the bin lorry", up to the clause's end) are
/// set aside, the rules find no health word (or only a denied one: "not sick, just nervous"), and that is about training
/// (a word of <c>trainingWords</c>: gear, a session, a walk, minutes, treats): hiding or a fright told on its own can be
/// a sign of pain or illness, so it still goes to the tier head unless the owner denies a health word in it ("not sick,
/// just nervous") or names what frightened the cat ("hid all evening, spooked by the bin lorry"). The rules read every message
/// first and are never overruled by this; it only keeps such a message from the tier head, the unwell question and the
/// health remark, which can't tell a frightened cat from a hurt one.
/// </summary>
public sealed class TrainingNews
{
    private static readonly char[] Breaks = [' ', '\t', '(', ')', '"'];
    private static readonly char[] ClauseEnds = [',', '.', '!', '?', ';', ':', '\n'];
    private static readonly SearchValues<char> ClauseEnd = SearchValues.Create(ClauseEnds);

    private readonly FrozenSet<string> _behaviour;
    private readonly FrozenSet<string> _story;
    private readonly FrozenSet<string> _fright;
    private readonly FrozenSet<string> _causeEndsAt;
    private readonly FrozenSet<string> _training;
    private readonly RedFlagTriage _triage;

    public TrainingNews(TrainingNewsWords words, RedFlagTriage triage)
    {
        ArgumentNullException.ThrowIfNull(words);
        _behaviour = words.BehaviourWords.Concat(words.FrightWords).Select(w => w.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
        _story = words.StoryWords.Select(w => w.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
        _fright = words.FrightWords.Select(w => w.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
        _causeEndsAt = words.CauseEndsAt.Select(w => w.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
        _training = words.TrainingWords.Select(w => w.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
        _triage = triage;
    }

    /// <summary>True for training news or a fear story with no health word besides its behaviour words.</summary>
    public bool In(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.ToLowerInvariant().Replace('\u2019', '\'').Split(Breaks, StringSplitOptions.RemoveEmptyEntries);
        var rest = new List<string>(words.Length);
        var behaviour = false;
        var training = false;
        var inCause = false;
        var explained = false;
        for (var i = 0; i < words.Length; i++)
        {
            var raw = words[i];
            var word = raw.Trim(ClauseEnds).Trim('\'');
            training |= _training.Contains(word) || IsMinutes(word);
            inCause &= !_causeEndsAt.Contains(word);
            var pair = i + 1 < words.Length && raw.AsSpan().IndexOfAny(ClauseEnd) < 0 && _behaviour.Contains($"{word} {words[i + 1].Trim(ClauseEnds)}");
            if (pair || _behaviour.Contains(word))
            {
                behaviour = true;
                inCause |= _fright.Contains(word);
                if (pair)
                {
                    // A two-word behaviour ("legs it"): both words go.
                    raw = words[++i];
                }
            }
            else if (!inCause && !_story.Contains(word))
            {
                rest.Add(raw);
            }
            else
            {
                // "spooked by the bin lorry": the fright has a cause, which explains the hiding.
                explained |= inCause;
            }

            // What frightened the cat runs to the end of the clause.
            inCause &= raw.AsSpan().IndexOfAny(ClauseEnd) < 0;
        }

        // What is left may deny a health word ("not sick or anything, just a nervous boy"): that is no worry either.
        var left = _triage.Read(string.Join(' ', rest));
        return behaviour && !left.IsRedFlag && (((training || explained) && !left.MentionsHealth) || left.IsCalmed);
    }

    /// <summary>"8mins", "10min": minutes written onto the number are a session's length.</summary>
    private static bool IsMinutes(string word) =>
        word.Length > 3 && char.IsAsciiDigit(word[0]) && (word.EndsWith("min", StringComparison.Ordinal) || word.EndsWith("mins", StringComparison.Ordinal));
}
