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
    public bool ShouldAsk(string text) =>
        _semantic is not null && ReadsHealthRelated(text) && !_redFlags.ReadsAsNoWorry(text) && !_redFlags.Read(text).IsRedFlag && !_redFlags.Rules.ReadsAllClear(text)
        && _semantic.Unwell(text) >= _semantic.Options.Unwell;

    /// <summary>
    /// Asks, or reads the answer to, the question. Returns the text the turn should carry on with, or null when this
    /// turn is answered (the question was asked, or the vet message sent after a "yes").
    /// </summary>
    public async Task<string?> CheckAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var flags = await _state.FlagsAsync(turn, cancellationToken);
        if (flags.UnwellCheckFor is null && !ShouldAsk(text))
        {
            return text;
        }

        var name = (await _state.OwnerAsync(turn, cancellationToken)).Current?.Name ?? _say.Content.Messages.YourCat;
        if (flags.UnwellCheckFor is { } asked)
        {
            flags.UnwellCheckFor = null;
            switch (YesNoRecognizer.Recognize(text))
            {
                case true:
                    var vet = MessageFactory.Text(_vet.For(RedFlagTier.Soon, name));
                    vet.Importance = ActivityImportance.High;
                    await turn.SendActivityAsync(vet, cancellationToken);
                    return null;
                case false:
                    return asked;
                default:
                    return text;
            }
        }

        flags.UnwellCheckFor = text;
        var titles = _say.Content.Messages.YesNoChoices;
        await turn.SendActivityAsync(
            ChoiceFactory.ForChannel(turn.Activity.ChannelId, _say.Text(_say.Content.Messages.UnwellCheck, ("cat", name)), [new Choice(titles.Yes), new Choice(titles.No)],
                conversationType: turn.Activity.Conversation?.ConversationType),
            cancellationToken);
        return null;
    }
}
