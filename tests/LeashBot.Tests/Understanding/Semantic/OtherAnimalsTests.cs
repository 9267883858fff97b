using LeashBot.Understanding;

namespace LeashBot.Tests.Understanding.Semantic;

/// <summary>
/// Other animals in the one decision: a question about another animal alone gets no topic from the word lists'
/// certainty (their topic words may be about that animal), and a question that brings the cat in beside another
/// animal is never sent to "that's not something I know".
/// </summary>
public sealed class OtherAnimalsTests
{
    private static SemanticDecision Decision => new(new SemanticReader(SemanticHeadTrainingTests.CommittedHead, new SemanticOptions()));

    private static Recognition Certain(string topic) => new(topic, 0.99, RecognitionKind.Confident, [new TopicScore(topic, 0.99)]);

    [Theory]
    [InlineData("how long should a walk be for a 10 week old puppy", "faq.firstOutdoor")]
    public void A_word_list_topic_about_another_animal_alone_is_left_to_the_head(string text, string wordListTopic)
    {
        Assert.Equal(wordListTopic, Decision.Decide(text, Certain(wordListTopic), Animals.None).TopicId);
        var decided = Decision.Decide(text, Certain(wordListTopic), Animals.Other);
        Assert.Equal(RecognitionKind.OutOfScope, decided.Kind);
    }

    [Theory]
    [InlineData("what's a good recipe for lasagne")]
    [InlineData("how do i get my dog to stop barking at my cat")]
    public void A_message_with_the_cat_and_another_animal_in_a_topic_is_never_sent_away(string text)
    {
        var lexical = new Recognition("faq.safety", 0.5, RecognitionKind.Confident, [new TopicScore("faq.safety", 0.5)]);
        Assert.NotEqual(RecognitionKind.OutOfScope, Decision.Decide(text, lexical, Animals.Cat | Animals.Other).Kind);
        Assert.Equal(RecognitionKind.OutOfScope, Decision.Decide("what's a good recipe for lasagne", lexical, Animals.None).Kind);
    }

    [Theory]
    [InlineData("how snug should the harness be on her chest", "faq.whyLeash", "faq.fit")]
    [InlineData("she slipped right out of the harness in the garden", "faq.worried", "struggle.slipsOut")]
    public void The_head_overrules_a_sure_word_list_topic_it_gives_next_to_no_chance(string text, string wrongTopic, string rightTopic)
    {
        var sure = new Recognition(wrongTopic, 0.9, RecognitionKind.Confident, [new TopicScore(wrongTopic, 0.9)]);
        Assert.Equal(rightTopic, Decision.Decide(text, sure, Animals.None).TopicId);

        // The word lists' topic stands when the head gives it a real chance, and always when they are certain.
        var right = new Recognition(rightTopic, 0.9, RecognitionKind.Confident, [new TopicScore(rightTopic, 0.9)]);
        Assert.Equal(rightTopic, Decision.Decide(text, right, Animals.None).TopicId);
        Assert.Equal(wrongTopic, Decision.Decide(text, sure with { Confidence = 0.97 }, Animals.None).TopicId);
    }

    [Theory]
    [InlineData("could our boy come on walks with the lab")]
    [InlineData("can she walk with our lab?")]
    public void Another_animal_alone_stays_in_the_topic_both_readers_agree_on(string text)
    {
        var lexical = RepoFiles.Recognizer.Recognize(text);
        Assert.Equal("faq.safety", lexical.TopicId);
        Assert.Equal("faq.safety", Decision.Decide(text, lexical, Animals.Other).TopicId);
    }

    [Theory]
    [InlineData("ugh gardening all day, my back 😩")]
    [InlineData("spent all day pottering in the garden")]
    public void A_word_list_topic_the_head_gives_next_to_no_chance_is_not_sure(string text)
    {
        var weak = new Recognition("faq.wearTime", 0.7, RecognitionKind.Confident, [new TopicScore("faq.wearTime", 0.7)]);
        var decided = Decision.Decide(text, weak, Animals.None);
        Assert.NotEqual("faq.wearTime", decided.TopicId);
        Assert.NotEqual(RecognitionKind.Confident, decided.Kind);

        // A topic the head gives a real chance still stands.
        Assert.Equal("faq.wearTime", Decision.Decide("can it stay on all day", weak, Animals.None).TopicId);
    }

    [Theory]
    [InlineData("my dog's harness, would it fit the cat?", Animals.Cat | Animals.Other)]
    [InlineData("my labrador drags me down the road", Animals.Other)]
    [InlineData("can the kitten walk with our guinea pig out", Animals.Cat | Animals.Other)]
    [InlineData("how do i fit the harness", Animals.None)]
    public void The_reader_tells_which_animals_a_message_names(string text, Animals expected)
    {
        Assert.Equal(expected, RepoFiles.SemanticReader.AnimalsIn(text));
    }
}
