using LeashBot.State;
using LeashBot.Understanding;
using Xunit.Abstractions;

namespace LeashBot.Tests.Understanding;

/// <summary>
/// The two readings of a message's parts on the shipped content, without a host: the opening that never wins over what
/// follows it (<see cref="MessageLeadIns"/>), and requests about the owner's list of cats (<see cref="CatListReader"/>).
/// Each has a tuning set (the persona chats' own messages; every row must pass) and a held-out set written before the
/// reading first ran and never tuned on, whose score is reported and held to a floor.
/// </summary>
public sealed class MessagePartsReadingTests(ITestOutputHelper output)
{
    private const double HeldOutFloor = 0.7;

    private static readonly CatListReader CatList = new(RepoFiles.Content);
    private static readonly MessageLeadIns LeadIns = new(RepoFiles.Reader, new CommandReader(RepoFiles.Content), RepoFiles.Content);

    // ---- the opening of a message: "leave", "chat" or "" (one part) ----

    /// <summary>The persona chats' messages (owner with Mango).</summary>
    public static TheoryData<string, string> LeadTuning => new()
    {
        { "ugh ok nvm. so i left the harness next to her food bowl and she sniffed it and ate her treats next to it, like 5 mins, v chill", "leave" },
        { "Never mind. Please move Mango to step 8.", "leave" },
        { "That's helpful, thanks. More specifically: if a dog off its lead comes running at us, what should I do with Mango?", "chat" },
        { "fair enough, 1.8m it is then. other thing - we have a lab, Rufus, hes 11 and super chill. could Mango walk with him?", "leave" },
        { "never mind", "" },
        { "ok thanks", "" },
        { "nvm. bye", "" },
        { "thanks!", "" },
        { "not now, leave it", "" },
    };

    /// <summary>Written first, never tuned on.</summary>
    public static TheoryData<string, string> LeadHeldOut => new()
    {
        { "nah forget it. can u put mango on step 3", "leave" },
        { "lol ok. what does step 4 involve?", "chat" },
        { "cheers!! one more q - how long should the leash be", "chat" },
        { "stop. we did 7 min this morning, she was calm", "leave" },
        { "ok cool, is she ready for step 2?", "chat" },
        { "thank you so much 🙏 what's next for mango", "chat" },
        { "haha yes. anyway how often should we train", "chat" },
        { "never mind the panting question", "" },
        { "ok", "" },
        { "thanks, that's all for today", "" },
        { "nvm, it's fine", "" },
        { "forget it lol, how do i stop her chewing the leash?", "leave" },
    };

    private static OwnerProfile OwnerWith(params string[] cats) => new() { Cats = [.. cats.Select(c => new CatProfile { Name = c })] };

    private static string LeadOf(string text) => LeadIns.Split(text, OwnerWith("Mango")) switch
    {
        null => "",
        { Kind: LeadKind.Leave } => "leave",
        _ => "chat",
    };

    [Theory]
    [MemberData(nameof(LeadTuning))]
    public void Opening_tuning_rows_are_read(string text, string expected) => Assert.Equal(expected, LeadOf(text));

    [Fact]
    public void Opening_held_out_rows_are_read_well_enough() =>
        Score("openings", LeadHeldOut.Select(r => ((string)r[0], (string)r[1])), LeadOf);

    [Fact]
    public void The_rest_after_an_opening_is_the_part_that_acts()
    {
        var lead = LeadIns.Split("Never mind. Please move Mango to step 8.", OwnerWith("Mango"));
        Assert.NotNull(lead);
        Assert.Equal("Please move Mango to step 8.", lead.Rest);
    }

    // ---- the list of cats: the cats to remove ("Em,Bean"), "which", "show", or "" ----

