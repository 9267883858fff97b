using LeashBot.Safety;
using LeashBot.State;
using LeashBot.Understanding;
using Microsoft.Bot.Builder;

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
/// </summary>
public sealed class RedFlagConversation(RedFlagTriage triage, VetReply vet, MessageReader reader, Replies replies, BotAccessors state, TimeProvider clock)
{
    public async Task<HealthTurn> ReadAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        var flags = await state.FlagsAsync(turn, cancellationToken);
        var owner = await state.OwnerAsync(turn, cancellationToken);
        var found = triage.Read(text, [.. owner.Cats.Select(c => c.Name)]);
        var now = clock.GetUtcNow();
        var alarm = flags.RedFlagAt is { } at && now - at <= TimeSpan.FromMinutes(replies.Content.RedFlags.FollowUpMinutes)
            ? (RedFlagTier)Math.Clamp(flags.RedFlagLevel, (int)RedFlagTier.None, (int)RedFlagTier.Emergency)
            : RedFlagTier.None;
        if (!found.IsRedFlag && alarm == RedFlagTier.None)
        {
            // Nothing about health stands in the way: the message is read once, by the coaching.
            return HealthTurn.Coaching;
        }

        // The cat the message is about ("biscuit keeps going to the tray" while Pepper is the one in training), else the current one.
        var reading = reader.Read(text, owner.Cats);
        var cat = reading.CatsMeant is [var meant] ? owner.Cats.FirstOrDefault(c => c.Name == meant) ?? owner.Current : owner.Current;
        var allClear = alarm != RedFlagTier.None && triage.ReadsAllClear(text);

        if (found.IsRedFlag || (!allClear && triage.AsksAboutHealth(text)))
        {
            var tier = found.Tier > alarm ? found.Tier : alarm;
            flags.RedFlagAt = now;
            flags.RedFlagLevel = (int)tier;
            flags.MenuShown = false;
            TurnEvents.Note(turn, new TurnEvent(TurnEventKind.RedFlag)
            {
                Tier = tier.ToString().ToLowerInvariant(),
                Signs = [.. found.Signs.Select(s => s.SignId).Distinct()],
                BodySystems = [.. found.Signs.Select(s => s.SystemId).Distinct()],
            });
            await replies.UrgentAsync(turn, vet.For(found.IsRedFlag ? tier : RedFlagTier.None, cat?.Name, reading.Language != "en" ? reading.Language : triage.LanguageOf(text) ?? reading.Language), cancellationToken);
            return HealthTurn.SentToVet;
        }

        var aftercare = replies.Content.RedFlags.Aftercare;
        if (allClear)
        {
            flags.RedFlagAt = null;
            flags.RedFlagLevel = 0;
            await replies.SendAsync(turn, replies.Cat(aftercare.AllClear, cat), cancellationToken);
            // Only a real question goes on ("...she's fine now. why does she chew the harness?"): the all-clear itself
            // is never taken as the answer to a question the bot asked before the red flag.
            return AsksSomething(reading) && (text.Contains('?', StringComparison.Ordinal) || reading.Questions.Count > 1) ? HealthTurn.Coaching : HealthTurn.Answered;
        }

        if (reading.Command != Command.None || reading.Recognition.TopicId == TopicIds.ForgetMe)
        {
            // Help, the menu, starting over and "forget me" always work.
            return HealthTurn.Coaching;
        }

        // Training waits for a question or a training request; news like "on our way to the vet now" gets the kind reply,
        // whatever topic a reader finds in it.
        var asksForTraining = AsksSomething(reading) && (text.Contains('?', StringComparison.Ordinal) || reading.Questions.Count > 1
            || reading.Recognition.TopicId is TopicIds.PlanStart or TopicIds.PlanNext or TopicIds.PlanStep or TopicIds.PlanLog);
        await replies.SendAsync(turn, replies.Cat(asksForTraining || reading.IsSessionReport ? aftercare.TrainingWaits : aftercare.Waiting, cat), cancellationToken);
        return HealthTurn.Answered;
    }

    /// <summary>A question or request the coaching would answer, beyond chat ("ok", "thanks", "calling now").</summary>
    private static bool AsksSomething(MessageReading reading) =>
        reading.Recognition is { Kind: RecognitionKind.Confident, TopicId: { } topic }
        && topic is not (TopicIds.Greeting or TopicIds.Thanks or TopicIds.Help or TopicIds.OutOfScope);
}
