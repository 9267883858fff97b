using LeashBot.Dialogs;
using Newtonsoft.Json.Linq;

namespace LeashBot.Dialogs.Tests;

/// <summary>Asks a name, then whether the cat wears a harness; "help" and "cancel" interrupt.</summary>
internal sealed class HarnessCheckDialog : ComponentDialog
{
    public HarnessCheckDialog()
        : base("harnessCheck")
    {
        AddDialog(new WaterfallDialog<SessionValues>("steps",
        [
            (step, ct) => step.PromptAsync("name", new PromptOptions { Prompt = Say.Text("Cat's name?") }, ct),
            (step, ct) =>
            {
                step.Values.CatName = step.GetResult<string>();
                return step.PromptAsync("wears", new PromptOptions { Prompt = Say.Text($"Does {step.Values.CatName} wear it?"), MaxAttempts = 2 }, ct);
            },
            (step, ct) => step.EndDialogAsync($"{step.Values.CatName}:{step.GetResult<bool?>()}", ct),
        ]));
        AddDialog(new TextPrompt("name"));
        AddDialog(new ConfirmPrompt("wears"));
    }

    protected override async Task<DialogTurnResult?> OnInterruptAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        switch (innerDc.Context.Activity.Text?.Trim().ToUpperInvariant())
        {
            case "HELP":
                await innerDc.Context.SendActivityAsync("Help text", cancellationToken: cancellationToken);
                await innerDc.RepromptDialogAsync(cancellationToken);
                return EndOfTurn;
            case "CANCEL":
                await innerDc.Context.SendActivityAsync("Cancelled", cancellationToken: cancellationToken);
                return await innerDc.CancelAllDialogsAsync(cancellationToken);
            default:
                return null;
        }
    }
}

