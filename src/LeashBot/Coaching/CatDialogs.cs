using System.Globalization;
using LeashBot.Dialogs;
using LeashBot.State;
using LeashBot.Understanding;
using Microsoft.Bot.Builder;

namespace LeashBot.Coaching;

/// <summary>Meeting a new cat and choosing between an owner's cats. Both can hand back to the router afterwards.</summary>
public static class CatDialogs
{
    public const string AddCatId = "cat.add";
    public const string ChooseCatId = "cat.choose";

    private const int LongestName = 30;

    /// <summary>The name in "her name is Luna!", "Luna" or "it's mr whiskers", or null when there isn't a plausible one.</summary>
    public static string? ReadName(string? text, IEnumerable<string> leadIns)
    {
        var normalized = Phrases.Normalize(text);
        foreach (var leadIn in leadIns.Select(Phrases.Normalize).OrderByDescending(l => l.Length))
        {
            if (normalized.StartsWith(leadIn + " ", StringComparison.Ordinal))
            {
                normalized = normalized[(leadIn.Length + 1)..];
                break;
            }
        }

        if (normalized.Length is 0 or > LongestName || Phrases.WordCount(normalized) > 3 || !normalized.Any(char.IsLetter)
            || YesNoRecognizer.Recognize(normalized) is not null)
        {
            return null;
        }

        return CultureInfo.InvariantCulture.TextInfo.ToTitleCase(normalized);
    }

    /// <summary>
    /// A name prompt accepts a plausible name, but not something the recognizer clearly understands as a
    /// message ("thanks!", "is it safe?", "she's limping"). Names from the owner stories ("Milo") are fine.
    /// </summary>
    public static PromptValidator<string> ValidateNameAsync(Replies replies, TopicRecognizer recognizer) =>
        (prompt, _) =>
        {
            var name = prompt.Recognized.Succeeded ? ReadName(prompt.Recognized.Value, replies.Say.Content.Messages.NameLeadIns) : null;
            if (name is null)
            {
                return Task.FromResult(false);
            }

            var asMessage = recognizer.Recognize(name);
            var isMessage = asMessage.Kind == RecognitionKind.OutOfScope
                || (asMessage.Kind == RecognitionKind.Confident && asMessage.TopicId != "stories");
            return Task.FromResult(!isMessage);
        };

    /// <summary>Asks the new cat's name, adds it, and carries on with the topic the owner asked about.</summary>
    public sealed class AddCat : WaterfallDialog<NoValues>
    {
        public AddCat(Replies replies, BotAccessors state, TimeProvider clock)
            : base(AddCatId)
        {
            AddStep(async (step, ct) =>
            {
                var messages = replies.Say.Content.Messages;
                var owner = await state.OwnerAsync(step.Context, ct);
                if (owner.Cats.Count == 0 && step.GetOptions<RouteOptions>() is not null)
                {
                    await replies.SendAsync(step.Context, replies.Say.Text(messages.NoCatsYet), ct);
                }

                return await step.PromptAsync(Prompts.CatName, new PromptOptions
                {
                    Prompt = MessageFactory.Text(replies.Say.Text(messages.AskCatName)),
                    RetryPrompt = MessageFactory.Text(replies.Say.Text(messages.AskCatNameRetry)),
                }, ct);
            });
            AddStep(async (step, ct) =>
            {
                var messages = replies.Say.Content.Messages;
                var name = ReadName(step.GetResult<string>(), messages.NameLeadIns);
                if (name is null)
                {
                    await replies.SendAsync(step.Context, replies.Say.Text(messages.GaveUp), ct);
                    return await step.EndDialogAsync(null, ct);
                }

                var owner = await state.OwnerAsync(step.Context, ct);
                var then = step.GetOptions<RouteOptions>();
                if (owner.FindCat(name) is { } known)
                {
                    await replies.SendAsync(step.Context, replies.Cat(messages.CatAlreadyKnown, known), ct);
                    owner.CurrentCat = known.Name;
                }
                else if (owner.Cats.Count >= messages.MaxCats)
                {
                    await replies.SendAsync(step.Context, replies.Say.Text(messages.TooManyCats, ("max", messages.MaxCats.ToString(CultureInfo.InvariantCulture))), ct);
                    return await step.EndDialogAsync(null, ct);
                }
                else
                {
                    var cat = new CatProfile { Name = name, StepStarted = clock.GetUtcNow() };
                    owner.Cats.Add(cat);
                    owner.CurrentCat = cat.Name;
                    await replies.SendAsync(step.Context, replies.Cat(messages.CatAdded, cat), ct);
                    if (then?.TopicId is null)
                    {
                        await replies.SendAsync(step.Context, replies.Cat(messages.CatAddedNext, cat), ct);
                    }
                }

                return then?.TopicId is null
                    ? await step.EndDialogAsync(null, ct)
                    : await step.ReplaceDialogAsync(Router.DialogId, then, ct);
            });
        }
    }

    /// <summary>The owner has several cats and the message named none: ask which one.</summary>
    public sealed class ChooseCat : WaterfallDialog<NoValues>
    {
        public ChooseCat(Replies replies, BotAccessors state)
            : base(ChooseCatId)
        {
            AddStep(async (step, ct) =>
            {
                var owner = await state.OwnerAsync(step.Context, ct);
                return await step.PromptAsync(Prompts.Choice, new PromptOptions
                {
                    Prompt = MessageFactory.Text(replies.Say.Text(replies.Say.Content.Messages.WhichCat)),
                    RetryPrompt = MessageFactory.Text(replies.Say.Text(replies.Say.Content.Messages.ChoiceRetry)),
                    Choices = owner.Cats.Select(c => new Choice { Value = c.Name }).ToList(),
                }, ct);
            });
            AddStep(async (step, ct) =>
            {
                var owner = await state.OwnerAsync(step.Context, ct);
                if (step.GetResult<FoundChoice>() is not { } picked || picked.Index >= owner.Cats.Count)
                {
                    await replies.SendAsync(step.Context, replies.Say.Text(replies.Say.Content.Messages.GaveUp), ct);
                    return await step.EndDialogAsync(null, ct);
                }

                var cat = owner.Cats[picked.Index];
                owner.CurrentCat = cat.Name;
                var then = step.GetOptions<RouteOptions>();
                if (then?.TopicId is null)
                {
                    await replies.SendAsync(step.Context, replies.Cat(replies.Say.Content.Messages.CatSwitched, cat), ct);
                    return await step.EndDialogAsync(null, ct);
                }

                return await step.ReplaceDialogAsync(Router.DialogId, then, ct);
            });
        }
    }
}
