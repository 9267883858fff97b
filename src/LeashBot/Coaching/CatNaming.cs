using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>
/// Which cats a message is about, and the names it teaches: a rename the owner gives, a new cat's name written in
/// passing ("hi my cat luna keeps freezing"), several new cats listed in passing ("my cats are luna + mochi, what
/// harness?"), and the pronoun a message uses for the one cat it names.
/// </summary>
public sealed class CatNaming(Replies replies, ProgressLedger ledger, CommandReader commands)
{
    /// <summary>
    /// The cats a topic is about: the ones the message names, else the one its pronoun fits, else the cat
    /// being talked about. Null when that doesn't settle it and the owner must be asked (or a cat met first).
    /// </summary>
    public static IReadOnlyList<CatProfile>? CatsFor(CatNeed need, MessageReading reading, OwnerProfile owner)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(owner);
        var meant = reading.CatsMeant.Select(owner.FindCat).OfType<CatProfile>().ToList();
        switch (need)
        {
            case CatNeed.None:
                return meant.Count > 0 ? meant : owner.Current is { } current ? [current] : [];
            case CatNeed.All:
                // "what step is she on now": a pronoun for one cat is about the one it points to (else about all of them).
                return meant.Count > 0 ? meant
                    : reading.Pronoun is not null && owner.Cats.Count > 1 && CatsFor(CatNeed.One, reading, owner) is [var one] ? [one]
                    : owner.Cats.Count > 0 ? owner.Cats : null;
        }

        if ((reading.NewCatName is { } newName && owner.FindCat(newName) is null || NewCatsListed(reading, owner).Count > 1) && meant.Count == 0)
        {
            return null;
        }

        if (meant.Count > 0)
        {
            return meant;
        }

        // A pronoun that fits no cat, or the wrong one, doesn't settle it: better to ask than to log for the wrong cat.
        if (reading.Pronoun is { } pronoun && owner.Cats.Count > 1 && owner.Current is { } talkedAbout
            && talkedAbout.Pronoun is not null && talkedAbout.Pronoun != pronoun)
        {
            return null;
        }

        return owner.Current is { } cat ? [cat] : null;
    }

    /// <summary>The names of a list in the message ("ziggy n pip") that are no cat of the owner's yet.</summary>
    public static IReadOnlyList<string> NewCatsListed(MessageReading reading, OwnerProfile owner)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(owner);
        return [.. reading.NewCatNames.Where(n => owner.FindCat(n) is null)];
    }

    /// <summary>
    /// "hi my cat luna keeps freezing on the balcony", "my cats are luna + mochi, what harness?": new cats' names in a
    /// message about something else are remembered, with a light "tell me if I got it wrong", so the answer and
    /// everything after it know the cats. Topics that need a cat meet it through the add-cat flow instead.
    /// </summary>
    public async Task LearnInPassingAsync(ITurnContext turn, Route? route, string? topic, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(owner);
        if (route is { Cats: not CatNeed.None } || topic is TopicIds.CatAdd or TopicIds.CatSwitch)
        {
            return;
        }

        var listed = NewCatsListed(reading, owner);
        IReadOnlyList<string> names = listed.Count > 1 ? listed
            : reading.CatsMeant.Count == 0 && reading.FirmNewCatName is { } name && owner.FindCat(name) is null ? [name] : [];
        var room = replies.Content.Messages.MaxCats - owner.Cats.Count;
        if (names.Count == 0 || room <= 0)
        {
            return;
        }

        var change = ProgressLedger.Begin(owner, ChangeKind.CatAdded);
        var met = names.Take(room).Select(n => ledger.AddCat(change, owner, n, names.Count == 1 ? reading.Pronoun : null)).ToList();
        owner.CurrentCat = met[0].Name;
        turn.TurnState.Set(new MetThisTurn());
        await replies.SendAsync(turn, replies.Text(c => c.Messages.CatLearned, ("cat", string.Join(", ", met.Select(c => c.Name)))), cancellationToken);
    }

    /// <summary>
    /// Renames a cat when the message gives it a new name: the cat it says the name isn't ("Mochi not Late Sorry"),
    /// else the cat being talked about when the message says it is a rename or a correction, else the owner's only
    /// cat when the message names the cat being talked about ("her name is Mochi"). The old and new name, or null when
    /// nothing was renamed.
    /// </summary>
    public async Task<(string Old, string New)?> RenameAsync(ITurnContext turn, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(owner);
        if (reading.Rename is not { } change || owner.FindCat(change.Name) is not null || !commands.Read(reading, owner).Is(CommandKind.Rename))
        {
            return null;
        }

        var cat = reading.Cats.FirstOrDefault(c => c.Negated) is { } wasNot ? owner.FindCat(wasNot.Name)
            : change.Explicit || owner.Cats.Count == 1 ? owner.Current : null;
        if (cat is null)
        {
            return null;
        }

        var old = cat.Name;
        ProgressLedger.Rename(ProgressLedger.Begin(owner, ChangeKind.CatRenamed), owner, cat, change.Name);
        cat.Pronoun ??= reading.Pronoun;

        await replies.SendAsync(turn, replies.Text(c => c.Messages.CatRenamed, ("cat", cat.Name), ("old", old)), cancellationToken);
        return (old, cat.Name);
    }

    /// <summary>
    /// A message that names one cat and calls it "he" or "she" teaches the bot that cat's pronoun. One that says it outright
    /// ("he's a boy, not a they", "pip is a girl btw") stores it even when no cat is named (then it is the cat being talked
    /// about) and corrects one learned before.
    /// </summary>
    public static void LearnPronoun(OwnerProfile owner, MessageReading reading)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Pronoun is not { } pronoun)
        {
            return;
        }

        var named = reading.Cats.Count == 1 && !reading.Cats[0].Negated ? owner.FindCat(reading.Cats[0].Name) : null;

        // "ok so she was chill, purring even": how the only cat seemed, said with a pronoun, is about that cat.
        // "i also have a boy called mango, he's 5": the pronoun is the new cat's, never the one talked about before.
        var aboutNoCat = reading.Cats.Count == 0 && reading.NewCatName is null && reading.NewCatNames.Count == 0;
        var onlyCat = owner.Cats.Count == 1 && aboutNoCat && (reading.Mood is not null || reading.IsSessionReport) ? owner.Cats[0] : null;
        var cat = named ?? onlyCat ?? (aboutNoCat && reading.PronounStated ? owner.Current : null);
        if (cat is not null && (cat.Pronoun is null || reading.PronounStated))
        {
            cat.Pronoun = pronoun;
        }
    }

    /// <summary>Marks a turn in which the bot met the owner's cats, so the greeting of that turn doesn't welcome them back.</summary>
    internal sealed class MetThisTurn;
}
