using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>Where a message goes: to a topic's answer, to a flow, or, mid-flow, to an aside.</summary>
public sealed class RouteOptions
{
    /// <summary>Route straight to this topic instead of reading the text (after "did you mean", or once a cat is known).</summary>
    public string? TopicId { get; set; }

    /// <summary>The owner's original message, when routing happens on a later turn than the message.</summary>
    public string? Text { get; set; }
}

/// <summary>The router's small entry points: ending a flow into the router, and what the interruption hook asks of it.</summary>
public sealed partial class Router
{
    /// <summary>
    /// A flow that gets a message it can't use ends itself with this as its result, and the route frame
    /// replaces itself to route that message: the stack never grows by one frame per handed-back message.
    /// </summary>
    public static Task<DialogTurnResult> HandBackAsync<TValues>(WaterfallStepContext<TValues> step, CancellationToken cancellationToken)
        where TValues : class, new() =>
        step.EndDialogAsync(new RouteOptions { Text = step.Context.Activity.Text ?? "" }, cancellationToken);

    /// <summary>Ends a flow and carries on with a topic (after a cat was chosen or met).</summary>
    public static Task<DialogTurnResult> ContinueWithAsync<TValues>(WaterfallStepContext<TValues> step, RouteOptions then, CancellationToken cancellationToken)
        where TValues : class, new() =>
        step.EndDialogAsync(then, cancellationToken);

    /// <summary>The opening of a message that is only chat or a way out, and the rest (see <see cref="MessageLeadIns"/>).</summary>
    public LeadIn? LeadInOf(string text, OwnerProfile owner) => _leadIns.Split(text, owner);

    /// <summary>What the message asks of the owner's list of cats (see <see cref="CatListReader"/>).</summary>
    public CatListRequest CatListIn(string text, OwnerProfile owner) => _catList.Read(text, owner);

    /// <summary>Renames a cat when the message gives it a new name (see <see cref="CatNaming.RenameAsync"/>).</summary>
    public Task<(string Old, string New)?> RenameAsync(ITurnContext turn, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken) =>
        _naming.RenameAsync(turn, reading, owner, cancellationToken);

    /// <summary>Answers a topic in one go, without starting a flow (see <see cref="AsideAnswers.AnswerAsync"/>).</summary>
    public Task<bool> AnswerAsideAsync(ITurnContext turn, string topic, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken) =>
        _asides.AnswerAsync(turn, topic, reading, owner, cancellationToken);
}
