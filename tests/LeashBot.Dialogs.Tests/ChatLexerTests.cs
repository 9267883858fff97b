namespace LeashBot.Dialogs.Tests;

/// <summary>The one chat lexer every reader builds on: what an apostrophe, a word, a number and a stretched word are.</summary>
public sealed class ChatLexerTests
{
    [Theory]
    [InlineData('\'')]
    [InlineData('\u2019')]
    [InlineData('\u2018')]
    [InlineData('\u02BC')]
    [InlineData('`')]
    public void Every_way_people_type_an_apostrophe_is_one(char apostrophe)
    {
        Assert.True(ChatLexer.IsApostrophe(apostrophe));
        Assert.Equal("don't", ChatLexer.WithStraightApostrophes($"don{apostrophe}t"));
        Assert.Equal(new[] { "dont" }, ChatLexer.Words($"don{apostrophe}t"));
    }

    [Theory]
    [InlineData("i don`t think so")]
    [InlineData("i don\u02BCt think so")]
    [InlineData("I DON’T THINK SO!!")]
    public void A_no_typed_with_any_apostrophe_is_a_no_not_the_yes_of_think_so(string text) =>
        Assert.False(YesNoRecognizer.Recognize(text));

    [Theory]
    [InlineData("don't stop", 0, false, 5)]
    [InlineData("l'antigel!", 0, false, 9)]
    [InlineData("cat's", 0, false, 5)]
    [InlineData("cats' toys", 0, false, 4)] // an apostrophe before no letter ends the word
    [InlineData("abc123", 0, false, 3)]
    [InlineData("abc123", 0, true, 3)] // 0-9 never join a word: they make numbers
    [InlineData("comió ya", 0, false, 5)]
    public void A_word_is_its_letters_and_the_apostrophes_inside_it(string text, int start, bool withDigits, int end) =>
        Assert.Equal(end, ChatLexer.WordEnd(text, start, withDigits));

    [Theory]
    [InlineData("10 minutes", 2)]
    [InlineData("4.5 min", 3)]
    [InlineData("4,5", 3)]
    [InlineData("4-6 times", 3)]
    [InlineData("3. then", 1)]
    public void A_number_takes_its_decimal_mark_or_range_only_before_another_digit(string text, int end) =>
        Assert.Equal(end, ChatLexer.NumberEnd(text, 0));

    [Theory]
    [InlineData("helllp", 2, 1, "help")]
    [InlineData("helllp", 2, 2, "hellp")]
    [InlineData("sooo", 1, 1, "so")]
    [InlineData("good", 2, 1, null)]
    [InlineData("yesss", 2, 1, "yes")]
    public void Letters_stretched_for_emphasis_are_cut_to_the_length_asked(string word, int longerThan, int keep, string? expected) =>
        Assert.Equal(expected, ChatLexer.CollapseRuns(word, longerThan, keep));

    [Fact]
    public void Clauses_break_at_sentence_ends_commas_colons_and_brackets_and_emoji_are_tokens()
    {
        var clauses = ChatLexer.Clauses("Yesss… she LOVES it 👍🏽 (mostly): nooo");
        Assert.Equal(new[] { new[] { "yes" }, ["she", "loves", "it", "👍"], ["mostly"], ["no"] }, clauses.Select(c => c.ToArray()).ToArray());
    }

    [Theory]
    [InlineData('é', 'e')]
    [InlineData('ñ', 'n')]
    [InlineData('ü', 'u')]
    [InlineData('a', 'a')]
    [InlineData('ß', 'ß')]
    public void Accents_are_read_as_the_plain_letter(char accented, char plain) =>
        Assert.Equal(plain, ChatLexer.WithoutAccent(accented));

    [Fact]
    public void Letter_words_are_lower_case_runs_of_letters() =>
        Assert.Equal(new[] { "she", "ate", "x", "grapes" }, ChatLexer.LetterWords("She ate 3x GRAPES!"));
}
