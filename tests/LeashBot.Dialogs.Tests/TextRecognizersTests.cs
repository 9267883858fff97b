using LeashBot.Dialogs;
using Xunit.Abstractions;

namespace LeashBot.Dialogs.Tests;

/// <summary>One shared instance for the whole test run, as the bot has one for its whole life.</summary>
public sealed class SharedRecognizers
{
    public SharedRecognizers()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        Recognizers = new TextRecognizers(Clock);
        ConstructionBytes = GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>A clock that moves one second each time it is read.</summary>
    public SteppingClock Clock { get; } = new(TimeSpan.FromSeconds(1));

    public TextRecognizers Recognizers { get; }

    /// <summary>What building the models allocated: the work a turn must not repeat.</summary>
    public long ConstructionBytes { get; }
}

/// <summary>A clock for tests that moves on by <paramref name="step"/> every time it is read, whatever the machine is doing.</summary>
public sealed class SteppingClock(TimeSpan step) : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
}

[CollectionDefinition(Name)]
public sealed class RecognizersCollection : ICollectionFixture<SharedRecognizers>
{
    public const string Name = "Shared recognizers";
}

[Collection(RecognizersCollection.Name)]
public class TextRecognizersTests(SharedRecognizers shared, ITestOutputHelper output)
{
    private readonly TextRecognizers _recognizers = shared.Recognizers;

    [Theory]
    [InlineData("12", 12)]
    [InlineData("twelve", 12)]
    [InlineData("2.5", 2.5)]
    [InlineData("about 3 times", 3)]
    [InlineData("a dozen", 12)]
    public void Numbers_are_found_in_digits_and_words(string text, double expected) =>
        Assert.Equal(expected, _recognizers.RecognizeNumber(text));

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    public void Text_without_a_number_gives_null(string text) =>
        Assert.Null(_recognizers.RecognizeNumber(text));

    [Theory]
    [InlineData("20 minutes", 20 * 60)]
    [InlineData("half an hour", 30 * 60)]
    [InlineData("an hour and a half", 90 * 60)]
    [InlineData("90 seconds", 90)]
    [InlineData("20", 20 * 60)]
    [InlineData("about 15", 15 * 60)]
    [InlineData("we did 10 minutes today, she was relaxed", 10 * 60)]
    [InlineData("2 hours", 2 * 3600)]
    [InlineData("ten min", 10 * 60)]
    [InlineData("15 min", 15 * 60)]
    [InlineData("20mins with her, she hissed", 20 * 60)]
    [InlineData("a couple of minutes", 2 * 60)]
    [InlineData("quarter of an hour", 15 * 60)]
    [InlineData("half a minute", 30)]
    [InlineData("a minute", 60)]
    [InlineData("an hour", 3600)]
    [InlineData("1.5 hours", 90 * 60)]
    [InlineData("two and a half minutes", 150)]
    [InlineData("1 hr 15 min", 75 * 60)]
    [InlineData("1 hour and 20 minutes", 80 * 60)]
    [InlineData("1h20", 80 * 60)]
    [InlineData("45 secs", 45)]
    [InlineData("twenty five minutes", 25 * 60)]
    [InlineData("Juniper did 10 minutes today and was relaxed", 10 * 60)]
    [InlineData("3 mins in the morning and 4 in the evening", 3 * 60)]
    [InlineData("did 6 minutes, she tried to get it off and hissed", 6 * 60)]
    [InlineData("ABOUT 5 MINUTES", 5 * 60)]
    public void Durations_are_found_in_everyday_phrasings(string text, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), _recognizers.RecognizeDuration(text));

    [Theory]
    [InlineData("")]
    [InlineData("a while")]
    [InlineData("she walked 3 laps around the garden")]
    [InlineData("a few minutes")]
    [InlineData("she was a mess, 2 of us held her")]
    [InlineData("I'm so proud of my 2 cats")]
    [InlineData("for 2 days")]
    [InlineData("my cat froze, what now?")]
    public void Text_without_a_duration_gives_null(string text) =>
        Assert.Null(_recognizers.RecognizeDuration(text));

    [Theory]
    [InlineData("twenty two", 22)]
    [InlineData("forty-two", 42)]
    [InlineData("one hundred and five", 105)]
    [InlineData("Fifteen", 15)]
    public void Written_numbers_are_read_by_the_interpreted_number_word_pattern(string text, double expected)
    {
        // The library compiles this pattern; a version that keeps it elsewhere would quietly cost ~20 MB again.
        Assert.True(_recognizers.TextNumberRegexInterpreted, "the number parser's written-number pattern is compiled again");
        Assert.Equal(expected, _recognizers.RecognizeNumber(text));
    }

    [Fact]
    public void Recognition_from_many_threads_at_once_gives_the_same_answers()
    {
        var results = new TimeSpan?[64];
        Parallel.For(0, results.Length, i => results[i] = _recognizers.RecognizeDuration(i % 2 == 0 ? "half an hour" : "20 minutes"));

        Assert.All(results.Where((_, i) => i % 2 == 0), r => Assert.Equal(TimeSpan.FromMinutes(30), r));
        Assert.All(results.Where((_, i) => i % 2 == 1), r => Assert.Equal(TimeSpan.FromMinutes(20), r));
    }

    [Fact]
    public void Construction_time_is_read_from_the_given_clock_and_later_recognitions_do_not_build_models_again()
    {
        // The clock was read once before and once after building the models: one step of it.
        Assert.Equal(TimeSpan.FromSeconds(1), _recognizers.ConstructionTime);

        // The first calls also JIT-compile the recognition path; a turn's recognition is measured once that is done.
        _ = _recognizers.RecognizeDuration("ten minutes");
        _ = _recognizers.RecognizeNumber("seven");
        var before = GC.GetAllocatedBytesForCurrentThread();
        _ = _recognizers.RecognizeDuration("an hour and a half");
        _ = _recognizers.RecognizeNumber("forty two");
        var recognitions = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"Building the models allocated {shared.ConstructionBytes / 1024} KB; two recognitions after it {recognitions / 1024} KB.");

        // Counted in bytes, not in time a busy machine stretches. The comparison is with a fixed budget, not with the
        // constructor's own count: the library caches its models for the whole process, so when another test built
        // recognizers first, this fixture's construction allocated only ~75 KB. Building the models cold allocates
        // megabytes; two recognitions allocate ~12 KB.
        const long budget = 256 * 1024;
        Assert.True(recognitions < budget, $"Two recognitions allocated {recognitions / 1024} KB, over {budget / 1024} KB: a turn is building models again.");
    }
}
