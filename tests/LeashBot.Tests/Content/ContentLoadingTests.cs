using LeashBot.Content;
using LeashBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Content;

/// <summary>
/// The shipped content loads; broken copies of it are refused with the file, the place and the problem.
/// Broken in these ways: invalid JSON, a missing key, an unknown key, a wrong type, an unknown placeholder,
/// nine steps, a misnumbered step, a duplicate id, a phrase in two command lists, a missing file, a missing folder;
/// in the topics: a threshold above 1, a repeated filler word, a synonym in two groups, an empty example, an example
/// in two topics, a zero keyword weight, a repeated or malformed topic id, a topic without examples, no out-of-scope
/// topic, an unknown key inside a topic.
/// </summary>
public sealed class ContentLoadingTests
{
    private static readonly string Shipped = Path.Combine(RepoRoot.Path, "dialogs");

    [Fact]
    public void The_shipped_content_loads_with_ten_steps_six_questions_and_five_struggles()
    {
        var content = BotContent.Load(Shipped);
        Assert.Equal(10, content.Plan.Steps.Count);
        Assert.Equal(6, content.Checklist.Questions.Count);
        Assert.Equal(5, content.Troubleshooting.Struggles.Count);
        Assert.Equal(2, content.Faq.Stories.Count);
    }

