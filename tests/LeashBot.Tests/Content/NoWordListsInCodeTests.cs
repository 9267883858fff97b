using LeashBot.Tests.Support;

namespace LeashBot.Tests.Content;

/// <summary>
/// The words a message is read with live in dialogs/*.json, like the words the bot says: a list of two or more words
/// in C# (an array or set of them, or <c>is "a" or "an" or "the"</c>) fails this test. Ids, channel names, settings
/// formats and the engine's own defaults are no such list; each file that has one is listed below with the reason.
/// </summary>
public sealed class NoWordListsInCodeTests
{
    /// <summary>Files whose lists of lowercase words are not words read from a message, and why.</summary>
    private static readonly (string File, string Why)[] NotWordLists =
    [
        ("src/LeashBot.Dialogs/", "the engine's own recognizers (yes/no, choices, durations) carry their default words: the engine loads no content"),
        ("src/LeashBot/Content/Template.cs", "the placeholder names content text may use, checked at start-up"),
        ("src/LeashBot/Content/OpeningHours.cs", "day names of the opening-hours setting's format, read from settings"),
        ("src/LeashBot/Content/Rules/RedFlagRules.cs", "the red-flag tier ids"),
        ("src/LeashBot/Safety/RedFlagTierHead.cs", "the tier head's output labels"),
        ("src/LeashBot/Safety/TriageLexicon.cs", "how words are put together: French elided letters and the endings the stemmer strips"),
        ("src/LeashBot/Understanding/NameRules.cs", "how words are put together: endings of words formed as verbs, adverbs and adjectives"),
        ("src/LeashBot/Understanding/StepReferenceReader.cs", "how words are put together: ordinal endings (\"2nd\")"),
        ("src/LeashBot/Understanding/AnswerReader.cs", "the single letters y and n as a whole reply"),
        ("src/LeashBot/Channels/", "channel ids and URL schemes"),
        ("src/LeashBot/Coaching/Reminders/ReminderConversation.cs", "channel ids"),
        ("src/LeashBot/Hosting/", "table names, tenant ids and chart series names of the host and the staff console"),
    ];

    [Fact]
    public void No_source_file_holds_a_list_of_words_to_read()
    {
        var found = WordingScan.SourceFiles().SelectMany(f => WordingScan.FindWordLists(File.ReadAllText(Path.Combine(RepoRoot.Path, f)), f)).ToList();

        var unexplained = found.Where(w => !NotWordLists.Any(n => w.StartsWith(n.File, StringComparison.Ordinal))).ToList();
        Assert.True(unexplained.Count == 0, "Word lists in C# (move them to dialogs/ and its schema):\n" + string.Join("\n", unexplained));

        var stale = NotWordLists.Select(n => n.File).Where(k => !found.Any(w => w.StartsWith(k, StringComparison.Ordinal))).ToList();
        Assert.True(stale.Count == 0, "Allow-list entries with nothing left to allow (remove them): " + string.Join(", ", stale));
    }

    [Fact]
    public void The_scan_finds_lists_of_words_but_not_single_words_or_ids()
    {
        const string source = """
            public sealed class Sample
            {
                private static readonly string[] Skip = ["to", "as", "be"];
                private static readonly HashSet<string> Common = new() { "like", "that" };
                private static readonly string[] Ids = ["plan.log", "faq.size"];
                public bool A(string w, string[] words) => w is "a" or "an" or "the";
                public bool B(string w) => w == "not";
                public bool C(string w) => w is "," or "step";
                public string[] D() => ["x1", "Y"];
            }
            """;

        var found = WordingScan.FindWordLists(source, "Sample.cs").Select(f => f[(f.IndexOf(':', StringComparison.Ordinal) + 1)..]).ToList();

        Assert.Equal(["3", "4", "6"], found.Select(f => f[..f.IndexOf(':', StringComparison.Ordinal)]));
    }
}
