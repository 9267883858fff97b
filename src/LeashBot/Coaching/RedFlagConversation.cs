using LeashBot.Safety;
using LeashBot.State;
using LeashBot.Understanding;

namespace LeashBot.Coaching;

/// <summary>What the health check did with a message.</summary>
public enum HealthTurn
{
    /// <summary>Nothing about health stands in the way: the coaching answers.</summary>
    Coaching,

    /// <summary>The vet message went out; the turn ends there.</summary>
    SentToVet,

    /// <summary>An alarm lasts and the bot answered kindly without coaching; the turn ends there.</summary>
    Answered,
}

/// <summary>
/// Health first, and a conversation that stays safe after a red flag. Every message is read by the triage with the
/// owner's own cats' names (a cat called Lily is the cat). A red flag gets the vet message in the owner's language.
/// While the alarm lasts (<c>followUpMinutes</c> from the last red flag or health question, until a vet's all-clear):
/// a later message never lowers the tier ("it's probably just constipation, right?"), a health question gets the vet
/// message again, training waits and the owner is told why, and "ok", "thanks", "calling now" get a short kind reply.
/// A vet's all-clear ends the alarm: the bot is glad, says to follow the vet on when to start again, and lets the
/// coaching answer whatever else the message asks.
/// <para>
/// An alarm is about one cat: the owner's other cats train on. Asking again about the same alarm ("is it really an
/// emergency?", "ok but WHY") gets why the sign matters and the call-now action, never the same paragraph. A training
/// question ("how often should we practise?") is answered for later; only sessions and moving on wait. A sign a vet
/// has cleared in this conversation ("stop if he pants again") raises no new alarm.
/// </para>
/// </summary>
public sealed class RedFlagConversation(RedFlagReader redFlags, SessionRequest sessionRequest, VetReply vet, MessageReader reader, Replies replies, BotAccessors state, TimeProvider clock)
{
    private readonly PhraseList _signBack = new(replies.Content.RedFlags.Aftercare.SignBack);

    private readonly PhraseList _onTheirWay = new(replies.Content.RedFlags.Aftercare.OnTheirWay);

    private RedFlagTriage Triage => redFlags.Rules;

    /// <summary>
    /// "mochi has been straining" when only Olive is known: Mochi, named back, never Olive. Only a word the alarm stands
    /// without ("blood is coming out" names no cat).
    /// </summary>
    private string? UnknownCatIn(string text, List<string> names) =>
        reader.UnknownCatNamed(text, names) is { } unknown && Triage.Read(NameMentions.Blank(text, [unknown]), names).IsRedFlag ? unknown : null;

    public async Task<HealthTurn> ReadAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        var flags = await state.FlagsAsync(turn, cancellationToken);
        var owner = await state.OwnerAsync(turn, cancellationToken);
        var now = clock.GetUtcNow();
        var alarm = flags.RedFlagAt is { } at && now - at <= TimeSpan.FromMinutes(replies.Content.RedFlags.FollowUpMinutes)
            ? (RedFlagTier)Math.Clamp(flags.RedFlagLevel, (int)RedFlagTier.None, (int)RedFlagTier.Emergency)
            : RedFlagTier.None;

        // While an alarm lasts the rules alone read a message: the alarm stands, and what follows is read against its signs.
        var names = owner.Cats.Select(c => c.Name).ToList();
        var read = alarm == RedFlagTier.None ? redFlags.Read(text, names) : Triage.Read(text, names);
        // A sign the vet cleared stays cleared when mentioned in passing, never when it is told as back ("straining again").
        var found = NotCleared(read, flags.ClearedSigns.Count > 0 && !_signBack.IsIn(PhraseList.Words(text)) ? flags.ClearedSigns : []);
        if (alarm == RedFlagTier.None && flags.RedFlagAt is not null)
        {
            // An alarm that has run its time leaves nothing behind (a vet's all-clear signs stay cleared).
            EndAlarm(flags);
        }

