using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>The parts of the interruption hook about a message's parts: its opening, the list of cats, and coming back after an aside.</summary>
public sealed partial class CoachingDialog
{
    /// <summary>
    /// Before the pending question reads the message: an opening that is only a way out or chat, with something to act on
    /// after it ("never mind. please move Ebony to step 8", "ugh ok nvm. so i left the harness by her bowl, 5 mins",
    /// "That's helpful, thanks. More specifically: …"), never wins over the rest. A way out leaves the question and the rest
    /// is routed as a new message; chat is dropped and the rest is read as the reply (it may answer the question). At a
    /// yes/no question an opening that is a yes or a no ("ok, and what's step 3?") is the answer, read as before. Then a
    /// request about the list of cats ("delete em", "4yo isn't a cat", "which cats do you have saved") leaves the question
    /// and is routed. Null when neither applies.
    /// </summary>
    private async Task<DialogTurnResult?> OpeningOrCatListAsync(DialogContext innerDc, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken)
    {
        var turn = innerDc.Context;
        var askedYesNo = innerDc.ActiveDialog is { } active && PendingQuestion.KindOf(active.Id) == AnswerKind.YesNo;
        if (_router.LeadInOf(reading.Text, owner) is { } lead && !(lead.Kind == LeadKind.Chat && askedYesNo && _exits.Answers.Read(lead.Lead) != AnswerPolarity.Unclear))
        {
            if (lead.Kind == LeadKind.Leave)
            {
                await innerDc.CancelAllDialogsAsync(cancellationToken);
                return await innerDc.BeginDialogAsync(Router.DialogId, new RouteOptions { Text = lead.Rest }, cancellationToken);
            }

            turn.Activity.Text = lead.Rest;
            return await OnInterruptAsync(innerDc, cancellationToken) ?? await OnContinueDialogAsync(innerDc, cancellationToken);
        }

        if (!innerDc.Stack.Exists(d => d.Id == CatListDialog.DialogId) && _router.CatListIn(reading.Text, owner).Any)
        {
            await innerDc.CancelAllDialogsAsync(cancellationToken);
            return await innerDc.BeginDialogAsync(Router.DialogId, new RouteOptions { Text = reading.Text }, cancellationToken);
        }

        return null;
    }

    /// <summary>
    /// After an aside: the pending question is asked again when there is one to come back to; an optional
    /// follow-up is simply over.
    /// </summary>
    private async Task<DialogTurnResult> AfterAsideAsync(DialogContext innerDc, bool optional, CancellationToken cancellationToken, bool saidBackToIt = false, bool movedOn = true)
    {
        if (optional || innerDc.ActiveDialog is not { } pending)
        {
            return await innerDc.CancelAllDialogsAsync(cancellationToken);
        }

        // The owner moved on twice in a row instead of answering: the question is dropped, not asked a third time.
        var asides = (pending.State[AsidesKey]?.Type == Newtonsoft.Json.Linq.JTokenType.Integer ? pending.State.Value<int>(AsidesKey) : 0) + (movedOn ? 1 : 0);
        pending.State[AsidesKey] = asides;
        if (asides >= AsidesBeforeDropping)
        {
            await _replies.SayAsync(innerDc.Context, c => c.Messages.Listening.QuestionDropped, cancellationToken);
            return await innerDc.CancelAllDialogsAsync(cancellationToken);
        }

        if (!saidBackToIt)
        {
            await _replies.SayAsync(innerDc.Context, c => c.Messages.BackToIt, cancellationToken);
        }

        await innerDc.RepromptDialogAsync(cancellationToken);
        return Dialog.EndOfTurn;
    }
}
