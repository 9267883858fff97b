using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>The cats to take off the owner's list, asked about once.</summary>
public sealed class CatListOptions
{
    public List<string> Cats { get; set; } = [];
}

/// <summary>
/// The owner's list of cats: "which cats do you have saved" shows it, each cat with its step; "delete em", "4yo isn't a
/// cat", "mango is my only cat", "borra a Pepper" take cats off it; "remove Rufus" for no cat of the owner's says so. Taking a cat off is asked once, saying what goes with it (its
/// sessions); yes takes it off (one "undo" brings it back), no leaves the cats as they were, and anything else is a new
/// message. Afterwards the owner hears which cats are left.
/// </summary>
public sealed class CatListDialog(Replies replies, BotAccessors state) : AskOnceDialog<CatListOptions>(DialogId, replies)
{
    public const string DialogId = "cats.remove";

    protected override async Task<string?> QuestionAsync(WaterfallStepContext<CatListOptions> step, CancellationToken cancellationToken)
    {
        var owner = await state.OwnerAsync(step.Context, cancellationToken);
        var cats = (step.GetOptions<CatListOptions>()?.Cats ?? []).Select(owner.FindCat).OfType<CatProfile>().ToList();
        step.Values.Cats = [.. cats.Select(c => c.Name)];
        if (cats.Count == 0)
        {
            return null;
        }

        var sessions = cats.Sum(c => c.Sessions.Count);
        return Replies.Text(sessions == 0 ? c => c.Messages.CatList.RemoveAsk : c => c.Messages.CatList.RemoveAskSessions,
            ("cats", Names(Replies, step.Values.Cats)), ("sessions", sessions.ToString(CultureInfo.InvariantCulture)));
    }

    protected override async Task<DialogTurnResult> NoAsync(WaterfallStepContext<CatListOptions> step, CancellationToken cancellationToken)
    {
        await Replies.SayAsync(step.Context, c => c.Messages.CatList.Kept, cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }

    protected override async Task<DialogTurnResult> YesAsync(WaterfallStepContext<CatListOptions> step, CancellationToken cancellationToken)
    {
        var owner = await state.OwnerAsync(step.Context, cancellationToken);
        var cats = step.Values.Cats.Select(owner.FindCat).OfType<CatProfile>().ToList();
        var sessions = cats.Sum(c => c.Sessions.Count);
        var change = ProgressLedger.Begin(owner, ChangeKind.CatRemoved);
        foreach (var cat in cats)
        {
            ProgressLedger.RemoveCat(change, owner, cat);
        }

        var names = Names(Replies, cats.Select(c => c.Name));
        await Replies.SendAsync(step.Context, Replies.Text(sessions == 0 ? c => c.Messages.CatList.Removed : c => c.Messages.CatList.RemovedSessions,
            ("cats", names), ("sessions", sessions.ToString(CultureInfo.InvariantCulture))), cancellationToken);
        await Replies.SendAsync(step.Context, owner.Cats.Count == 0 ? Replies.Text(c => c.Messages.CatList.NoCatsNow)
            : Replies.Text(c => c.Messages.CatList.CatsNow, ("cats", ListOf(Replies, owner.Cats))), cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>
    /// Does what the message asks of the list: asks about taking the cats off, says a cat to take off is none it knows
    /// (with the list), asks which cat to take off (with the list), or shows the list.
    /// </summary>
    public static async Task<DialogTurnResult> AnswerAsync(WaterfallStepContext<NoValues> step, Replies replies, OwnerProfile owner, CatListRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(replies);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Remove.Count > 0)
        {
            return await step.BeginDialogAsync(DialogId, new CatListOptions { Cats = [.. request.Remove] }, cancellationToken);
        }

        var list = ListOf(replies, owner.Cats);
        await replies.SendAsync(step.Context, owner.Cats.Count == 0 ? replies.Text(c => c.Messages.CatList.NoneSaved)
            : request.Unknown is { } unknown ? replies.Text(c => c.Messages.CatList.UnknownCat, ("cat", unknown), ("cats", list))
            : request.AsksWhich ? replies.Text(c => c.Messages.CatList.WhichToRemove, ("cats", list))
            : replies.Text(c => c.Messages.CatList.Saved, ("cats", list)), cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>"Bean (step 1), Widget (step 3) and Em (step 1)".</summary>
    public static string ListOf(Replies replies, IEnumerable<CatProfile> cats) =>
        Names(replies, cats.Select(c => c.Finished ? replies.Text(x => x.Messages.CatList.ItemFinished, c)
            : replies.Text(x => x.Messages.CatList.Item, ("cat", c.Name), ("step", c.Step.ToString(CultureInfo.InvariantCulture)))));

    /// <summary>"Eating and Zooming", "Bean, Widget and Em".</summary>
    internal static string Names(Replies replies, IEnumerable<string> names)
    {
        var all = names.ToList();
        return all.Count <= 1 ? string.Concat(all) : string.Join(", ", all.Take(all.Count - 1)) + " " + replies.Content.Messages.CatList.AndWord + " " + all[^1];
    }
}
