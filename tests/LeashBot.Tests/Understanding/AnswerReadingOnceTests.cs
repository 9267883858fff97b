using LeashBot.Understanding;

namespace LeashBot.Tests.Understanding;

/// <summary>
/// One reading of a yes/no reply gives both what it answers and whether its yes is only an "ok": the same answer the
/// plain reading gives, and a plain yes only when it is neither half a yes nor an acceptance (what "delete my data"
/// needs before it deletes anything).
/// </summary>
public sealed class AnswerReadingOnceTests
{
    private static readonly AnswerReader Reader = new(RepoFiles.Content);

    [Theory]
    [InlineData("yes pls", AnswerPolarity.Yes, false)]
    [InlineData("yep do it", AnswerPolarity.Yes, false)]
    [InlineData("ok", AnswerPolarity.Yes, true)]
    [InlineData("okie dokie", AnswerPolarity.Yes, true)]
    [InlineData("kinda", AnswerPolarity.Partly, false)]
    [InlineData("nah", AnswerPolarity.No, false)]
    [InlineData("what do u mean", AnswerPolarity.Unclear, false)]
    public void One_reading_says_the_answer_and_whether_it_only_accepts(string reply, AnswerPolarity answer, bool onlyAccepts)
    {
        var reading = Reader.ReadAnswer(reply);
        Assert.Equal(answer, reading.Polarity);
        Assert.Equal(onlyAccepts, reading.OnlyAccepts);
        Assert.Equal(answer == AnswerPolarity.Yes && !onlyAccepts, reading.IsPlainYes);
    }

    [Fact]
    public void The_one_reading_agrees_with_the_plain_reading_on_every_answer_in_the_tables()
    {
        var folder = RepoFiles.PathOf("tests", "LeashBot.Tests", "Understanding", "Answers");
        var replies = Directory.GetFiles(folder).SelectMany(File.ReadAllLines)
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[0]).ToList();
        Assert.True(replies.Count > 100, $"only {replies.Count} answers found in {folder}");
        foreach (var reply in replies)
        {
            var reading = Reader.ReadAnswer(reply);
            Assert.Equal(Reader.Read(reply), reading.Polarity);
            Assert.False(reading.OnlyAccepts && reading.Polarity != AnswerPolarity.Yes, reply);
        }
    }
}
