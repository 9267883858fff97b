namespace LeashBot.Safety;

/// <summary>
/// What the little words of dialogs/redflags.json do in a sentence, by word id: skipped, a denial, a verb that carries
/// a denial over a new subject ("I don't think she's…"), a subject, a clause break, a contrast ("but"), and the words
/// that tell a cat's name from a thing and a question to the shop from a remark about the cat.
/// </summary>
internal sealed class TriageWordClasses
{
    private TriageWordClasses(RedFlagContent content, TriageVocabulary vocabulary)
    {
        var count = vocabulary.Count + 1;
        Skip = Flags(content.SkipWords);
        Negation = Flags(content.Negations);
        Carrier = Flags(content.NegationCarriers);
        Subject = Flags(content.Subjects);
        ClauseBreak = Flags(content.ClauseBreaks);
        Contrast = Flags(content.Contrasts);
        NotANameAfter = Flags(content.NotANameAfter);
        ThingAfterName = Flags(content.ThingAfterName);
        UnlessStop = Flags(content.UnlessStopsAt);
        ToUs = Flags(content.HealthRemarks.ToUs);
        CatWord = Flags(content.HealthRemarks.CatWords);
        CatOwner = Flags(content.HealthRemarks.CatOwners);
        Conditional = Flags(content.WhatIf.Conditionals);
        Present = Flags(content.WhatIf.Present);
        BackReference = Flags(content.BackReferences);

        // A pattern's words never reach over "but", "though" and the like: what comes after is another thought.
        GapStop = [.. ClauseBreak.Select((isBreak, id) => isBreak && Contrast[id])];
        Cat = vocabulary.IdOf("cat");

        bool[] Flags(IEnumerable<string> words)
        {
            var flags = new bool[count];
            foreach (var word in words)
            {
                flags[vocabulary.IdOf(word)] = true;
            }

            return flags;
        }
    }

    public bool[] Skip { get; }

    public bool[] Negation { get; }

    public bool[] Carrier { get; }

    public bool[] Subject { get; }

    public bool[] ClauseBreak { get; }

    public bool[] Contrast { get; }

    public bool[] NotANameAfter { get; }

    public bool[] ThingAfterName { get; }

    public bool[] UnlessStop { get; }

    public bool[] ToUs { get; }

    public bool[] CatWord { get; }

    public bool[] CatOwner { get; }

    public bool[] GapStop { get; }

    /// <summary>"if": a question with one before a sign asks about what might happen.</summary>
    public bool[] Conditional { get; }

    /// <summary>"now", "since", "keeps": the message tells of something happening, never a what-if.</summary>
    public bool[] Present { get; }

    /// <summary>"it", "them", "half": a word pointing back to a thing named in the sentence before.</summary>
    public bool[] BackReference { get; }

    /// <summary>The id of "cat": what a cat's name is read as.</summary>
    public int Cat { get; }

    /// <summary>Gives every listed word an id before the patterns are compiled (the order the ids were always handed out in).</summary>
    public static void Register(RedFlagContent content, TriageVocabulary vocabulary)
    {
        foreach (var word in content.SkipWords.Concat(content.Negations).Concat(content.NegationCarriers).Concat(content.Subjects)
                     .Concat(content.ClauseBreaks).Concat(content.Contrasts).Concat(content.NotANameAfter).Concat(content.ThingAfterName)
                     .Concat(content.UnlessStopsAt).Concat(content.HealthRemarks.ToUs).Concat(content.HealthRemarks.CatWords).Concat(content.HealthRemarks.CatOwners).Append("cat")
                     .Concat(content.WhatIf.Conditionals).Concat(content.WhatIf.Present).Concat(content.BackReferences))
        {
            vocabulary.IdOf(word);
        }
    }

    /// <summary>The classes, once every word of the content (patterns included) has its id.</summary>
    public static TriageWordClasses Of(RedFlagContent content, TriageVocabulary vocabulary) => new(content, vocabulary);

    /// <summary>True when the token is a word of the class.</summary>
    public static bool Is(bool[] wordClass, int token) => token > 0 && wordClass[token];
}
