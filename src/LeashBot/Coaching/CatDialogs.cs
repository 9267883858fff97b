using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>Meeting a new cat and choosing between an owner's cats. Both can hand back to the router afterwards.</summary>
public static class CatDialogs
{
    public const string AddCatId = "cat.add";
    public const string ChooseCatId = "cat.choose";

    /// <summary>
    /// The name prompt accepts a plausible name (see <see cref="NameRules"/>): "ok", "idk", "thanks" or a
    /// sentence are asked again; "my cat's name isnt ok its biscuit" is Biscuit, and so is "i said it already 😅 biscuit".
    /// </summary>
    public static PromptValidator<string> ValidateNameAsync(MessageReader reader, BotAccessors state) =>
        async (prompt, ct) =>
        {
            var owner = await state.OwnerAsync(prompt.Context, ct);
            var reading = reader.Read(prompt.Context, prompt.Context.Activity.Text ?? "", owner);
            return (reading.NewCatName ?? reading.BareName ?? reading.NameAnswer) is not null || reading.NewCatNames.Count > 1;
        };

    /// <summary>Asks the new cat's name, adds it, and carries on with the topic the owner asked about.</summary>
    public sealed class AddCat : WaterfallDialog<NoValues>
    {
        public AddCat(Replies replies, BotAccessors state, MessageReader reader, ProgressLedger ledger)
            : base(AddCatId)
        {
            AddStep(async (step, ct) =>
            {
                var owner = await state.OwnerAsync(step.Context, ct);
                var then = step.GetOptions<RouteOptions>();

                // "is milo ready for leash training? he's 3", "got 2 cats mango and pepper": the names are already there, so they aren't asked.
                if (then?.Text is { } said && reader.Read(step.Context, said, owner) is { } told
                    && ((told.NewCatNames.Count > 1 && told.NewCatNames.Any(n => owner.FindCat(n) is null)) || (told.NewCatName is { } named && owner.FindCat(named) is null)))
                {
                    return await step.NextAsync(said, ct);
                }

                if (owner.Cats.Count == 0 && then is not null)
                {
                    await replies.SayAsync(step.Context, c => c.Messages.NoCatsYet, ct);
                }

                return await step.PromptAsync(Prompts.CatName, new PromptOptions
                {
                    MaxAttempts = Prompts.Attempts,
                    Prompt = replies.Ask(c => c.Messages.AskCatName),
                    RetryPrompt = replies.Ask(c => c.Messages.AskCatNameRetry),
                }, ct);
            });
            AddStep(async (step, ct) =>
            {
                var maxCats = replies.Content.Messages.MaxCats;
                var owner = await state.OwnerAsync(step.Context, ct);
                var reading = reader.Read(step.Context, step.GetResult<string>() ?? "", owner);
                // "milo and pickle": meet them all, and carry on with the first.
                IReadOnlyList<string> names = reading.NewCatNames.Count > 1 ? reading.NewCatNames
                    : (reading.NewCatName ?? reading.BareName ?? reading.NameAnswer) is { } single ? [single] : [];
                if (names.Count == 0)
                {
                    await replies.SayAsync(step.Context, c => c.Messages.GaveUp, ct);
                    return await step.EndDialogAsync(null, ct);
                }

                var then = step.GetOptions<RouteOptions>();
                CatProfile? first = null;
                ProgressChange? change = null;
                foreach (var name in names)
                {
                    if (owner.FindCat(name) is { } known)
                    {
                        await replies.SayAsync(step.Context, c => c.Messages.CatAlreadyKnown, known, ct);
                        first ??= known;
                    }
                    else if (owner.Cats.Count >= maxCats)
                    {
                        await replies.SendAsync(step.Context, replies.Text(c => c.Messages.TooManyCats, ("max", maxCats.ToString(CultureInfo.InvariantCulture))), ct);
                        break;
                    }
                    else
                    {
                        // A pronoun only says something about the cat when the message named just one.
                        change ??= ProgressLedger.Begin(owner, ChangeKind.CatAdded);
                        var cat = ledger.AddCat(change, owner, name, names.Count == 1 ? reading.Pronoun : null);
                        first ??= cat;
                        await replies.SayAsync(step.Context, c => c.Messages.CatAdded, cat, ct);
                    }
                }

                if (first is null)
                {
                    return await step.EndDialogAsync(null, ct);
                }

                owner.CurrentCat = first.Name;

                // "is pepper ready" as the answer to the name question, "my cats are pepper + mango, where do we start?":
                // the names, and then what the message (or one of its sentences) asks.
                if (then?.TopicId is null && new[] { reading.Recognition }.Concat(reading.Clauses.Select(c => c.Recognition))
                    .FirstOrDefault(r => r is { Kind: RecognitionKind.Confident, TopicId: { } t } && !IsAboutMeeting(t))?.TopicId is { } asked)
                {
                    then = new RouteOptions { TopicId = asked, Text = reading.Text };
                }

                // "ziggy n pip" for a topic about one cat: unless the message singles one out, which one is asked.
                if (names.Count > 1 && owner.Cats.Count > 1 && then?.TopicId is { } topic
                    && !(then.Text is { } request && reader.Read(step.Context, request, owner).NewCatName is { } singled && names.Contains(singled, StringComparer.OrdinalIgnoreCase)))
                {
                    return await step.ReplaceDialogAsync(ChooseCatId, new RouteOptions { TopicId = topic }, ct);
                }

                if (then?.TopicId is null)
                {
                    await replies.SayAsync(step.Context, c => c.Messages.CatAddedNext, first, ct);
                }

                return then?.TopicId is null
                    ? await step.EndDialogAsync(null, ct)
                    : await Router.ContinueWithAsync(step, then, ct);
            });
        }
    }

