using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>
/// A part of a message that names several cats, cut before each name so each cat gets the words said about it: "bean
/// was chill widget hated it" is "bean was chill" and "widget hated it". Words before the first name stay with it, and
/// a piece that is only names ("bean n widget did 10 min") stays with the piece after it, so "did 10 min" is said of both.
/// </summary>
public static class CatParts
{
    /// <summary>The part cut before each cat it names, when it names two or more; else the part whole.</summary>
    public static IEnumerable<string> AtNames(string part, IReadOnlyList<CatProfile> cats, IReadOnlyCollection<string> joins)
    {
        ArgumentNullException.ThrowIfNull(joins);
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(cats);
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var named = words.Select(w => CatOf(w, cats)).ToList();
        if (named.OfType<CatProfile>().Distinct().Count() < 2)
        {
            return [part];
        }

        var pieces = new List<List<string>>();
        var current = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            // A new piece starts at a name, unless what came since the last name is only names and short joins.
            if (named[i] is not null && current.Exists(w => CatOf(w, cats) is not null) && !current.TrueForAll(w => CatOf(w, cats) is not null || PhraseList.Words(w) is [] || (PhraseList.Words(w) is [var join] && joins.Contains(join))))
            {
                pieces.Add(current);
                current = [];
            }

            current.Add(words[i]);
        }

        pieces.Add(current);
        return pieces.Select(p => string.Join(' ', p));
    }

    /// <summary>Each cat the text names, with the words said about it (see <see cref="AtNames"/>).</summary>
    public static List<(CatProfile Cat, string Text)> Of(string text, IReadOnlyList<CatProfile> cats, IReadOnlyCollection<string> joins) =>
        [.. AtNames(text, cats, joins).SelectMany(piece => piece.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => CatOf(w, cats)).OfType<CatProfile>().Distinct()
            .Select(cat => (cat, piece))).DistinctBy(p => p.cat)];

    /// <summary>The cat a word names ("widget", "widgets", "bean's", a slip like "peper"), or null.</summary>
    public static CatProfile? CatOf(string word, IReadOnlyList<CatProfile> cats)
    {
        ArgumentNullException.ThrowIfNull(cats);
        var token = PhraseList.Words(word) is [var only] ? only.Replace("'s", "", StringComparison.Ordinal) : null;
        return token is null ? null
            : cats.FirstOrDefault(c => OwnerProfile.SameName(token, c.Name) || OwnerProfile.SameName(token, c.Name + "s") || NearName.IsSlipOf(token, c.Name));
    }
}
