using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace LeashBot.Dialogs;

/// <summary>
/// English number and duration recognition. Numbers ("twelve", "2.5", "a dozen", "half") come from
/// Microsoft.Recognizers.Text's number model; a duration is a number (or "a"/"an") followed by a unit of time, read
/// here on top of it ("ten minutes", "half an hour", "an hour and a half", "1 hr 15 min", "20mins"). Building the number
/// model compiles thousands of regular expressions, so this class builds it once, in its constructor: create one
/// instance at start-up (a singleton) and share it; never create one while handling a message.
/// </summary>
/// <remarks>
/// Durations used to come from the library's date-time model, which cost a few milliseconds per message and about
/// 26 MB of memory (a quarter of a bare bot's whole footprint) for the one thing LeashBot asks of it: how long a
/// training session was.
/// </remarks>
/// <remarks>
/// Safe to use from many turns at once: the models are not changed by recognition once built, which is how
/// Microsoft's own recognizer caches share them between threads.
/// </remarks>
public sealed partial class TextRecognizers
{
    // Words people put around a bare number of minutes ("about 20", "maybe 15?").
    private static readonly HashSet<string> ApproximationWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "around", "roughly", "approximately", "approx", "maybe", "like", "almost", "nearly", "ca", "just", "over", "under",
    };

    private static readonly Dictionary<char, double> SecondsPerUnit = new() { ['h'] = 3600, ['m'] = 60, ['s'] = 1 };

    // Amounts the number model leaves alone in front of a unit ("a couple of minutes", "quarter of an hour").
    private static readonly Dictionary<string, double> WordAmounts = new(StringComparer.Ordinal) { ["couple"] = 2, ["quarter"] = 0.25, ["half"] = 0.5 };

    private readonly NumberModel _numberModel;

    /// <summary>
    /// How many patterns .NET's static <see cref="Regex"/> cache keeps. Besides the regexes the models compile,
    /// Microsoft.Recognizers.Text calls the static <c>Regex.Match(input, pattern)</c> with dozens of patterns per
    /// message; with .NET's default of 15 the cache thrashed and patterns were parsed again on every message.
    /// </summary>
    public const int RegexCacheSize = 512;

    /// <summary>Builds the English models (slow: call once at start-up). See <see cref="ConstructionTime"/>.</summary>
    /// <param name="time">The clock <see cref="ConstructionTime"/> is read from; the system's unless given.</param>
    public TextRecognizers(TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var started = time.GetTimestamp();
        if (Regex.CacheSize < RegexCacheSize)
        {
            Regex.CacheSize = RegexCacheSize;
        }

        // Lazily: only the number model is built, not the ordinal, percentage and range models beside it.
        _numberModel = new NumberRecognizer(Culture.English, NumberOptions.None, lazyInitialization: true).GetNumberModel();
        TextNumberRegexInterpreted = InterpretTextNumberRegex(_numberModel);

        // One recognition each, so that whatever the library still sets up on first use happens here, not on a user's turn.
        _ = _numberModel.Parse("twenty two");
        _ = RecognizeDuration("an hour and a half");
        ConstructionTime = time.GetElapsedTime(started);
    }

    /// <summary>Gets how long the constructor took, for start-up logging.</summary>
    public TimeSpan ConstructionTime { get; }

    /// <summary>
    /// Gets whether the number parser's written-number pattern runs interpreted (see <see cref="InterpretTextNumberRegex"/>);
    /// false if a version of the library keeps it elsewhere, which costs memory, not answers.
    /// </summary>
    public bool TextNumberRegexInterpreted { get; }

    /// <summary>
    /// The number parser builds its pattern of written numbers ("one|two|...|twentieth", about 1,000 characters) with
    /// <see cref="RegexOptions.Compiled"/>. Compiling it on its first use made the JIT allocate about 27 MB of native
    /// memory, of which the process kept 17–25 MB for good: a sixth of the whole host's footprint, for a pattern that
    /// only reads the few words the number extractor has already picked out. The parser keeps it in a get-only
    /// property, so its backing field is replaced with the same pattern, interpreted, before the first use.
    /// </summary>
    private static bool InterpretTextNumberRegex(NumberModel model)
    {
        const BindingFlags instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        var parser = typeof(AbstractNumberModel).GetProperty("Parser", instance)?.GetValue(model) as BaseNumberParser;
        var field = typeof(BaseNumberParser).GetField("<TextNumberRegex>k__BackingField", instance);
        if (parser is null || field?.GetValue(parser) is not Regex compiled)
        {
            return false;
        }

        field.SetValue(parser, new Regex(compiled.ToString(), compiled.Options & ~RegexOptions.Compiled, compiled.MatchTimeout));
        return true;
    }

    /// <summary>Finds the first number in the text ("12", "twelve", "2.5", "a dozen").</summary>
    /// <param name="text">The user's text.</param>
    /// <returns>The number, or null when there is none.</returns>
    public double? RecognizeNumber(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return RecognizeNumberSpans(text).Select(n => (double?)n.Value).FirstOrDefault();
    }

    /// <summary>
    /// Finds the first length of time in the text, also inside a longer sentence ("we did 10 minutes today").
    /// A reply that is only a number ("20", "about 15") is taken as minutes, because that is what people mean
    /// when asked how long something took.
    /// </summary>
    /// <param name="text">The user's text.</param>
    /// <returns>The duration, or null when there is none.</returns>
    public TimeSpan? RecognizeDuration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Most chat messages ("my cat froze, what now?") name no unit of time and skip the search.
        var numbers = RecognizeNumberSpans(text).ToList();
        if (NamesATimeUnit().IsMatch(text) && DurationIn(text, numbers) is { } duration)
        {
            return duration;
        }

        if (numbers.Count == 1)
        {
            var (start, end, minutes) = numbers[0];
            var rest = string.Concat(text.AsSpan(0, start), " ", text.AsSpan(end + 1));
            var restWords = rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.Trim('.', ',', '!', '?', '~', ':', ';'))
                .Where(w => w.Length > 0);
            if (restWords.All(ApproximationWords.Contains) && minutes >= 0)
            {
                return TimeSpan.FromMinutes(minutes);
            }
        }

        return null;
    }

    [GeneratedRegex(@"\d\s*[hms]|sec|min|hour|hr", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamesATimeUnit();

    /// <summary>
    /// One part of a duration in text whose numbers were replaced by their values: "10 minutes", "0.5 an hour",
    /// "quarter of an hour", "a couple of minutes", "an hour" (one), "1h20" (minutes after hours), "an hour and 0.5" or
    /// "an hour 0.5" (and a half, however the number model split it).
    /// </summary>
    [GeneratedRegex(
        @"(?:(?<n>\d+(?:\.\d+)?)|\b(?:an?\s+)?(?<word>couple|quarter|half)\b|\b(?<one>an?)\b)\s*(?:of\s+)?(?:an?\s+)?" +
        @"(?<u>h(?:ours?|rs?)?|m(?:inutes?|ins?|n)?|s(?:econds?|ecs?)?)(?![a-z])" +
        @"(?:(?<=h(?:ours?|rs?)?)\s*(?<mins>\d{1,2})\b(?!\s*(?:\.\d|[a-z])))?" +
        @"(?:\s+(?:and\s+)?(?:an?\s+)?(?<half>0\.5|half)\b(?!\s*(?:of\s+)?(?:an?\s+)?[hms]))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurationPart();

    /// <summary>What may stand between two parts of one duration ("1 hr 15 min", "1 hour and 20 minutes").</summary>
    [GeneratedRegex(@"^[\s,]*(?:and)?[\s,]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JoinsParts();

    /// <summary>The first duration in the text: its first run of parts, added up.</summary>
    private static TimeSpan? DurationIn(string text, List<(int Start, int End, double Value)> numbers)
    {
        // Numbers in words become digits, so one pattern reads "ten minutes" and "10 minutes" alike.
        var withValues = new StringBuilder(text.Length + 16);
        var at = 0;
        foreach (var (start, end, value) in numbers)
        {
            withValues.Append(text, at, start - at).Append(' ').Append(value.ToString("0.###", CultureInfo.InvariantCulture)).Append(' ');
            at = end + 1;
        }

        var rewritten = withValues.Append(text, at, text.Length - at).ToString();
        double? seconds = null;
        var lastEnd = 0;
        foreach (Match part in DurationPart().Matches(rewritten))
        {
            if (seconds is not null && !JoinsParts().IsMatch(rewritten.AsSpan(lastEnd, part.Index - lastEnd).ToString()))
            {
                break;
            }

            var amount = part.Groups["n"].Success ? double.Parse(part.Groups["n"].Value, CultureInfo.InvariantCulture)
                : part.Groups["word"].Success ? WordAmounts[part.Groups["word"].Value.ToLowerInvariant()]
                : 1;
            var unit = SecondsPerUnit[char.ToLowerInvariant(part.Groups["u"].Value[0])];

            // "we did a second one tonight", "wait a sec": a second with no number is an ordinal or a moment, no length.
            if (unit == 1 && !part.Groups["n"].Success && !part.Groups["word"].Success && !part.Groups["half"].Success)
            {
                continue;
            }

            if (part.Groups["half"].Success)
            {
                amount += 0.5;
            }

            seconds = (seconds ?? 0) + (amount * unit);
            if (part.Groups["mins"].Success)
            {
                seconds += 60 * double.Parse(part.Groups["mins"].Value, CultureInfo.InvariantCulture);
            }

            lastEnd = part.Index + part.Length;
        }

        return seconds is { } total ? TimeSpan.FromSeconds(total) : null;
    }

    private IEnumerable<(int Start, int End, double Value)> RecognizeNumberSpans(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        foreach (var result in _numberModel.Parse(text))
        {
            if (result.Resolution?.TryGetValue("value", out var raw) == true
                && raw is string value
                && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                yield return (result.Start, result.End, number);
            }
        }
    }
}