    [Theory]
    [InlineData("plan.json", "\"intro\": \"Here", "\"intro\": Here", "dialogs/plan.json line", "not valid JSON")]
    [InlineData("messages.json", "\"help\": ", "\"helpp\": ", "dialogs/messages.json line", "helpp")]
    [InlineData("checklist.json", "\"readyThreshold\": 4", "\"readyThreshold\": \"most\"", "dialogs/checklist.json line", "readyThreshold")]
    [InlineData("messages.json", "cats at {org.name}.", "cats at {org.nmae}.", "dialogs/messages.json line 3", "unknown placeholder {org.nmae}")]
    [InlineData("plan.json", "\"number\": 4,", "\"number\": 7,", "dialogs/plan.json line", "steps[3].number")]
    [InlineData("troubleshooting.json", "\"id\": \"struggle.chews\"", "\"id\": \"struggle.freezes\"", "dialogs/troubleshooting.json", "'struggle.freezes' is used twice")]
    [InlineData("messages.json", "\"menu\": [", "\"menu\": [\n      \"stop\",", "dialogs/messages.json line", "'stop' is also a 'cancel' command")]
    [InlineData("redflags.json", "\"tier\": \"soon\"", "\"tier\": \"someday\"", "dialogs/redflags.json line", "it must be 'emergency' or 'soon'")]
    [InlineData("redflags.json", "\"@ingest @toxin\"", "\"@ingest @toxins\"", "dialogs/redflags.json line", "there is no word group 'toxins'")]
    [InlineData("understanding.json", "\"confident\": 0.42", "\"confident\": 1.42", "dialogs/understanding.json line", "global.thresholds.confident): must be between 0 and 1")]
    [InlineData("understanding.json", "\"social\": true", "\"social\": true, \"colour\": \"blue\"", "dialogs/understanding.json line", "colour")]
    [InlineData("redflags.json", "Please get {cat} to a vet", "\u26a0\ufe0f Please get {cat} to a vet", "dialogs/redflags.json line", "not a plain SMS (GSM-7) character")]
    public void A_broken_file_is_refused_naming_the_file_the_place_and_the_problem(string file, string find, string replace, string where, string what)
    {
        var folder = CopyOfShippedContent();
        var path = Path.Combine(folder, file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, ReplaceFirst(text, find, replace));
        var error = Assert.Throws<ContentException>(() => BotContent.Load(folder));
        Assert.Contains(where, error.Message, StringComparison.Ordinal);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_is_named()
    {
        var folder = CopyOfShippedContent();
        var path = Path.Combine(folder, "messages.json");
        var lines = File.ReadAllLines(path).Where(l => !l.TrimStart().StartsWith("\"tooLong\"", StringComparison.Ordinal));
        File.WriteAllLines(path, lines);
        var error = Assert.Throws<ContentException>(() => BotContent.Load(folder));
        Assert.Contains("dialogs/messages.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("tooLong", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_with_nine_steps_is_refused()
    {
        var folder = CopyOfShippedContent();
        var path = Path.Combine(folder, "plan.json");
        var plan = JObject.Parse(File.ReadAllText(path));
        ((JArray)plan["steps"]!).RemoveAt(9);
        File.WriteAllText(path, plan.ToString());
        var error = Assert.Throws<ContentException>(() => BotContent.Load(folder));
        Assert.Contains("the plan has 9 steps; it must have 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_and_a_missing_folder_are_named()
    {
        var folder = CopyOfShippedContent();
        File.Delete(Path.Combine(folder, "faq.json"));
        Assert.Contains("dialogs/faq.json: the file is missing", Assert.Throws<ContentException>(() => BotContent.Load(folder)).Message, StringComparison.Ordinal);
        Assert.Contains("Content:Directory", Assert.Throws<ContentException>(() => BotContent.Load(Path.Combine(folder, "nope"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_in_the_topics_is_named_with_its_path()
    {
        var folder = CopyOfShippedContent();
        var path = Path.Combine(folder, "understanding.json");
        var understanding = JObject.Parse(File.ReadAllText(path));
        var global = (JObject)understanding["global"]!;
        var topics = (JArray)understanding["topics"]!;
        ((JArray)global["fillerWords"]!).Add("um");
        ((JArray)global["synonyms"]!).Add(new JObject { ["canonical"] = "rope", ["terms"] = new JArray("lead") });
        ((JArray)topics[0]["examples"]!).Add("");
        ((JArray)topics[1]["examples"]!).Add((string)topics[0]["examples"]![0]!);
        topics[2]["keywords"] = new JArray(new JObject { ["text"] = "hi", ["weight"] = 0 });
        topics[3]["id"] = topics[4]["id"];
        topics[5]["id"] = "Bad Id";
        topics[6]["examples"] = new JArray();
        topics.Where(t => (string?)t["id"] == "outOfScope").Single().Remove();
        File.WriteAllText(path, understanding.ToString());

        var error = Assert.Throws<ContentException>(() => BotContent.Load(folder)).Message;

        Assert.Contains("(global.fillerWords[", error, StringComparison.Ordinal);
        Assert.Contains("'um' is listed twice", error, StringComparison.Ordinal);
        Assert.Contains("'lead' is already a term of global.synonyms[", error, StringComparison.Ordinal);
        Assert.Contains("(topics[0].examples[", error, StringComparison.Ordinal);
        Assert.Contains("empty example", error, StringComparison.Ordinal);
        Assert.Contains("an example may teach one topic only", error, StringComparison.Ordinal);
        Assert.Contains("(topics[2].keywords[0].weight): the weight must be above 0", error, StringComparison.Ordinal);
        Assert.Contains($"(topics[4].id): the topic id '{topics[4]["id"]}' is used twice (first at topics[3])", error, StringComparison.Ordinal);
        Assert.Contains("(topics[5].id): 'Bad Id' is not a valid topic id", error, StringComparison.Ordinal);
        Assert.Contains("(topics[6].examples): a topic needs at least one example", error, StringComparison.Ordinal);
        Assert.Contains("the 'outOfScope' topic is required", error, StringComparison.Ordinal);
    }

    private static string CopyOfShippedContent()
    {
        var folder = TempFolder.Create();
        foreach (var file in Directory.EnumerateFiles(Shipped, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(Shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return folder;
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var i = text.IndexOf(find, StringComparison.Ordinal);
        return text[..i] + replace + text[(i + find.Length)..];
    }
}
