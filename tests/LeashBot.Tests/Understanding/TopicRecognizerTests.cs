using LeashBot.Content;
using LeashBot.Understanding;

namespace LeashBot.Tests.Understanding;

public sealed class TopicRecognizerTests
{
    [Theory]
    [InlineData("my cat froze, what now?", TopicIds.StruggleFreezes)]
    [InlineData("she wriggled out of the harnes", TopicIds.StruggleSlipsOut)]
    [InlineData("can i use a retractible leash", TopicIds.FaqLeash)]
    public void Must_pass_utterances_are_confident(string text, string topic)
    {
        var r = RepoFiles.Recognizer.Recognize(text);
        Assert.Equal(RecognitionKind.Confident, r.Kind);
        Assert.Equal(topic, r.TopicId);
    }

    [Fact]
    public void Trivia_is_out_of_scope_or_unsure()
    {
        var r = RepoFiles.Recognizer.Recognize("what's the capital of France");
        Assert.Contains(r.Kind, new[] { RecognitionKind.OutOfScope, RecognitionKind.Unsure });
    }

    [Fact]
    public void Safety_questions_get_the_safety_answer()
    {
        var r = RepoFiles.Recognizer.Recognize("is it safe outside");
        Assert.Equal(RecognitionKind.Confident, r.Kind);
        Assert.Equal(TopicIds.FaqSafety, r.TopicId);
    }

    [Fact]
    public void A_greeting_before_a_question_yields_to_the_question()
    {
        var r = RepoFiles.Recognizer.Recognize("hi there! my cat keeps chewing the harness");
        Assert.Equal(TopicIds.StruggleChews, r.TopicId);
    }

    [Fact]
    public void Empty_text_is_unsure()
    {
        var r = RepoFiles.Recognizer.Recognize("  🙂 ");
        Assert.Equal(RecognitionKind.Unsure, r.Kind);
        Assert.Null(r.TopicId);
    }

    [Fact]
    public void Close_topics_are_ambiguous_with_both_candidates()
    {
        var content = new UnderstandingContent
        {
            Global = new GlobalSettings { Thresholds = new Thresholds { Confident = 0.4, Minimum = 0.2, AmbiguityMargin = 0.05, DecisiveMargin = 0.15 } },
            Topics =
            [
                new TopicDefinition { Id = "park", Examples = ["walk the cat in the park", "a walk in the park"] },
                new TopicDefinition { Id = "garden", Examples = ["walk the cat in the garden", "a walk in the garden"] },
                new TopicDefinition { Id = "outOfScope", Examples = ["what is the weather"] },
            ],
        };
        var recognizer = TopicRecognizer.Build(content);

        var r = recognizer.Recognize("walk the cat");

        Assert.Equal(RecognitionKind.Ambiguous, r.Kind);
        Assert.Equal(["garden", "park"], r.Candidates.Take(2).Select(c => c.TopicId).Order());
        Assert.Equal("park", recognizer.Recognize("walk the cat in the park").TopicId);
    }

    [Fact]
    public void Recognize_is_thread_safe()
    {
        var recognizer = RepoFiles.Recognizer;
        var expected = recognizer.Recognize("she just sits there and won't move forward");
        Parallel.For(0, 2000, _ =>
        {
            var r = recognizer.Recognize("she just sits there and won't move forward");
            Assert.Equal(expected.TopicId, r.TopicId);
            Assert.Equal(expected.Confidence, r.Confidence);
        });
    }
}