        if (found.Count == 0 && alarm == RedFlagTier.None)
        {
            if (read.WhatIf.Count > 0)
            {
                // "if she pants after a walk on a hot day, is that ok?": what to do if it happens, no alarm, no hold.
                await replies.SendAsync(turn, WhatIfAnswer(read.WhatIf, owner.Current, text), cancellationToken);
                return HealthTurn.Answered;
            }

            if (Triage.MildSignIn(text) is var mild and >= 0)
            {
                // "sneezed a couple of times, eating normal": a calm answer about that sign, what's usual and what to watch for.
                await replies.SendAsync(turn, replies.Cat(replies.Content.RedFlags.MildSigns[mild].Reply, owner.Current), cancellationToken);
                var told = reader.Read(text, owner.Cats);
                return told.IsSessionReport || told.Questions.Count > 1 ? HealthTurn.Coaching : HealthTurn.Answered;
            }

            // Nothing about health stands in the way: the message is read once, by the coaching.
            return HealthTurn.Coaching;
        }

        // The cat the message is about ("biscuit keeps going to the tray" while Pepper is the one in training), else the current one.
        var reading = reader.Read(text, owner.Cats);
        if (alarm == RedFlagTier.None && found.TrueForAll(s => s.SystemId == RedFlagReader.ByMeaning) && reading.IsSessionReport)
        {
            // The head reads by meaning, and training news ("4 min each, pepper hissed") can sound unwell to it: a session
            // report the rules find nothing in is coaching.
            return HealthTurn.Coaching;
        }

        var cat = reading.CatsMeant is [var meant] ? owner.Cats.FirstOrDefault(c => c.Name == meant) ?? owner.Current
            : UnknownCatIn(text, names) is { } unknown ? new CatProfile { Name = unknown }
            : owner.Current;
        var alarmCat = flags.RedFlagCats.Count > 0 ? owner.FindCat(flags.RedFlagCats[^1]) ?? cat : cat;

        // The same worry said again ("cats pant when they play, don't they?") is no new alarm, and a vet's all-clear
        // that repeats the sign ("...stop if he pants again") still ends it, even beside another cat's name ("vet says
        // shes fine. wat about pepper tho").
        var sameWorry = alarm != RedFlagTier.None && found.All(s => Covers(flags.RedFlagSigns, s) || Triage.RestatesAlarm(s.SignId));
        var allClear = sameWorry && Triage.ReadsAllClear(text);
        var misread = !allClear && alarm != RedFlagTier.None && found.Count == 0 && Misread(read, flags, text);
        if (found.Count == 0 && flags.RedFlagCats.Count > 0 && !allClear && !misread)
        {
            if (reading.CatsMeant.Count > 0 && !reading.CatsMeant.Intersect(flags.RedFlagCats, StringComparer.OrdinalIgnoreCase).Any())
            {
                // An alarm about one cat doesn't hold the owner's other cats ("can we still practise with Pepper?").
                return HealthTurn.Coaching;
            }

            // A message that names no cat is about the one the alarm is for.
            cat = reading.CatsMeant.Count == 0 ? alarmCat : cat;
        }

        var aftercare = replies.Content.RedFlags.Aftercare;
        if (alarm != RedFlagTier.None && found.TrueForAll(s => s.Tier <= alarm) && Triage.AsksFirstAid(text))
        {
            // "should i make her sick?", "can i give her milk": no home remedies unless the vet says so; take the packet; call.
            await replies.UrgentAsync(turn, vet.WithNumbers(replies.Cat(aftercare.FirstAid, cat)), cancellationToken);
            return HealthTurn.Answered;
        }

        if (found.Count > 0 && !sameWorry)
        {
            var tier = (RedFlagTier)Math.Max((int)found.Max(s => s.Tier), (int)alarm);
            var ongoing = alarm != RedFlagTier.None;
            Raise(turn, flags, tier, found, now);
            flags.RedFlagSigns = [.. (ongoing ? flags.RedFlagSigns : []).Union(found.Select(s => s.SignId))];
            flags.RedFlagCats = [.. (ongoing ? flags.RedFlagCats : []).Union(cat is null ? [] : [cat.Name])];
            flags.RedFlagAskedAgain = 0;
            if (cat is not null && owner.FindCat(cat.Name) is not null)
            {
                // The cat the alarm is about is the one an unnamed message is about from now on.
                owner.CurrentCat = cat.Name;
            }

            var language = LanguageOf(reading, text);
            if (ongoing && tier == alarm)
            {
                // A sign the alarm didn't have while it lasts ("now she's drooling loads" after a poison): don't wait any
                // longer, never "it may well be fine". In another language, that language's don't-wait, as when asked again.
                if (language == "en")
                {
                    await replies.UrgentAsync(turn, vet.WithNumbers(replies.Cat(replies.Content.RedFlags.Aftercare.NewSign, cat)), cancellationToken);
                    return HealthTurn.SentToVet;
                }

                return await AskedAgainAsync(turn, flags, alarm, found, cat, language, now, cancellationToken);
            }

            await replies.UrgentAsync(turn, FirstVetMessage(tier, found, cat, language, text, names), cancellationToken);
            return HealthTurn.SentToVet;
        }

