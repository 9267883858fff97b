using LeashBot.Understanding;

namespace LeashBot.Tests.Understanding.Semantic;

/// <summary>
/// What the semantic reader costs a turn: a message read before (however it is capitalized or spaced) comes from the
/// cache without the head; the ONNX runtime runs each message on the calling thread alone; and the model can start
/// loading before the host is built, with the warm-up waiting for that same load.
/// </summary>
public sealed class SemanticCostTests
{
    [Fact]
    public void A_repeated_message_is_read_by_the_head_once_and_gets_the_same_reading()
    {
        var reader = new SemanticReader(SemanticHeadTrainingTests.CommittedHead, new SemanticOptions());
        var first = reader.Read("can she wear her harness overnight?");
        Assert.Equal(1, reader.HeadReadings);

        var again = reader.Read("  Can she wear her   harness OVERNIGHT? ");
        Assert.Equal(1, reader.HeadReadings);
        Assert.Same(first, again);

        var other = reader.Read("my dog keeps pulling on his lead");
        Assert.Equal(2, reader.HeadReadings);
        Assert.NotSame(first, other);
        Assert.Equal(first.Topics.Select(t => t.TopicId), reader.Read("can she wear her harness overnight?").Topics.Select(t => t.TopicId));
    }

    [Fact]
    public void The_runtime_runs_each_message_on_one_thread_in_order()
    {
        using var settings = SentenceEmbeddings.SessionSettings();
        Assert.Equal(1, settings.IntraOpNumThreads);
        Assert.Equal(1, settings.InterOpNumThreads);
        Assert.Equal(Microsoft.ML.OnnxRuntime.ExecutionMode.ORT_SEQUENTIAL, settings.ExecutionMode);
    }

    [Fact]
    public async Task Loading_in_the_background_loads_the_model_once_and_the_warm_up_uses_it()
    {
        var loading = SemanticReader.StartLoading();
        Assert.Same(loading, SemanticReader.StartLoading());
        await loading.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(SentenceEmbeddings.IsLoaded);

        new SemanticReader(SemanticHeadTrainingTests.CommittedHead, new SemanticOptions()).WarmUp();
        Assert.Same(SentenceEmbeddings.Instance, SentenceEmbeddings.Instance);
    }
}
