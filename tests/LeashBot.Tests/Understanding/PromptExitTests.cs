using LeashBot.Coaching;
using LeashBot.Understanding;

namespace LeashBot.Tests.Understanding;

/// <summary>
/// The one reading of the ways out of a pending question (<see cref="PromptExits"/>), the same for every kind of
/// question; and the part of an answer that fits a follow-up (<see cref="AnswerGist"/>).
/// </summary>
public sealed class PromptExitTests
{
    private static readonly PromptExits Exits = new(RepoFiles.Content);
    private static readonly HashSet<string> CommonWords = [.. RepoFiles.Content.Reading.CommonWords];

    private static PromptExit Exit(string text, AnswerKind kind) => Exits.Read(RepoFiles.Reader.Read(text), kind);

    [Theory]
    [InlineData("ok bye!!", AnswerKind.YesNo, PromptExit.Goodbye)]
    [InlineData("thanks, gotta run 👋", AnswerKind.Length, PromptExit.Goodbye)]
    [InlineData("nvm. bye", AnswerKind.Name, PromptExit.Goodbye)]
    [InlineData("stop", AnswerKind.YesNo, PromptExit.Leave)]
    [InlineData("i didnt ask for a quiz. stop", AnswerKind.YesNo, PromptExit.Leave)]
    [InlineData("not now", AnswerKind.Mood, PromptExit.Leave)]
    [InlineData("no session today", AnswerKind.Length, PromptExit.Leave)]
    [InlineData("0 minutes", AnswerKind.Length, PromptExit.Leave)]
    [InlineData("i don't want a reminder", AnswerKind.Time, PromptExit.Leave)]
    [InlineData("no", AnswerKind.Place, PromptExit.Leave)]
    [InlineData("no", AnswerKind.YesNo, PromptExit.None)]
    [InlineData("nah stop", AnswerKind.YesNo, PromptExit.None)]
    [InlineData("yes", AnswerKind.YesNo, PromptExit.None)]
    [InlineData("10 min, then she wanted to stop", AnswerKind.Length, PromptExit.None)]
    [InlineData("so is that a no to walking them together?", AnswerKind.YesNo, PromptExit.Question)]
    [InlineData("which leash is best?", AnswerKind.Name, PromptExit.Question)]
    [InlineData("we did 10 minutes, he was chill", AnswerKind.YesNo, PromptExit.Report)]
    [InlineData("we did 10 minutes, he was chill", AnswerKind.Place, PromptExit.Report)]
    [InlineData("we did 10 minutes, he was chill", AnswerKind.Length, PromptExit.None)]
    [InlineData("manchester", AnswerKind.Place, PromptExit.None)]
    public void Each_way_out_is_read_the_same_for_every_kind_of_question(string text, AnswerKind kind, PromptExit exit) =>
        Assert.Equal(exit, Exit(text, kind));

    [Theory]
    [InlineData("Short and often beats long. Steady practice over weeks counts most. There's no set number of sessions a day.", "but how many sessions a day??", "There's no set number of sessions a day.")]
    [InlineData("Short and often beats long. Steady practice over weeks counts most.", "what", "Short and often beats long.")]
    [InlineData("One sentence only.", "one", "One sentence only.")]
    public void The_part_of_an_answer_that_fits_a_follow_up_is_the_sentence_sharing_most_words(string answer, string followUp, string part) =>
        Assert.Equal(part, AnswerGist.Fitting(answer, followUp, CommonWords));

    [Fact]
    public void A_numbered_list_is_never_cut_into_a_sentence_that_runs_into_the_next_number()
    {
        var list = "The whole plan, 10 steps, one at a time:\n1. Choose the right harness\n2. Meet the harness indoors\n3. First fitting, nice and loose";
        var ranked = AnswerGist.Ranked(list, "which is it, step 2 or meet the harness indoors first?", CommonWords);
        Assert.All(ranked, s => Assert.DoesNotContain('\n', s.Sentence));
        Assert.DoesNotContain(ranked, s => s.Sentence.Contains("indoors", StringComparison.Ordinal));
        Assert.Equal(["Steady practice counts.", "Then rest."], AnswerGist.Ranked("Steady practice counts.\nThen rest.", "rest", CommonWords).Select(s => s.Sentence).Order(StringComparer.Ordinal));
    }
}
