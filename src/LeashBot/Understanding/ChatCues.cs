namespace LeashBot.Understanding;

/// <summary>
/// Two things an owner says about the chat itself rather than the cat, read anywhere in a message with the words in
/// dialogs/answers.json: that they are ending it ("ugh im too tired for this lol. goodnight 🌙", "thx thats all", "gn"),
/// and that the bot got something wrong or asked again ("u already asked me that", "thats not what i asked", "te lo dije").
/// </summary>
public sealed class ChatCues(BotContent content)
{
    private readonly PhraseList _closings = new((content ?? throw new ArgumentNullException(nameof(content))).Answers.Words.Closings);
    private readonly PhraseList _chat = new(content.Answers.Words.Chat);
    private readonly PhraseList _complaints = new(content.Answers.Words.Complaints);

    /// <summary>
    /// The message ends the chat: a goodbye as the reading took it, or a part of it (between sentence ends and commas) that
    /// opens with an ending after chat words ("ok", "ugh", "thx"), in a message that asks nothing, commands nothing and
    /// reports no session ("goodnight, she did 10 min" is a report to log).
    /// </summary>
    public bool Ends(MessageReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Social == SocialAct.Goodbye)
        {
            return true;
        }

        if (reading.AsksAQuestion || reading.Command != Command.None)
        {
            return false;
        }

        foreach (var part in AnswerReader.Sentences(reading.Text).SelectMany(Parts))
        {
            var at = 0;
            while (at < part.Length && _chat.LengthAt(part, at) is > 0 and var chat)
            {
                at += chat;
            }

            if (_closings.StartsAt(part, at))
            {
                return reading.Duration is null;
            }
        }

        return false;
    }

    /// <summary>The message says the bot got it wrong, missed something or asked again.</summary>
    public bool Complains(string? text) => _complaints.IsIn(AnswerReader.Words(text));

    /// <summary>A sentence's stretches between commas, in words.</summary>
    private static IEnumerable<string[]> Parts(List<string> sentence)
    {
        var part = new List<string>();
        foreach (var word in sentence.Append(","))
        {
            if (word == ",")
            {
                if (part.Count > 0)
                {
                    yield return [.. part];
                }

                part = [];
            }
            else if (char.IsLetterOrDigit(word[0]))
            {
                // Emoji say nothing here: "🌙 goodnight" ends as "goodnight" does.
                part.Add(word);
            }
        }
    }
}
