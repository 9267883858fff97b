using LeashBot.State;

namespace LeashBot.Understanding;

/// <summary>
/// "is SHE on it", "is mango on step 2 now or still 1", "whats bean on now": a question whether one of the owner's
/// cats is on a step, which the cat's status answers (not the step's description). The questions come from
/// reading.json ("statusQuestions"), with {cat} where a cat's name or a pronoun stands; what follows has to be about a
/// step ("is she on any meds" is no such question). Words for all the cats ("they both", "my cats") stand in for a name:
/// "what step r they both on" asks each cat's status.
/// </summary>
public sealed class StatusQuestions
{
    private const string Slot = "catslot";

    private readonly PhraseList _questions;
    private readonly HashSet<string> _pronouns;
    private readonly List<string[]> _groups;

    /// <summary>Words that may follow the question's words when it is about a step.</summary>
    private readonly HashSet<string> _aboutAStep;

    public StatusQuestions(ReadingContent reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        _questions = new(reading.StatusQuestions.Select(q => Plain(q.Replace("{cat}", Slot, StringComparison.Ordinal))));
        _pronouns = [.. reading.Pronouns.Values.SelectMany(forms => forms).Select(Plain)];
        _aboutAStep = [.. reading.StatusAboutAStep];
        _groups = [.. reading.StatusGroupWords.Select(g => PhraseList.Words(Plain(g))).Where(g => g.Length > 0).OrderByDescending(g => g.Length)];
    }

    /// <summary>True when the text asks whether one of <paramref name="cats"/> (or the cat a pronoun means) is on a step.</summary>
    public bool Asks(string? text, IReadOnlyList<CatProfile> cats)
    {
        ArgumentNullException.ThrowIfNull(cats);
        if (string.IsNullOrWhiteSpace(text) || cats.Count == 0)
        {
            return false;
        }

        var words = new List<string>(PhraseList.Words(Plain(text)));
        foreach (var name in cats.Select(c => PhraseList.Words(Plain(c.Name))).Where(n => n.Length > 0))
        {
            for (var i = 0; i + name.Length <= words.Count; i++)
            {
                if (words.Skip(i).Take(name.Length).SequenceEqual(name))
                {
                    words.RemoveRange(i, name.Length);
                    words.Insert(i, Slot);
                }
            }
        }

        // "what step r they both on", "where are my cats up to": words for all the cats stand where one cat's name would.
        foreach (var group in _groups)
        {
            for (var i = 0; i + group.Length <= words.Count; i++)
            {
                if (words.Skip(i).Take(group.Length).SequenceEqual(group))
                {
                    words.RemoveRange(i, group.Length);
                    words.Insert(i, Slot);
                }
            }
        }

        var all = words.Select(w => _pronouns.Contains(w) ? Slot : w).Where((w, i) => !(w == Slot && i > 0 && words[i - 1] is var before && (before == Slot || _pronouns.Contains(before)))).ToArray();
        for (var at = 0; at < all.Length; at++)
        {
            if (_questions.LengthAt(all, at) is var length and > 0)
            {
                var next = at + length;
                if (next >= all.Length || _aboutAStep.Contains(all[next]) || all[next].All(char.IsAsciiDigit))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string Plain(string text) => text.Replace("'", "", StringComparison.Ordinal).ToLowerInvariant();
}
