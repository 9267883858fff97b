using LeashBot.Understanding;
using Xunit.Abstractions;

namespace LeashBot.Tests.Understanding;

/// <summary>
/// How owners answer the bot's yes/no questions, as a table of answers × what they mean (yes / no / partly / unclear),
/// read by <see cref="AnswerReader"/> on the shipped words. The held-out half was written before the reading was built
/// and was never tuned on; both scores are printed, and each must stay at its floor.
/// </summary>
public sealed class AnswerReadingTableTests(ITestOutputHelper output)
{
    /// <summary>The tuning half: the word lists were shaped on these, so every one must be read right.</summary>
    private const double TuningFloor = 1.0;

    /// <summary>The held-out half: never tuned on (see the score in docs/answers.md).</summary>
    private const double HeldOutFloor = 0.9;

    /// <summary>The second held-out half (Spanish, chat words, a "no" inside a yes), written before its reading changes.</summary>
    private const double MoreHeldOutFloor = 0.75;

    private static readonly AnswerReader Reader = new(RepoFiles.Content);

    private static List<(string Answer, AnswerPolarity Expected)> Table(string file) =>
        [.. File.ReadAllLines(RepoFiles.PathOf("tests", "LeashBot.Tests", "Understanding", "Answers", file))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], Enum.Parse<AnswerPolarity>(p[1].Trim(), ignoreCase: true)))];

    private double Score(string file)
    {
        var table = Table(file);
        var misses = table.Where(row => Reader.Read(row.Answer) != row.Expected).ToList();
        foreach (var (answer, expected) in misses)
        {
            output.WriteLine($"{file}: \"{answer}\" read as {Reader.Read(answer)}, meant {expected}");
        }

        var score = (double)(table.Count - misses.Count) / table.Count;
        output.WriteLine($"{file}: {table.Count - misses.Count}/{table.Count} = {score:P1}");

        // For the record, the reading before this one: the first yes or no word (YesNoRecognizer), never partly.
        var before = table.Count(row => (LeashBot.Dialogs.YesNoRecognizer.Recognize(row.Answer) switch
        {
            true => AnswerPolarity.Yes,
            false => AnswerPolarity.No,
            null => AnswerPolarity.Unclear,
        }) == row.Expected);
        output.WriteLine($"{file}, first-word reading: {before}/{table.Count} = {(double)before / table.Count:P1}");
        return score;
    }

    [Fact]
    public void The_tuning_answers_are_all_read_right() => Assert.True(Score("answers.tuning.tsv") >= TuningFloor);

    [Fact]
    public void The_held_out_answers_are_read_right_at_their_floor() => Assert.True(Score("answers.heldout.tsv") >= HeldOutFloor);

    [Fact]
    public void The_second_held_out_answers_are_read_right_at_their_floor() => Assert.True(Score("answers.heldout.more.tsv") >= MoreHeldOutFloor);

    [Theory]
    [InlineData("i said yes but nail trims he absolutely does NOT put up with, he bit me last time lol so maybe change that to no??", AnswerPolarity.No)]
    [InlineData("oops i said no to the brushing one but she actually lets me brush her fine", AnswerPolarity.Yes)]
    [InlineData("no no, treats = SÍ, 100%", AnswerPolarity.Yes)]
    [InlineData("esa es un no la verdad, odia que le corte las uñas", AnswerPolarity.No)]
    [InlineData("te dije que sí le gustan los premios", AnswerPolarity.Yes)]
    [InlineData("wait she IS ok with strangers", AnswerPolarity.Yes)]
    [InlineData("actually make that a maybe, she's so-so with strangers, kinda", AnswerPolarity.Partly)]
    public void A_changed_answer_is_what_the_owner_says_now_not_what_they_said_before(string change, AnswerPolarity expected) =>
        Assert.Equal(expected, Reader.ReadChange(change));

    [Theory]
    [InlineData("pero yo te dije que SÍ a lo de la paciencia", AnswerPolarity.No, AnswerPolarity.Yes)]
    [InlineData("i said YES to the patience one?? i dont mind slow at all", AnswerPolarity.No, AnswerPolarity.Yes)]
    [InlineData("i said yes to the brushing one but honestly she hates the clippers", AnswerPolarity.Yes, AnswerPolarity.No)]
    [InlineData("dije que no a lo del tiempo pero en realidad sí tengo tiempo", AnswerPolarity.No, AnswerPolarity.Yes)]
    public void An_answer_the_owner_says_they_gave_is_meant_when_the_bot_kept_another(string change, AnswerPolarity kept, AnswerPolarity expected) =>
        Assert.Equal(expected, Reader.ReadChange(change, kept));

    [Theory]
    [InlineData("ok", AnswerPolarity.Yes)]
    [InlineData("vale 👍", AnswerPolarity.Yes)]
    [InlineData("ok whats next", AnswerPolarity.Unclear)]
    [InlineData("ok no", AnswerPolarity.No)]
    [InlineData("ok but not the nails", AnswerPolarity.No)]
    public void An_ok_is_a_yes_only_when_it_says_nothing_else(string reply, AnswerPolarity expected) =>
        Assert.Equal(expected, Reader.Read(reply));

    [Theory]
    [InlineData("ok cool ty! and nah dont need the daily nudge thing, i'll remember, my phone already yells at me enough lol", AnswerPolarity.No)]
    [InlineData("yes!! the shelter did all his shots and the flea stuff before i got him, tho is it bad hes only been home 3 weeks", AnswerPolarity.Yes)]
    [InlineData("esa es un no la verdad, odia que le corte las uñas. y tiempo: más o menos, solo en las noches y fines de semana", AnswerPolarity.No)]
    public void A_long_message_is_read_for_its_plain_answer_words(string message, AnswerPolarity expected) =>
        Assert.Equal(expected, Reader.Read(message));
}
