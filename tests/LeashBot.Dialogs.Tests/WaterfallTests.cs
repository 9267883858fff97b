using LeashBot.Dialogs;
using Newtonsoft.Json.Linq;

namespace LeashBot.Dialogs.Tests;

public sealed class SessionValues
{
    public string? CatName { get; set; }

    public int Minutes { get; set; }

    public List<string> Notes { get; set; } = [];
}

public sealed class SessionOptions
{
    public string? Greeting { get; set; }

    public int Goal { get; set; }
}

public class WaterfallTests
{
    [Fact]
    public async Task Steps_run_in_order_and_typed_values_survive_a_JSON_round_trip_between_turns()
    {
        var recognizers = new TextRecognizers();
        var waterfall = new WaterfallDialog<SessionValues>("session",
        [
            (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = Say.Text("Name?") }, ct),
            (step, ct) =>
            {
                step.Values.CatName = step.GetResult<string>();
                step.Values.Notes.Add("named");
                return step.PromptAsync("number", new PromptOptions { Prompt = Say.Text("Minutes?") }, ct);
            },
            (step, ct) =>
            {
                step.Values.Minutes = step.GetResult<int>();
                step.Values.Notes.Add("timed");
                return step.NextAsync("skipped ahead", ct);
            },
            async (step, ct) =>
            {
                var v = step.Values;
                await step.Context.SendActivityAsync($"{v.CatName} {v.Minutes} {string.Join('+', v.Notes)} {step.GetResult<string>()} step {step.Index}", cancellationToken: ct);
                return await step.EndDialogAsync(v.Minutes * 2, ct);
            },
        ]);
        var bot = new DialogTestBot(waterfall, new TextPrompt("text"), new NumberPrompt("number", recognizers));

