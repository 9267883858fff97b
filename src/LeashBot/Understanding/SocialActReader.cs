namespace LeashBot.Understanding;

/// <summary>
/// Chat rather than a question (thanks, laughter, an acknowledgement, a goodbye) and a reply that declines ("no
/// session today", "nah skip it"), from reading.json's social words and declines.
/// </summary>
internal sealed class SocialActReader
{
    private const int GoodbyeTail = 6;

    /// <summary>Most words of their own a moment away has ("one sec, gotta grab her treats").</summary>
    private const int PauseTail = 4;

    /// <summary>Most words of their own a return has ("hey hi its me again").</summary>
    private const int ReturnTail = 2;

    /// <summary>Most words of their own a remark that ends by agreeing has ("phone alarm it is ⏰", "pixel solo first then, deal").</summary>
    private const int ShortRemark = 3;

    /// <summary>Most words a reply that declines a question has ("no we didnt do one today, maybe tomorrow").</summary>
    private const int LongestDecline = 10;

    private readonly PhraseIndex<SocialAct> _social;
    private readonly PhraseIndex<bool> _declines;
    private readonly HashSet<string> _fillers;

    public SocialActReader(ReadingContent reading, HashSet<string> fillers, ChatClauses words)
    {
        _fillers = fillers;
        var social = reading.Social;
        (string[] Words, SocialAct Act)[] socialPhrases =
        [
            .. social.Done.Select(p => (words.Words(p).ToArray(), SocialAct.Goodbye)),
            .. social.Goodbyes.Select(p => (words.Words(p).ToArray(), SocialAct.Goodbye)),
            .. social.Thanks.Select(p => (words.Words(p).ToArray(), SocialAct.Thanks)),
            .. social.Laughter.Select(p => (words.Words(p).ToArray(), SocialAct.Laughter)),
            .. social.Acknowledgements.Select(p => (words.Words(p).ToArray(), SocialAct.Acknowledgement)),
            .. social.Pauses.Select(p => (words.Words(p).ToArray(), SocialAct.Pause)),
            .. social.Returns.Select(p => (words.Words(p).ToArray(), SocialAct.Return)),
        ];
        _social = new(socialPhrases.OrderByDescending(s => s.Words.Length));
        _declines = words.Index(reading.Declines);
    }

    /// <summary>A topic that is chat, not a question: greeting, thanks, help or out of scope.</summary>
    public static bool IsChat(string topic) => topic is TopicIds.Greeting or TopicIds.Thanks or TopicIds.Help or TopicIds.OutOfScope;

