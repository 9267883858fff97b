using System.Collections.Frozen;
using LeashBot.Content;

namespace LeashBot.Safety;

/// <summary>
/// The owner says the cat is well: "eating and drinking normally", "a healthy 3yo", "pees fine". The tier head reads a
/// sentence's meaning and can't read that, just as it can't read "no" or "last year" (<see cref="RedFlagTriage.ReadsCalming"/>):
/// such a message is left to the rules. A well word right after a word of <c>notAfter</c> ("faster than normal") says
/// nothing of the kind. Words from <c>wellSaid</c> in the red-flag content.
/// </summary>
public sealed class WellSaid
{
    private static readonly char[] Breaks = [' ', ',', '.', '!', '?', ';', ':', '\n', '\t', '(', ')', '"'];

    private readonly FrozenSet<string> _well;
    private readonly FrozenSet<string> _notAfter;

    public WellSaid(WellSaidWords words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _well = words.Words.Select(w => w.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
        _notAfter = words.NotAfter.Select(w => w.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>True when a well word stands in the message, not right after a word of <c>notAfter</c>.</summary>
    public bool In(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var before = "";
        foreach (var raw in text.ToLowerInvariant().Split(Breaks, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Trim('\'', '\u2019');
            if (_well.Contains(word) && !_notAfter.Contains(before))
            {
                return true;
            }

            before = word;
        }

        return false;
    }
}
