namespace LeashBot.Safety;

/// <summary>Where one thought ends: sentences the triage reads together with the next one.</summary>
public sealed partial class RedFlagTriage
{
    /// <summary>
    /// A few words ending in a full stop ("grapes.", "garlic butter.") name the thing the next sentence is about
    /// ("she ate like 3"): they are read with it.
    /// </summary>
    private bool IsFragment(List<int> tokens, int start, int end)
    {
        if (tokens[end] != TriageTokens.SentenceEnd)
        {
            return false;
        }

        var words = 0;
        var known = false;
        for (var i = start; i < end; i++)
        {
            var id = tokens[i];
            if (id == TriageTokens.Comma || (id > 0 && _words.Skip[id]))
            {
                continue;
            }

            known |= id > 0 && !_words.Negation[id]; // "no." answers a question; it names nothing
            words++;
        }

        return known && words <= FragmentWords;
    }

    /// <summary>
    /// A sentence naming a poison, then one that points back to it and eats or licks ("theres dark choc on the table.
    /// she had half of it", "weedkiller on the patio. he licked his paws"; <c>backReferences</c>,
    /// <c>backReferenceVerbs</c>): the two are read as one, so the poison meets the eating.
    /// </summary>
    private bool CarriesOver(List<int> tokens, int start, int end)
    {
        if (tokens[end] != TriageTokens.SentenceEnd || _poisonIds.Count == 0)
        {
            return false;
        }

        var named = false;
        for (var i = start; i < end && !named; i++)
        {
            named = _poisonIds.Contains(tokens[i]);
        }

        var pointsBack = false;
        var eats = false;
        for (var i = end + 1; named && i < tokens.Count && !TriageTokens.IsEnd(tokens[i]); i++)
        {
            pointsBack |= TriageWordClasses.Is(_words.BackReference, tokens[i]);
            eats |= _backReferenceVerbs.Contains(tokens[i]);
        }

        return pointsBack && eats;
    }
}
