
namespace LeashBot.Understanding;

/// <summary>
/// "bean only done 1 session not 3 u doubled it up", "should be one session, not two": the number of sessions a cat
/// really had, said to be fewer than were logged. A sentence counts sessions when it has a word for them (or says they
/// were doubled); the count wanted is the number after "only"/"should be" or right before "not", and the count said to
/// be wrong the one after "not". A number with a time unit after it is a length, never a count ("5 min not 10").
/// </summary>
public sealed partial class SessionCountReader
{
    private readonly PhraseList _sessionWords;
    private readonly PhraseList _doubled;
    private readonly PhraseList _only;
    private readonly HashSet<string> _timeUnits;
    private readonly Dictionary<string, int> _numberWords;

    public SessionCountReader(BotContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var words = content.Reading.SessionCount;
        _sessionWords = MessageParts.Phrases(words.SessionWords);
        _doubled = MessageParts.Phrases(words.DoubledWords);
        _only = MessageParts.Phrases(words.OnlyWords);
        _timeUnits = [.. content.Reading.CommandReading.TimeUnits.Select(MessageParts.Plain)];
        _numberWords = content.Reading.NumberWords.Where(n => n.Key != "last").ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal);
    }

    /// <summary>The count of sessions wanted and the count said to be wrong (if said); null when the text says no such thing.</summary>
    public (int Wanted, int? Wrong)? Read(string? text)
    {
        foreach (var sentence in Sentences().Split(text ?? ""))
        {
            var words = MessageParts.Words(sentence);
            if (!_sessionWords.IsIn(words) && !_doubled.IsIn(words))
            {
                continue;
            }

            int? wanted = null;
            int? wrong = null;
            for (var i = 0; i < words.Length; i++)
            {
                if (CountAt(words, i) is not { } count)
                {
                    continue;
                }

                var afterNot = i > 0 && words[i - 1] == "not";
                var beforeNot = (i + 1 < words.Length && words[i + 1] == "not") || (i + 2 < words.Length && words[i + 2] == "not" && _sessionWords.StartsAt(words, i + 1));
                var afterOnly = Enumerable.Range(Math.Max(0, i - 3), Math.Min(3, i)).Any(k => _only.StartsAt(words, k));
                if (afterNot)
                {
                    wrong ??= count;
                }
                else if (beforeNot || afterOnly)
                {
                    wanted ??= count;
                }
            }

            if (wanted is { } w && (wrong is null || wrong > w))
            {
                return (w, wrong);
            }
        }

        return null;
    }

    /// <summary>A count at word <paramref name="at"/>: a number or a number word with no time unit after it.</summary>
    private int? CountAt(string[] words, int at)
    {
        var value = int.TryParse(words[at], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number
            : _numberWords.TryGetValue(words[at], out var word) ? word : (int?)null;
        return value is null || (at + 1 < words.Length && _timeUnits.Contains(words[at + 1])) ? null : value;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[.!?;\n]+")]
    private static partial System.Text.RegularExpressions.Regex Sentences();
}
