using LeashBot.Dialogs;
using LeashBot.State;
using LeashBot.Understanding;
using Microsoft.Bot.Builder;

namespace LeashBot.Coaching;

/// <summary>Where a message goes: to a topic's answer, to a flow, or, mid-flow, to an aside.</summary>
public sealed class RouteOptions
{
    /// <summary>Route straight to this topic instead of recognizing the text (after "did you mean", or once a cat is known).</summary>
    public string? TopicId { get; set; }

    /// <summary>The owner's original message, when routing happens on a later turn than the message.</summary>
    public string? Text { get; set; }
}

public sealed class Router(Replies replies, BotAccessors state, TopicRecognizer recognizer, TextRecognizers numbers)
{
    public const string DialogId = "route";

    // Menu entries that are not recognizer topics of their own.
    private const string TroubleshootMenu = "menu.troubleshoot";
    private const string FaqMenu = "menu.faq";

    private const int MenuPickWords = 4;
    private const int ShortReplyWords = 5;

    private static readonly string[] CatTopics = ["checklist", "plan.start", "plan.progress", "plan.next", "plan.log"];

    /// <summary>Every command phrase in the content, normalized once; content validation keeps each phrase in one list.</summary>
    private readonly Dictionary<string, Command> _commands = CommandsOf(replies.Say.Content.Messages.Commands);

    private enum Command
    {
        None,
        Help,
        Cancel,
        Menu,
        StartOver,
    }

    /// <summary>The first step of the route waterfall: recognize the message (or take the topic given) and act on it.</summary>
    public async Task<DialogTurnResult> RouteAsync(WaterfallStepContext<NoValues> step, CancellationToken cancellationToken)
    {
        var options = step.GetOptions<RouteOptions>() ?? new RouteOptions();
        var turn = step.Context;
        var text = options.Text ?? turn.Activity.Text ?? "";
        var flags = await state.FlagsAsync(turn, cancellationToken);
        var menuWasShown = flags.MenuShown;
        flags.MenuShown = false;

        var topic = options.TopicId;
        if (topic is null)
        {
            var owner = await state.OwnerAsync(turn, cancellationToken);
            var recognition = recognizer.Recognize(text, owner.Cats.Select(c => c.Name).ToList());
            var command = CommandIn(text);

            if (command == Command.Help)
            {
                topic = "help";
            }
            else if (command != Command.None)
            {
                await ShowMenuAsync(turn, replies.Say.Content.Messages.MenuPrompt, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            }
            else
            {
                topic = MenuTopic(text, menuWasShown);
            }

            if (topic is null)
            {
                switch (recognition.Kind)
                {
                    case not RecognitionKind.OutOfScope when owner.Cats.Count > 0 && IsSessionReport(recognition, text):
                        topic = "plan.log";
                        break;
                    case RecognitionKind.Confident:
                        topic = recognition.TopicId;
                        break;
                    case RecognitionKind.Ambiguous:
                        return await step.BeginDialogAsync(DidYouMeanDialog.DialogId, new DidYouMeanOptions
                        {
                            Topics = recognition.Candidates.Take(2).Select(c => c.TopicId).ToList(),
                            Text = text,
                        }, cancellationToken);
                    case RecognitionKind.OutOfScope:
                        topic = "outOfScope";
                        break;
                    default:
                        await ShowMenuAsync(turn, replies.Say.Content.Messages.Unsure, cancellationToken);
                        return await step.EndDialogAsync(null, cancellationToken);
                }
            }
        }

        return await DispatchAsync(step, topic ?? "help", text, cancellationToken);
    }

    /// <summary>
    /// The interruption hook of the coaching dialog: runs before a pending prompt sees the message.
    /// Returns null when the message is for the prompt.
    /// </summary>
    public async Task<DialogTurnResult?> InterruptAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        var turn = innerDc.Context;
        var text = turn.Activity.Text ?? "";
        var normalized = Phrases.Normalize(text);
        var messages = replies.Say.Content.Messages;
        var command = CommandIn(text);

        if (command == Command.Cancel)
        {
            await replies.SendAsync(turn, replies.Say.Text(messages.Cancelled), cancellationToken);
            await ShowMenuAsync(turn, messages.MenuAgain, cancellationToken);
            return await innerDc.CancelAllDialogsAsync(cancellationToken);
        }

        if (command is Command.Menu or Command.StartOver)
        {
            if (command == Command.StartOver)
            {
                await replies.SendAsync(turn, replies.Say.Text(messages.StartOver), cancellationToken);
            }

            await ShowMenuAsync(turn, messages.MenuPrompt, cancellationToken);
            return await innerDc.CancelAllDialogsAsync(cancellationToken);
        }

        if (command == Command.Help)
        {
            await replies.SendAsync(turn, replies.Say.Text(messages.Help), cancellationToken);
            await innerDc.RepromptDialogAsync(cancellationToken);
            return Dialog.EndOfTurn;
        }

        var owner = await state.OwnerAsync(turn, cancellationToken);
        var recognition = recognizer.Recognize(text, owner.Cats.Select(c => c.Name).ToList());
        if (innerDc.ActiveDialog is { } pending && PromptState.OptionsOf(pending) is { } waitingFor)
        {
            // An optional follow-up ("Did that help?") hands anything but an answer back to the router itself.
            if (waitingFor.MaxAttempts == 1)
            {
                return null;
            }

            // A tapped button, or a reply that clearly names one of the choices, is an answer, not an aside.
            if (waitingFor.Choices is { Count: > 0 } choices && ChoiceRecognizer.Recognize(text, choices.ToList()) is { } pick
                && (pick.Score >= 1.0 || (pick.Score >= 0.5 && Phrases.WordCount(normalized) <= ShortReplyWords)))
            {
                return null;
            }
        }

        if (recognition.Kind != RecognitionKind.Confident || LooksLikeAnAnswer(text, normalized))
        {
            return null;
        }

        if (recognition.TopicId == "forgetMe")
        {
            await innerDc.CancelAllDialogsAsync(cancellationToken);
            return await innerDc.BeginDialogAsync(ForgetMeDialog.DialogId, null, cancellationToken);
        }

        if (!await AnswerAsideAsync(turn, recognition.TopicId!, text, owner, cancellationToken))
        {
            return null;
        }

        await replies.SendAsync(turn, replies.Say.Text(messages.BackToIt), cancellationToken);
        await innerDc.RepromptDialogAsync(cancellationToken);
        return Dialog.EndOfTurn;
    }

