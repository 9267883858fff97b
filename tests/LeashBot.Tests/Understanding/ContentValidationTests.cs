using LeashBot.Understanding;

namespace LeashBot.Tests.Understanding;

/// <summary>The shipped topics and the ids the conversation routes on agree (broken topics are refused in ContentLoadingTests).</summary>
public sealed class ContentValidationTests
{
    [Fact]
    public void The_shipped_content_has_every_fixed_topic()
    {
        var ids = RepoFiles.Understanding.Topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(ids, TopicIds.All.ToHashSet(StringComparer.Ordinal));

        // FAQ answers and struggles are content only; every other topic is routed by its constant.
        Assert.Subset(TopicIds.All.ToHashSet(StringComparer.Ordinal), ids.Where(id => !id.StartsWith("faq.", StringComparison.Ordinal) && !id.StartsWith("struggle.", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal));
        Assert.All(RepoFiles.Understanding.Topics, t => Assert.InRange(t.Examples.Count, 6, 15));
    }
}