        await bot.Flow()
            .Send("hi").AssertReply("Name?")
            .Send("Mochi").AssertReply("Minutes?")
            .Send("fifteen").AssertReply("Mochi 15 named+timed skipped ahead step 3")
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, bot.LastResult.Status);
        Assert.Equal(30, bot.LastResult.Result);
        Assert.Equal(0, bot.SavedStackDepth());
        Assert.True(bot.Storage.WriteCount >= 3);
        Assert.DoesNotContain("$type", bot.Storage.AllJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_are_saved_in_the_stack_entry_as_plain_JSON_while_waiting()
    {
        var waterfall = new WaterfallDialog<SessionValues>("session",
        [
            (step, ct) =>
            {
                step.Values.CatName = "Mochi";
                step.Values.Minutes = 7;
                return Say.SendAndWait(step, "Waiting", ct);
            },
            (step, ct) => step.EndDialogAsync(null, ct),
        ]);
        var bot = new DialogTestBot(waterfall);

        await bot.Flow().Send("hi").AssertReply("Waiting").StartTestAsync();

        var entry = bot.Storage.Documents.Single()["DialogState"]!["DialogStack"]![0]!;
        Assert.Equal("session", entry["Id"]!.Value<string>());
        Assert.Equal("Mochi", entry["State"]!["values"]!["CatName"]!.Value<string>());
        Assert.Equal(JTokenType.Integer, entry["State"]!["values"]!["Minutes"]!.Type);
    }

    [Fact]
    public async Task Options_can_be_read_as_their_type_after_a_round_trip()
    {
        var waterfall = new WaterfallDialog("greet",
        [
            (step, ct) => Say.SendAndWait(step, "Ready", ct),
            async (step, ct) =>
            {
                var options = step.GetOptions<SessionOptions>();
                await step.Context.SendActivityAsync($"{options?.Greeting} goal {options?.Goal}", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]);
        var root = new WaterfallDialog("root",
        [
            (step, ct) => step.BeginDialogAsync("greet", new SessionOptions { Greeting = "Hello", Goal = 5 }, ct),
        ]);
        var bot = new DialogTestBot(root, waterfall);

        await bot.Flow()
            .Send("hi").AssertReply("Ready")
            .Send("go").AssertReply("Hello goal 5")
            .StartTestAsync();
    }

    [Fact]
    public async Task GetResult_converts_saved_forms_and_gives_default_for_a_wrong_type()
    {
        var seen = new List<object?>();
        var waterfall = new WaterfallDialog("convert",
        [
            (step, ct) => step.NextAsync(new JValue(5L), ct),
            (step, ct) =>
            {
                seen.Add(step.GetResult<int>());
                seen.Add(step.GetResult<double>());
                seen.Add(step.GetResult<string>());
                return step.NextAsync(JObject.FromObject(new { Value = "outside", Index = 1, Score = 0.5 }), ct);
            },
            (step, ct) =>
            {
                seen.Add(step.GetResult<FoundChoice>()?.Value);
                seen.Add(step.GetResult<int?>());
                return step.NextAsync(2.5, ct);
            },
            (step, ct) =>
            {
                seen.Add(step.GetResult<int?>());
                seen.Add(step.GetResult<double>());
                return step.NextAsync("not a number", ct);
            },
            (step, ct) =>
            {
                seen.Add(step.GetResult<int?>());
                seen.Add(step.GetResult<FoundChoice>());
                seen.Add(step.GetResult<bool?>());
                return step.EndDialogAsync(null, ct);
            },
        ]);
        var bot = new DialogTestBot(waterfall);

        await bot.Flow().Send("hi").StartTestAsync();

        Assert.Equal<object?>([5, 5.0, "5", "outside", null, null, 2.5, null, null, null], seen);
    }

    [Fact]
    public async Task Values_set_before_a_child_that_ends_at_once_are_not_lost_by_the_next_step()
    {
        // The child ends inside step 0's BeginDialogAsync, so step 1 runs before step 0 has returned.
        var child = new WaterfallDialog("child", [(step, ct) => step.EndDialogAsync("from child", ct)]);
        var parent = new WaterfallDialog<SessionValues>("parent",
        [
            (step, ct) =>
            {
                step.Values.Notes.Add("before child");
                return step.BeginDialogAsync("child", null, ct);
            },
            (step, ct) =>
            {
                step.Values.Notes.Add(step.GetResult<string>()!);
                return Say.SendAndWait(step, "Waiting", ct);
            },
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync(string.Join(", ", step.Values.Notes), cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]);
        var bot = new DialogTestBot(parent, child);

        await bot.Flow()
            .Send("hi").AssertReply("Waiting")
            .Send("next").AssertReply("before child, from child")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_step_that_waits_receives_the_users_text_in_the_next_step()
    {
        var waterfall = new WaterfallDialog("echo",
        [
            (step, ct) => Say.SendAndWait(step, "Say something", ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"You said {step.GetResult<string>()} ({step.Reason})", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]);

        await new DialogTestBot(waterfall).Flow()
            .Send("hi").AssertReply("Say something")
            .Send("meow").AssertReply("You said meow (ContinueCalled)")
            .StartTestAsync();
    }

    [Fact]
    public async Task After_the_last_step_the_waterfall_ends_with_the_last_result()
    {
        var waterfall = new WaterfallDialog("short", [(step, ct) => step.NextAsync(42, ct)]);
        var bot = new DialogTestBot(waterfall);

        await bot.Flow().Send("hi").StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, bot.LastResult.Status);
        Assert.Equal(42, bot.LastResult.Result);
    }

    [Fact]
    public async Task Calling_NextAsync_twice_in_one_step_is_refused()
    {
        var waterfall = new WaterfallDialog("twice",
        [
            async (step, ct) =>
            {
                await step.NextAsync(null, ct);
                return await step.NextAsync(null, ct);
            },
            (step, ct) => Say.SendAndWait(step, "second step", ct),
        ]);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => new DialogTestBot(waterfall).Flow().Send("hi").StartTestAsync());
        Assert.Contains("NextAsync was already called", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_returning_null_is_reported_with_how_to_fix_it()
    {
        var waterfall = new WaterfallDialog("broken", [(step, ct) => Task.FromResult<DialogTurnResult>(null!)]);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => new DialogTestBot(waterfall).Flow().Send("hi").StartTestAsync());
        Assert.Contains("Step 0 of waterfall 'broken' returned null", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_that_cannot_be_saved_as_JSON_are_rejected_with_a_reason()
    {
        var waterfall = new WaterfallDialog("w", [(step, ct) => Task.FromResult(Dialog.EndOfTurn)]);
        var dc = new DialogContext(new DialogSet().Add(waterfall), new Microsoft.Bot.Builder.TurnContext(new Microsoft.Bot.Builder.Adapters.TestAdapter(), Say.Text("hi")), new DialogState());
        var loop = new SelfReferencing();
        loop.Self = loop;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => dc.BeginDialogAsync("w", loop));
        Assert.Contains("plain data", ex.Message, StringComparison.Ordinal);
    }

    private sealed class SelfReferencing
    {
        public SelfReferencing? Self { get; set; }
    }
}