    /// <summary>
    /// Chat rather than a question: thanks, laughter, an acknowledgement, or a goodbye ("thanks, that's all
    /// for today", "gotta go feed these gremlins"). A goodbye has to open the message or follow other chat.
    /// </summary>
    public SocialAct Of(List<string> words, Recognition recognition, bool asks)
    {
        if (words.Count == 0)
        {
            return SocialAct.None;
        }

        var covered = new bool[words.Count];
        var acts = new List<(SocialAct Act, int At)>();
        for (var i = 0; i < words.Count; i++)
        {
            // "is 5 days a week enough? 🙏": an emoji beside a question is its tone, not thanks or a laugh.
            if (_social.MatchAt(words, i) is { Words: var phrase, Value: var act } && !(asks && !phrase.Any(w => w.Any(char.IsLetterOrDigit))))
            {
                acts.Add((act, i));
                for (var k = i; k < i + phrase.Length; k++)
                {
                    covered[k] = true;
                }

                i += phrase.Length - 1;
            }
        }

        if (acts.Count == 0)
        {
            return SocialAct.None;
        }

        var rest = 0;
        for (var i = 0; i < words.Count; i++)
        {
            rest += !covered[i] && !_fillers.Contains(words[i]) ? 1 : 0;
        }

        // "omg ty ur a star, gotta run and feed her, bye!!": a message that ends on a goodbye and asks nothing is one
        // ("we'll try again later" is not).
        // An "ok" at the start is no part of a goodbye: "ok so ... or is that later" ends on "later" and leaves nothing.
        if (!asks && acts[^1].Act == SocialAct.Goodbye && EndsWithChat(words, covered)
            && (acts.Count(a => a.Act != SocialAct.Acknowledgement) >= 2 || words[acts[^1].At] != "later"))
        {
            return SocialAct.Goodbye;
        }

        var goodbye = acts.FindIndex(a => a.Act == SocialAct.Goodbye);
        if (goodbye >= 0)
        {
            var at = acts[goodbye].At;
            var opensOrFollowsChat = true;
            for (var i = 0; i < at; i++)
            {
                opensOrFollowsChat &= covered[i] || _fillers.Contains(words[i]);
            }

            var isQuestion = recognition.Kind == RecognitionKind.Confident && !IsChat(recognition.TopicId!) && rest > 3;
            if (opensOrFollowsChat && rest <= GoodbyeTail && !isQuestion)
            {
                return SocialAct.Goodbye;
            }
        }

        // "brb", "one sec lemme grab the treats", "ok hold on": a moment away that asks nothing and says little else.
        if (!asks && acts.Any(a => a.Act == SocialAct.Pause) && rest <= PauseTail && !(recognition.Kind == RecognitionKind.Confident && !IsChat(recognition.TopicId!)))
        {
            return SocialAct.Pause;
        }

        // "hey its me again", "ok im back!!": back to pick up where they were, and nothing else said.
        if (!asks && acts.Any(a => a.Act == SocialAct.Return) && rest <= ReturnTail)
        {
            return SocialAct.Return;
        }

        if (acts.Any(a => a.Act == SocialAct.Thanks) && rest <= 2)
        {
            return SocialAct.Thanks;
        }

        var opensWithLaughter = acts[0] is { Act: SocialAct.Laughter, At: 0 } && !(recognition.Kind == RecognitionKind.Confident && !IsChat(recognition.TopicId!));
        if (acts.Any(a => a.Act == SocialAct.Laughter) && (rest <= 3 || opensWithLaughter))
        {
            return SocialAct.Laughter;
        }

        // "phone alarm it is ⏰", "ok step 2 tmrw then, deal": a short remark that ends by agreeing, asks nothing and names
        // nothing the bot could answer is an acknowledgement too.
        var placed = recognition.Kind == RecognitionKind.Confident && !IsChat(recognition.TopicId!);
        return acts.All(a => a.Act == SocialAct.Acknowledgement) && (rest == 0 || (!asks && !placed && rest <= ShortRemark && EndsWithChat(words, covered)))
            ? SocialAct.Acknowledgement : SocialAct.None;
    }

    /// <summary>True when the last word that isn't filler is part of a chat phrase.</summary>
    private bool EndsWithChat(List<string> words, bool[] covered)
    {
        for (var i = words.Count - 1; i >= 0; i--)
        {
            if (covered[i])
            {
                return true;
            }

            if (!_fillers.Contains(words[i]) && words[i].Any(char.IsLetterOrDigit))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"ok cool so pixel solo first, rufus later": the message opens by acknowledging what the bot said.</summary>
    public bool OpensWithAcknowledgement(List<string> words)
    {
        var first = words.FindIndex(w => w != "," && !_fillers.Contains(w));
        return (words.Count > 0 && _social.MatchAt(words, 0) is { Value: SocialAct.Acknowledgement })
            || (first >= 0 && _social.MatchAt(words, first) is { Value: SocialAct.Acknowledgement });
    }

    /// <summary>"no session today", "nah skip it", "nada": a short message that opens by declining, or says it anywhere in more words.</summary>
    public bool Declines(List<string> words)
    {
        if (words.Count is 0 or > LongestDecline)
        {
            return false;
        }

        var first = words.FindIndex(w => !_fillers.Contains(w));
        if (first >= 0 && _declines.MatchAt(words, first) is not null)
        {
            return true;
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (_declines.MatchAt(words, i) is { Words.Length: > 1 })
            {
                return true;
            }
        }

        return false;
    }
}
