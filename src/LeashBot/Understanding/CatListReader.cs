using System.Text.RegularExpressions;
using LeashBot.State;

namespace LeashBot.Understanding;

/// <summary>What a message asks of the owner's list of cats: cats to take off it, which cat to take off, or to see it.</summary>
public sealed record CatListRequest(IReadOnlyList<string> Remove, bool AsksWhich, bool Shows, string? Unknown = null)
{
    public static readonly CatListRequest None = new([], false, false);

    /// <summary>The message asks something of the list.</summary>
    public bool Any => Remove.Count > 0 || AsksWhich || Shows || Unknown is not null;
}

/// <summary>
/// Reads requests about the owner's list of cats, sentence by sentence, against the cats the owner has: a removing
/// word with a cat's name after it ("pls delete eating and zooming", "get rid of em"), a cat said to be none ("theres no
/// cat called em", "4yo isn't a cat", "eating and zooming arent cats"), the owner's only cats named ("mango is my only
/// cat", "i only got bean n widget": the others go), and a question about the cats saved ("which cats do you have
/// saved"). A removing word that is negated ("dont delete bean") or about something else of the cat's ("delete bean's
/// last session", "remove the reminder for pip") removes no cat. "bórralo" takes off the cat just spoken about; a name
/// after a removing word that is none of the owner's cats ("remove Rufus") is said back as unknown.
/// </summary>
public sealed partial class CatListReader
{
    /// <summary>How many words after a removing word a cat's name may stand ("delete eating and zooming too").</summary>
    private const int RemoveReach = 6;

    /// <summary>How many words may stand between "only have" and the names it keeps ("i only have ONE cat, Mango").</summary>
    private const int OnlyReach = 3;

    private readonly PhraseList _remove;
    private readonly PhraseList _removeThisCat;
    private readonly PhraseList _notACat;
    private readonly PhraseList _only;
    private readonly PhraseList _list;
    private readonly PhraseList _between;
    private readonly HashSet<string> _negations;
    private readonly HashSet<string> _catWords;
    private readonly HashSet<string> _catNouns;
    private readonly HashSet<string> _otherThings;
    private readonly HashSet<string> _joins;
    private readonly HashSet<string> _pointers;
    private readonly HashSet<string> _unnamed;
    private readonly HashSet<string> _whichCat;
    private readonly HashSet<string> _keptBefore;

    public CatListReader(BotContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var words = content.Reading.CatRemoval;
        _remove = new(words.RemoveWords.Select(Plain));
        _removeThisCat = new(words.RemoveThisCat.Select(Plain));
        _notACat = new(words.NotACat.Select(Plain));
        _only = new(words.OnlyCats.Select(Plain));
        _list = new(words.ListCats.Select(Plain));
        _between = new(words.BetweenNames.Select(Plain));
        _negations = [.. content.Reading.Negations.Select(Plain)];
        _catWords = [.. content.Reading.Animals.Cats.SelectMany(c => Words(c)), .. words.WithCatWords];
        _catNouns = [.. content.Reading.Animals.Cats.SelectMany(c => Words(c)), .. words.ListNouns];
        _otherThings = [.. words.OtherThings.SelectMany(Words)];
        _joins = [.. content.Reading.NameListJoins.SelectMany(Words)];
        _pointers = [.. words.Pointers];
        _unnamed = [.. words.Unnamed];
        _whichCat = [.. words.WhichCat];
        _keptBefore = [.. words.KeptBefore];
    }

