using System.Text.RegularExpressions;

namespace LeashBot.Understanding;

/// <summary>One part of a message: the piece of text it came from, its words, its sentence's words, and whether that sentence ends in "?".</summary>
internal sealed record MessagePart(string Text, string[] Words, bool SentenceAsks, string[] SentenceWords)
{
    /// <summary>The whole sentence the part is in, as a part of its own.</summary>
    public MessagePart Sentence => new(Text, SentenceWords, SentenceAsks, SentenceWords);
}

/// <summary>
/// Cuts a message into parts (sentences, then commas and words like "but" and "tho") and says how a part stands to a
/// command word in it: telling, asking, negated, reported or hypothetical (reading.json → commandReading).
/// </summary>
internal sealed partial class MessageParts
{
    private readonly PhraseList _reported;
    private readonly PhraseList _ownVoice;
    private readonly PhraseList _hypothetical;
    private readonly PhraseList _polite;
    private readonly HashSet<string> _politeWords;
    private readonly PhraseList _partBreaks;
    private readonly HashSet<string> _auxiliaries;
    private readonly HashSet<string> _subjects;
    private readonly HashSet<string> _askingWords;
    private readonly HashSet<string> _negations;
    private readonly HashSet<string> _interjections;
    private readonly HashSet<string> _leadIns;

    public MessageParts(BotContent content)
    {
        var reading = content.Reading;
        var words = reading.CommandReading;
        _reported = Phrases(words.Reported);
        _ownVoice = Phrases(words.OwnVoice);
        _hypothetical = Phrases(words.Hypothetical);
        _polite = Phrases(words.PoliteOpeners);
        _politeWords = [.. words.PoliteOpeners.Where(p => !p.Contains(' ', StringComparison.Ordinal)).Select(Plain)];
        _partBreaks = Phrases(words.PartBreaks);
        _auxiliaries = [.. words.Auxiliaries.Select(Plain)];
        _subjects = [.. words.Subjects.Select(Plain)];
        _askingWords = [.. words.AskingWords.Select(Plain)];
        _negations = [.. reading.Negations.Select(Plain)];
        _interjections = [.. reading.Social.Acknowledgements.Concat(reading.Social.Laughter).Concat(words.Interjections).Select(Plain)];
        _leadIns = [.. content.Understanding.Global.FillerWords.Concat(reading.Social.Acknowledgements).Concat(reading.Social.Laughter).Select(Plain)];
    }

    /// <summary>
    /// How the part stands to the command word at <paramref name="at"/>: it asks when its sentence ends in "?" or it opens
    /// like a question ("where did…", "did u…", "can i…"), unless it is a polite request ("can u…", "pls"); a negation,
    /// a report of someone's words or a what-if before the command word, or quotes around it, take the command away.
    /// </summary>
    public PartStance StanceAt(MessagePart part, int at)
    {
        var words = part.Words;
        var polite = Polite(words);
        var opener = Array.FindIndex(words, w => !_leadIns.Contains(w) && !_interjections.Contains(w));
        for (var i = 0; i < at; i++)
        {
            // "nah no, keep her on 1": a "no" among the words a part opens with answers, it doesn't negate.
            if (_negations.Contains(words[i]) && i >= opener)
            {
                return PartStance.Negated;
            }

            if (_reported.StartsAt(words, i) && !_ownVoice.EndsAt(words, i - 1))
            {
                return PartStance.Reported;
            }

            if (_hypothetical.StartsAt(words, i))
            {
                return PartStance.Hypothetical;
            }

            if (_askingWords.Contains(words[i]) && !polite)
            {
                return PartStance.Asks;
            }
        }

        if (Quoted(part.Text, words, at))
        {
            return PartStance.Reported;
        }

        if (polite)
        {
            return PartStance.Tells;
        }

        var opensAsking = opener >= 0 && opener <= at && (_askingWords.Contains(words[opener])
            || _auxiliaries.Contains(words[opener]) && opener + 1 < words.Length && _subjects.Contains(words[opener + 1]));
        return part.SentenceAsks || opensAsking ? PartStance.Asks : PartStance.Tells;
    }

    /// <summary>"can u put him back", "pls move her to 2": a request worded as a question ("can i…" asks).</summary>
    private bool Polite(string[] words)
    {
        var first = Array.FindIndex(words, w => !_leadIns.Contains(w) && !_interjections.Contains(w));
        return first >= 0 && _polite.StartsAt(words, first) || words.Length > 0 && _polite.EndsAt(words, words.Length - 1)
            || words.Any(_politeWords.Contains);
    }

    /// <summary>True when the word at <paramref name="at"/> stands inside quotes ("she said 'undo'").</summary>
    private static bool Quoted(string text, string[] words, int at)
    {
        var word = words[at];
        var index = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
        if (index < 0)
        {
            return false;
        }

        var before = text[..index];
        return before.Count(c => c is '"' or '“' or '”') % 2 == 1 || QuoteOpens().Count(before) > QuoteCloses().Count(before);
    }

    /// <summary>The message's parts: sentences (cut at sentence ends and line breaks), cut again at commas and part breaks.</summary>
    public List<MessagePart> Split(string text)
    {
        var parts = new List<MessagePart>();
        foreach (var sentence in SentenceEnd().Split(ChatLexer.WithStraightApostrophes(text ?? "")).Where(s => s.Any(char.IsLetterOrDigit)))
        {
            var asks = sentence.LastOrDefault(c => char.IsLetterOrDigit(c) || c == '?') == '?';
            var all = Words(sentence);
            foreach (var piece in sentence.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var words = Words(piece);
                var start = 0;
                for (var i = 0; i <= words.Length; i++)
                {
                    if (i < words.Length && (i == start || !_partBreaks.StartsAt(words, i)))
                    {
                        continue;
                    }

                    if (i > start)
                    {
                        parts.Add(new MessagePart(piece, words[start..i], asks, all));
                    }

                    start = i;
                }
            }
        }

        return parts;
    }

    public static string[] Words(string text) => [.. PhraseList.Words(text).Select(Plain)];

    public static PhraseList Phrases(IEnumerable<string> phrases) => new(phrases.Select(Plain));

    /// <summary>Lower case and without apostrophes ("don't" is "dont"), as the command words are matched.</summary>
    public static string Plain(string word) => ChatLexer.WithoutApostrophes(word);

    [GeneratedRegex(@"(?<=[.!?;…])\s+|\n+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(^|\s)['‘]")]
    private static partial Regex QuoteOpens();

    [GeneratedRegex(@"['’](\s|$)")]
    private static partial Regex QuoteCloses();
}
