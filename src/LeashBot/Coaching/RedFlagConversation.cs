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
    private RedFlagTriage Triage => redFlags.Rules;

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
        var found = NotCleared(read, flags.ClearedSigns);
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
                await replies.SendAsync(turn, WhatIfAnswer(read.WhatIf, owner.Current), cancellationToken);
                return HealthTurn.Answered;
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

        var cat = reading.CatsMeant is [var meant] ? owner.Cats.FirstOrDefault(c => c.Name == meant) ?? owner.Current : owner.Current;
        if (found.Count == 0 && flags.RedFlagCats.Count > 0)
        {
            if (reading.CatsMeant.Count > 0 && !reading.CatsMeant.Intersect(flags.RedFlagCats, StringComparer.OrdinalIgnoreCase).Any())
            {
                // An alarm about one cat doesn't hold the owner's other cats ("can we still practise with Pepper?").
                return HealthTurn.Coaching;
            }

            // A message that names no cat is about the one the alarm is for.
            cat = reading.CatsMeant.Count == 0 ? owner.FindCat(flags.RedFlagCats[^1]) ?? cat : cat;
        }

        // The same worry said again ("cats pant when they play, don't they?") is no new alarm, and a vet's all-clear
        // that repeats the sign ("...stop if he pants again") still ends it.
        var sameWorry = alarm != RedFlagTier.None && found.All(s => Covers(flags.RedFlagSigns, s) || Triage.RestatesAlarm(s.SignId));
        var allClear = sameWorry && Triage.ReadsAllClear(text);
        if (found.Count > 0 && !sameWorry)
        {
            var tier = (RedFlagTier)Math.Max((int)found.Max(s => s.Tier), (int)alarm);
            var ongoing = alarm != RedFlagTier.None;
            Raise(turn, flags, tier, found, now);
            flags.RedFlagSigns = [.. (ongoing ? flags.RedFlagSigns : []).Union(found.Select(s => s.SignId))];
            flags.RedFlagCats = [.. (ongoing ? flags.RedFlagCats : []).Union(cat is null ? [] : [cat.Name])];
            flags.RedFlagAskedAgain = 0;
            if (cat is not null)
            {
                // The cat the alarm is about is the one an unnamed message is about from now on.
                owner.CurrentCat = cat.Name;
            }

            var language = reading.Language != "en" ? reading.Language : Triage.LanguageOf(text) ?? reading.Language;
            var why = language == "en" ? SystemsOf(found).FirstOrDefault(s => s.WhyFirst)?.Why : null;
            await replies.UrgentAsync(turn, vet.For(tier, cat?.Name, language, why), cancellationToken);
            return HealthTurn.SentToVet;
        }

        var aftercare = replies.Content.RedFlags.Aftercare;
        if (allClear)
        {
            flags.ClearedSigns = [.. flags.ClearedSigns.Union(flags.RedFlagSigns)];
            EndAlarm(flags);
            await replies.SendAsync(turn, replies.Cat(aftercare.AllClear, cat), cancellationToken);
            // Only a real question goes on ("...she's fine now. why does she chew the harness?"): the all-clear itself
            // is never taken as the answer to a question the bot asked before the red flag.
            return AsksSomething(reading) && (text.Contains('?', StringComparison.Ordinal) || reading.Questions.Count > 1) ? HealthTurn.Coaching : HealthTurn.Answered;
        }

        if (found.Count == 0 && Triage.ReadsNotHappening(text))
        {
            // "it hasn't happened, I'm asking in advance": the alarm was a misreading; what to do if it happens instead.
            var asked = flags.RedFlagSigns.Select(Triage.Sign).OfType<RedFlagSign>().ToList();
            EndAlarm(flags);
            await replies.SendAsync(turn, string.Join(" ", replies.Cat(aftercare.NotHappening, cat), WhatIfAnswer(asked.Concat(read.WhatIf).ToList(), cat)), cancellationToken);
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
            return await AskedAgainAsync(turn, flags, alarm, found, cat, now, cancellationToken);
        }

        if (reading.Command != Command.None || reading.Recognition.TopicId == TopicIds.ForgetMe)
        {
            // Help, the menu, starting over and "forget me" always work.
            return HealthTurn.Coaching;
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
            await replies.SendAsync(turn, replies.Cat(aftercare.TrainingWaits, cat), cancellationToken);
            return HealthTurn.Answered;
        }

        if (Triage.AsksAboutHealth(text))
        {
            return await AskedAgainAsync(turn, flags, alarm, found, cat, now, cancellationToken);
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
    /// Asked again ("is it really an emergency?", "ok but WHY"): why the sign matters and what to do now, opened in other
    /// words each time so no paragraph repeats; the tier is never lowered.
    /// </summary>
    private async Task<HealthTurn> AskedAgainAsync(ITurnContext turn, ConversationFlags flags, RedFlagTier alarm, List<RedFlagSign> found, CatProfile? cat, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var aftercare = replies.Content.RedFlags.Aftercare;
        Raise(turn, flags, alarm, found, now);
        var opening = aftercare.AskedAgain[flags.RedFlagAskedAgain++ % aftercare.AskedAgain.Count];
        var why = flags.RedFlagSigns.Where(id => !Triage.RestatesAlarm(id)).Select(Triage.Sign).OfType<RedFlagSign>().OrderByDescending(s => s.Tier)
            .Select(s => replies.Content.RedFlags.Systems.First(system => system.Id == s.SystemId).Why).FirstOrDefault();
        var reason = why is null ? vet.For(RedFlagTier.None, cat?.Name) : vet.WithNumbers(string.Join(" ", opening, why, replies.Cat(aftercare.CallNow, cat)));
        await replies.UrgentAsync(turn, reason, cancellationToken);
        return HealthTurn.SentToVet;
    }

    /// <summary>A what-if's answer: an opening, what to do if the sign happens and how to keep it from happening, and to call if it is happening now.</summary>
    private string WhatIfAnswer(IReadOnlyList<RedFlagSign> signs, CatProfile? cat)
    {
        var aftercare = replies.Content.RedFlags.Aftercare;
        var system = SystemsOf(signs).FirstOrDefault();
        string?[] parts = [aftercare.WhatIf, system?.IfItHappens, system?.Prevent, aftercare.WhatIfNow];
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

    /// <summary>A question about the training itself, answered even while an alarm lasts: FAQs, struggles, body language.</summary>
    private static bool IsAboutTraining(string? topic) =>
        topic is not null && (topic.StartsWith("faq.", StringComparison.Ordinal) || topic.StartsWith("struggle.", StringComparison.Ordinal)
            || topic is TopicIds.BodyLanguage or TopicIds.PlanOverview or TopicIds.Stories);

    /// <summary>A question or request the coaching would answer, beyond chat ("ok", "thanks", "calling now").</summary>
    private static bool AsksSomething(MessageReading reading) =>
        reading.Recognition is { Kind: RecognitionKind.Confident, TopicId: { } topic }
        && topic is not (TopicIds.Greeting or TopicIds.Thanks or TopicIds.Help or TopicIds.OutOfScope);
}
