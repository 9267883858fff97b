using System.Collections.Frozen;

namespace LeashBot.Safety;

/// <summary>
/// The owner says the cat is well: "eating and drinking normally", "a healthy 3yo", "pees fine". The tier head reads a
/// sentence's meaning and can't read that, just as it can't read "no" or "last year" (<see cref="RedFlagTriage.ReadsCalming"/>):
/// such a message is left to the rules. A well word says nothing of the kind within three words after a word of
/// <c>notAfter</c> ("not eating normally", "doesn't seem fine", "faster than normal"), nor when a word of
/// <c>changeAfter</c> follows it ("she was fine but now she's breathing fast", "eating normally until today"): that
/// tells of a change, which the head must still read. Words from <c>wellSaid</c> in the red-flag content.
/// </summary>
public sealed class WellSaid
{
    private static readonly char[] Breaks = [' ', ',', '.', '!', '?', ';', ':', '\n', '\t', '(', ')', '"'];
    private static readonly char[] ClauseEnds = [',', '.', '!', '?', ';', ':', '\n'];

    /// <summary>How many words before a well word a negation still reaches ("not eating or drinking normally").</summary>
    private const int NegationReach = 3;

    private readonly FrozenSet<string> _well;
    private readonly FrozenSet<string> _notAfter;
    private readonly FrozenSet<string> _changeAfter;
    private readonly FrozenSet<string> _clauseBreaks;

    public WellSaid(WellSaidWords words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _well = Lower(words.Words);
        _notAfter = Lower(words.NotAfter);
        _changeAfter = Lower(words.ChangeAfter);
        _clauseBreaks = Lower(words.ClauseBreaks);
    }

    private static FrozenSet<string> Lower(IEnumerable<string> words) =>
        words.Select(w => w.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when a well word stands in the message, not negated and not followed by a change.</summary>
    public bool In(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words(text);
        return Enumerable.Range(0, words.Length).Any(i => IsWell(words, i));
    }

    /// <summary>
    /// The message without its clauses that say the cat is well ("hes eating fine and drinking normal, just wont walk on
    /// the lead" leaves "just wont walk on the lead"): what else it says may still be a worry ("eating fine, but her
    /// third eyelid is showing" was never well said; "eats normally, breathing sounds rattly" leaves the breathing).
    /// </summary>
    public string Rest(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = new List<string>();
        foreach (var clause in text.Split(ClauseEnds, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var part in SplitAtBreaks(clause))
            {
                var words = Words(part);
                if (!Enumerable.Range(0, words.Length).Any(i => IsWell(words, i)))
                {
                    rest.Add(part.Trim());
                }
            }
        }

        return string.Join(", ", rest.Where(r => r.Length > 0));
    }

    private IEnumerable<string> SplitAtBreaks(string clause)
    {
        var start = 0;
        var words = clause.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            if (i > start && _clauseBreaks.Contains(words[i].ToLowerInvariant()))
            {
                yield return string.Join(' ', words[start..i]);
                start = i;
            }
        }

        yield return string.Join(' ', words[start..]);
    }

    private static string[] Words(string text) =>
        [.. text.ToLowerInvariant().Split(Breaks, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('\'', '\u2019').Replace('\u2019', '\''))];

    private bool IsWell(string[] words, int i) =>
        _well.Contains(words[i])
        && !words[Math.Max(0, i - NegationReach)..i].Any(_notAfter.Contains)
        && !words[(i + 1)..].Any(_changeAfter.Contains);
}
