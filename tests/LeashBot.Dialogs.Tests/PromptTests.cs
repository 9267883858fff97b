using LeashBot.Dialogs;
using Microsoft.Bot.Schema;

namespace LeashBot.Dialogs.Tests;

[Collection(RecognizersCollection.Name)]
public class PromptTests(SharedRecognizers shared)
{
    private readonly TextRecognizers _recognizers = shared.Recognizers;

    /// <summary>A root waterfall that asks with the given prompt and then reports what it got.</summary>
    private static DialogTestBot Asking<T>(Dialog prompt, PromptOptions options, Func<WaterfallStepContext<NoValues>, string> describe)
    {
        var root = new WaterfallDialog("root",
        [
            (step, ct) => step.PromptAsync(prompt.Id, options, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync(describe(step), cancellationToken: ct);
                return await step.EndDialogAsync(step.Result, ct);
            },
        ]);
        return new DialogTestBot(root, prompt);
    }

    [Fact]
    public async Task Text_prompt_retries_until_the_validator_accepts_and_returns_the_text()
    {
        var validatorCalls = new List<int>();
        var prompt = new TextPrompt("name", (pc, ct) =>
        {
            validatorCalls.Add(pc.AttemptCount);
            return Task.FromResult(pc.Recognized.Succeeded && pc.Recognized.Value!.Length >= 2);
        });
        var bot = Asking<string>(prompt, new PromptOptions { Prompt = Say.Text("Name?"), RetryPrompt = Say.Text("Two letters at least?") }, s => $"got {s.GetResult<string>()}");

        await bot.Flow()
            .Send("hi").AssertReply("Name?")
            .Send("x").AssertReply("Two letters at least?")
            .Send("Mochi").AssertReply("got Mochi")
            .StartTestAsync();

        Assert.Equal([1, 2], validatorCalls);
        Assert.Equal("Mochi", bot.LastResult.Result);
    }

