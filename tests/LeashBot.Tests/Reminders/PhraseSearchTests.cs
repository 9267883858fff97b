using System.Text.RegularExpressions;
using LeashBot.Coaching.Reminders;
using LeashBot.Content;
using LeashBot.Tests.Support;

namespace LeashBot.Tests.Reminders;

/// <summary>
/// The reminder reader finds its phrases with a plain search instead of a regular expression built per phrase and
/// message. The search must find exactly what the expression found: a phrase starting a word (and, for whole words,
/// ending one), on every phrase of dialogs/reminders.json against messages typed the way owners type.
/// </summary>
public sealed class PhraseSearchTests
{
    private static readonly string[] Messages =
    [
        "remind me at 7pm pls", "can u nudge me tmrw morning", "weekdays at 8am", "no more reminders!!", "pause reminders for 2 weeks",
        "what are my reminders?", "whats my reminder", "stop", "unpause", "paused", "resume them", "every day at 6:30 please",
        "make it weekends in the evening", "remind me what step 4 is", "I'd like reminders", "remindme at 7", "at7pm", "that's all",
        "my cat luna hates mornings", "at noon on mondays and fridays", "everyday", "every-day at 9", "tonight", "this evening pls 🙏",
        "can you stop reminding me", "reminders off", "turn off the nudges", "london", "new york pls", "EST", "europe/london",
        "dont remind me on weekends", "  lots   of   space  ", "", "a", "7", "12:00", "stopped reminders and paused", "restart reminders",
    ];

    public static TheoryData<string> Phrases()
    {
        var reminders = BotContent.Load(Path.Combine(RepoRoot.Path, "dialogs")).Reminders;
        var words = reminders.Words;
        var data = new TheoryData<string>();
        foreach (var phrase in new[] { words.Ask, words.Practise, words.Stop, words.Pause, words.Resume, words.Questions, words.Status, words.Change,
            words.Weekdays, words.Weekends, words.EveryDay, words.Tomorrow, words.Pm, words.Am, words.At, [.. words.PartsOfDay.Keys], [.. reminders.Places.Zones.Keys] }
            .SelectMany(p => p).Distinct(StringComparer.Ordinal))
        {
            data.Add(phrase);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Phrases))]
    public void Each_reminder_phrase_is_found_where_the_regular_expression_found_it(string phrase)
    {
        Assert.NotEmpty(phrase);
        foreach (var message in Messages.Append(phrase).Append("x" + phrase).Append(phrase + "s").Append(phrase + " ok").Append("ok " + phrase))
        {
            var norm = " " + Regex.Replace(message.ToLowerInvariant(), @"\s+", " ").Trim() + " ";
            var escaped = Regex.Escape(phrase);
            Assert.True(Regex.IsMatch(norm, @"(?<![a-z0-9])" + escaped + @"(?![a-z0-9])") == PhraseSearch.HasWord(norm, phrase), $"whole word '{phrase}' in '{norm}'");
            Assert.True(Regex.IsMatch(norm, @"(?<![a-z0-9])" + escaped) == PhraseSearch.HasStart(norm, phrase), $"word start '{phrase}' in '{norm}'");
            Assert.True(Regex.IsMatch(norm, @"^ " + escaped + @"(?![a-z0-9])") == PhraseSearch.Opens(norm, phrase), $"opening '{phrase}' in '{norm}'");
        }
    }

    [Theory]
    [InlineData(" remind me at 7 pm ", "at 7", true)]
    [InlineData(" that is all ", "at", false)]
    [InlineData(" paused it ", "pause", false)]
    [InlineData(" at7 ", "at", false)]
    [InlineData(" stop ", "stop", true)]
    [InlineData(" stop", "stop", true)]
    [InlineData("", "stop", false)]
    public void A_whole_word_phrase_needs_a_word_edge_on_both_sides(string text, string phrase, bool found) =>
        Assert.Equal(found, PhraseSearch.HasWord(text, phrase));

    [Theory]
    [InlineData(" paused it ", "pause", true)]
    [InlineData(" unpause ", "pause", false)]
    [InlineData(" un-pause ", "pause", true)]
    [InlineData(" what are my reminders ", "what are", true)]
    public void A_phrase_may_end_inside_a_word_but_must_start_one(string text, string phrase, bool found) =>
        Assert.Equal(found, PhraseSearch.HasStart(text, phrase));

    [Theory]
    [InlineData(" what are my reminders ", "what are", true)]
    [InlineData(" so what are my reminders ", "what are", false)]
    [InlineData(" whatever ", "what", false)]
    [InlineData(" what", "what", true)]
    [InlineData("what are", "what", false)]
    public void An_opening_phrase_comes_first(string text, string phrase, bool found) =>
        Assert.Equal(found, PhraseSearch.Opens(text, phrase));
}
