using LeashBot.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;

namespace LeashBot.Dialogs.Tests;

public class VersionTests
{
    private static WaterfallDialog Survey(string revision = "1", int extraSteps = 0)
    {
        var steps = new List<WaterfallStep<NoValues>>
        {
            (step, ct) => Say.SendAndWait(step, "Question 1", ct),
            (step, ct) => Say.SendAndWait(step, "Question 2", ct),
        };
        for (var i = 0; i < extraSteps; i++)
        {
            steps.Add((step, ct) => Say.SendAndWait(step, "Extra question", ct));
        }

        return new WaterfallDialog("survey", steps) { Revision = revision };
    }

    private static ComponentDialog Wrapper(int extraInnerSteps) =>
        new ComponentDialog("wrapper").AddDialog(Survey(extraSteps: extraInnerSteps));

    [Fact]
    public async Task An_unchanged_definition_continues_the_saved_conversation()
    {
        var bot = new DialogTestBot(Survey());

        await bot.Flow().Send("hi").AssertReply("Question 1").StartTestAsync();
        bot.Dialogs = [Survey()];
        await bot.Flow().Send("answer").AssertReply("Question 2").StartTestAsync();

        Assert.Equal([false, false], bot.Discarded);
    }

    [Fact]
    public async Task A_changed_waterfall_revision_discards_the_saved_stack_and_starts_over()
    {
        var bot = new DialogTestBot(Survey());

        await bot.Flow().Send("hi").AssertReply("Question 1").StartTestAsync();
        bot.Dialogs = [Survey(revision: "2")];
        await bot.Flow().Send("answer").AssertReply("Question 1").StartTestAsync();

        Assert.Equal([false, true], bot.Discarded);
    }

    [Fact]
    public async Task A_waterfall_with_a_different_number_of_steps_discards_the_saved_stack()
    {
        var bot = new DialogTestBot(Survey());

        await bot.Flow().Send("hi").AssertReply("Question 1").StartTestAsync();
        bot.Dialogs = [Survey(extraSteps: 1)];
        await bot.Flow().Send("answer").AssertReply("Question 1").StartTestAsync();

        Assert.True(bot.Discarded[^1]);
    }

    [Fact]
    public async Task A_saved_entry_for_a_dialog_that_no_longer_exists_discards_the_stack()
    {
        var bot = new DialogTestBot(Survey());

        await bot.Flow().Send("hi").AssertReply("Question 1").StartTestAsync();
        bot.Dialogs = [new WaterfallDialog("renamed", [(step, ct) => Say.SendAndWait(step, "New flow", ct)])];
        await bot.Flow().Send("answer").AssertReply("New flow").StartTestAsync();

        Assert.True(bot.Discarded[^1]);
    }

    [Fact]
    public void A_components_version_changes_when_a_nested_waterfall_changes_and_only_then()
    {
        Assert.Equal(Wrapper(0).Version, Wrapper(0).Version);
        Assert.NotEqual(Wrapper(0).Version, Wrapper(1).Version);

        var outer = new ComponentDialog("outer").AddDialog(Wrapper(0));
        var outerChanged = new ComponentDialog("outer").AddDialog(Wrapper(1));
        Assert.NotEqual(outer.Version, outerChanged.Version);
    }

    [Fact]
    public async Task Changing_a_waterfall_nested_in_a_component_discards_the_saved_stack_at_the_top()
    {
        var bot = new DialogTestBot(Wrapper(0));

        await bot.Flow().Send("hi").AssertReply("Question 1").StartTestAsync();
        bot.Dialogs = [Wrapper(1)];
        await bot.Flow().Send("answer").AssertReply("Question 1").StartTestAsync();

        Assert.Equal([false, true], bot.Discarded);
    }

    [Fact]
    public async Task A_changed_dialog_from_the_outer_set_on_a_components_inner_stack_is_also_detected()
    {
        // The component begins "survey", which it finds in the top-level set, so its own version does not cover it.
        var wrapper = new ComponentDialog("wrapper").AddDialog(new WaterfallDialog("start", [(step, ct) => step.BeginDialogAsync("survey", null, ct)]));
        var bot = new DialogTestBot(wrapper, Survey());

        await bot.Flow().Send("hi").AssertReply("Question 1").StartTestAsync();
        bot.Dialogs = [wrapper, Survey(revision: "2")];
        await bot.Flow().Send("answer").AssertReply("Question 1").StartTestAsync();

        Assert.Equal([false, true], bot.Discarded);
    }

    [Fact]
    public async Task RunAsync_lets_the_bot_speak_before_starting_over_after_a_discard()
    {
        var storage = new JsonRoundTripStorage();
        var state = new ConversationState(storage);
        var accessor = state.CreateProperty<DialogState>("DialogState");
        Dialog current = Survey();

        BotCallbackHandler turn = async (turnContext, ct) =>
        {
            await current.RunAsync(turnContext, accessor, (dc, token) => dc.Context.SendActivityAsync("Starting that again", cancellationToken: token), ct);
            await state.SaveChangesAsync(turnContext, false, ct);
        };

        await new TestFlow(new TestAdapter(), turn).Send("hi").AssertReply("Question 1").StartTestAsync();
        current = Survey(revision: "2");
        await new TestFlow(new TestAdapter(), turn)
            .Send("answer").AssertReply("Starting that again").AssertReply("Question 1")
            .Send("answer").AssertReply("Question 2")
            .StartTestAsync();
    }
}