        if (allClear || misread)
        {
            // A vet's all-clear ends the alarm and clears its signs; a misreading ("nothing happened", "she didn't fall")
            // ends it with a sorry, and its signs would alarm again if they did happen.
            if (allClear)
            {
                flags.ClearedSigns = [.. flags.ClearedSigns.Union(flags.RedFlagSigns)];
            }

            EndAlarm(flags);
            await replies.SendAsync(turn, replies.Cat(allClear ? aftercare.AllClear : aftercare.Misread, alarmCat), cancellationToken);
            // Only a real question goes on ("...she's fine now. why does she chew the harness?"): the all-clear itself
            // is never taken as the answer to a question the bot asked before the red flag.
            return AsksSomething(reading) && (text.Contains('?', StringComparison.Ordinal) || reading.Questions.Count > 1) ? HealthTurn.Coaching : HealthTurn.Answered;
        }

        if (found.Count == 0 && Triage.ReadsNotHappening(text))
        {
            // "it hasn't happened, I'm asking in advance": the alarm was a misreading; what to do if it happens instead.
            var asked = flags.RedFlagSigns.Select(Triage.Sign).OfType<RedFlagSign>().ToList();
            EndAlarm(flags);
            await replies.SendAsync(turn, string.Join(" ", replies.Cat(aftercare.NotHappening, cat), WhatIfAnswer(asked.Concat(read.WhatIf).ToList(), cat, text)), cancellationToken);
            return HealthTurn.Answered;
        }

        if (Triage.AsksWhatToTellTheVet(text))
        {
            // "what do i tell the vet?": what to have ready for the call, and the numbers again.
            await replies.UrgentAsync(turn, vet.WithNumbers(replies.Cat(aftercare.TellTheVet, cat)), cancellationToken);
            return HealthTurn.Answered;
        }

        if (found.Any(s => !Triage.RestatesAlarm(s.SignId)))
        {
            // The same sign again ("he's still panting"): the reason and the call-now action.
            return await AskedAgainAsync(turn, flags, alarm, found, cat, LanguageOf(reading, text), now, cancellationToken);
        }

        if (reading.Command != Command.None || reading.Recognition.TopicId == TopicIds.ForgetMe)
        {
            // Help, the menu, starting over and "forget me" always work.
            return HealthTurn.Coaching;
        }

        if (_onTheirWay.IsIn(PhraseList.Words(text)))
        {
            // "we're on the way now, should i still try the harness tomorrow?": they're doing it; the kind line, and
            // training waits if they ask about anything, never "call your vet now" again.
            var waiting = replies.Cat(aftercare.Waiting, cat);
            await replies.SendAsync(turn, reading.AsksAQuestion || text.Contains('?', StringComparison.Ordinal) ? string.Join(" ", waiting, replies.Cat(aftercare.TrainingWaits, cat)) : waiting, cancellationToken);
            return HealthTurn.Answered;
        }

        // Sessions and moving on wait, and the owner hears why, however the session is asked for ("can we do a session
        // while we wait?" is no question about a session's length); a question about the training itself is answered,
        // for later ("how often should we practise?"), unless it asks about health ("can it wait till morning?").
        var topic = reading.Recognition.TopicId;
        var training = AsksSomething(reading);
        if ((training && topic is TopicIds.PlanStart or TopicIds.PlanNext or TopicIds.PlanStep or TopicIds.PlanLog or TopicIds.PlanProgress
                or TopicIds.PlanStepBack or TopicIds.PlanUndo or TopicIds.PlanMoveSession or TopicIds.Checklist) || reading.IsSessionReport
            || sessionRequest.In(text))
        {
            // The hold is the held cat's: the owner's other cats train on, and the owner is told so.
            var others = owner.Cats.Where(c => !flags.RedFlagCats.Contains(c.Name, StringComparer.OrdinalIgnoreCase)).Select(c => c.Name).ToList();
            var waits = replies.Cat(aftercare.TrainingWaits, cat);
            await replies.SendAsync(turn, others.Count == 0 || flags.RedFlagCats.Count == 0 ? waits : string.Join(" ", waits, replies.Fill(aftercare.OthersTrain, ("cats", CatListDialog.Names(replies, others)))), cancellationToken);
            return HealthTurn.Answered;
        }

