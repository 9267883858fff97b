using LeashBot.State;

namespace LeashBot.Understanding;

/// <summary>
/// Reads the one command a message gives (<see cref="OwnerCommand"/>), part by part. A message is cut into
/// sentences and each sentence into parts (at commas and at words like "but" and "tho"); a part gives a command
/// only when it tells: never when the command word is negated ("i didnt say undo"), reported or quoted ("u said he
/// might not be ready"), asked ("where did ziggys 10 min session go", "can i skip to 8?") or hypothetical ("if i
/// undo it"). A request worded as a question ("can u set her to 8") tells. The cat is the one the part names, else
/// the one its pronoun fits, else the cat last spoken about; with two cats and nothing to settle it, none.
/// </summary>
public sealed class CommandReader
{
    /// <summary>A command is said in a sentence or two; a longer part is about something else.</summary>
    private const int LongestPart = 24;

    /// <summary>"pepper step 2": a part this short that names a cat and a step, with no command word, is asked about.</summary>
    private const int ShortStepMention = 4;

    /// <summary>"start over" in a longer message is about something else ("the harness fell off so we had to start over").</summary>
    private const int LongestStartOver = 8;

    /// <summary>A message this short with a length of time is a terse report ("peper 2 min, relaxed", "10 mins on the rug").</summary>
    private const int TerseReport = 8;

    private readonly StepLexicon _steps;
    private readonly MessageParts _parts;
    private readonly PhraseList _undo;
    private readonly PhraseList _delete;
    private readonly PhraseList _startOver;
    private readonly PhraseList _corrections;
    private readonly PhraseList _sameSession;
    private readonly PhraseList _pointersToSession;
    private readonly PhraseList _logWords;
    private readonly PhraseList _timeUnits;
    private readonly PhraseList _eachLength;
    private readonly HashSet<string> _logCommands;
    private readonly HashSet<string> _timeAmounts;
    private readonly HashSet<string> _pointers;
    private readonly Dictionary<string, string> _pronouns;
    private readonly SessionReferences _references;

    public CommandReader(BotContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var reading = content.Reading;
        var words = reading.CommandReading;
        _steps = new StepLexicon(reading, content.Plan.Steps.Count);
        _parts = new MessageParts(content);
        _undo = MessageParts.Phrases(reading.StepCommands.Undo);
        _delete = MessageParts.Phrases(reading.StepCommands.Delete);
        _startOver = MessageParts.Phrases(content.Messages.Commands.StartOver);
        _corrections = MessageParts.Phrases(reading.Corrections);
        _sameSession = MessageParts.Phrases(reading.StepCommands.SameSession);
        _pointersToSession = MessageParts.Phrases(reading.SessionPointers);
        _logWords = MessageParts.Phrases(words.LogWords);
        _timeUnits = MessageParts.Phrases(words.TimeUnits);
        _eachLength = MessageParts.Phrases(reading.EachLength);
        _logCommands = [.. words.LogCommands.Select(MessageParts.Plain)];
        _timeAmounts = [.. words.TimeAmounts.Select(MessageParts.Plain)];
        _pointers = [.. words.Pointers.Select(MessageParts.Plain)];
        _pronouns = words.Pronouns;
        _references = new SessionReferences(content);
    }

    /// <summary>A command one part gives.</summary>
    private sealed record Found(CommandKind Kind, Certainty Certainty, string? Cat, StepWish Wish, int Order, string Part);

    /// <summary>The one command the message gives, for the owner's cats as they are now.</summary>
    public OwnerCommand Read(MessageReading reading, OwnerProfile owner)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(owner);
        if (reading.Command != Command.None)
        {
            return OwnerCommand.None;
        }

        var found = new List<Found>();
        var parts = _parts.Split(reading.Text);
        for (var order = 0; order < parts.Count; order++)
        {
            found.AddRange(Commands(parts[order], order, parts.Sum(p => p.Words.Length), reading, owner));
        }

