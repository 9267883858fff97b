using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>One session report about several cats: a session for each cat named (or every cat, with "both").</summary>
public sealed partial class SessionCorrections
{
    /// <summary>
    /// "did 10 min with luna, 5 with miso, miso hated it", "did both at dinner, 4 min each. biscuit relaxed, pepper
    /// kinda stressed": a report that names two or more cats (or "both") logs a session for each, each with the length
    /// and mood said in its own part of the message (a part that names no cat belongs to the cat before it, or to all
    /// when it comes first). A cat whose length or mood is missing is asked about afterwards.
    /// </summary>
    private async Task<CorrectionOutcome?> LogEachCatAsync(ITurnContext turn, MessageReading reading, OwnerProfile owner, CancellationToken cancellationToken)
    {
        // "did pepper then biscuit, 5 each": one bare number with "each" is each cat's length in minutes.
        var eachLength = reading.Duration is null && _eachLength.IsIn(PhraseList.Words(reading.Text)) ? BareMinutes(reading.Text) : null;
        if (owner.Cats.Count < 2 || reading.StepNumber is not null || (reading.Duration ?? eachLength) is not { } duration
            || duration <= TimeSpan.Zero || duration.TotalMinutes > TrainingPlan.LongestSessionMinutes)
        {
            return null;
        }

        var named = reading.CatsMeant.Select(owner.FindCat).OfType<CatProfile>().Distinct().ToList();
        var everyCat = _eachCat.IsIn(PhraseList.Words(reading.Text));

        // "both of them did 5 mins" with three cats: which two is asked; nothing is logged for a cat it wasn't.
        if (named.Count < 2 && owner.Cats.Count > 2 && _twoCats.IsIn(PhraseList.Words(reading.Text)))
        {
            var names = owner.Cats.Select(c => c.Name).ToList();
            var list = string.Join(", ", names[..^1]) + " " + _replies.Content.Messages.OrWord + " " + names[^1];
            await _replies.SendAsync(turn, _replies.Text(c => c.Plan.WhichTwoCats, ("cats", list)), cancellationToken);
            return new CorrectionOutcome(true);
        }
        var cats = named.Count >= 2 ? named : everyCat ? owner.Cats : [];
        if (cats.Count < 2)
        {
            return null;
        }

        var shared = new List<string>();
        var own = cats.ToDictionary(c => c, _ => new List<string>());
        List<CatProfile>? group = null;
        var waiting = new List<CatProfile>();
        foreach (var part in Parts(reading.Text).SelectMany(p => CatParts.AtNames(p, cats, _joins)))
        {
            var partCats = cats.Where(c => PhraseList.Words(part).Any(t => OwnerProfile.SameName(t, c.Name) || NearName.IsSlipOf(t, c.Name))
                || (c.Name.Contains(' ', StringComparison.Ordinal) && part.Contains(c.Name, StringComparison.OrdinalIgnoreCase))).ToList();

            // "biscuit and pepper did 4 min": a part that is only names goes with the part after it.
            if (partCats.Count > 0 && PhraseList.Words(part).All(t => partCats.Any(c => OwnerProfile.SameName(t, c.Name) || NearName.IsSlipOf(t, c.Name))))
            {
                waiting.AddRange(partCats);
                continue;
            }

            if (partCats.Count > 0 || waiting.Count > 0)
            {
                group = [.. waiting.Concat(partCats).Distinct()];
                waiting.Clear();
            }

            if (group is null || group.Count == cats.Count)
            {
                shared.Add(part);
            }
            else
            {
                foreach (var cat in group)
                {
                    own[cat].Add(part);
                }
            }
        }

        var sharedReading = _reader.Read(string.Join(", ", shared), owner.Cats);

        // "both did 5 min smudge fine bella hated it": with "both" and one length said anywhere, that length is each cat's,
        // even when it sits in the part naming the first cat.
        var ownLengths = cats.Select(c => _reader.Read(string.Join(", ", own[c]), owner.Cats).Duration).OfType<TimeSpan>().ToList();
        var lengthForAll = everyCat && sharedReading.Duration is null && ownLengths.Count == 1 ? ownLengths[0].TotalMinutes : eachLength?.TotalMinutes;
        var anyOwnMood = own.Values.Any(parts => parts.Count > 0 && _reader.Read(string.Join(", ", parts), owner.Cats).Mood is not null);
        var now = _clock.GetUtcNow();
        var wish = _stepChanges.Read(reading.Text);
        var change = ProgressLedger.Begin(owner, ChangeKind.SessionLogged);
        var offer = new StepOfferOptions { MovesOn = true };
        var asks = new List<LogSessionOptions>();
        CatProfile? lastLogged = null;
        foreach (var cat in cats)
        {
            var text = string.Join(", ", own[cat]);
            var ownReading = _reader.Read(text, owner.Cats);
            // "did 10 min with luna, 5 with miso": a bare number in a cat's own part is minutes like the rest.
            var bare = PhraseList.Words(text).Where(t => t.All(char.IsAsciiDigit)).ToList();
            var minutes = (ownReading.Duration ?? sharedReading.Duration)?.TotalMinutes
                ?? (bare.Count == 1 ? double.Parse(bare[0], CultureInfo.InvariantCulture) : lengthForAll);
            var mood = ownReading.Mood?.Mood ?? sharedReading.Mood?.Mood ?? (anyOwnMood ? null : reading.Mood?.Mood);
            if (minutes is > 0 and <= TrainingPlan.LongestSessionMinutes && mood is { } known)
            {
                var result = _ledger.LogSession(change, cat, minutes.Value, known, now);
                if (await _stepChanges.AfterSessionAsync(turn, change, cat, minutes.Value, result, wish, cancellationToken) is { } ready)
                {
                    Add(offer, ready);
                }

                lastLogged = cat;
            }
            else
            {
                // What the message said about this cat is kept, so only what's missing is asked.
                var said = string.Join(", ", shared.Concat(own[cat]));
                if (minutes is { } m && ownReading.Duration is null && sharedReading.Duration is null)
                {
                    said += ", " + _replies.Minutes(m);
                }

                asks.Add(new LogSessionOptions { CatName = cat.Name, Text = said });
            }
        }

        if (lastLogged is null && asks.Count == 0)
        {
            return null;
        }

        // Every cat still missing its length or mood is asked about in turn, and the cats ready to move on after that.
        var ask = asks.FirstOrDefault();
        for (var i = asks.Count - 1; i > 0; i--)
        {
            asks[i - 1].Next = asks[i];
        }

        if (ask is not null && offer.Cats.Count > 0)
        {
            ask.Offer = offer;
        }

        owner.CurrentCat = (ask is not null ? owner.FindCat(ask.CatName) : lastLogged)?.Name ?? owner.CurrentCat;
        return new CorrectionOutcome(true, Ask: ask, Offer: ask is null && offer.Cats.Count > 0 ? offer : null);
    }

    /// <summary>The one bare number in the message ("5 each") as minutes, when there is exactly one.</summary>
    private static TimeSpan? BareMinutes(string text) =>
        PhraseList.Words(text).Where(t => t.Length <= 3 && t.All(char.IsAsciiDigit)).Distinct().ToList() is [var only]
            ? TimeSpan.FromMinutes(double.Parse(only, CultureInfo.InvariantCulture)) : null;

    /// <summary>One question about moving on, for every cat ready to.</summary>
    private static void Add(StepOfferOptions offer, StepOfferOptions ready)
    {
        offer.Cats.AddRange(ready.Cats);
        offer.Steps.AddRange(ready.Steps);
    }

    /// <summary>The message cut at punctuation and at "and", "but", "then", "while": the parts a several-cat report is made of.</summary>
    private static List<string> Parts(string text) =>
        [.. PartBreak().Split(text).Select(p => p.Trim()).Where(p => p.Any(char.IsLetterOrDigit))];

    [System.Text.RegularExpressions.GeneratedRegex(@"[,.;:!?]+|\s[-–—]+\s|\b(?:and|but|then|while|whereas)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PartBreak();
}