    [Fact]
    public async Task Without_a_retry_prompt_the_prompt_itself_is_sent_again()
    {
        var bot = Asking<string>(new TextPrompt("name", (pc, ct) => Task.FromResult(pc.Recognized.Value == "Mochi")), new PromptOptions { Prompt = Say.Text("Name?") }, s => $"got {s.GetResult<string>()}");

        await bot.Flow()
            .Send("hi").AssertReply("Name?")
            .Send("Rex").AssertReply("Name?")
            .Send("Mochi").AssertReply("got Mochi")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_validator_that_explains_itself_replaces_the_retry_prompt()
    {
        var prompt = new TextPrompt("name", async (pc, ct) =>
        {
            if (pc.Recognized.Value?.Length >= 2)
            {
                return true;
            }

            await pc.Context.SendActivityAsync("Too short", cancellationToken: ct);
            return false;
        });
        var bot = Asking<string>(prompt, new PromptOptions { Prompt = Say.Text("Name?"), RetryPrompt = Say.Text("Retry?") }, s => $"got {s.GetResult<string>()}");

        // Had the retry prompt been sent as well, it would be the reply asserted after "Too short".
        await bot.Flow()
            .Send("hi").AssertReply("Name?")
            .Send("x").AssertReply("Too short")
            .Send("Mochi").AssertReply("got Mochi")
            .StartTestAsync();
    }

    [Fact]
    public async Task Confirm_prompt_understands_chat_answers_and_retries_on_uncertain_ones()
    {
        var bot = Asking<bool>(new ConfirmPrompt("confirm"), new PromptOptions { Prompt = Say.Text("Does she wear the harness?"), RetryPrompt = Say.Text("Yes or no?") }, s => $"got {s.GetResult<bool?>()}");

        await bot.Flow()
            .Send("hi").AssertReply("Does she wear the harness?")
            .Send("maybe").AssertReply("Yes or no?")
            .Send("of course not").AssertReply("got False")
            .StartTestAsync();

        Assert.Equal(false, bot.LastResult.Result);
    }

    [Fact]
    public async Task Confirm_prompt_with_choices_shows_buttons_and_accepts_their_numbers()
    {
        var options = new PromptOptions
        {
            Prompt = Say.Text("Ready?"),
            Choices = [new("Yes") { Title = "Yes, let's go" }, new("No") { Title = "Not today" }],
        };
        var bot = Asking<bool>(new ConfirmPrompt("confirm", (pc, ct) => Task.FromResult(pc.Recognized.Succeeded)), options, s => $"got {s.GetResult<bool?>()}");

        await bot.Flow()
            .Send("hi").AssertReply(a =>
            {
                Assert.Equal("Ready?", a.AsMessageActivity().Text);
                Assert.Equal(["Yes", "No"], a.AsMessageActivity().SuggestedActions.Actions.Select(x => x.Value as string));
            })
            .Send("2").AssertReply("got False")
            .StartTestAsync();
    }

    [Fact]
    public async Task Choice_prompt_renders_for_the_channel_and_returns_the_found_choice()
    {
        var options = new PromptOptions
        {
            Prompt = Say.Text("Where do we practise?"),
            RetryPrompt = Say.Text("Pick one of these"),
            Choices = [new("indoors"), new("garden"), new("street")],
        };
        var prompt = new ChoicePrompt("where", (pc, ct) => Task.FromResult(pc.Recognized.Succeeded && pc.Recognized.Value!.Value != "street"));
        var bot = Asking<FoundChoice>(prompt, options, s => $"got {s.GetResult<FoundChoice>()?.Value} #{s.GetResult<FoundChoice>()?.Index}");

        await bot.Flow("sms")
            .Send("hi").AssertReply("Where do we practise?\n1. indoors\n2. garden\n3. street")
            .Send("pizza").AssertReply("Pick one of these\n1. indoors\n2. garden\n3. street")
            .Send("the third one").AssertReply("Pick one of these\n1. indoors\n2. garden\n3. street")
            .Send("gardn").AssertReply("got garden #1")
            .StartTestAsync();

        Assert.Equal("garden", Assert.IsType<FoundChoice>(bot.LastResult.Result).Value);
    }

    [Fact]
    public async Task Choice_prompt_on_a_suggested_action_channel_keeps_the_hosts_activity_and_adds_buttons()
    {
        var question = Say.Text("Where?");
        question.Speak = "Where shall we practise?";
        var options = new PromptOptions { Prompt = question, Choices = [new("indoors"), new("garden")] };
        var bot = Asking<FoundChoice>(new ChoicePrompt("where"), options, s => $"got {s.GetResult<FoundChoice>()?.Value}");

        await bot.Flow()
            .Send("hi").AssertReply(a =>
            {
                var message = a.AsMessageActivity();
                Assert.Equal("Where?", message.Text);
                Assert.Equal("Where shall we practise?", message.Speak);
                Assert.Equal(["indoors", "garden"], message.SuggestedActions.Actions.Select(x => x.Value as string));
            })
            .Send("garden").AssertReply("got garden")
            .StartTestAsync();
    }

    [Fact]
    public async Task Choice_prompt_without_choices_is_refused_with_a_fix()
    {
        var bot = Asking<FoundChoice>(new ChoicePrompt("where"), new PromptOptions { Prompt = Say.Text("Where?") }, s => "unused");

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => bot.Flow().Send("hi").StartTestAsync());
        Assert.Contains("needs PromptOptions.Choices", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Number_prompt_reads_words_and_digits_and_applies_the_validators_range()
    {
        var prompt = new NumberPrompt("reps", _recognizers, (pc, ct) => Task.FromResult(pc.Recognized.Succeeded && pc.Recognized.Value is >= 1 and <= 20));
        var bot = Asking<double>(prompt, new PromptOptions { Prompt = Say.Text("How many treats?"), RetryPrompt = Say.Text("A number from 1 to 20?") }, s => $"got {s.GetResult<double?>()}");

        await bot.Flow()
            .Send("hi").AssertReply("How many treats?")
            .Send("lots").AssertReply("A number from 1 to 20?")
            .Send("90").AssertReply("A number from 1 to 20?")
            .Send("twelve").AssertReply("got 12")
            .StartTestAsync();

        Assert.Equal(12.0, bot.LastResult.Result);
    }

    [Fact]
    public async Task Duration_prompt_reads_everyday_durations_and_applies_the_validator()
    {
        var prompt = new DurationPrompt("length", _recognizers, (pc, ct) => Task.FromResult(pc.Recognized.Succeeded && pc.Recognized.Value <= TimeSpan.FromHours(2)));
        var bot = Asking<TimeSpan>(prompt, new PromptOptions { Prompt = Say.Text("How long?"), RetryPrompt = Say.Text("How many minutes?") }, s => $"got {s.GetResult<TimeSpan?>()}");

        await bot.Flow()
            .Send("hi").AssertReply("How long?")
            .Send("a while").AssertReply("How many minutes?")
            .Send("3 hours").AssertReply("How many minutes?")
            .Send("we did half an hour, she was relaxed").AssertReply("got 00:30:00")
            .StartTestAsync();
    }

    [Fact]
    public async Task Duration_prompt_takes_a_bare_number_as_minutes()
    {
        var bot = Asking<TimeSpan>(new DurationPrompt("length", _recognizers), new PromptOptions { Prompt = Say.Text("How long?") }, s => $"got {s.GetResult<TimeSpan?>()}");

        await bot.Flow()
            .Send("hi").AssertReply("How long?")
            .Send("20").AssertReply("got 00:20:00")
            .StartTestAsync();
    }

    [Fact]
    public async Task After_max_attempts_the_prompt_gives_up_with_a_null_result_and_sends_nothing()
    {
        var options = new PromptOptions { Prompt = Say.Text("How many treats?"), RetryPrompt = Say.Text("Number?"), MaxAttempts = 2 };
        var bot = Asking<double>(new NumberPrompt("reps", _recognizers), options, s => s.Result is null ? "gave up" : $"got {s.Result}");

        await bot.Flow()
            .Send("hi").AssertReply("How many treats?")
            .Send("lots").AssertReply("Number?")
            .Send("loads").AssertReply("gave up")
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, bot.LastResult.Status);
        Assert.Null(bot.LastResult.Result);
    }

    [Fact]
    public async Task An_optional_prompt_ends_with_a_null_result_on_the_first_reply_that_is_not_an_answer()
    {
        // MaxAttempts is left at 3: being optional, not the attempt count, is what ends the question.
        var options = new PromptOptions { Prompt = Say.Text("Did that help?"), Optional = true };
        var bot = Asking<bool>(new ConfirmPrompt("confirm"), options, s => s.Result is null ? "moved on" : $"got {s.GetResult<bool?>()}");

        await bot.Flow()
            .Send("hi").AssertReply("Did that help?")
            .Send("what size harness?").AssertReply("moved on")
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, bot.LastResult.Status);
        Assert.Null(bot.LastResult.Result);

        // An answer still is one.
        await Asking<bool>(new ConfirmPrompt("confirm"), options, s => $"got {s.GetResult<bool?>()}").Flow()
            .Send("hi").AssertReply("Did that help?")
            .Send("yes").AssertReply("got True")
            .StartTestAsync();
    }