    /// <summary>A topic that is about meeting the cat, or chat, rather than something to carry on with once it is met.</summary>
    private static bool IsAboutMeeting(string topic) =>
        topic is TopicIds.CatAdd or TopicIds.CatSwitch or TopicIds.Greeting or TopicIds.Thanks or TopicIds.Help or TopicIds.OutOfScope or TopicIds.Stories;

    /// <summary>The owner has several cats and the message named none: ask which one.</summary>
    public sealed class ChooseCat : WaterfallDialog<NoValues>
    {
        public ChooseCat(Replies replies, BotAccessors state, MessageReader reader, StepChanges stepChanges)
            : base(ChooseCatId)
        {
            ArgumentNullException.ThrowIfNull(stepChanges);
            AddStep(async (step, ct) =>
            {
                var owner = await state.OwnerAsync(step.Context, ct);
                return await step.PromptAsync(Prompts.Choice, replies.PickOne(c => c.Messages.WhichCat, owner.Cats.Select(c => c.Name)), ct);
            });
            AddStep(async (step, ct) =>
            {
                var owner = await state.OwnerAsync(step.Context, ct);
                if (step.GetResult<FoundChoice>() is not { } picked || picked.Index >= owner.Cats.Count)
                {
                    await replies.SayAsync(step.Context, c => c.Messages.GaveUp, ct);
                    return await step.EndDialogAsync(null, ct);
                }

                var cat = owner.Cats[picked.Index];
                owner.CurrentCat = cat.Name;
                var then = step.GetOptions<RouteOptions>();
                if (then is null || then.TopicId is null && then.Text is null)
                {
                    await replies.SayAsync(step.Context, c => c.Messages.CatSwitched, cat, ct);
                    return await step.EndDialogAsync(null, ct);
                }

                // "move mango to step 4" in reply to "Which cat?" after meeting several: the cat is picked and what the
                // reply asks is done, never lost to the question it answered.
                var reply = reader.Read(step.Context, step.Context.Activity.Text ?? "", owner);
                if (then.Text is null && (stepChanges.CommandIn(reply, owner).Kind != CommandKind.None
                    || reply.Recognition is { Kind: RecognitionKind.Confident, TopicId: { } asked } && !IsAboutMeeting(asked)))
                {
                    return await Router.ContinueWithAsync(step, new RouteOptions { Text = reply.Text }, ct);
                }

                return await Router.ContinueWithAsync(step, then, ct);
            });
        }
    }
}