        if (Triage.AsksAboutHealth(text))
        {
            return await AskedAgainAsync(turn, flags, alarm, found, cat, LanguageOf(reading, text), now, cancellationToken);
        }

        if (reading.AsksAQuestion || text.Contains('?', StringComparison.Ordinal))
        {
            await replies.SendAsync(turn, replies.Cat(aftercare.ForLater, cat), cancellationToken);
            return HealthTurn.Coaching;
        }

        // News like "on our way to the vet now", "ok", "thanks": the kind reply, whatever topic a reader finds in it.
        await replies.SendAsync(turn, replies.Cat(aftercare.Waiting, cat), cancellationToken);
        return HealthTurn.Answered;
    }

    /// <summary>
    /// Asked again ("is it really an emergency?", "ok but WHY", "¿puedo esperar a mañana?"): why the sign matters and
    /// what to do now, opened in other words each time so no paragraph repeats; the tier is never lowered. In another
    /// language with a vet message of its own: that language's "only a vet can tell" and don't-wait, taken in turn.
    /// </summary>
    private async Task<HealthTurn> AskedAgainAsync(ITurnContext turn, ConversationFlags flags, RedFlagTier alarm, List<RedFlagSign> found, CatProfile? cat, string language, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var aftercare = replies.Content.RedFlags.Aftercare;
        Raise(turn, flags, alarm, found, now);
        var turnNumber = flags.RedFlagAskedAgain++;
        if (language != "en" && replies.Content.RedFlags.Translations.TryGetValue(language, out var translated))
        {
            var dontWait = translated.DontWait is { } wait ? replies.Cat(wait, cat) : null;
            await replies.UrgentAsync(turn, turnNumber % 2 == 1 && dontWait is not null ? vet.WithNumbers(dontWait, language) : vet.For(RedFlagTier.None, cat?.Name, language, dontWait), cancellationToken);
            return HealthTurn.SentToVet;
        }

        var opening = aftercare.AskedAgain[turnNumber % aftercare.AskedAgain.Count];
        var why = found.Select(s => s.SignId).Concat(flags.RedFlagSigns).Where(id => !Triage.RestatesAlarm(id)).Select(Triage.Sign).OfType<RedFlagSign>().OrderByDescending(s => s.Tier)
            .Select(s => replies.Content.RedFlags.Systems.First(system => system.Id == s.SystemId).Why).FirstOrDefault();
        var reason = why is null ? vet.For(RedFlagTier.None, cat?.Name) : vet.WithNumbers(string.Join(" ", opening, why, replies.Cat(aftercare.CallNow, cat)));
        await replies.UrgentAsync(turn, reason, cancellationToken);
        return HealthTurn.SentToVet;
    }

    /// <summary>
    /// The first vet message of an alarm, in the owner's language. A poison the owner named (in English) is said back
    /// as harmful, with no "I can't tell what it is", and with what not to do at home and what to take along.
    /// </summary>
    private string FirstVetMessage(RedFlagTier tier, List<RedFlagSign> found, CatProfile? cat, string language, string text, IReadOnlyCollection<string> names)
    {
        if (language != "en")
        {
            return vet.For(tier, cat?.Name, language);
        }

        var aftercare = replies.Content.RedFlags.Aftercare;
        var why = SystemsOf(found).FirstOrDefault(s => s.WhyFirst)?.Why;
        var poison = why is null ? null : Triage.PoisonNamed(text, names);
        if (poison is null)
        {
            return vet.For(tier, cat?.Name, language, why);
        }

        var named = replies.Fill(aftercare.PoisonNamed, ("name", char.ToUpperInvariant(poison[0]) + poison[1..]));
        return vet.For(tier, cat?.Name, language, string.Join(" ", named, why, replies.Cat(aftercare.FirstAid, cat)), known: true);
    }

    /// <summary>
    /// During an alarm, the owner says it was a misreading: in words ("nothing happened", "you misread me"), or by
    /// denying a sign of the alarm's body system ("she didnt fall or get bitten"), unless the sign has only stopped
    /// ("not sick any more") or it is a what-if said plainly (answered with what to do if it happens).
    /// </summary>
    private bool Misread(RedFlagResult read, ConversationFlags flags, string text)
    {
        if (Triage.ReadsNotHappening(text) || Triage.StillWorries(text))
        {
            return false;
        }

        var systems = flags.RedFlagSigns.Select(Triage.Sign).OfType<RedFlagSign>().Select(s => s.SystemId).ToHashSet(StringComparer.Ordinal);
        return Triage.ReadsFalseAlarm(text) || read.Denied.Any(s => systems.Contains(s.SystemId));
    }

    /// <summary>The language the owner writes in: the reader's, or for a red flag in another language's everyday words, that one.</summary>
    private string LanguageOf(MessageReading reading, string text) =>
        reading.Language != "en" ? reading.Language : Triage.LanguageOf(text) ?? reading.Language;

    /// <summary>
    /// A what-if's answer: an opening, what to do if the sign happens and how to keep it from happening, and to call if it
    /// is happening now. A mild sign named in it ("if he were to drool in the car") gets its own calm answer instead of
    /// its body system's, so no sign the owner never named is brought in.
    /// </summary>
    private string WhatIfAnswer(IReadOnlyList<RedFlagSign> signs, CatProfile? cat, string text)
    {
        var aftercare = replies.Content.RedFlags.Aftercare;
        var system = SystemsOf(signs).FirstOrDefault();
        var mild = Triage.MildSignIn(text) is var m and >= 0 ? replies.Content.RedFlags.MildSigns[m].Reply : null;
        string?[] parts = mild is null ? [aftercare.WhatIf, system?.IfItHappens, system?.Prevent, aftercare.WhatIfNow] : [aftercare.WhatIf, mild, aftercare.WhatIfNow];
        return string.Join(" ", parts.OfType<string>().Select(p => replies.Cat(p, cat)));
    }

    /// <summary>The body systems of the signs, the gravest sign's first.</summary>
    private IEnumerable<LeashBot.Content.BodySystem> SystemsOf(IEnumerable<RedFlagSign> signs) =>
        signs.OrderByDescending(s => s.Tier).Select(s => replies.Content.RedFlags.Systems.FirstOrDefault(system => system.Id == s.SystemId)).OfType<LeashBot.Content.BodySystem>().Distinct();

    private static void EndAlarm(ConversationFlags flags)
    {
        flags.RedFlagAt = null;
        flags.RedFlagLevel = 0;
        flags.RedFlagSigns = [];
        flags.RedFlagCats = [];
        flags.RedFlagAskedAgain = 0;
    }

    /// <summary>Notes the alarm (or its renewal) for this conversation and the staff console.</summary>
    private static void Raise(ITurnContext turn, ConversationFlags flags, RedFlagTier tier, IReadOnlyList<RedFlagSign> found, DateTimeOffset now)
    {
        flags.RedFlagAt = now;
        flags.RedFlagLevel = (int)tier;
        flags.MenuShown = false;
        TurnEvents.Note(turn, new TurnEvent(TurnEventKind.RedFlag)
        {
            Tier = tier.ToString().ToLowerInvariant(),
            Signs = [.. found.Select(s => s.SignId).Distinct()],
            BodySystems = [.. found.Select(s => s.SystemId).Distinct()],
        });
    }

    /// <summary>The signs found, less those a vet has cleared in this conversation.</summary>
    private List<RedFlagSign> NotCleared(RedFlagResult found, List<string> cleared) =>
        cleared.Count == 0 ? [.. found.Signs] : [.. found.Signs.Where(s => !Covers(cleared, s))];

    /// <summary>
    /// A sign is covered by others when it is one of them, or a see-a-vet-soon sign of the same body system ("he pants"
    /// after "panting with his mouth open"); an emergency of another kind is never covered.
    /// </summary>
    private bool Covers(List<string> signIds, RedFlagSign sign) =>
        signIds.Contains(sign.SignId) || (sign.Tier == RedFlagTier.Soon && signIds.Any(id => Triage.Sign(id)?.SystemId == sign.SystemId));

    /// <summary>A question or request the coaching would answer, beyond chat ("ok", "thanks", "calling now").</summary>
    private static bool AsksSomething(MessageReading reading) =>
        reading.Recognition is { Kind: RecognitionKind.Confident, TopicId: { } topic }
        && topic is not (TopicIds.Greeting or TopicIds.Thanks or TopicIds.Help or TopicIds.OutOfScope);
}