    [Fact]
    public async Task Whether_a_waiting_prompt_is_optional_can_be_read_from_its_stack_entry()
    {
        bool? optional = null;
        var root = new WaterfallDialog("root", [(step, ct) => step.PromptAsync("confirm", new PromptOptions { Prompt = Say.Text("Did that help?"), Optional = true }, ct)]);
        var bot = new DialogTestBot(root, new ConfirmPrompt("confirm"));
        bot.BeforeContinue = (dc, ct) =>
        {
            // Read after the stack came back from storage, as an interruption hook reads it.
            optional = dc.ActiveDialog is { } pending ? PromptState.OptionsOf(pending)?.Optional : null;
            return Task.FromResult<DialogTurnResult?>(null);
        };

        await bot.Flow()
            .Send("hi").AssertReply("Did that help?")
            .Send("hmm").StartTestAsync();

        Assert.True(optional);
    }

    [Fact]
    public void A_waiting_prompt_s_options_are_read_from_its_saved_json_once_until_it_is_asked_again()
    {
        static Newtonsoft.Json.Linq.JObject Saved(string text, bool optional) =>
            Newtonsoft.Json.Linq.JObject.FromObject(new PromptOptions { Prompt = Say.Text(text), Optional = optional });

        var entry = new DialogInstance { Id = "confirm" };
        entry.State["options"] = Saved("Did that help?", optional: true);
        var first = PromptState.OptionsOf(entry);
        Assert.True(first!.Optional);
        Assert.Same(first, PromptState.OptionsOf(entry));

        // Asked again (new saved options on the entry): read again, not the earlier reading.
        entry.State["options"] = Saved("Is she relaxed?", optional: false);
        var second = PromptState.OptionsOf(entry);
        Assert.NotSame(first, second);
        Assert.False(second!.Optional);
        Assert.Equal("Is she relaxed?", second.Prompt!.Text);
        Assert.Null(PromptState.OptionsOf(new DialogInstance { Id = "root" }));
    }

