using LeashBot.Dialogs;

namespace LeashBot.Dialogs.Tests;

public class YesNoRecognizerTests
{
    [Theory]
    [InlineData("yes")]
    [InlineData("yeah")]
    [InlineData("yep")]
    [InlineData("yup")]
    [InlineData("sure")]
    [InlineData("sure thing")]
    [InlineData("of course")]
    [InlineData("absolutely")]
    [InlineData("definitely")]
    [InlineData("i think so")]
    [InlineData("mostly")]
    [InlineData("kinda")]
    [InlineData("sort of")]
    [InlineData("👍")]
    [InlineData("👍🏽")]
    [InlineData("✅")]
    [InlineData("👌")]
    [InlineData("y")]
    [InlineData("YES")]
    [InlineData("Yes she does!")]
    [InlineData("yeah, she wore it for ten minutes")]
    [InlineData("Yesss!!")]
    [InlineData("I think so?")]
    [InlineData("Sure, not a problem")]
    public void Everyday_ways_of_saying_yes_are_yes(string text) =>
        Assert.True(YesNoRecognizer.Recognize(text));

    [Theory]
    [InlineData("no")]
    [InlineData("nope")]
    [InlineData("nah")]
    [InlineData("not really")]
    [InlineData("not at all")]
    [InlineData("never")]
    [InlineData("i don't think so")]
    [InlineData("I don’t think so")]
    [InlineData("dont think so")]
    [InlineData("👎")]
    [InlineData("❌")]
    [InlineData("n")]
    [InlineData("No.")]
    [InlineData("NOPE, she hates it")]
    [InlineData("of course not")]
    [InlineData("Absolutely not!")]
    [InlineData("definitely not")]
    public void Everyday_ways_of_saying_no_are_no(string text) =>
        Assert.False(YesNoRecognizer.Recognize(text));

    [Theory]
    [InlineData("not sure")]
    [InlineData("I'm not sure")]
    [InlineData("maybe")]
    [InlineData("dunno")]
    [InlineData("I don't know")]
    [InlineData("no idea")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("she sat on the windowsill")]
    [InlineData("nothing")]
    [InlineData("yesterday")]
    public void Uncertain_or_unrelated_answers_are_neither(string? text) =>
        Assert.Null(YesNoRecognizer.Recognize(text));
}
