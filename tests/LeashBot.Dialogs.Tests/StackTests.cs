using LeashBot.Dialogs;
using Microsoft.Bot.Builder;

namespace LeashBot.Dialogs.Tests;

/// <summary>Records why it was ended, to check the engine's clean-up calls.</summary>
internal sealed class RecordingDialog(string id, List<string> log) : Dialog(id)
{
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        await dc.Context.SendActivityAsync($"{Id} waiting", cancellationToken: cancellationToken);
        return EndOfTurn;
    }

    public override Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        log.Add($"{Id}:{reason}");
        return Task.CompletedTask;
    }
}

public class StackTests
{
    [Fact]
    public async Task Cancel_all_ends_every_dialog_with_CancelCalled_and_the_next_message_starts_fresh()
    {
        var log = new List<string>();
        var root = new WaterfallDialog("root",
        [
            (step, ct) => step.BeginDialogAsync("child", null, ct),
            (step, ct) => Say.SendAndWait(step, "never reached", ct),
        ]);
        var bot = new DialogTestBot(root, new RecordingDialog("child", log))
        {
            BeforeContinue = async (dc, ct) => dc.Context.Activity.Text == "stop" ? await dc.CancelAllDialogsAsync(ct) : null,
        };

        await bot.Flow()
            .Send("hi").AssertReply("child waiting")
            .Send("stop").AssertNoReply("nothing more", 200)
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Cancelled, bot.LastResult.Status);
        Assert.Equal(["child:CancelCalled"], log);
        Assert.Equal(0, bot.SavedStackDepth());

        await bot.Flow().Send("hello again").AssertReply("child waiting").StartTestAsync();
    }

    [Fact]
    public async Task Cancel_all_on_an_empty_stack_reports_Empty()
    {
        var dc = new DialogContext(new DialogSet(), new TurnContext(new Microsoft.Bot.Builder.Adapters.TestAdapter(), Say.Text("hi")), new DialogState());

        Assert.Equal(DialogTurnStatus.Empty, (await dc.CancelAllDialogsAsync()).Status);
    }

    [Fact]
    public async Task Replace_ends_the_active_dialog_and_the_parent_receives_the_replacements_result()
    {
        var log = new List<string>();
        var first = new WaterfallDialog("first",
        [
            (step, ct) => step.ReplaceDialogAsync("second", "handed over", ct),
            (step, ct) => Say.SendAndWait(step, "first continued (wrong)", ct),
        ]);
        var second = new WaterfallDialog("second",
        [
            (step, ct) => Say.SendAndWait(step, $"second began with {step.GetOptions<string>()}", ct),
            (step, ct) => step.EndDialogAsync($"second got {step.GetResult<string>()}", ct),
        ]);
        var parent = new WaterfallDialog("parent",
        [
            (step, ct) => step.BeginDialogAsync("first", null, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"parent resumed: {step.GetResult<string>()}", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]);
        var bot = new DialogTestBot(parent, first, second);

        await bot.Flow()
            .Send("hi").AssertReply("second began with handed over")
            .Send("ok").AssertReply("parent resumed: second got ok")
            .StartTestAsync();
    }

    [Fact]
    public async Task Replacing_a_dialog_with_itself_loops_with_new_options()
    {
        var loop = new WaterfallDialog("loop",
        [
            (step, ct) => Say.SendAndWait(step, $"round {step.GetOptions<int>()}", ct),
            (step, ct) => step.GetResult<string>() == "again"
                ? step.ReplaceDialogAsync("loop", step.GetOptions<int>() + 1, ct)
                : step.EndDialogAsync(step.GetOptions<int>(), ct),
        ]);
        var bot = new DialogTestBot(loop);

        await bot.Flow()
            .Send("hi").AssertReply("round 0")
            .Send("again").AssertReply("round 1")
            .Send("again").AssertReply("round 2")
            .Send("done")
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, bot.LastResult.Status);
        Assert.Equal(2, bot.LastResult.Result);
        Assert.Equal(0, bot.SavedStackDepth());
    }

    [Fact]
    public void A_set_refuses_two_dialogs_with_the_same_id()
    {
        var set = new DialogSet().Add(new TextPrompt("name"));

        var ex = Assert.Throws<ArgumentException>(() => set.Add(new TextPrompt("name")));
        Assert.Contains("already in this set", ex.Message, StringComparison.Ordinal);
        Assert.IsType<TextPrompt>(set.Find("name"));
        Assert.Null(set.Find("other"));
    }

    [Fact]
    public async Task Beginning_an_unknown_dialog_explains_how_to_register_it()
    {
        var bot = new DialogTestBot(new WaterfallDialog("root", [(s, ct) => s.BeginDialogAsync("missing", null, ct)]));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => bot.Flow().Send("hi").StartTestAsync());
        Assert.Contains("'missing'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("DialogSet.Add", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_set_without_a_state_accessor_cannot_create_a_context()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new DialogSet().CreateContextAsync(new TurnContext(new Microsoft.Bot.Builder.Adapters.TestAdapter(), Say.Text("hi"))));
        Assert.Contains("CreateProperty<DialogState>", ex.Message, StringComparison.Ordinal);
    }
}