    [Fact]
    public async Task An_optional_prompt_with_a_retry_prompt_is_refused_with_a_way_to_fix_it()
    {
        var bot = Asking<bool>(new ConfirmPrompt("confirm"), new PromptOptions { Prompt = Say.Text("Did that help?"), RetryPrompt = Say.Text("Yes or no?"), Optional = true }, s => "unused");

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => bot.Flow().Send("hi").StartTestAsync());
        Assert.Contains("Optional = false", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zero_max_attempts_keeps_asking()
    {
        var options = new PromptOptions { Prompt = Say.Text("Yes or no?"), MaxAttempts = 0 };
        var flow = Asking<bool>(new ConfirmPrompt("confirm"), options, s => $"got {s.GetResult<bool?>()}").Flow().Send("hi").AssertReply("Yes or no?");
        for (var i = 0; i < 5; i++)
        {
            flow = flow.Send("hmm").AssertReply("Yes or no?");
        }

        await flow.Send("yep").AssertReply("got True").StartTestAsync();
    }

    [Fact]
    public async Task Activities_other_than_messages_do_not_count_as_answers()
    {
        var options = new PromptOptions { Prompt = Say.Text("Name?"), MaxAttempts = 1 };
        var bot = Asking<string>(new TextPrompt("name"), options, s => $"got {s.GetResult<string>()}");

        await bot.Flow()
            .Send("hi").AssertReply("Name?")
            .Send(new Activity(ActivityTypes.Typing)).AssertNoReply("nothing more", 200)
            .Send("Mochi").AssertReply("got Mochi")
            .StartTestAsync();
    }

    [Fact]
    public async Task Prompt_options_are_refused_when_not_PromptOptions_or_with_negative_attempts()
    {
        var wrongType = new DialogTestBot(new WaterfallDialog("root", [(s, ct) => s.BeginDialogAsync("name", "Name?", ct)]), new TextPrompt("name"));
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => wrongType.Flow().Send("hi").StartTestAsync());
        Assert.Contains("PromptAsync", ex.Message, StringComparison.Ordinal);

        var negative = Asking<string>(new TextPrompt("name"), new PromptOptions { MaxAttempts = -1 }, s => "unused");
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => negative.Flow().Send("hi").StartTestAsync());
    }
}
