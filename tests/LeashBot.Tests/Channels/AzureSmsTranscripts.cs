using LeashBot.Channels.Sms;
using LeashBot.Tests.Support;
using Xunit.Abstractions;

namespace LeashBot.Tests.Channels;

/// <summary>
/// Azure Bot Service's SMS channel, simulated: the activities it posts to /api/messages (channel <c>sms</c>, the
/// phone number as the user, no conversationUpdate ever), through the real host.
/// </summary>
public sealed class AzureSmsTranscripts(SharedHost shared, ITestOutputHelper output) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    private Owner NewTexter() => _host.NewOwner("sms", "+1555" + Random.Shared.Next(1_000_000, 9_999_999));

    [Theory]
    [InlineData("my cat froze on the porch, what now?", "Freezing")]
    [InlineData("hi", "What would you like to do?")]
    [InlineData("is it safe to walk in the rain", "")]
    public async Task The_disclaimer_comes_with_the_first_reply_whatever_the_owner_texts_first_Azure_SMS_simulated(string first, string answerFragment)
    {
        var texter = NewTexter();
        var reply = AssertOneText(await texter.SaysAsync(first));
        Assert.StartsWith("Hi! I'm LeashBot", reply, StringComparison.Ordinal);
        Assert.Contains("not veterinary advice", reply, StringComparison.Ordinal);
        Assert.Contains(answerFragment, reply, StringComparison.OrdinalIgnoreCase);

        // Only once.
        var second = AssertOneText(await texter.SaysAsync("thanks"));
        Assert.DoesNotContain("not veterinary advice", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Carrier_keywords_get_no_reply_from_the_bot_and_the_first_text_says_how_to_opt_out_Azure_SMS_simulated()
    {
        var texter = NewTexter();
        var first = AssertOneText(await texter.SaysAsync("start training"));
        Assert.Contains("Reply STOP to opt out.", first, StringComparison.Ordinal);
        Assert.Contains("name", first, StringComparison.Ordinal);

        // Twilio answers these on this route; the bot says nothing, least of all a menu, and the question still waits.
        foreach (var keyword in new[] { "STOP", "stop", "Cancel", "END.", "quit", "UNSUBSCRIBE", "stopall", "HELP", "start" })
        {
            Assert.Empty((await texter.SaysAsync(keyword)).Texts);
        }

        var named = AssertOneText(await texter.SaysAsync("Biscuit"));
        Assert.Contains("Biscuit", named, StringComparison.Ordinal);
        Assert.DoesNotContain("opt out", named, StringComparison.Ordinal);

        // A keyword inside a sentence is a message like any other.
        Assert.NotEmpty((await texter.SaysAsync("how do I stop Biscuit chewing the leash")).Texts);
    }

    [Fact]
    public async Task An_urgent_first_text_gets_the_vet_advice_first_and_whole_Azure_SMS_simulated()
    {
        var texter = NewTexter();
        var reply = AssertOneText(await texter.SaysAsync("my cat is breathing with her mouth open and wont stop panting"));
        Assert.Matches("^That (could be an emergency|needs a vet)", reply);
        Assert.Contains("555-0199", reply, StringComparison.Ordinal);
        Assert.Contains("555-0100", reply, StringComparison.Ordinal);
        Assert.Contains("not veterinary advice", reply, StringComparison.Ordinal);

        // The vet message keeps the text short: the greeting waits, and it stays within three segments.
        Assert.DoesNotContain("Hi! I'm LeashBot", reply, StringComparison.Ordinal);
        Assert.True(SmsText.Segments(reply) <= 3, reply);
    }

    [Fact]
    public async Task Yes_no_questions_are_a_numbered_list_and_a_number_answers_Azure_SMS_simulated()
    {
        var texter = NewTexter();
        await texter.SaysAsync("is my cat ready?");
        var question = AssertOneText(await texter.SaysAsync("Milo"));
        Assert.EndsWith("1. Yes\n2. No", question, StringComparison.Ordinal);
        var next = AssertOneText(await texter.SaysAsync("1"));
        Assert.EndsWith("1. Yes\n2. No", next, StringComparison.Ordinal);
        Assert.NotEqual(question, next);
    }

    /// <summary>
    /// A 13-turn chat (greeting, checklist, plan, a session, a struggle, thanks): every turn is one GSM-7 text
    /// within the budget. Before, the same kind of chat was 26 texts and 42 segments.
    /// </summary>
    [Fact]
    public async Task A_whole_chat_is_one_plain_text_per_turn_within_the_segment_budget_Azure_SMS_simulated()
    {
        var texter = NewTexter();
        string[] turns =
        [
            "hi", "is my cat ready?", "Milo", "yes", "yes", "yep", "yes", "1", "yes", "yes",
            "we did 5 minutes today, he was relaxed", "he froze on the patio, what do i do", "thanks!",
        ];
        var segments = 0;
        foreach (var turn in turns)
        {
            var text = AssertOneText(await texter.SaysAsync(turn));
            segments += SmsText.Segments(text);
            output.WriteLine($"> {turn}\n{text}\n[{text.Length} chars, {SmsText.Segments(text)} segments]\n");
        }

        output.WriteLine($"{turns.Length} turns, {turns.Length} texts, {segments} segments");
        Assert.True(segments <= turns.Length * SmsText.MaxSegments);
    }

    private static string AssertOneText(Replies replies)
    {
        var messages = replies.Activities.Where(a => (string?)a["type"] == "message").ToList();
        Assert.True(messages.Count == 1, $"Expected one text, got {messages.Count}:\n{replies.All}");
        var text = (string?)messages[0]["text"] ?? "";
        Assert.True(SmsText.IsGsm7(text), $"Not GSM-7: {text}");
        Assert.True(SmsText.Segments(text) <= SmsText.MaxSegments, $"{SmsText.Segments(text)} segments: {text}");
        Assert.Null(messages[0]["attachments"]?.FirstOrDefault());
        Assert.Null(messages[0]["suggestedActions"]);
        return text;
    }
}
