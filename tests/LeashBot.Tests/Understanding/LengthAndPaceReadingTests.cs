using LeashBot.Understanding;

namespace LeashBot.Tests.Understanding;

/// <summary>
/// Lengths and paces as the reader takes them: a leash's length in metres is no length of time, a length of time asked
/// about is a question (never a report), and "how long on step N" asks that step's pace, not the course's length.
/// </summary>
public sealed class LengthAndPaceReadingTests
{
    [Theory]
    [InlineData("how long? 1.2m, 1.8m or a 5m retractable")]
    [InlineData("is a 3m lead too long for her")]
    [InlineData("the 1.5m one or the 2 metre one")]
    [InlineData("4-6 ft in cm?")]
    public void A_leash_length_is_no_length_of_time(string text)
    {
        Assert.Null(RepoFiles.SemanticReader.Read(text).Duration);
    }

    [Theory]
    [InlineData("did 5m today, she was calm", 5)]
    [InlineData("we did 12 mins on the lead indoors", 12)]
    public void A_session_told_in_minutes_keeps_its_minutes(string text, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), RepoFiles.SemanticReader.Read(text).Duration);
    }

    [Theory]
    [InlineData("he kept it on about 2 hrs and seemed fine, too long?")]
    [InlineData("15 mins or half an hour each time, whats better")]
    public void A_length_of_time_asked_about_is_a_question_not_a_report(string text)
    {
        var reading = RepoFiles.SemanticReader.Read(text);
        Assert.True(reading.AsksAQuestion);
        Assert.NotEqual(TopicIds.PlanLog, reading.Intent);
    }

    [Fact]
    public void A_length_of_time_reported_with_too_much_stays_a_report()
    {
        Assert.False(RepoFiles.SemanticReader.Read("did 10 mins, too much for her, she hissed at the end").AsksAQuestion);
    }

    [Theory]
    [InlineData("how many days on step 6 before we move on?", 6)]
    [InlineData("how long should she be at step 2", 2)]
    public void How_long_on_a_numbered_step_asks_that_steps_pace(string text, int step)
    {
        var reading = RepoFiles.SemanticReader.Read(text);
        Assert.Equal(TopicIds.PlanStep, reading.Intent);
        Assert.Equal(step, reading.StepNumber);
        Assert.True(reading.AsksStepPace);
    }

    [Fact]
    public void What_a_step_is_asks_no_pace()
    {
        var reading = RepoFiles.SemanticReader.Read("what is step 7 again");
        Assert.Equal(TopicIds.PlanStep, reading.Intent);
        Assert.False(reading.AsksStepPace);
    }
}
