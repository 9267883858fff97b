using System.Text.RegularExpressions;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>
/// Whether a message asks to do some training ("can we still do a quick session tonight?", "ok to practise later?"),
/// as opposed to asking about it ("how long should a session be?"): a clause that asks (<c>asking</c>: "can we",
/// "ok to", "let's") with a training word after it (<c>training</c>: session, practise, walk, harness), and no
/// question word before the asking words ("how often should we practise" asks about training). While an alarm lasts
/// such a request waits, and the owner hears why. Words from <c>dialogs/redflags.json</c> (<c>aftercare.sessionRequests</c>).
/// </summary>
public sealed partial class SessionRequest(SessionRequestWords words)
{
    private readonly PhraseList _asking = new(words.Asking);
    private readonly PhraseList _training = new(words.Training);
    private readonly PhraseList _about = new(words.About);

    public bool In(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var clause in ClauseBreak().Split(text))
        {
            var clauseWords = PhraseList.Words(clause);
            var asks = _asking.Find(clauseWords);
            if (asks < 0 || _about.Find(clauseWords[..asks]) >= 0)
            {
                continue;
            }

            if (_training.Find(clauseWords[asks..]) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"[.!?;,\n]+")]
    private static partial Regex ClauseBreak();
}