    /// <summary>The command the whole message is, if it is one ("help", "Cancel!", "start over").</summary>
    private Command CommandIn(string text) =>
        _commands.TryGetValue(Phrases.Normalize(text), out var command) ? command : Command.None;

    private static Dictionary<string, Command> CommandsOf(Content.Commands commands)
    {
        var lookup = new Dictionary<string, Command>(StringComparer.Ordinal);
        foreach (var (phrases, command) in new[] { (commands.Help, Command.Help), (commands.Cancel, Command.Cancel), (commands.Menu, Command.Menu), (commands.StartOver, Command.StartOver) })
        {
            foreach (var phrase in phrases.Select(Phrases.Normalize).Where(p => p.Length > 0))
            {
                lookup.TryAdd(phrase, command);
            }
        }

        return lookup;
    }

    /// <summary>Ends the current flow and routes this turn's message as if nothing had been pending.</summary>
    public static Task<DialogTurnResult> RerouteAsync<TValues>(WaterfallStepContext<TValues> step, CancellationToken cancellationToken)
        where TValues : class, new() =>
        step.RestartDialogAsync(DialogId, new RouteOptions { Text = step.Context.Activity.Text ?? "" }, cancellationToken);

    public async Task ShowMenuAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        await replies.MenuAsync(turn, text, cancellationToken);
        var flags = await state.FlagsAsync(turn, cancellationToken);
        flags.MenuShown = true;
    }

    /// <summary>The title a topic goes by in "did you mean" choices.</summary>
    public string TitleOf(string topicId)
    {
        var content = replies.Say.Content;
        return content.Troubleshooting.Struggles.Find(s => s.Id == topicId)?.Title
            ?? content.Faq.Answers.Find(a => a.Id == topicId)?.Title
            ?? (content.Messages.TopicTitles.TryGetValue(topicId, out var title) ? title : topicId);
    }

    private async Task<DialogTurnResult> DispatchAsync(WaterfallStepContext<NoValues> step, string topic, string text, CancellationToken cancellationToken)
    {
        var turn = step.Context;
        var messages = replies.Say.Content.Messages;
        var owner = await state.OwnerAsync(turn, cancellationToken);
        var cat = NamedCat(owner, text) ?? owner.Current;
        if (cat is not null)
        {
            owner.CurrentCat = cat.Name;
        }

        if (cat is null && CatTopics.Contains(topic))
        {
            // Ask which cat (or meet the first one), then come back to this same topic.
            var then = new RouteOptions { TopicId = topic, Text = text };
            return await step.BeginDialogAsync(owner.Cats.Count == 0 ? CatDialogs.AddCatId : CatDialogs.ChooseCatId, then, cancellationToken);
        }

        switch (topic)
        {
            case "greeting":
                var flags = await state.FlagsAsync(turn, cancellationToken);
                if (!flags.Greeted)
                {
                    flags.Greeted = true;
                    await replies.SendAsync(turn, [replies.Say.Text(messages.Greeting), replies.Say.Text(messages.Disclaimer)], cancellationToken);
                }
                else
                {
                    await replies.SendAsync(turn, replies.Say.Text(messages.GreetingReply), cancellationToken);
                }

                await ShowMenuAsync(turn, messages.MenuPrompt, cancellationToken);
                break;
            case "help":
                await replies.SendAsync(turn, replies.Say.Text(messages.Help), cancellationToken);
                await ShowMenuAsync(turn, messages.MenuPrompt, cancellationToken);
                break;
            case "thanks":
                await replies.SendAsync(turn, replies.Say.Text(messages.ThanksReply), cancellationToken);
                break;
            case "outOfScope":
                await ShowMenuAsync(turn, messages.OutOfScope, cancellationToken);
                break;
            case "checklist":
                return await step.BeginDialogAsync(ChecklistDialog.DialogId, new ChecklistOptions { CatName = cat!.Name }, cancellationToken);
            case "plan.start":
                await replies.CurrentStepAsync(turn, cat!, withIntro: cat!.Sessions.Count == 0, cancellationToken);
                break;
            case "plan.progress":
                await replies.ProgressAsync(turn, NamedCat(owner, text) is null ? owner.Cats : [cat!], cancellationToken);
                break;
            case "plan.next":
                await replies.NextAsync(turn, cat!, cancellationToken);
                break;
            case "plan.log":
                return await step.BeginDialogAsync(LogSessionDialog.DialogId, new LogSessionOptions { CatName = cat!.Name, Text = text }, cancellationToken);
            case "cat.add":
                return await step.BeginDialogAsync(CatDialogs.AddCatId, null, cancellationToken);
            case "cat.switch":
                if (cat is not null && NamedCat(owner, text) is not null)
                {
                    await replies.SendAsync(turn, replies.Cat(messages.CatSwitched, cat), cancellationToken);
                }
                else if (owner.Cats.Count > 1)
                {
                    return await step.BeginDialogAsync(CatDialogs.ChooseCatId, null, cancellationToken);
                }
                else
                {
                    return await step.BeginDialogAsync(CatDialogs.AddCatId, null, cancellationToken);
                }

                break;
            case TroubleshootMenu:
                return await step.BeginDialogAsync(TroubleshootDialog.DialogId, new TroubleshootOptions(), cancellationToken);
            case FaqMenu:
                return await step.BeginDialogAsync(FaqMenuDialog.DialogId, null, cancellationToken);
            case "forgetMe":
                return await step.BeginDialogAsync(ForgetMeDialog.DialogId, null, cancellationToken);
            case var struggle when struggle.StartsWith("struggle.", StringComparison.Ordinal):
                return await step.BeginDialogAsync(TroubleshootDialog.DialogId, new TroubleshootOptions { StruggleId = struggle }, cancellationToken);
            default:
                await AnswerAsideAsync(turn, topic, text, owner, cancellationToken);
                break;
        }

        return await step.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>Answers an informational topic in one go; false when the topic needs a flow of its own.</summary>
    private async Task<bool> AnswerAsideAsync(ITurnContext turn, string topic, string text, OwnerProfile owner, CancellationToken cancellationToken)
    {
        var cat = NamedCat(owner, text) ?? owner.Current;
        switch (topic)
        {
            case "stories":
                await replies.StoriesAsync(turn, cancellationToken);
                return true;
            case "bodyLanguage":
                await replies.BodyLanguageAsync(turn, cat, cancellationToken);
                return true;
            case "plan.progress" when cat is not null:
                await replies.ProgressAsync(turn, NamedCat(owner, text) is null ? owner.Cats : [cat], cancellationToken);
                return true;
            case "plan.next" when cat is not null:
                await replies.NextAsync(turn, cat, cancellationToken);
                return true;
            case var faq when faq.StartsWith("faq.", StringComparison.Ordinal):
                await replies.FaqAsync(turn, faq, cancellationToken);
                return true;
            case var struggle when struggle.StartsWith("struggle.", StringComparison.Ordinal):
                await TroubleshootDialog.SendAdviceAsync(replies, turn, struggle, cat, cancellationToken);
                return true;
            default:
                return false;
        }
    }

    private string? MenuTopic(string text, bool menuWasShown)
    {
        var normalized = Phrases.Normalize(text);
        var menu = replies.Say.Content.Messages.MenuChoices;
        (string Title, string Topic)[] entries =
        [
            (menu.Checklist, "checklist"), (menu.Plan, "plan.start"), (menu.Troubleshoot, TroubleshootMenu),
            (menu.Faq, FaqMenu), (menu.Stories, "stories"),
        ];
        foreach (var (title, topic) in entries)
        {
            if (Phrases.Normalize(title) == normalized)
            {
                return topic;
            }
        }

        // A bare "2" or a near-miss of a button's words only counts right after the menu was shown,
        // and only for a short reply: a sentence is a message of its own, not a pick.
        if (!menuWasShown || Phrases.WordCount(normalized) > MenuPickWords)
        {
            return null;
        }

        var found = ChoiceRecognizer.Recognize(text, replies.MenuChoices().ToList());
        return found is null ? null : entries[found.Index].Topic;
    }

    private static CatProfile? NamedCat(OwnerProfile owner, string text)
    {
        var normalized = Phrases.Normalize(text);
        return owner.Cats.Find(c => Phrases.ContainsPhrase(normalized, c.Name) || Phrases.ContainsPhrase(normalized, c.Name + "'s"));
    }

    /// <summary>
    /// "we did 6 minutes, he hissed" is a session report even though it also sounds like a struggle:
    /// a length of time alongside a struggle, a plan topic or nothing clear means a session to log.
    /// </summary>
    private bool IsSessionReport(Recognition recognition, string message)
    {
        var topic = recognition.Kind is RecognitionKind.Confident or RecognitionKind.Ambiguous ? recognition.TopicId ?? "" : "";
        var fits = topic.Length == 0 || topic == "plan.log" || topic == "bodyLanguage"
            || topic.StartsWith("struggle.", StringComparison.Ordinal) || topic.StartsWith("plan.", StringComparison.Ordinal);
        return fits && numbers.RecognizeDuration(message) is not null;
    }

    /// <summary>
    /// Short replies are answers to the pending question; so is a longer one that opens with yes or no
    /// ("nope, she hides from it"). A yes-like phrase inside a question ("what kind of harness…") is not.
    /// </summary>
    private static bool LooksLikeAnAnswer(string text, string normalized)
    {
        var words = Phrases.WordCount(normalized);
        if (words <= 2)
        {
            return true;
        }

        if (words <= ShortReplyWords)
        {
            return YesNoRecognizer.Recognize(text) is not null;
        }

        var opening = string.Join(' ', normalized.Split(' ').Take(2));
        return YesNoRecognizer.Recognize(opening) is not null || YesNoRecognizer.Recognize(normalized.Split(' ')[0]) is not null;
    }
}
