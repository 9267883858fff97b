using LeashBot.Channels.Sms;

namespace LeashBot.Tests.Channels;

/// <summary>GSM-7 text and the one-text-per-turn budget, on their own.</summary>
public sealed class SmsTextTests
{
    [Theory]
    [InlineData("Hi there! 😺", "Hi there!")]
    [InlineData("⚠️ That sounds like it needs a vet now.", "That sounds like it needs a vet now.")]
    [InlineData("It\u2019s \u201Cfine\u201D \u2014 really\u2026", "It's \"fine\" - really...")]
    [InlineData("Café crème, naïve señor, Zürich", "Café crème, naive señor, Zürich")]
    [InlineData("Lovely to meet Milo! 😺 🐾🐾", "Lovely to meet Milo!")]
    [InlineData("line one 🐱\n\n\n\nline two", "line one\n\nline two")]
    [InlineData("30\u00B0C · 10\u00D710", "30 degrees C - 10x10")]
    public void Text_is_reduced_to_the_GSM7_alphabet(string input, string expected)
    {
        var gsm = SmsText.ToGsm7(input);
        Assert.Equal(expected, gsm);
        Assert.True(SmsText.IsGsm7(gsm));
    }

    [Fact]
    public void Segments_follow_the_160_and_153_character_rule_with_extension_characters_counting_twice()
    {
        Assert.Equal(1, SmsText.Segments(new string('a', 160)));
        Assert.Equal(2, SmsText.Segments(new string('a', 161)));
        Assert.Equal(2, SmsText.Segments(new string('a', 306)));
        Assert.Equal(3, SmsText.Segments(new string('a', 307)));
        Assert.Equal(2, SmsText.Segments(new string('a', 151) + "{}[]~"));
        Assert.False(SmsText.IsGsm7("curly \u2019 quote"));
    }

    [Fact]
    public void Urgent_advice_comes_first_and_whole_even_when_the_turn_is_over_budget()
    {
        var urgent = "That sounds like it needs a vet now. Please call your vet or an emergency clinic right away. " + new string('x', 200);
        var chatter = string.Join(" ", Enumerable.Repeat("A long friendly paragraph about harness fitting and treats.", 12));
        var question = "Is Milo relaxed indoors in the harness?\n1. Yes\n2. No";

        var text = SmsReplies.Compose([("Hi! I'm LeashBot. 🐾", false), (chatter, false), (urgent, true), (question, false)]);

        Assert.StartsWith(urgent, text, StringComparison.Ordinal);
        Assert.EndsWith(question, text, StringComparison.Ordinal);
        Assert.Contains("Hi! I'm LeashBot.", text, StringComparison.Ordinal);
        Assert.True(SmsText.Septets(text) <= SmsText.MaxSeptets, $"{SmsText.Septets(text)} septets");
        Assert.True(SmsText.IsGsm7(text));
    }

    [Fact]
    public void An_over_budget_turn_is_cut_before_the_last_message_at_a_sentence_end()
    {
        var first = string.Join(" ", Enumerable.Range(1, 40).Select(i => $"Sentence number {i} is here."));
        var last = "What's your cat's name?";
        var text = SmsReplies.Compose([(first, false), (last, false)]);

        Assert.True(SmsText.Segments(text) <= SmsText.MaxSegments);
        Assert.EndsWith("\n\n" + last, text, StringComparison.Ordinal);
        Assert.Matches(@"is here\.\n\n", text);
    }

    [Fact]
    public void Over_budget_the_opt_out_line_keeps_its_place_whole_and_the_long_answer_after_it_is_cut()
    {
        var intro = "Hi! I'm LeashBot. I share training tips, not veterinary advice.";
        var optOut = "Reply STOP to opt out.";
        var answer = string.Join(" ", Enumerable.Range(1, 60).Select(i => $"Tip {i} is a good one."));
        var question = "What's your cat's name?";
        var text = SmsReplies.Compose([(intro, false, false), (optOut, false, true), (answer, false, false), (question, false, false)]);

        Assert.True(SmsText.Segments(text) <= SmsText.MaxSegments);
        Assert.StartsWith(intro + "\n\n" + optOut + "\n\nTip 1 is", text, StringComparison.Ordinal);
        Assert.EndsWith("\n\n" + question, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Tip 60", text, StringComparison.Ordinal);

        // Without the mark, the same line may be cut away with the rest.
        var unmarked = SmsReplies.Compose([(answer, false, false), (optOut, false, false), (question, false, false)]);
        Assert.DoesNotContain(optOut, unmarked, StringComparison.Ordinal);
    }

    [Fact]
    public void A_turn_within_budget_is_joined_unchanged_in_order()
    {
        Assert.Equal("one\n\ntwo\n\nthree", SmsReplies.Compose([("one", false), ("two", false), ("three", false)]));
    }
}
