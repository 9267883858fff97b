namespace LeashBot.Understanding;

/// <summary>
/// A clear request to delete what the bot keeps about the owner (reading.json's forget-me words): only such a request
/// is one; the word "delete" alone, a denied one or a question about something deleted never is.
/// </summary>
internal sealed class ForgetMeReader
{
    private readonly ReadingNegations _negations;
    private readonly PhraseIndex<bool> _eraseVerbs;
    private readonly PhraseIndex<bool> _ownerData;
    private readonly PhraseIndex<bool> _askingAboutErasing;

    public ForgetMeReader(ForgetMeWords words, ChatClauses clauses, ReadingNegations negations)
    {
        _negations = negations;
        _eraseVerbs = clauses.Index(words.Verbs);
        _ownerData = clauses.Index(words.Data);
        _askingAboutErasing = clauses.Index(words.AskingAbout);
    }

    /// <summary>The recognition with forget-me taken out: the next topic when one is left, else unsure.</summary>
    public static Recognition WithoutForgetMe(Recognition recognition)
    {
        if (recognition.TopicId != TopicIds.ForgetMe && !recognition.Candidates.Any(c => c.TopicId == TopicIds.ForgetMe))
        {
            return recognition;
        }

        var others = recognition.Candidates.Where(c => c.TopicId != TopicIds.ForgetMe).ToList();
        // Torn between forget-me and another topic, it was the other one.
        return recognition.TopicId != TopicIds.ForgetMe
            ? recognition with { Candidates = others, Kind = recognition.Kind == RecognitionKind.Ambiguous ? RecognitionKind.Confident : recognition.Kind }
            : others.Count > 0 && recognition.Kind == RecognitionKind.Ambiguous
                ? new Recognition(others[0].TopicId, others[0].Score, RecognitionKind.Confident, others)
                : new Recognition(null, others.Count > 0 ? others[0].Score : 0, RecognitionKind.Unsure, others);
    }

    /// <summary>
    /// "forget me", "delete everything you know about me": an erasing verb and the owner's data, the verb not denied
    /// ("don't delete everything"), not a question about something deleted ("did u delete the wrong ones?") and not
    /// about the cat forgetting ("is she gonna forget everything over the holidays?").
    /// </summary>
    public bool AsksToForgetOwner(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (_askingAboutErasing.MatchAt(words, i) is not null)
            {
                return false;
            }
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (_eraseVerbs.MatchAt(words, i) is not { } verb || _negations.NegatedBefore(words, i))
            {
                continue;
            }

            for (var k = 0; k < words.Count; k++)
            {
                if ((k < i || k >= i + verb.Words.Length) && _ownerData.MatchAt(words, k) is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
