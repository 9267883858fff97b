using LeashBot.Storage;
using LeashBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// A conversation of any length keeps a small, flat state: every turn loads and saves the conversation's record,
/// so anything that piles up there (dialogs that never end) costs every later turn and is never run.
/// </summary>
public sealed class LongConversationStateTests(ITestOutputHelper output)
{
    private const int Turns = 1000;

    /// <summary>
    /// The first part of a day of chat with two cats: every kind of flow once (the checklist with a question and a
    /// correction in the middle, a session log with a question before the answer, a struggle and its follow-up), each
    /// with its prompts pending at some point. The state reached here is what a conversation needs.
    /// </summary>
    private static readonly string[] Morning =
    [
        "hi there",
        "is Milo ready for a leash?",
        "yes",
        "wait, are retractable leashes ok?",
        "yep",
        "no sorry, i meant yes",
        "cancel",
        "we just did a session",
        "how's Milo doing?",
        "about 5 minutes",
        "is it safe to walk my cat outside?",
        "Relaxed and happy",
        "my cat froze, what now?",
        "what leash should i buy",
    ];

    /// <summary>
    /// The rest of the day, typed the way owners type: struggle after struggle while "Did that help?" is still pending
    /// (each follow-up left unanswered, the case that used to stack a routing frame per message), then small talk, a
    /// session for the other cat, a correction, out-of-scope, a health worry, commands and menu picks.
    /// </summary>
    private static readonly string[] Evening =
    [
        "my cat froze, what now?",
        "he keeps chewing the harness",
        "my cat froze again",
        "she slipped out of her harness!! how do i stop that",
        "he wont move at all",
        "she meows the whole time",
        "my cat froze, what now?",
        "he keeps chewing the harness",
        "thanks!",
        "Juniper did 10 minutes today and was relaxed",
        "how are my cats doing?",
        "switch to Milo",
        "no wait, I meant Juniper",
        "what's the capital of France",
        "my cat is limping after our walk",
        "menu",
        "2",
        "lol ok",
        "help",
    ];

    [Fact]
    public async Task A_thousand_mixed_turns_keep_the_conversation_record_and_the_dialog_stack_flat()
    {
        using var host = new BotHost();
        var owner = host.NewOwner(channelId: "webchat", userId: "long-owner", conversationId: "long-conv");
        var storage = (JsonStorage)host.Services.GetRequiredService<IStorage>();

        // The owner introduces two cats first; then the same kind of day repeats until a thousand turns.
        string[] setup = ["start training", "Milo", "add a cat", "Juniper"];
        var day = Morning.Concat(Evening).ToArray();
        var script = setup.Concat(Enumerable.Repeat(day, (Turns / day.Length) + 1).SelectMany(d => d)).Take(Turns).ToArray();
        var sizes = new long[Turns];
        var depths = new int[Turns];
        for (var turn = 0; turn < Turns; turn++)
        {
            if (turn > setup.Length && (turn - setup.Length) % day.Length == 0)
            {
                // Each day comes hours after the last: the alarm after "my cat is limping" is over by then.
                host.Clock.Advance(TimeSpan.FromHours(3));
            }

            var replies = await owner.SaysAsync(script[turn]);
            Assert.True(replies.Texts.Any(t => t.Length > 0), $"turn {turn + 1} (\"{script[turn]}\") got no reply");
            replies.DoesNotSay("something went wrong").DoesNotSay("can't save");
            var parts = await StoredParts.ReadAsync(storage, "webchat", "long-owner", "long-conv");
            sizes[turn] = parts.ConversationBytes;
            depths[turn] = StackDepth(parts.Conversation ?? []);
        }

        // "After the first few turns": once every kind of flow has been through the conversation, nothing may outgrow it.
        var early = setup.Length + Morning.Length;
        var earlyMaxSize = sizes[..early].Max();
        var earlyMaxDepth = depths[..early].Max();
        var lateMaxSize = sizes[early..].Max();
        var lateMaxDepth = depths[early..].Max();
        var secondDay = early + Evening.Length;
        var secondDayMean = sizes[secondDay..(secondDay + day.Length)].Average();
        var lastDayMean = sizes[^day.Length..].Average();
        output.WriteLine($"conversation's part: largest {earlyMaxSize} B in the first {early} turns, {lateMaxSize} B after them; " +
                         $"mean {secondDayMean:0} B on day 2, {lastDayMean:0} B on the last day; last {sizes[^1]} B");
        output.WriteLine($"dialog stack: deepest {earlyMaxDepth} frames in the first {early} turns, {lateMaxDepth} after them; last {depths[^1]}");

        Assert.True(lateMaxDepth <= earlyMaxDepth,
            $"The dialog stack grew from {earlyMaxDepth} frames in the first {early} turns to {lateMaxDepth} (frames per turn, first 100 turns: {string.Join(",", depths.Take(100))})");
        Assert.True(lateMaxSize <= earlyMaxSize + 64,
            $"The conversation's part grew from {earlyMaxSize} B in the first {early} turns to {lateMaxSize} B");
        Assert.True(lastDayMean <= secondDayMean + 16,
            $"The conversation's part's mean size grew from {secondDayMean:0} B on day 2 to {lastDayMean:0} B on the last day");

        // The owner's record grows only with what the owner asked to keep: their logged sessions.
        var owned = await StoredParts.ReadAsync(storage, "webchat", "long-owner", "long-conv");
        var sessions = CountUnder(owned.Owner, "sessions");
        var userBytes = owned.OwnerBytes;
        output.WriteLine($"owner record: {userBytes} B with 2 cats and {sessions} sessions");
        Assert.True(sessions >= 2 * (Turns / day.Length), $"only {sessions} sessions were logged");
        Assert.True(userBytes <= 1024 + (sessions * 100), $"The owner's record is {userBytes} B for {sessions} sessions");
    }

    /// <summary>How many entries the arrays named <paramref name="name"/> (any case) hold, anywhere in the record.</summary>
    internal static int CountUnder(JToken token, string name) => token switch
    {
        JObject obj => obj.Properties().Sum(p =>
            string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.Value is JArray items ? items.Count : CountUnder(p.Value, name)),
        JArray array => array.Sum(t => CountUnder(t, name)),
        _ => 0,
    };

    /// <summary>Every frame on every dialog stack in the record, components' inner stacks included.</summary>
    internal static int StackDepth(JToken token) => token switch
    {
        JObject obj => obj.Properties().Sum(p =>
            string.Equals(p.Name, "dialogStack", StringComparison.OrdinalIgnoreCase) && p.Value is JArray frames
                ? frames.Count + frames.Sum(StackDepth)
                : StackDepth(p.Value)),
        JArray array => array.Sum(StackDepth),
        _ => 0,
    };
}
