using System.Text.RegularExpressions;

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

    [Theory]
    [InlineData("Walked 15min, she was OK", new[] { "walked", "15", "min", "she", "was", "ok" })]
    [InlineData("2.5 hrs?? or 1.2.3", new[] { "2.5", "hrs", "or", "1.2", "3" })]
    [InlineData("don't stop", new[] { "don't", "stop" })]
    [InlineData("she’s fine", new[] { "she's", "fine" })] // a phone's curly apostrophe joins as the straight one does
    [InlineData("i DON`T know ʼtis", new[] { "i", "don't", "know", "'tis" })]
    [InlineData("i never said ‘undo’", new[] { "i", "never", "said", "undo" })] // quote marks around a word are no part of it
    [InlineData("comió 😺 ya!!", new[] { "comió", "ya" })]
    public void Plain_words_are_letters_and_apostrophes_and_numbers_with_one_decimal_point(string text, string[] words) =>
        Assert.Equal(words, ChatLexer.PlainWords(text));

    /// <summary>
    /// The phrase lists' words were a regular expression's matches; the lexer reads them the same on texts of every
    /// kind owners type (digits of other scripts, emoji, accents, every apostrophe, stray punctuation), but for an
    /// apostrophe other than the straight one between two letters: it is straightened and joins the word (the modifier
    /// apostrophe, a letter to .NET, was always in the word: it is straightened too).
    /// </summary>
    [Fact]
    public void Plain_words_are_what_the_phrase_lists_matched_before_on_every_kind_of_text()
    {
        var texts = new[]
        {
            "we did 10 min, she was not relaxed", "she’s ok 🙂 but 3.5min is LONG", "i don`t think so", "ʼtis fine",
            "٣ minutes ۴.۵ hours", "1.2.3...4", "'quoted' words' end", "l'antigel!!", "Ünïcödé ÇA ÇA", "a\tb\nc",
            "4,5 or 4-6", "x1y2z3", "emoji 👍🏽👍 then words", "  ", ".5 and 5. and 5.x",
        };
        var before = new Regex(@"\d+(?:\.\d+)?|[\p{L}']+");
        foreach (var text in texts)
        {
            var straightened = Regex.Replace(text.ToLowerInvariant(), @"(?<=\p{L})[\u2019\u2018\u02BC`](?=\p{L})", "'");
            Assert.Equal(before.Matches(straightened).Select(m => m.Value.Replace('\u02BC', '\'')), ChatLexer.PlainWords(text));
        }
    }

    [Theory]
    [InlineData("Don't", "dont")]
    [InlineData("don’t", "dont")]
    [InlineData("DON`T", "dont")]
    [InlineData("ʼtis", "tis")]
    [InlineData("cats", "cats")]
    public void Without_apostrophes_a_word_is_lower_case_and_any_apostrophe_goes(string word, string plain) =>
        Assert.Equal(plain, ChatLexer.WithoutApostrophes(word));
}