    /// <summary>The persona chats' messages, with the cats the owner had then.</summary>
    public static TheoryData<string, string, string> ListTuning => new()
    {
        { "Mango,Eating,Zooming", "pls delete eating and zooming lol. mango is my only cat", "Eating,Zooming" },
        { "Mango,Eating,Zooming", "remove the cat called Eating", "Eating" },
        { "Mango,Eating,Zooming", "and remove Zooming too", "Zooming" },
        { "Mango,Eating,Zooming", "lmao what. i only have ONE cat, Mango. eating and zooming arent cats 😂", "Eating,Zooming" },
        { "Mango,Eating,Zooming", "ok thx. whats mango on now and is eating still in my cats list lol", "show" },
        { "Em,Bean,Widget", "theres no cat called em!! get rid of em. i only got bean n widget", "Em" },
        { "Em,Bean,Widget", "remove cat em", "Em" },
        { "Em,Bean,Widget", "forget em", "Em" },
        { "Em,Bean,Widget", "how do i delete a cat", "which" },
        { "Em,Bean,Widget", "so wat step is each of em on", "" },
        { "Pixel,4Yo", "who is 4Yo?? 😂 i only have one cat. thats her age not a cat. pls delete that", "4Yo" },
        { "Pixel,4Yo", "remove 4Yo, its not a cat", "4Yo" },
        { "Pixel,4Yo", "forget the cat called 4Yo", "4Yo" },
        { "Ebony,Gear,Safety", "No, I don't have cats called Gear and Safety. I pressed the Gear and safety button. My only cat is Ebony.", "Gear,Safety" },
        { "Ebony,Gear,Safety", "That isn't what I asked. Which cats do you have saved for me now?", "show" },
        { "Bean,Widget", "bean was fine tho it was widget that was stressed", "" },
        { "Bean,Widget", "delete beans last session", "" },
        { "Bean,Widget", "pause bean n widget training til i get back", "" },
    };

    /// <summary>Written first, never tuned on (owner with Luna, Miso and Tuesday).</summary>
    public static TheoryData<string, string> ListHeldOut => new()
    {
        { "tuesday isnt a cat lol thats when we train", "Tuesday" },
        { "can you get rid of tuesday please", "Tuesday" },
        { "erase miso from my list", "Miso" },
        { "luna is my one and only cat", "Miso,Tuesday" },
        { "there is no cat named miso", "Miso" },
        { "i just have luna", "Miso,Tuesday" },
        { "what cats have you got on file for me", "show" },
        { "dont delete luna!!", "" },
        { "remove the reminder for luna", "" },
        { "forget it, luna was fine today", "" },
        { "luna and miso are my cats, tuesday is a day lol", "Tuesday" },
        { "miso passed away last year, please take her off", "Miso" },
        { "how many cats do u have for me", "show" },
        { "tuesday is her age lol", "Tuesday" },
        { "luna did 5 min, delete that session", "" },
        { "i only have time for luna today", "" },
        { "delete miso and tuesday pls, only luna is real", "Miso,Tuesday" },
    };

    private static string ListOf(string cats, string text)
    {
        var request = CatList.Read(text, OwnerWith(cats.Split(',')));
        return request.Remove.Count > 0 ? string.Join(",", request.Remove) : request.AsksWhich ? "which" : request.Shows ? "show" : "";
    }

    [Theory]
    [MemberData(nameof(ListTuning))]
    public void Cat_list_tuning_rows_are_read(string cats, string text, string expected) => Assert.Equal(expected, ListOf(cats, text));

    [Fact]
    public void Cat_list_held_out_rows_are_read_well_enough() =>
        Score("cat list", ListHeldOut.Select(r => ((string)r[0], (string)r[1])), text => ListOf("Luna,Miso,Tuesday", text));

    private void Score(string name, IEnumerable<(string Text, string Expected)> rows, Func<string, string> read)
    {
        var all = rows.ToList();
        var misses = all.Select(r => (r.Text, r.Expected, Got: read(r.Text))).Where(r => r.Got != r.Expected).ToList();
        var score = 1.0 - ((double)misses.Count / all.Count);
        var missed = string.Join(" | ", misses.Select(m => $"\"{m.Text}\" → [{m.Got}], wanted [{m.Expected}]"));
        output.WriteLine($"{name} held-out: {all.Count - misses.Count}/{all.Count} ({score:P0}); misses: {missed}");
        Assert.True(score >= HeldOutFloor, $"{name} held-out {score:P0} < {HeldOutFloor:P0}; misses: {missed}");
    }
}