public class ComponentTests
{
    [Fact]
    public async Task A_component_runs_its_inner_dialogs_and_ends_with_their_result()
    {
        var bot = new DialogTestBot(new HarnessCheckDialog());

        await bot.Flow()
            .Send("hi").AssertReply("Cat's name?")
            .Send("Mochi").AssertReply("Does Mochi wear it?")
            .Send("yes she does!")
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, bot.LastResult.Status);
        Assert.Equal("Mochi:True", bot.LastResult.Result);
        Assert.Equal(0, bot.SavedStackDepth());
    }

    [Fact]
    public async Task Help_answers_and_reprompts_the_same_pending_question_without_using_an_attempt()
    {
        var bot = new DialogTestBot(new HarnessCheckDialog());

        // MaxAttempts is 2: if "help" reached the prompt, "hmm" would be the second failure and end it.
        await bot.Flow()
            .Send("hi").AssertReply("Cat's name?")
            .Send("Mochi").AssertReply("Does Mochi wear it?")
            .Send("help").AssertReply("Help text").AssertReply("Does Mochi wear it?")
            .Send("hmm").AssertReply("Does Mochi wear it?")
            .Send("nope")
            .StartTestAsync();

        Assert.Equal("Mochi:False", bot.LastResult.Result);
    }

    [Fact]
    public async Task Cancel_from_the_interruption_hook_ends_the_component_and_the_stack()
    {
        var bot = new DialogTestBot(new HarnessCheckDialog());

        await bot.Flow()
            .Send("hi").AssertReply("Cat's name?")
            .Send("cancel").AssertReply("Cancelled").AssertNoReply("nothing more", 200)
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Cancelled, bot.LastResult.Status);
        Assert.Equal(0, bot.SavedStackDepth());

        await bot.Flow().Send("hi").AssertReply("Cat's name?").StartTestAsync();
    }

    [Fact]
    public async Task Cancel_inside_a_nested_component_cancels_the_waiting_parents_too()
    {
        var parent = new WaterfallDialog("parent",
        [
            (step, ct) => step.BeginDialogAsync("harnessCheck", null, ct),
            (step, ct) => Say.SendAndWait(step, "parent resumed (wrong after a cancel)", ct),
        ]);
        var outer = new ComponentDialog("outer").AddDialog(parent).AddDialog(new HarnessCheckDialog());
        var bot = new DialogTestBot(outer);

        await bot.Flow()
            .Send("hi").AssertReply("Cat's name?")
            .Send("cancel").AssertReply("Cancelled").AssertNoReply("nothing more", 200)
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Cancelled, bot.LastResult.Status);
        Assert.Equal(0, bot.SavedStackDepth());
    }

    [Fact]
    public async Task Nested_components_pass_results_up_across_turns_through_JSON_storage()
    {
        var parent = new WaterfallDialog<SessionValues>("parent",
        [
            (step, ct) =>
            {
                step.Values.Notes.Add("started");
                return step.BeginDialogAsync("harnessCheck", null, ct);
            },
            async (step, ct) =>
            {
                step.Values.Notes.Add(step.GetResult<string>()!);
                await step.Context.SendActivityAsync(string.Join(" / ", step.Values.Notes), cancellationToken: ct);
                return await step.EndDialogAsync("outer done", ct);
            },
        ]);
        var outer = new ComponentDialog("outer").AddDialog(parent).AddDialog(new HarnessCheckDialog());
        var bot = new DialogTestBot(outer);

        await bot.Flow()
            .Send("hi").AssertReply("Cat's name?")
            .Send("help").AssertReply("Help text").AssertReply("Cat's name?")
            .Send("Mochi").AssertReply("Does Mochi wear it?")
            .Send("👍").AssertReply("started / Mochi:True")
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, bot.LastResult.Status);
        Assert.Equal("outer done", bot.LastResult.Result);
        Assert.DoesNotContain("$type", bot.Storage.AllJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_begins_the_dialog_then_continues_it_on_later_turns()
    {
        var storage = new JsonRoundTripStorage();
        var state = new Microsoft.Bot.Builder.ConversationState(storage);
        var accessor = state.CreateProperty<DialogState>("DialogState");
        var dialog = new HarnessCheckDialog();
        var statuses = new List<DialogTurnStatus>();

        await new Microsoft.Bot.Builder.Adapters.TestFlow(new Microsoft.Bot.Builder.Adapters.TestAdapter(), async (turn, ct) =>
            {
                statuses.Add(await dialog.RunAsync(turn, accessor, ct));
                await state.SaveChangesAsync(turn, false, ct);
            })
            .Send("hi").AssertReply("Cat's name?")
            .Send("Mochi").AssertReply("Does Mochi wear it?")
            .Send("no")
            .StartTestAsync();

        Assert.Equal([DialogTurnStatus.Waiting, DialogTurnStatus.Waiting, DialogTurnStatus.Complete], statuses);
    }

    [Fact]
    public async Task A_component_keeps_its_inner_stack_as_typed_data_and_reads_one_saved_inside_its_state_by_earlier_versions()
    {
        var storage = new JsonRoundTripStorage();
        var state = new Microsoft.Bot.Builder.ConversationState(storage);
        var accessor = state.CreateProperty<DialogState>("DialogState");
        var dialog = new HarnessCheckDialog();
        async Task Turn(Microsoft.Bot.Builder.ITurnContext turn, CancellationToken ct)
        {
            await dialog.RunAsync(turn, accessor, ct);
            await state.SaveChangesAsync(turn, false, ct);
        }

        var adapter = new Microsoft.Bot.Builder.Adapters.TestAdapter();
        await new Microsoft.Bot.Builder.Adapters.TestFlow(adapter, Turn).Send("hi").AssertReply("Cat's name?").StartTestAsync();
        var saved = storage.Documents.Single();
        Assert.NotNull(saved.SelectToken("DialogState.DialogStack[0].InnerStack.DialogStack[0]"));
        Assert.Null(saved.SelectToken("DialogState.DialogStack[0].State.dialogs"));

        // An earlier version kept the inner stack as JSON inside the component's State: move it there and carry on.
        storage.Rewrite(document =>
        {
            var entry = (JObject)document.SelectToken("DialogState.DialogStack[0]")!;
            var inner = entry["InnerStack"]!;
            entry.Remove("InnerStack");
            ((JObject)entry["State"]!)["dialogs"] = inner;
            return document;
        });
        await new Microsoft.Bot.Builder.Adapters.TestFlow(adapter, Turn)
            .Send("Mochi").AssertReply("Does Mochi wear it?")
            .StartTestAsync();
        Assert.NotNull(storage.Documents.Single().SelectToken("DialogState.DialogStack[0].InnerStack"));
    }

    [Fact]
    public async Task A_component_without_dialogs_explains_how_to_add_one()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => new DialogTestBot(new ComponentDialog("empty")).Flow().Send("hi").StartTestAsync());
        Assert.Contains("AddDialog", ex.Message, StringComparison.Ordinal);
    }
}
