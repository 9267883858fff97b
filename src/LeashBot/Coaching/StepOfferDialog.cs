using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>The step change to ask about: each cat and the step it would go to (past the last step: the plan done).</summary>
public sealed class StepOfferOptions
{
    public List<string> Cats { get; set; } = [];

    public List<int> Steps { get; set; } = [];

    /// <summary>True when the cats would move on after a session that met the step's goal; false for a step the owner named.</summary>
    public bool MovesOn { get; set; }
}

/// <summary>
/// Asks before a cat's step changes ("Shall I move Button on to step 5?", "Shall I put Pepper on step 2?"): yes
/// (or "move him on") moves it, no (or "keep him there") keeps it, and anything else is taken as a new message, with
/// the cat left where it was. A longer message with a yes or no in it ("no wait, it was 10 not 15") is a new message
/// too, unless it says what to do with the step; a reply that reads as a no and gives no other command is a no, however
/// long ("nah leave her there another day or 2"), so a no never moves a cat.
/// </summary>
public sealed class StepOfferDialog : WaterfallDialog<StepOfferOptions>
{
    public const string DialogId = "plan.offer";

    /// <summary>Up to this many words, a yes or a no in the reply is the answer.</summary>
    private const int ShortAnswer = 5;

    public StepOfferDialog(Replies replies, BotAccessors state, MessageReader reader, ProgressLedger ledger, StepChanges stepChanges)
        : base(DialogId)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var plan = replies.Content.Plan;
        AddStep(async (step, ct) =>
        {
            var offer = step.GetOptions<StepOfferOptions>() ?? new StepOfferOptions();
            step.Values.Cats = offer.Cats;
            step.Values.Steps = offer.Steps;
            step.Values.MovesOn = offer.MovesOn;
            var owner = await state.OwnerAsync(step.Context, ct);
            var cats = offer.Cats.Select(owner.FindCat).OfType<CatProfile>().ToList();
            if (cats.Count == 0 || offer.Steps.Count != offer.Cats.Count)
            {
                return await step.EndDialogAsync(null, ct);
            }

            // "keep him on 4" in reply is about the cat asked about.
            var cat = cats[0];
            var to = offer.Steps[0];
            if (cats.Count == 1)
            {
                owner.CurrentCat = cat.Name;
            }

            var question = cats.Count > 1 ? replies.Text(c => c.Plan.MoveOnOfferSeveral, ("cats", string.Join(", ", cats.Select(c => c.Name))))
                : to > plan.Steps.Count ? replies.Text(c => c.Plan.FinishOffer, cat)
                : replies.Fill(replies.StepText(offer.MovesOn ? plan.MoveOnOffer : plan.StepOffer, cat, replies.Content.Step(to)), ("next", to.ToString(CultureInfo.InvariantCulture)));
            return await step.PromptAsync(Prompts.Confirm, replies.OptionalYesNo(question), ct);
        });
        AddStep(async (step, ct) =>
        {
            var text = step.Context.Activity.Text ?? "";
            var owner = await state.OwnerAsync(step.Context, ct);

            // "put nori on step 1" while Bean's move is asked about: a command for another cat is a new message.
            var reading = reader.Read(step.Context, text, owner);
            var command = stepChanges.CommandIn(reading, owner);
            var forAnother = command.Kind != CommandKind.None && command.Cat is { } about && !step.Values.Cats.Exists(c => OwnerProfile.SameName(c, about));
            var wish = stepChanges.Read(text);

            // "no keep her on 1": the step the cat asked about is already on keeps it there, like a no.
            var stays = step.Values.Cats.Count == 1 && wish.To is { } named && owner.FindCat(step.Values.Cats[0])?.Step == named;

            // "nah leave her there another day or 2", "nope not just yet": a reply that reads as a no, however long, is a no,
            // unless it gives another command ("no wait, it was 10 not 15") or names a step other than the one offered.
            var saysNo = step.GetResult<bool?>() == false && !command.Is(CommandKind.FixSession, CommandKind.MoveSession, CommandKind.LogSession, CommandKind.Undo,
                CommandKind.DeleteSession, CommandKind.Rename, CommandKind.StartOver) && (wish.To is null || step.Values.Steps.Contains(wish.To.Value));

            // A longer reply is the answer too when all it says is yes or no (no length of time, step, command or question of its own);
            // a short one with a length of time ("peppr 4 min kinda nervous") is a session, never a yes ("1" alone picks "1. Yes").
            var words = PhraseList.Words(text).Length;
            var onlyAnswers = words <= ShortAnswer && (reading.Duration is null || words == 1)
                || (reading.Duration is null && reading.StepNumber is null && command.Kind == CommandKind.None && !reading.AsksAQuestion && !reading.IsSessionReport);
            var answer = forAnother ? null : wish.MoveOn && !saysNo ? true : wish.Keep || wish.NotTo is not null || stays || saysNo ? false
                : onlyAnswers && wish.To is null ? step.GetResult<bool?>() : null;
            if (answer is null)
            {
                return await Router.HandBackAsync(step, ct);
            }

            var change = answer.Value ? ProgressLedger.Begin(owner, ChangeKind.StepMoved) : null;
            for (var i = 0; i < step.Values.Cats.Count; i++)
            {
                if (owner.FindCat(step.Values.Cats[i]) is not { } cat)
                {
                    continue;
                }

                var to = step.Values.Steps[i];
                if (change is null)
                {
                    await replies.SendAsync(step.Context, replies.StepText(plan.MoveOnDeclined, cat, replies.Content.Step(cat.Step)), ct);
                }
                else if (step.Values.MovesOn)
                {
                    ledger.MoveOn(change, cat);
                    await replies.MovedOnAsync(step.Context, cat, ct);
                }
                else
                {
                    ledger.MoveTo(change, cat, to);
                    await replies.SendAsync(step.Context, replies.StepText(plan.StepSet, cat, replies.Content.Step(cat.Step)), ct);
                }

                owner.CurrentCat = cat.Name;
            }

            return await step.EndDialogAsync(null, ct);
        });
    }
}
