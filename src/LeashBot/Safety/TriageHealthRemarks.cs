namespace LeashBot.Safety;

/// <summary>
/// Whether a message the triage found no sign in still remarks on health: a word red flags are made of, written as
/// such (a look-alike or typo of one never is), and not in a question to the shop that says nothing of the cat.
/// </summary>
internal sealed class TriageHealthRemarks(TriageWordClasses words, bool[] healthWord)
{
    /// <summary>A word red flags are made of ("gums", "breathing", "vet"), though no sign was found.</summary>
    public bool MentionsHealth(List<int> tokens)
    {
        foreach (var id in tokens)
        {
            if (id > 0 && healthWord[id])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A question to the shop or clinic ("what time do you shut", "do you sell cat flaps") that says nothing of the cat
    /// ("she", "his", "my cat"): a word it shares with a sign ("shut", "flap") is no remark about health.
    /// </summary>
    public bool ToUsNotTheCat(List<int> tokens)
    {
        var toUs = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var id = tokens[i];
            if (id > 0 && (words.CatWord[id] || (id == words.Cat && i > 0 && tokens[i - 1] > 0 && words.CatOwner[tokens[i - 1]])))
            {
                return false;
            }

            toUs |= id > 0 && words.ToUs[id];
        }

        return toUs;
    }

    /// <summary>True when some words were read as typos of red-flag words and no health word is written as such.</summary>
    public bool OnlyTypos(List<int> tokens, List<int>? typos)
    {
        if (typos is null)
        {
            return false;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] > 0 && !typos.Contains(i) && healthWord[tokens[i]])
            {
                return false;
            }
        }

        return true;
    }
}
