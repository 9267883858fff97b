using LeashBot.Content;
using LeashBot.Safety;
using LeashBot.Understanding;

namespace LeashBot.Tests.Safety;

/// <summary>
/// How the triage reads words, through the one chat lexer: a word the coaching uses is known to be harmless, which is
/// not the same as a word nobody knows; every apostrophe people type is one; emoji are read as the same words the
/// topic recognizer reads them as.
/// </summary>
public sealed class TriageWordsTests
{
    private static RedFlagTriage Triage => RedFlagSetTests.Triage.Value;

    [Fact]
    public void A_word_the_coaching_uses_is_harmless_and_a_made_up_one_is_unknown()
    {
        // "outdoors" is a word of the topics' examples and no red-flag word; "zqxvbn" is no word at all.
        var read = Triage.Explain("outdoors zqxvbn").Split(' ');
        Assert.Equal(new[] { "-", "?" }, read);
    }

    [Theory]
    [InlineData("she can't breathe properly")]
    [InlineData("she can’t breathe properly")]
    [InlineData("she can`t breathe properly")]
    [InlineData("she canʼt breathe properly")]
    public void Every_apostrophe_people_type_reads_the_same(string text)
    {
        Assert.Equal(Triage.Explain("she can't breathe properly"), Triage.Explain(text));
        Assert.Equal(RedFlagTier.Emergency, Triage.Read(text).Tier);
    }

    [Fact]
    public void The_triage_and_the_topic_normalizer_read_an_emoji_as_the_same_word()
    {
        var content = BotContent.Load(Path.Combine(RepoRoot.Path, "dialogs"));
        var emojiWords = new EmojiWords(content.Understanding.Global.Emoji);
        var (emoji, word) = content.Understanding.Global.Emoji.First(kv => kv.Value.All(char.IsLetter));
        Assert.Equal($"x  {word}  y", emojiWords.Replace($"x {emoji} y"));
        Assert.Equal(Triage.Explain($"she {word} twice"), Triage.Explain($"she {emoji} twice"));
    }
}