    /// <summary>What the message asks of the list of <paramref name="owner"/>'s cats.</summary>
    public CatListRequest Read(string? text, OwnerProfile owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (string.IsNullOrWhiteSpace(text) || (owner.Cats.Count == 0 && !_list.IsIn(Words(text))))
        {
            return CatListRequest.None;
        }

        var remove = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var mentioned = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var kept = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var asksWhich = false;
        var shows = false;
        var pointsBack = false;
        var aboutSomethingElse = false;
        string? unknown = null;
        foreach (var sentence in Sentences().Split(text))
        {
            var words = Words(sentence);
            if (words.Length == 0)
            {
                continue;
            }

            var named = Named(words, owner);
            mentioned.UnionWith(named.Select(n => n.Cat));
            shows |= _list.IsIn(words);

            // "delete em", "remove 4Yo, its not a cat": the cats named after a removing word; "pls delete that" at the end of
            // a sentence points back at a cat named elsewhere in the message; "forget it, luna was fine" is no removal.
            aboutSomethingElse |= words.Any(_otherThings.Contains);
            for (var i = 0; i < words.Length && !words.Any(_otherThings.Contains); i++)
            {
                if (_remove.LengthAt(words, i) is var length and > 0 && !(i > 0 && _negations.Contains(words[i - 1])))
                {
                    if (i + length < words.Length && _pointers.Contains(words[i + length]))
                    {
                        pointsBack |= i + length >= words.Length - 2;
                        continue;
                    }

                    var after = NamesFrom(words, i + length, named);
                    remove.UnionWith(after.Select(n => n.Cat));
                    unknown ??= after.Count == 0 ? UnknownNameFrom(sentence, words, i + length) : null;
                    asksWhich |= after.Count == 0 && owner.Cats.Count > 0 && words.Skip(i + length).Any(_catWords.Contains) && words.Any(_whichCat.Contains);
                }
            }

            // "bórralo": the cat just spoken about, when the sentence names none.
            if (_removeThisCat.IsIn(words) && named.Count == 0 && owner.Current is { } current && !words.Any(_otherThings.Contains))
            {
                remove.Add(current.Name);
            }

            // "theres no cat called em", "eating and zooming arent cats", "4yo is her age": every cat the sentence names.
            if (_notACat.IsIn(words))
            {
                remove.UnionWith(named.Select(n => n.Cat));
                pointsBack |= named.Count == 0;
            }

            // "i only have ONE cat, Mango", "mango is my only cat": the cats it keeps, and the others go.
            for (var i = 0; i < words.Length; i++)
            {
                if (_only.LengthAt(words, i) is var length and > 0)
                {
                    // Between the phrase and a name kept: only cat words, list joins and the other names kept ("only got bean n widget").
                    var end = i + length;
                    var between = new HashSet<string>(_catWords.Concat(_joins).Concat(named.SelectMany(n => words[n.At..(n.At + n.Length)])));
                    var keeps = named.Where(n => (n.At >= end && n.At <= end + OnlyReach + 2 * named.Count && words[end..n.At].All(between.Contains)) || n.At + n.Length == i
                        || (n.At + n.Length + 1 == i && _keptBefore.Contains(words[i - 1]))).Select(n => n.Cat).ToList();
                    kept.UnionWith(keeps);
                    if (keeps.Count > 0)
                    {
                        remove.UnionWith(owner.Cats.Select(c => c.Name).Where(c => !keeps.Contains(c, StringComparer.OrdinalIgnoreCase)));
                    }
                }
            }
        }

        // "who is 4Yo?? … thats her age not a cat. pls delete that": the cats the message named, except those it keeps.
        if (remove.Count == 0 && pointsBack && !aboutSomethingElse && mentioned.Except(kept, StringComparer.OrdinalIgnoreCase).ToList() is { Count: > 0 } pointedAt
            && pointedAt.Count < owner.Cats.Count)
        {
            remove.UnionWith(pointedAt);
        }

        var gone = owner.Cats.Select(c => c.Name).Where(remove.Contains).ToList();
        return new CatListRequest(gone, gone.Count == 0 && asksWhich, shows, gone.Count == 0 && !shows ? unknown : null);
    }

    /// <summary>
    /// The names right after a removing word: only names, list joins and words like "the cat called" between them, within
    /// a few words; any other word ends them ("delete miso and tuesday pls, only luna is real" takes Miso and Tuesday).
    /// </summary>
    private List<(string Cat, int At, int Length)> NamesFrom(string[] words, int start, List<(string Cat, int At, int Length)> named)
    {
        var found = new List<(string Cat, int At, int Length)>();
        for (var j = start; j < words.Length && j < start + RemoveReach + (2 * found.Count);)
        {
            var name = named.Find(n => n.At == j);
            var skip = name.Cat is not null ? name.Length : Math.Max(_between.LengthAt(words, j), _joins.Contains(words[j]) ? 1 : 0);
            if (skip == 0)
            {
                break;
            }

            if (name.Cat is not null)
            {
                found.Add(name);
            }

            j += skip;
        }

        return found;
    }

    /// <summary>
    /// "remove Rufus", "pls delete rufus from my cats": one word right after a removing word (past words like "the cat
    /// called") that ends the sentence or the names, written with a capital or in a sentence about the list of cats, and
    /// none of the owner's cats: a name the bot doesn't know. Null when there is none.
    /// </summary>
    private string? UnknownNameFrom(string sentence, string[] words, int start)
    {
        var at = start;
        while (at < words.Length && _between.LengthAt(words, at) is var skip and > 0)
        {
            at += skip;
        }

        if (at >= words.Length || !words[at].All(char.IsLetter) || words[at].Length < 2 || _pointers.Contains(words[at]) || _catWords.Contains(words[at])
            || _negations.Contains(words[at]) || _otherThings.Contains(words[at]) || _joins.Contains(words[at]) || _unnamed.Contains(words[at])
            || (at + 1 < words.Length && _between.LengthAt(words, at + 1) == 0 && !_joins.Contains(words[at + 1])))
        {
            return null;
        }

        var written = Regex.Match(sentence, $@"\b{Regex.Escape(words[at])}\b", RegexOptions.IgnoreCase);
        var capital = written.Success && char.IsUpper(sentence[written.Index]);
        return capital || words.Any(_catNouns.Contains) ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(words[at]) : null;
    }

    /// <summary>The owner's cats a sentence names, with where and how many words.</summary>
    private static List<(string Cat, int At, int Length)> Named(string[] words, OwnerProfile owner)
    {
        var found = new List<(string, int, int)>();
        foreach (var cat in owner.Cats)
        {
            var name = Words(cat.Name);
            for (var i = 0; name.Length > 0 && i + name.Length <= words.Length; i++)
            {
                if (words.AsSpan(i, name.Length).SequenceEqual(name) || (name.Length == 1 && words[i] == name[0] + "s"))
                {
                    found.Add((cat.Name, i, name.Length));
                }
            }
        }

        return found;
    }

    private static string Plain(string phrase) => phrase.Replace("'", "", StringComparison.Ordinal).ToLowerInvariant();

    private static string[] Words(string text) => PhraseList.Words(Plain(text));

    [GeneratedRegex(@"[.!?;\n]+")]
    private static partial Regex Sentences();
}
