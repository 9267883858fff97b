using LeashBot.Dialogs;

namespace LeashBot.Dialogs.Tests;

public class ChoiceRecognizerTests
{
    private static readonly Choice[] Choices =
    [
        new("Harness indoors") { Synonyms = ["inside", "living room"] },
        new("Short walk outside") { Title = "A short walk in the garden" },
        new("Treat training") { Synonyms = ["snacks"] },
    ];

    [Theory]
    [InlineData("2", 1)]
    [InlineData("2.", 1)]
    [InlineData("#2", 1)]
    [InlineData("option 2", 1)]
    [InlineData("number 3", 2)]
    [InlineData("1", 0)]
    public void The_number_of_an_option_selects_it(string text, int expectedIndex)
    {
        var found = ChoiceRecognizer.Recognize(text, Choices);

        Assert.NotNull(found);
        Assert.Equal(expectedIndex, found.Index);
        Assert.Equal(Choices[expectedIndex].Value, found.Value);
    }

    [Theory]
    [InlineData("second", 1)]
    [InlineData("the second one", 1)]
    [InlineData("The third one please", 2)]
    [InlineData("first", 0)]
    [InlineData("the last one", 2)]
    [InlineData("I think we'll go with the second one", 1)]
    public void An_ordinal_selects_the_option_at_that_position(string text, int expectedIndex) =>
        Assert.Equal(expectedIndex, ChoiceRecognizer.Recognize(text, Choices)?.Index);

    [Theory]
    [InlineData("4")]
    [InlineData("0")]
    [InlineData("the fifth one")]
    public void A_number_outside_the_list_selects_nothing(string text) =>
        Assert.Null(ChoiceRecognizer.Recognize(text, Choices));

    [Theory]
    [InlineData("Treat training", 2, 1.0)]
    [InlineData("treat TRAINING!", 2, 1.0)]
    [InlineData("a short walk in the garden", 1, 1.0)]
    public void The_whole_value_or_title_selects_its_option_with_full_score(string text, int expectedIndex, double expectedScore)
    {
        var found = ChoiceRecognizer.Recognize(text, Choices);

        Assert.Equal(expectedIndex, found?.Index);
        Assert.Equal(expectedScore, found!.Score);
    }

    [Fact]
    public void Some_words_of_an_option_select_it_with_a_partial_score()
    {
        var found = ChoiceRecognizer.Recognize("the walk please", Choices);

        Assert.Equal(1, found?.Index);
        Assert.InRange(found!.Score, 0.01, 0.99);
    }

    [Theory]
    [InlineData("snacks", 2)]
    [InlineData("in the living room", 0)]
    [InlineData("Inside!", 0)]
    public void A_synonym_selects_its_option(string text, int expectedIndex) =>
        Assert.Equal(expectedIndex, ChoiceRecognizer.Recognize(text, Choices)?.Index);

    [Theory]
    [InlineData("harnes", 0)]
    [InlineData("traet", 2)]
    [InlineData("indors", 0)]
    [InlineData("trainnig", 2)]
    [InlineData("trainign", 2)]
    [InlineData("trianign", 2)]
    public void Small_typos_are_forgiven(string text, int expectedIndex) =>
        Assert.Equal(expectedIndex, ChoiceRecognizer.Recognize(text, Choices)?.Index);

    [Theory]
    [InlineData("hrns")]
    [InlineData("tretas")]
    [InlineData("xalq")]
    public void Words_too_far_from_any_option_select_nothing(string text) =>
        Assert.Null(ChoiceRecognizer.Recognize(text, Choices));

    [Fact]
    public void A_reply_that_fits_two_options_equally_selects_nothing()
    {
        // "indoors" and "outside" each cover one of three words of different options.
        Assert.Null(ChoiceRecognizer.Recognize("indoors or outside", [new("Harness indoors"), new("Harness outside")]));
        Assert.Null(ChoiceRecognizer.Recognize("harness", [new("Harness indoors"), new("Harness outside")]));
    }

    private static readonly Choice[] Questions =
    [
        new("leash") { Title = "Which leash?" },
        new("session") { Title = "How long per session?" },
        new("other") { Title = "Something else" },
    ];

    [Theory]
    [InlineData("my cat keeps biting the leash, what do i do")]
    [InlineData("is there something i can do about her hiding")]
    [InlineData("how long until she walks outside")]
    public void A_question_that_shares_one_word_with_a_choice_selects_nothing(string text) =>
        Assert.Null(ChoiceRecognizer.Recognize(text, Questions));

    [Theory]
    [InlineData("wich leash", 0)]
    [InlineData("the leash one please", 0)]
    [InlineData("how long per sesion?", 1)]
    [InlineData("somthing else", 2)]
    [InlineData("something else pls", 2)]
    public void A_near_miss_of_a_choice_still_selects_it(string text, int expectedIndex) =>
        Assert.Equal(expectedIndex, ChoiceRecognizer.Recognize(text, Questions)?.Index);

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("pizza")]
    public void An_unrelated_or_empty_reply_selects_nothing(string? text) =>
        Assert.Null(ChoiceRecognizer.Recognize(text, Choices));

    [Fact]
    public void A_choice_without_a_value_is_rejected_with_a_helpful_message()
    {
        var ex = Assert.Throws<ArgumentException>(() => ChoiceRecognizer.Recognize("1", [new Choice()]));
        Assert.Contains("non-empty Value", ex.Message, StringComparison.Ordinal);
    }
}
