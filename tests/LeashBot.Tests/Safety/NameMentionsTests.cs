using System.Text.RegularExpressions;
using LeashBot.Safety;

namespace LeashBot.Tests.Safety;

/// <summary>
/// Before the tier head is asked, the owner's cats' names are taken out of the message with a plain search instead of
/// a regular expression built for every message with a 50 ms match timeout (which a busy host ran into: the turn failed
/// with "something went wrong"). The search must give exactly what the expression gave, on names and messages typed
/// the way owners type them.
/// </summary>
public sealed class NameMentionsTests
{
    private static readonly string[][] Names =
    [
        ["Pepper"], ["Nala", "Milo"], ["Mo", "Momo"], ["Momo", "Mo"], ["Zoë"], ["Mr. Whiskers"], ["K.C."], ["Biscuit", "Bis"],
        ["o'malley"], ["Tofu"], ["Luna", "luna"], ["Ninja_Cat"], ["Şeker"], ["Ed"],
    ];

    private static readonly string[] Messages =
    [
        "pepper was scared of the bin lorry", "PEPPER hissed", "peppers treats", "peppermint", "Nala and milo did 5 mins",
        "how's nala doing?", "nala's harness is too tight", "momo mo mo-mo momomo", "zoë zoe ZOË zoëy", "mr. whiskers threw up",
        "mr. whiskersss", "k.c. is limping", "k.c.x", "biscuit bis biscuits bis.", "o'malley o'malleys", "tofu🙂tofu", "tofu_tofu",
        "", "  ", "luna\nluna", "ninja_cat ninja_cats ninja", "şeker ŞEKER seker", "ed fed ed. edd", "Tofu", "the cat", "12 tofu 34",
    ];

    public static TheoryData<int> NameSets()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Names.Length; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NameSets))]
    public void Names_are_blanked_exactly_where_the_regular_expression_blanked_them(int set)
    {
        var names = Names[set];
        var pattern = @"\b(?:" + string.Join('|', names.Select(Regex.Escape)) + @")\b";
        foreach (var message in Messages.Concat(names).Concat(names.Select(n => $"so {n}, {n}!")))
        {
            var expected = Regex.Replace(message, pattern, " ", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            Assert.True(expected == NameMentions.Blank(message, names), $"'{message}' with {string.Join(", ", names)}: expected '{expected}'");
        }
    }

    [Fact]
    public void A_long_message_is_read_whole_without_a_time_limit()
    {
        var message = string.Concat(Enumerable.Repeat("pepper was scared and pepperoni fell ", 20_000));
        var blanked = NameMentions.Blank(message, ["Pepper", "Milo"]);
        Assert.DoesNotContain("pepper was", blanked, StringComparison.Ordinal);
        Assert.Equal(20_000, Regex.Count(blanked, "pepperoni"));
    }
}
