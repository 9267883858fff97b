using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.Number;

namespace LeashBot.Dialogs;

/// <summary>
/// English number and duration recognition on Microsoft.Recognizers.Text. Building the models compiles
/// thousands of regular expressions, so this class builds them once, in its constructor: create one instance at
/// start-up (a singleton) and share it; never create one while handling a message.
/// </summary>
/// <remarks>
/// Safe to use from many turns at once: the models are not changed by recognition once built, which is how
/// Microsoft's own recognizer caches share them between threads.
/// </remarks>
public sealed partial class TextRecognizers
{
    private const string DurationType = "datetimeV2.duration";

    // Words people put around a bare number of minutes ("about 20", "maybe 15?").
    private static readonly HashSet<string> ApproximationWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "around", "roughly", "approximately", "approx", "maybe", "like", "almost", "nearly", "ca", "just", "over", "under",
    };

    private readonly NumberModel _numberModel;
    private readonly DateTimeModel _dateTimeModel;

    /// <summary>
    /// How many patterns .NET's static <see cref="Regex"/> cache keeps. Besides the regexes the models compile,
    /// Microsoft.Recognizers.Text calls the static <c>Regex.Match(input, pattern)</c> with dozens of patterns per
    /// message; with .NET's default of 15 the cache thrashed and patterns were parsed again on every message.
    /// </summary>
    public const int RegexCacheSize = 512;

    /// <summary>Builds the English models (slow: call once at start-up). See <see cref="ConstructionTime"/>.</summary>
    public TextRecognizers()
    {
        var stopwatch = Stopwatch.StartNew();
        if (Regex.CacheSize < RegexCacheSize)
        {
            Regex.CacheSize = RegexCacheSize;
        }

        _numberModel = new NumberRecognizer(Culture.English, NumberOptions.None, lazyInitialization: false).GetNumberModel();
        _dateTimeModel = new DateTimeRecognizer(Culture.English, DateTimeOptions.None, lazyInitialization: false).GetDateTimeModel();

        // One recognition each, so that whatever the libraries still set up on first use happens here, not on a user's turn.
        _ = _numberModel.Parse("twenty two");
        _ = _dateTimeModel.Parse("ten minutes", DateTime.UnixEpoch);
        ConstructionTime = stopwatch.Elapsed;
    }

    /// <summary>Gets how long the constructor took, for start-up logging.</summary>
    public TimeSpan ConstructionTime { get; }

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

        // The date-time model costs milliseconds per call; it can only find a duration where a unit of time is
        // named, so most chat messages ("my cat froze, what now?") skip it.
        if (NamesATimeUnit().IsMatch(text))
        {
            // The reference time does not matter for durations; a fixed one keeps results reproducible.
            foreach (var result in _dateTimeModel.Parse(text, DateTime.UnixEpoch))
            {
                if (result.TypeName == DurationType && SecondsOf(result) is { } seconds)
                {
                    return TimeSpan.FromSeconds(seconds);
                }
            }
        }

        var numbers = RecognizeNumberSpans(text).ToList();
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

    [GeneratedRegex(@"\d\s*[hms]\b|sec|min|hour|hr|day|week|fortnight|month|year", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamesATimeUnit();

    private static double? SecondsOf(ModelResult result)
    {
        if (result.Resolution?.TryGetValue("values", out var values) != true || values is not IEnumerable list)
        {
            return null;
        }

        foreach (var entry in list)
        {
            if (entry is IDictionary<string, string> resolution
                && resolution.TryGetValue("value", out var value)
                && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                return seconds;
            }
        }

        return null;
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
