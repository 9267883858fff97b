namespace LeashBot.Safety;

/// <summary>
/// What the triage reads in a message while an alarm lasts: a vet's all-clear, a misreading ("nothing happened"), a
/// what-if said plainly, a question about what to tell the vet, about first aid at home or about health, and the
/// poison the owner named.
/// </summary>
public sealed partial class RedFlagTriage
{
    /// <summary>
    /// True when the message says a vet has seen the cat and all is well ("the vet saw her, gave fluids and says
    /// she's fine now"): after a red flag, that ends the alarm.
    /// </summary>
    public bool ReadsAllClear(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Only a denial inside it undoes an all-clear ("the vet said she's not fine"), even one that is no denial in
        // a sign; one before it is about something else ("nothing broken, the vet says she's ok"). A question is no
        // all-clear ("should i go to the vet or is he fine?").
        return _matcher.AnySentenceMatches(_allClears, _lexicon.Tokenize(text), denialInsideUndoes: true, statementsOnly: true);
    }

    /// <summary>True when the owner says plainly it has not happened ("it hasn't happened", "asking in advance").</summary>
    public bool ReadsNotHappening(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _matcher.AnySentenceMatches(_notHappening, _lexicon.Tokenize(text), denialInsideUndoes: false);
    }

    /// <summary>True when the owner asks what to tell the vet ("what do i tell the vet?", "qué le digo al vet?").</summary>
    public bool AsksWhatToTellTheVet(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _matcher.AnySentenceMatches(_tellTheVet, _lexicon.Tokenize(text), denialInsideUndoes: false);
    }

    /// <summary>True when the message asks about health or what to do ("is it heatstroke?", "can it wait till morning?").</summary>
    public bool AsksAboutHealth(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _matcher.AnySentenceMatches(_followUps, _lexicon.Tokenize(text), denialInsideUndoes: false);
    }

    /// <summary>
    /// True when the owner says the alarm was a misreading ("nothing happened", "no emergency", "you misread me"), and
    /// says nothing of a sign that has only stopped ("not vomiting anymore").
    /// </summary>
    public bool ReadsFalseAlarm(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = _lexicon.Tokenize(text);
        return _matcher.AnySentenceMatches(_falseAlarm, tokens, denialInsideUndoes: false, statementsOnly: true) && !StillWorries(tokens);
    }

    /// <summary>A denial of a sign that has only stopped ("she's not being sick any more"): no misreading.</summary>
    public bool StillWorries(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return StillWorries(_lexicon.Tokenize(text));
    }

    private bool StillWorries(List<int> tokens) => _matcher.AnySentenceMatches(_stillWorry, tokens, denialInsideUndoes: false);

    /// <summary>True when the owner asks about first aid at home ("should i make her sick?", "can i give her milk").</summary>
    public bool AsksFirstAid(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _matcher.AnySentenceMatches(_firstAid, _lexicon.Tokenize(text), denialInsideUndoes: false);
    }

    /// <summary>
    /// The poison the owner named ("ibuprofen", "lilies", "antifreeze"), as written, from the knowledge lists of
    /// <c>namedPoisons</c>; never a word that is one of the owner's cats' names. Null when none is named.
    /// </summary>
    public string? PoisonNamed(string text, IReadOnlyCollection<string>? catNames = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var word in Words(text))
        {
            if (_poisonNames.Contains(word) && catNames?.Contains(word, StringComparer.OrdinalIgnoreCase) != true)
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>The index in <c>mildSigns</c> of the first mild sign the message tells of ("sneezed a couple of times"), or -1.</summary>
    public int MildSignIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = _lexicon.Tokenize(text);
        for (var i = 0; i < _mildSigns.Length; i++)
        {
            if (_matcher.AnySentenceMatches(_mildSigns[i], tokens, denialInsideUndoes: false))
            {
                return i;
            }
        }

        return -1;
    }
}
