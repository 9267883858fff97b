using System.Text.RegularExpressions;
using LeashBot.Content;

namespace LeashBot.Understanding;

/// <summary>
/// A length of time asked about rather than reported ("shes had it on for 2 hours and seems fine, too long?", "5 minutes
/// or 30 minutes per session, whats better"), and a leash's length that is no length of time ("1.8m or a 5m retractable").
/// </summary>
internal sealed partial class LengthQuestions(ReadingContent words)
{
    private readonly PhraseList _asks = new(words.LengthQuestions.Asks);
    private readonly PhraseList _compares = new(words.LengthQuestions.Compares);
    private readonly HashSet<string> _leashWords = [.. words.LengthQuestions.LeashWords];
    private readonly HashSet<string> _units = [.. words.LengthQuestions.Units];

    /// <summary>A length of time in <paramref name="text"/> is asked about: judged with a question, or two compared.</summary>
    public bool Asks(string text, bool asksAQuestion)
    {
        var plain = PhraseList.Words(text);
        return _compares.IsIn(plain) || (asksAQuestion && _asks.IsIn(plain));
    }

    /// <summary>
    /// The text without the lengths of a leash: centimetres, feet and metres spelled out always, "1.2m" always, and "5m"
    /// when the message is about a leash; "did 5m today" keeps its five minutes.
    /// </summary>
    public string WithoutLeashLengths(string text)
    {
        text = SpelledLength().Replace(text, " ");
        return PhraseList.Words(text).Any(_leashWords.Contains) ? MetreLength().Replace(text, " ") : DecimalMetreLength().Replace(text, " ");
    }

    /// <summary>"is that like 1.5m ish?", "whats that in cm": the message gives a leash's length (see <see cref="WithoutLeashLengths"/>) or asks one in other units.</summary>
    public bool NamesALeashLength(string text) => WithoutLeashLengths(text) != text || PhraseList.Words(text).Any(_units.Contains);

    /// <summary>
    /// A leash's length settles a message the readers place nowhere, or among lengths of time ("how long? 1.2m, 1.8m or
    /// a 5m retractable" asks the leash, not the course), or as a bare "what's that?" ("and whats that in cm"): the leash
    /// topic; a clear other topic stands ("is a 20m garden safe").
    /// </summary>
    public static bool LeashOverLengthOfTime(Recognition recognition) =>
        recognition.Kind != RecognitionKind.Confident
        || recognition.TopicId is null or TopicIds.FaqDuration or TopicIds.FaqSessionLength or "faq.firstOutdoor" or TopicIds.FaqLeash or TopicIds.Help;

    /// <summary>
    /// The readers took a length of time asked about as a session report, or placed it nowhere: it is the session-length
    /// question. Any topic they are sure of stands ("she keeps chewing the straps, also is 10 mins too long?").
    /// </summary>
    public static bool ReadAsAReport(Recognition recognition) =>
        recognition.Kind != RecognitionKind.Confident || recognition.TopicId is null or TopicIds.PlanLog;

    [GeneratedRegex(@"\b\d+(?:[.,]\d+)?\s*(?:-|to)?\s*(?:\d+(?:[.,]\d+)?\s*)?(?:cm|cms|centimet(?:re|er)s?|met(?:re|er)s?|mtrs?|ft|feet|foot)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpelledLength();

    [GeneratedRegex(@"\b\d+(?:[.,]\d+)?\s?m\b", RegexOptions.IgnoreCase)]
    private static partial Regex MetreLength();

    [GeneratedRegex(@"\b\d+[.,]\d+\s?m\b", RegexOptions.IgnoreCase)]
    private static partial Regex DecimalMetreLength();
}
