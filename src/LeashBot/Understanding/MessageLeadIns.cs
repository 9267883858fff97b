using System.Text.RegularExpressions;
using LeashBot.State;

namespace LeashBot.Understanding;

/// <summary>How a message opens before it gets to what it asks or tells.</summary>
public enum LeadKind
{
    /// <summary>"never mind", "nvm", "fair enough": a way out of whatever was being asked.</summary>
    Leave,

    /// <summary>"thanks", "ok cool", "lol": chat that wants no answer of its own when more follows.</summary>
    Chat,
}

/// <summary>A message's opening (<see cref="Kind"/>) and the rest of it, which is acted on as a message of its own.</summary>
public sealed record LeadIn(LeadKind Kind, string Lead, string Rest);

/// <summary>
/// One message, two parts: an opening that is only chat or a way out ("ugh ok nvm.", "That's helpful, thanks.", "fair
/// enough,") followed by a part that asks, tells or reports something ("…please move Ebony to step 8", "…so i left the
/// harness by her bowl, 5 mins, v chill"). The opening never wins over what follows it: a way out only leaves when
/// nothing else follows, and chat is only answered on its own. The split is made at the first sentence end, comma or
/// dash after which the opening is nothing but chat or a way out and the rest has something to act on.
/// </summary>
public sealed partial class MessageLeadIns(MessageReader reader, CommandReader commands, BotContent content)
{
    /// <summary>An opening is short: a longer first part is what the message is about.</summary>
    private const int LongestLead = 7;

    /// <summary>The rest needs a few words to be something to act on ("what's next" is two).</summary>
    private const int ShortestRest = 2;

    private readonly PhraseList _leave = new((content ?? throw new ArgumentNullException(nameof(content))).Reading.LeaveQuestion);

    /// <summary>The opening and the rest, or null when the message is one part (or its opening is more than chat).</summary>
    public LeadIn? Split(string text, OwnerProfile owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (Match cut in Cuts().Matches(text))
        {
            var lead = text[..cut.Index].Trim();
            var rest = text[(cut.Index + cut.Length)..].Trim();
            var leadWords = PhraseList.Words(lead);
            if (leadWords.Length == 0)
            {
                continue;
            }

            if (leadWords.Length > LongestLead || PhraseList.Words(rest).Length < ShortestRest)
            {
                return null;
            }

            if (KindOf(lead, owner) is { } kind && HasSomethingToActOn(rest, owner))
            {
                return new LeadIn(kind, lead, rest);
            }
        }

        return null;
    }

    /// <summary>What an opening is: a way out, chat, or (null) something of its own.</summary>
    private LeadKind? KindOf(string lead, OwnerProfile owner)
    {
        var reading = reader.Read(lead, owner.Cats);
        if (reading.AsksAQuestion || reading.Duration is not null || reading.StepNumber is not null || reading.Cats.Count > 0
            || commands.Read(reading, owner).Kind != CommandKind.None)
        {
            return null;
        }

        if (reading.Command == Command.Cancel || _leave.IsIn(PhraseList.Words(lead)))
        {
            return LeadKind.Leave;
        }

        return reading.Social is SocialAct.Thanks or SocialAct.Acknowledgement or SocialAct.Laughter
            && (reading.Recognition.TopicId is null || SocialActReader.IsChat(reading.Recognition.TopicId) || reading.Recognition.Kind != RecognitionKind.Confident)
            ? LeadKind.Chat : null;
    }

    /// <summary>The rest asks, tells or reports something: a command, a question, a session, or a topic of its own.</summary>
    private bool HasSomethingToActOn(string rest, OwnerProfile owner)
    {
        // "ahora no, déjalo" ("not now, leave it"): a rest that is itself only a way out or chat leaves the message whole.
        var reading = reader.Read(rest, owner.Cats);
        if (reading.Command != Command.None || reading.Social == SocialAct.Goodbye || KindOf(rest, owner) is not null)
        {
            return false;
        }

        return commands.Read(reading, owner).Kind != CommandKind.None || reading.AsksAQuestion || reading.IsSessionReport
            || reading.Duration is not null
            || (reading.Recognition.Kind == RecognitionKind.Confident && reading.Recognition.TopicId is { } topic && !SocialActReader.IsChat(topic));
    }

    /// <summary>Where a message can be cut: after a sentence end, a comma, a colon or a dash.</summary>
    [GeneratedRegex(@"[.!?;:…]+\s*|\n+|,\s*|\s+[-–—]+\s+")]
    private static partial Regex Cuts();
}
