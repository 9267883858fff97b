using LeashBot.Content;
using LeashBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LeashBot.Tests.Safety;

/// <summary>
/// Health red flags through the real host: at every kind of pending question (which waits until a vet's all-clear), at any length, on SMS, with the
/// clinic open or closed, and the calm messages near health that must get a normal answer.
/// Bad input tried: a 2,000-character message, a red flag typed as a cat's name and as a session length,
/// a follow-up asking for a diagnosis (unreadable opening hours and time zones: StartupProblemTests).
/// </summary>
public sealed class RedFlagTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private const string Emergency = "could be an emergency";
    private const string Soon = "pause leash training";
    private const string Again = "only a vet can tell";

    private readonly BotHost _host = shared.Host;

    [Fact]
    public async Task A_red_flag_at_a_checklist_question_gets_the_vet_and_the_question_waits()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("is my cat ready?");
        await owner.SaysAsync("Olive");
        (await owner.SaysAsync("wait her gums look kinda grey??"))
            .FirstSays(Emergency).Says("555-0199").DoesNotSay("treats or toys");
        (await owner.SaysAsync("vet checked her gums, all good")).Says("glad").DoesNotSay("treats or toys");
        (await owner.SaysAsync("yes")).Says("treats or toys");
    }

    [Fact]
    public async Task A_red_flag_typed_as_a_cats_name_is_not_taken_as_a_name()
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("start training")).Says("What's your cat's name?");
        (await owner.SaysAsync("Vomiting blood")).FirstSays(Emergency).DoesNotSay("Lovely to meet");
        (await owner.SaysAsync("back from the vet, she says he's fine")).Says("glad").DoesNotSay("Lovely to meet");
        (await owner.SaysAsync("Biscuit")).Says("Lovely to meet Biscuit");
    }

    [Fact]
    public async Task A_red_flag_at_the_session_length_question_is_not_logged_as_a_session()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Milo");
        (await owner.SaysAsync("we just finished a training session")).Says("How long");
        (await owner.SaysAsync("10 min then he started limping")).FirstSays(Soon).DoesNotSay("Logged");
        (await owner.SaysAsync("the vet had a look and he's ok, just a sprain")).Says("glad").DoesNotSay("Logged");
        (await owner.SaysAsync("how's Milo doing?")).Says("step 1 of 10").Says("No sessions logged yet");
    }

    [Fact]
    public async Task A_red_flag_at_how_did_the_cat_seem_is_not_taken_as_a_mood()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Nala");
        await owner.SaysAsync("we just finished a training session");
        (await owner.SaysAsync("half an hour")).Says("How did Nala seem");
        (await owner.SaysAsync("stressed, and now shes breathing with her mouth open"))
            .FirstSays(Emergency).Says("Nala").DoesNotSay("Logged");
        (await owner.SaysAsync("vet says shes fine now")).Says("glad").DoesNotSay("Logged");
        (await owner.SaysAsync("how's Nala doing?")).Says("No sessions logged yet");
    }

    [Fact]
    public async Task A_red_flag_at_a_choice_of_struggles_gets_the_vet_and_the_choice_waits()
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("A walk went wrong")).Offers("Froze or lay down");
        (await owner.SaysAsync("she lay down and now her back legs are dragging")).FirstSays(Emergency).DoesNotSay("Never drag");
        (await owner.SaysAsync("the vet saw her and gave her the all clear")).Says("glad").DoesNotSay("Never drag");
        (await owner.SaysAsync("Froze or lay down")).FirstSays("overwhelmed");
    }

    [Fact]
    public async Task A_2000_character_message_with_one_red_flag_in_the_middle_gets_the_vet()
    {
        var filler = "We went out to the garden again today and she sniffed the roses for a while, then sat by the fence watching birds. ";
        var text = string.Concat(Enumerable.Repeat(filler, 8)) + "Oh and a car clipped her on the way back in. " + string.Concat(Enumerable.Repeat(filler, 9));
        Assert.InRange(text.Length, 1900, 2100);
        (await _host.NewOwner().SaysAsync(text)).FirstSays(Emergency).DoesNotSay("a lot of text");
    }

    [Fact]
    public async Task A_long_message_without_a_red_flag_is_still_too_long()
    {
        var text = string.Concat(Enumerable.Repeat("She sat in the harness and watched the birds for ages. ", 25));
        (await _host.NewOwner().SaysAsync(text)).Says("a lot of text").DoesNotSay("vet");
    }

    [Theory]
    [InlineData("the vet said she's healthy, can we start?")]
    [InlineData("no vomiting or anything, she's just stubborn")]
    [InlineData("my vet recommended walks for his weight")]
    [InlineData("she isn't limping, she just hates the harness")]
    [InlineData("she froze on the grass, what now?")]
    public async Task Denials_and_vet_clearances_get_a_normal_answer(string message)
    {
        var replies = await _host.NewOwner().SaysAsync(message);
        Assert.NotEmpty(replies.Texts);
        replies.DoesNotSay(Emergency).DoesNotSay(Soon).DoesNotSay("555-0199");
    }

    [Fact]
    public async Task A_health_question_soon_after_a_red_flag_gets_the_vet_again_not_a_guess()
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("she's panting and feels really hot after our walk")).FirstSays(Emergency);
        (await owner.SaysAsync("ok I'll call, is it heatstroke?")).FirstSays("vet").Says("555-0199").DoesNotSay("overheat");
        (await owner.SaysAsync("could it be something she ate? what should I do while I wait")).FirstSays(Again).Says("555-0199").DoesNotSay("overheat");
        (await owner.SaysAsync("thanks")).DoesNotSay(Again).DoesNotSay("555-0199");
    }

    [Fact]
    public async Task Found_by_trying_it_how_much_chocolate_is_dangerous_after_a_red_flag_is_not_a_safety_tip()
    {
        var owner = _host.NewOwner();
        (await owner.SaysAsync("she ate some of the chocolate cake!!!")).FirstSays(Emergency);
        (await owner.SaysAsync("how much chocolate is dangerous?")).FirstSays(Again).DoesNotSay("when done with care");
    }

    [Fact]
    public async Task Found_by_trying_it_a_hiss_when_picked_up_is_training_talk()
    {
        (await _host.NewOwner().SaysAsync("she hissed at me when i tried to pick her up")).DoesNotSay(Soon).DoesNotSay(Emergency);
    }

    [Fact]
    public async Task Hours_later_a_question_is_coaching_again()
    {
        using var host = new BotHost();
        var owner = host.NewOwner();
        (await owner.SaysAsync("he threw up twice")).FirstSays(Soon);
        host.Clock.Advance(TimeSpan.FromHours(3));
        (await owner.SaysAsync("what should I do if she freezes?")).DoesNotSay(Again).Says("overwhelmed");
    }

    [Fact]
    public async Task While_the_clinic_is_open_its_number_comes_first_and_after_hours_the_emergency_line()
    {
        var monday = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero); // a Monday
        using var host = new BotHost(new Dictionary<string, string?>
        {
            ["Organization:OpeningHours"] = "Mon-Fri 8:00-18:00, Sat 9am-1pm",
            ["Organization:TimeZone"] = "America/New_York",
        }, new FakeTimeProvider(monday.AddHours(15))); // 10:00 in New York

        var open = await host.NewOwner().SaysAsync("my cat ate a lily leaf");
        Assert.True(open.All.IndexOf("555-0100", StringComparison.Ordinal) < open.All.IndexOf("555-0199", StringComparison.Ordinal), open.All);
        open.Says("open now");

        host.Clock.Advance(TimeSpan.FromHours(10)); // 20:00 in New York
        var closed = await host.NewOwner().SaysAsync("my cat ate a lily leaf");
        Assert.True(closed.All.IndexOf("555-0199", StringComparison.Ordinal) < closed.All.IndexOf("555-0100", StringComparison.Ordinal), closed.All);
        closed.Says("open Mon-Fri 8:00-18:00").DoesNotSay("open now");
    }

    [Fact]
    public async Task Without_opening_hours_the_emergency_line_comes_first_and_without_numbers_the_nearest_clinic()
    {
        using var noHours = new BotHost(new Dictionary<string, string?> { ["Organization:OpeningHours"] = "" });
        var replies = await noHours.NewOwner().SaysAsync("he can't pee and keeps going to the litter box");
        Assert.True(replies.All.IndexOf("555-0199", StringComparison.Ordinal) < replies.All.IndexOf("555-0100", StringComparison.Ordinal), replies.All);

        using var noNumbers = new BotHost(new Dictionary<string, string?>
        {
            ["Organization:Phone"] = "", ["Organization:EmergencyPhone"] = "", ["Organization:OpeningHours"] = "",
        });
        (await noNumbers.NewOwner().SaysAsync("he can't pee and keeps going to the litter box")).Says("nearest emergency clinic");
    }

    [Fact]
    public async Task On_SMS_the_vet_message_is_one_plain_text_message()
    {
        var owner = _host.NewOwner(channelId: "sms");
        var replies = await owner.SaysAsync("my dog bit her and theres blood everywhere");
        var message = Assert.Single(replies.Texts);
        Assert.StartsWith("That could be an emergency", message, StringComparison.Ordinal);
        Assert.True(Gsm7.IsBasic(message), message);
        Assert.True(message.Length <= 3 * 153, $"{message.Length} characters");
    }

    [Theory]
    [InlineData("my boy keeps going to the litterbox and just sits there", Emergency)]
    [InlineData("he's peeing tiny drops", Emergency)]
    [InlineData("my cat's wee smells weird", Soon)]
    public async Task Found_by_trying_it_bladder_trouble_described_plainly_goes_to_the_vet_not_to_training_advice(string message, string expected)
    {
        (await _host.NewOwner().SaysAsync(message)).FirstSays(expected).DoesNotSay("Did that help?");
    }
}
