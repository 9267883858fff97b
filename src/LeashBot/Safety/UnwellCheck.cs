using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Safety;

/// <summary>
/// A second opinion beside the red-flag rules, never a silent one. When the rules find nothing but the message
/// reads health-related (it shares a word with the red-flag content) and the semantic reader thinks it is about
/// the cat being unwell or hurt right now, the bot asks once, with Yes/No: "Is your cat unwell or hurt right
/// now?". "Yes" gets the vet message; anything else carries on with what the owner asked. It is not an alarm: no
/// red-flag time is kept, and the owner is never held at the question.
/// </summary>
public sealed class UnwellCheck
{
    private readonly RedFlagReader _redFlags;
    private readonly SemanticReader? _semantic;
    private readonly VetReply _vet;
    private readonly Phrasebook _say;
    private readonly BotAccessors _state;
    private readonly HealthWords _healthWords;

    public UnwellCheck(RedFlagReader redFlags, VetReply vet, Phrasebook say, BotAccessors state, SemanticDecision? semantic = null)
    {
        ArgumentNullException.ThrowIfNull(say);
        _state = state;
        _redFlags = redFlags;
        _vet = vet;
        _say = say;
        _semantic = semantic?.Reader;
        _healthWords = new HealthWords(say.Content);
    }

    /// <summary>True when the message shares a word with the red-flag content (see <see cref="HealthWords"/>).</summary>
    public bool ReadsHealthRelated(string text) => _healthWords.In(text);

    /// <summary>
    /// The rules and the tier head found nothing (the head, when it is sure, decides: <see cref="RedFlagReader"/>), no
    /// vet's all-clear is read, the words read health-related, it is no training news, fear story or word of the cat being well (<see cref="RedFlagReader.ReadsAsNoWorry"/>)
    /// and the model thinks the cat is unwell now.
    /// </summary>
    /// <remarks>
    /// With a question of the bot's waiting, a remark that reads as the cat unwell ("has been sort of off today") is asked
    /// about even without a health word when it would read as a yes: it is never taken as the answer (a "kind of" in it is no yes).
    /// </remarks>
    public bool ShouldAsk(string text, bool questionPending) =>
        _semantic is not null && (ReadsHealthRelated(text) || (questionPending && YesNoRecognizer.Recognize(text) is true && !IsShortAnswer(text)))
        && !_redFlags.ReadsAsNoWorry(text) && !_redFlags.Read(text).IsRedFlag && !_redFlags.Rules.ReadsAllClear(text)
        && _semantic.Unwell(text) >= _semantic.Options.Unwell;

    /// <summary>Whether to ask, with no question of the bot's waiting.</summary>
    public bool ShouldAsk(string text) => ShouldAsk(text, questionPending: false);

    /// <summary>"yes", "sure thing", "nah not yet": a plain answer, never a remark.</summary>
    private static bool IsShortAnswer(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3;

    /// <summary>
    /// Asks, or reads the answer to, the question. Returns the text the turn should carry on with, or null when this
    /// turn is answered (the question was asked, or the vet message sent after a "yes").
    /// </summary>
    /// <remarks>
    /// With <paramref name="questionPending"/>, a health remark is asked about rather than read as the waiting question's
    /// answer; a "no" to the unwell question then leaves the waiting question (<paramref name="leaveQuestion"/>) and the
    /// remark is read as a new message.
    /// </remarks>
    public async Task<string?> CheckAsync(ITurnContext turn, string text, CancellationToken cancellationToken, bool questionPending = false, Action? leaveQuestion = null)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var flags = await _state.FlagsAsync(turn, cancellationToken);
        if (flags.UnwellCheckFor is null && !ShouldAsk(text, questionPending))
        {
            return text;
        }

        var name = (await _state.OwnerAsync(turn, cancellationToken)).Current?.Name ?? _say.Content.Messages.YourCat;
        if (flags.UnwellCheckFor is { } asked)
        {
            flags.UnwellCheckFor = null;
            var overQuestion = flags.UnwellCheckOverQuestion;
            flags.UnwellCheckOverQuestion = false;
            switch (YesNoRecognizer.Recognize(text))
            {
                case true:
                    var vet = MessageFactory.Text(_vet.For(RedFlagTier.Soon, name));
                    vet.Importance = ActivityImportance.High;
                    await turn.SendActivityAsync(vet, cancellationToken);
                    return null;
                case false:
                    if (overQuestion)
                    {
                        leaveQuestion?.Invoke();
                    }

                    return asked;
                default:
                    return text;
            }
        }

        flags.UnwellCheckFor = text;
        flags.UnwellCheckOverQuestion = questionPending;
        var titles = _say.Content.Messages.YesNoChoices;
        await turn.SendActivityAsync(
            ChoiceFactory.ForChannel(turn.Activity.ChannelId, _say.Text(_say.Content.Messages.UnwellCheck, ("cat", name)), [new Choice(titles.Yes), new Choice(titles.No)],
                conversationType: turn.Activity.Conversation?.ConversationType),
            cancellationToken);
        return null;
    }
}
