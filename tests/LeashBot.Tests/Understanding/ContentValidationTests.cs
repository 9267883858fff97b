using LeashBot.Understanding;

namespace LeashBot.Tests.Understanding;

public sealed class ContentValidationTests
{
    [Fact]
    public void The_shipped_content_is_valid_and_has_every_fixed_topic()
    {
        Assert.Empty(RepoFiles.Content.Validate());
        var ids = RepoFiles.Content.Topics!.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(ids, TopicIds.All.ToHashSet(StringComparer.Ordinal));

        // FAQ answers and struggles are content only; every other topic is routed by its constant.
        Assert.Subset(TopicIds.All.ToHashSet(StringComparer.Ordinal), ids.Where(id => !id.StartsWith("faq.", StringComparison.Ordinal) && !id.StartsWith("struggle.", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal));
        Assert.All(RepoFiles.Content.Topics!, t => Assert.InRange(t.Examples!.Count, 6, 15));
    }

    [Fact]
    public void Problems_are_reported_with_json_paths()
    {
        var content = UnderstandingContent.Parse("""
            {
              "global": {
                "thresholds": { "confident": 1.5, "minimum": 0.2, "ambiguityMargin": 0.05, "decisiveMargin": 0.1 },
                "fillerWords": ["um", "um"],
                "synonyms": [ { "canonical": "leash", "terms": ["leash", "lead"] }, { "canonical": "rope", "terms": ["lead"] } ]
              },
              "colour": "blue",
              "topics": [
                { "id": "greeting", "examples": ["hi", ""], "keywords": [ { "text": "hi", "weight": 0 } ] },
                { "id": "greeting", "examples": ["HI "], "extra": true },
                { "id": "Bad Id", "examples": [] }
              ]
            }
            """);

        var problems = content.Validate().Select(p => p.Path).ToList();

        Assert.Contains("$.colour", problems);
        Assert.Contains("$.global.thresholds.confident", problems);
        Assert.Contains("$.global.fillerWords[1]", problems);
        Assert.Contains("$.global.synonyms[1].terms[0]", problems);
        Assert.Contains("$.topics[0].examples[1]", problems);
        Assert.Contains("$.topics[0].keywords[0].weight", problems);
        Assert.Contains("$.topics[1].id", problems);
        Assert.Contains("$.topics[1].examples[0]", problems);
        Assert.Contains("$.topics[1].extra", problems);
        Assert.Contains("$.topics[2].id", problems);
        Assert.Contains("$.topics[2].examples", problems);
        Assert.Contains("$.topics", problems); // outOfScope is missing
        Assert.Throws<InvalidOperationException>(() => TopicRecognizer.Build(content));
    }
}
