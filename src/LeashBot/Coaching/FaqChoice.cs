using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>
/// Which wording of an FAQ topic answers the question: the part of it the owner asked about ("what size for a 5 kg
/// cat" is the harness topic's sizing, "how many times a week" the sessions' frequency), else, when the owner comes
/// back doubting an answer they just got ("is it really that bad? our garden is massive"), the reason behind it, else the
/// topic's answer.
/// </summary>
public sealed class FaqChoice
{
    private readonly List<(FocusedAnswer Focus, PhraseList Cues)> _focused;
    private readonly PhraseList _pushback;

    public FaqChoice(FaqContent faq)
    {
        ArgumentNullException.ThrowIfNull(faq);
        _focused = [.. faq.Focused.Select(f => (f, new PhraseList(f.Cues)))];
        _pushback = new PhraseList(faq.Pushback);
    }

    /// <summary>The wording for <paramref name="answer"/> given what was asked; <paramref name="givenRecently"/> says whether a text went out a moment ago.</summary>
    public string Pick(FaqAnswer answer, string? asked, Func<string, bool> givenRecently)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(givenRecently);
        if (Focused(answer.Id, asked) is { } focus)
        {
            return focus.Answer;
        }

        // Asked again plainly ("which harness tho??") it is the answer again (in short, see AnswerMemory); doubted, its reason.
        return answer.Reason is { } reason && asked is not null && _pushback.IsIn(PhraseList.Words(asked)) && givenRecently(answer.Answer) ? reason : answer.Answer;
    }

    /// <summary>The part of topic <paramref name="topicId"/> the question asks about, or null.</summary>
    public FocusedAnswer? Focused(string topicId, string? asked)
    {
        if (string.IsNullOrWhiteSpace(asked))
        {
            return null;
        }

        var words = PhraseList.Words(asked);
        foreach (var (focus, cues) in _focused)
        {
            if (focus.Topics.Contains(topicId, StringComparer.Ordinal) && cues.IsIn(words))
            {
                return focus;
            }
        }

        return null;
    }
}
