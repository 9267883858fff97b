using LeashBot.State;

namespace LeashBot.Coaching;

/// <summary>The cat whose sessions at its step are fewer than logged, and how many it really had.</summary>
public sealed class SessionCountOptions
{
    public string Cat { get; set; } = "";

    public int Keep { get; set; }
}

/// <summary>
/// "bean only done 1 session not 3 u doubled it up": a cat said to have had fewer sessions at its step than were logged
/// is asked about once, with the numbers; yes takes off the last ones logged there (one "undo" brings them back), no
/// keeps them, anything else is a new message. Nothing new is ever logged.
/// </summary>
public sealed class SessionCountDialog(Replies replies, BotAccessors state) : AskOnceDialog<SessionCountOptions>(DialogId, replies)
{
    public const string DialogId = "sessions.count";

    protected override async Task<string?> QuestionAsync(WaterfallStepContext<SessionCountOptions> step, CancellationToken cancellationToken)
    {
        var options = step.GetOptions<SessionCountOptions>() ?? new SessionCountOptions();
        step.Values.Cat = options.Cat;
        step.Values.Keep = options.Keep;
        var owner = await state.OwnerAsync(step.Context, cancellationToken);
        if (owner.FindCat(options.Cat) is not { } cat || Extra(cat, options.Keep) is not (> 0 and var extra))
        {
            return null;
        }

        owner.CurrentCat = cat.Name;
        return Say(Replies, c => c.Plan.SessionCountAsk, cat, extra, options.Keep);
    }

    protected override async Task<DialogTurnResult> YesAsync(WaterfallStepContext<SessionCountOptions> step, CancellationToken cancellationToken)
    {
        var owner = await state.OwnerAsync(step.Context, cancellationToken);
        if (owner.FindCat(step.Values.Cat) is not { } cat)
        {
            return await Router.HandBackAsync(step, cancellationToken);
        }

        var extra = Extra(cat, step.Values.Keep);
        if (extra <= 0)
        {
            return await KeptAsync(step, cat, cancellationToken);
        }

        var change = ProgressLedger.Begin(owner, ChangeKind.SessionDeleted);
        foreach (var session in cat.SessionsAtCurrentStep.TakeLast(extra).ToList())
        {
            ProgressLedger.RemoveSession(change, cat, session);
        }

        await Replies.SendAsync(step.Context, Say(Replies, c => c.Plan.SessionCountFixed, cat, extra, step.Values.Keep), cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }

    protected override async Task<DialogTurnResult> NoAsync(WaterfallStepContext<SessionCountOptions> step, CancellationToken cancellationToken)
    {
        var owner = await state.OwnerAsync(step.Context, cancellationToken);
        return owner.FindCat(step.Values.Cat) is { } cat ? await KeptAsync(step, cat, cancellationToken) : await Router.HandBackAsync(step, cancellationToken);
    }

    private async Task<DialogTurnResult> KeptAsync(WaterfallStepContext<SessionCountOptions> step, CatProfile cat, CancellationToken cancellationToken)
    {
        await Replies.SayAsync(step.Context, c => c.Plan.SessionCountKept, cat, cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>What to ask when <paramref name="cat"/> really had <paramref name="keep"/> sessions at its step and more are logged; else null.</summary>
    public static SessionCountOptions? Offer((int Wanted, int? Wrong)? count, CatProfile? cat) =>
        count is { } said && cat is not null && Extra(cat, said.Wanted) > 0 ? new SessionCountOptions { Cat = cat.Name, Keep = said.Wanted } : null;

    private static int Extra(CatProfile cat, int keep) => cat.SessionsAtCurrentStep.Count() - Math.Max(0, keep);

    private static string Say(Replies replies, Func<Content.BotContent, string> wording, CatProfile cat, int extra, int keep) =>
        replies.Text(wording, ("cat", cat.Name), ("total", (extra + keep).ToString(CultureInfo.InvariantCulture)), ("step", cat.Step.ToString(CultureInfo.InvariantCulture)),
            ("sessions", extra.ToString(CultureInfo.InvariantCulture)), ("target", keep.ToString(CultureInfo.InvariantCulture)));
}