        if (found.Count == 0)
        {
            return OwnerCommand.None;
        }

        // What the message says about each cat's step, all parts together ("set mango to 4 ... but dont move him to 5").
        StepWish WishFor(string? cat) => found.Where(f => f.Wish.Says && SameCat(f.Cat, cat)).Aggregate(StepWish.None, (w, f) => w.With(f.Wish));

        var chosen = Choose(found);
        return new OwnerCommand(chosen.Kind, chosen.Certainty, chosen.Cat, WishFor(chosen.Cat), chosen.Part);
    }

    /// <summary>What a text alone says about the step of the cat being talked about (an answer to "shall I move her on?").</summary>
    public StepWish WishIn(string text)
    {
        var wish = StepWish.None;
        foreach (var part in _parts.Split(text))
        {
            if (_steps.WishIn(part.Words, at => _parts.StanceAt(part, at)) is { } said)
            {
                wish = wish.With(said);
            }
        }

        return wish;
    }

    /// <summary>
    /// One command per kind wins, in this order: undo, start over, a rename, a step set, a fix of the last session, a
    /// session to log, then moving on, back or keeping a cat where it is (which a session report carries along). Certain beats likely, and
    /// an earlier part beats a later one.
    /// </summary>
    private static Found Choose(List<Found> found)
    {
        static int Rank(CommandKind kind) => kind switch
        {
            CommandKind.Undo or CommandKind.DeleteSession => 0,
            CommandKind.StartOver => 1,
            CommandKind.Rename => 2,
            CommandKind.SetStep => 3,
            CommandKind.FixSession or CommandKind.MoveSession => 4,
            CommandKind.LogSession => 5,
            CommandKind.StepBack or CommandKind.MoveOn => 6,
            _ => 7,
        };

        return found.OrderBy(f => f.Certainty == Certainty.Certain ? 0 : 1).ThenBy(f => Rank(f.Kind)).ThenBy(f => f.Order).First();
    }

    private IEnumerable<Found> Commands(MessagePart part, int order, int wordsInAll, MessageReading reading, OwnerProfile owner)
    {
        var words = part.Words;
        if (words.Length == 0 || words.Length > LongestPart)
        {
            yield break;
        }

        var cat = CatOf(words, reading, owner);
        Found Make(CommandKind kind, Certainty certainty, StepWish? wish = null, string? about = null) =>
            new(kind, certainty, about ?? cat, wish ?? StepWish.None, order, part.Text);

        // "undo", "put it back", "undo that delete"; "delete the 50 one".
        if (_undo.Find(words) is var undo and >= 0 && _parts.StanceAt(part, undo) == PartStance.Tells)
        {
            yield return Make(CommandKind.Undo, Certainty.Certain);
        }
        else if (_delete.Find(words) is var delete and >= 0 && _parts.StanceAt(part, delete) == PartStance.Tells
            && (words.Any(w => w.All(char.IsAsciiDigit)) || _steps.NamesASession(words)))
        {
            yield return Make(CommandKind.DeleteSession, Certainty.Certain);
        }

        if (reading.WordCount <= LongestStartOver && _startOver.Find(words) is var over and >= 0 && _parts.StanceAt(part, over) == PartStance.Tells)
        {
            yield return Make(CommandKind.StartOver, Certainty.Certain);
        }

        // "call her Nori", "his name is Toffee": the new name stands in a part that tells.
        if (reading.Rename is { } rename && Array.IndexOf(words, MessageParts.Plain(rename.Name.Split(' ')[0])) is var named and >= 0
            && _parts.StanceAt(part, named) == PartStance.Tells)
        {
            yield return Make(CommandKind.Rename, Certainty.Certain);
        }

        if (_steps.WishIn(words, at => _parts.StanceAt(part, at)) is { } wish)
        {
            // "keep her on 1" where she is: a keep, not a move.
            var stays = wish.To is { } to && owner.FindCat(cat) is { Finished: false } on && on.Step == to;
            var kind = wish.To is not null && !stays ? CommandKind.SetStep : wish.Back ? CommandKind.StepBack : wish.MoveOn ? CommandKind.MoveOn : CommandKind.KeepStep;
            yield return Make(kind, cat is null && owner.Cats.Count > 1 ? Certainty.Likely : Certainty.Certain, wish);
        }
        else if (_steps.BareStepMention(words) is { } mentioned && !part.SentenceAsks && words.Length <= ShortStepMention && cat is not null
            && reading.CatsMeant.Count == 1 && owner.FindCat(cat) is { } bare && bare.Step != mentioned)
        {
            // "pepper step 2": a cat and a step and nothing else could be a question or a command, so it is asked.
            yield return Make(CommandKind.SetStep, Certainty.Likely, new StepWish(mentioned, null, false, false, false));
        }

        if (FixIn(part, reading, owner) is { } fix)
        {
            yield return Make(fix, Certainty.Certain);
        }

        if (!reading.AsksALength && LengthAt(words, owner) is var length and >= 0 && _parts.StanceAt(part, length) == PartStance.Tells)
        {
            // "did 12 mins in the hall, he rolled over and sat on it but was chill after": a length with words of a
            // session done, or in a short message, is a report; "he wears it fine for like half an hr" may be one.
            // "another sniff session tonight, 6 mins, …": the words of a session done may stand elsewhere in the sentence.
            var told = _logWords.IsIn(words) || _logWords.IsIn(part.SentenceWords) || words.Any(PastTense) || part.SentenceWords.Any(PastTense) || wordsInAll <= TerseReport;
            if (told || reading.Mood is not null)
            {
                yield return Make(CommandKind.LogSession, told ? Certainty.Certain : Certainty.Likely);
            }
        }
        else if (Array.FindIndex(words, _logCommands.Contains) is var log and >= 0 && _parts.StanceAt(part, log) == PartStance.Tells)
        {
            // "log a session for pip": a session to log, its length asked.
            yield return Make(CommandKind.LogSession, Certainty.Certain);
        }
    }

    /// <summary>"i meant 15 not 50", "typo it was 10", "that was the same session"; "ugh sorry that was pepper actually".</summary>
    private CommandKind? FixIn(MessagePart part, MessageReading reading, OwnerProfile owner)
    {
        // "typo, it was 5 min": the marker and the number may sit in different parts of one sentence.
        part = part.Sentence;
        var words = part.Words;
        if (_sameSession.Find(words) is var same and >= 0 && _parts.StanceAt(part, same) == PartStance.Tells)
        {
            return CommandKind.FixSession;
        }

        var marker = _corrections.Find(words);
        var saidNot = Enumerable.Range(1, Math.Max(0, words.Length - 1)).FirstOrDefault(i => words[i - 1] == "not" && words[i].All(char.IsAsciiDigit), -1);
        // "that 5 min one was pip": a length pointing at the session is no new number.
        // "day 2 update": a number that counts days or tries is no length; "update: did another one, 10 mins" tells of a new session.
        var hasNumber = words.Where((w, i) => w.All(char.IsAsciiDigit) && !(i > 0 && _pointers.Contains(words[i - 1])) && !_references.Counts(words, i)).Any();
        var fixMarker = marker >= 0 && !_references.TellsOfNewSession(words);
        if (hasNumber && (fixMarker || saidNot >= 0) && _parts.StanceAt(part, Math.Max(0, marker >= 0 ? marker : saidNot - 1)) == PartStance.Tells)
        {
            return CommandKind.FixSession;
        }

        var pointer = _pointersToSession.Find(words);
        var otherCat = reading.Cats.Any(c => c.Negated) || marker >= 0 || pointer >= 0;
        return !hasNumber && otherCat && owner.Cats.Count > 1 && words.Any(w => owner.FindCat(w) is not null)
            && _parts.StanceAt(part, Math.Max(0, pointer >= 0 ? pointer : marker)) == PartStance.Tells ? CommandKind.MoveSession : null;
    }

    /// <summary>
    /// Where a length of time for a new session stands in the words ("12 mins", "half an hour"); -1 when none, or when
    /// the length points at a session already logged ("that 5 min one", "ziggys 10 min session").
    /// </summary>
    private int LengthAt(string[] words, OwnerProfile owner)
    {
        for (var i = 0; i < words.Length; i++)
        {
            // "did pepper then biscuit, 5 each": a bare number before "each" is each cat's minutes.
            var amount = words[i].All(char.IsAsciiDigit) || _steps.IsNumberWord(words[i]) || _timeAmounts.Contains(words[i]);
            var forEach = words[i].All(char.IsAsciiDigit) && _eachLength.StartsAt(words, i + 1);
            if (!amount || !(forEach || _timeUnits.StartsAt(words, i + 1) || i + 2 < words.Length && _timeAmounts.Contains(words[i + 1]) && _timeUnits.StartsAt(words, i + 2)))
            {
                continue;
            }

            var start = i > 0 && _timeAmounts.Contains(words[i - 1]) ? i - 1 : i;
            if (start > 0 && (_pointers.Contains(words[start - 1]) || Possessive(words[start - 1], owner)))
            {
                return -1;
            }

            return start;
        }

        return -1;
    }

    /// <summary>"ziggys": a known cat's name with an s, pointing at something of that cat's.</summary>
    private static bool Possessive(string word, OwnerProfile owner) =>
        word.Length > 2 && word.EndsWith('s') && owner.FindCat(word[..^1]) is not null;

    /// <summary>"rolled", "sniffed", "pawed": a word of something done.</summary>
    private static bool PastTense(string word) => word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal);

    /// <summary>
    /// The cat a part is about: the one it names (not "pickle, not milo"), else the one its pronoun fits (the only cat
    /// called that, else the cat last spoken about if it isn't called the other), else the cat last spoken about.
    /// </summary>
    private string? CatOf(string[] words, MessageReading reading, OwnerProfile owner)
    {
        // The cats the message names (near slips too: "peper"), in the order the part names them.
        var named = reading.Cats.Where(c => !c.Negated).Select(c => c.Name).ToList();
        var negated = reading.Cats.Where(c => c.Negated).Select(c => c.Name).ToList();
        foreach (var word in words)
        {
            var stem = word.EndsWith('s') && word.Length > 2 ? word[..^1] : word;
            if (named.Find(n => OwnerProfile.SameName(n, word) || NearName.IsSlipOf(word, n)) is { } mentioned)
            {
                return owner.FindCat(mentioned)?.Name ?? mentioned;
            }

            // "ziggys 10 min one": a cat's name with an s.
            if ((owner.FindCat(word) ?? owner.FindCat(stem)) is { } cat && !negated.Exists(n => OwnerProfile.SameName(n, cat.Name)))
            {
                return cat.Name;
            }
        }

        var pronoun = words.Select(w => _pronouns.TryGetValue(w, out var p) ? p : null).FirstOrDefault(p => p is not null);
        if (pronoun is not null)
        {
            var fits = owner.Cats.Where(c => c.Pronoun == pronoun).ToList();
            if (fits.Count == 1 && (owner.Current is not { } current || current.Pronoun != null || current == fits[0]))
            {
                return fits[0].Name;
            }

            return owner.Current is { } talkedAbout && (talkedAbout.Pronoun is null || talkedAbout.Pronoun == pronoun) ? talkedAbout.Name
                : owner.Cats.Count == 1 ? owner.Cats[0].Name : null;
        }

        return owner.Current?.Name;
    }

    private static bool SameCat(string? a, string? b) => a is null ? b is null : b is not null && OwnerProfile.SameName(a, b);

}
