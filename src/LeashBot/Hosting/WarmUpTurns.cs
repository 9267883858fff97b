using LeashBot.Bot;
using LeashBot.Channels;
using LeashBot.State;
using LeashBot.Storage;

namespace LeashBot.Hosting;

/// <summary>
/// One short conversation run through the real turn path once the recognizers are built: the adapter, the turn runner,
/// the state record on the configured store (a SQLite file's connections, its first conditional write), the reader, the
/// router and the dialogs. Without it the first owners of a fresh host paid for compiling all of that: their turns
/// took seconds (p99 2.5–2.8 s in the first seconds of a load run on SQLite), while the same turns a minute later took
/// milliseconds. The conversation is a join and the first example of each topic in <c>understanding.json</c> (none of
/// its own words), on a channel of its own; it goes to the bot itself, not through the staff console's recorder, so
/// nothing is logged for staff, and its records are deleted afterwards. Off with <c>WarmUp:Turns=false</c>.
/// </summary>
internal sealed class WarmUpTurns(IInProcessAdapter adapter, CoachBot bot, IRecordStore store, BotContent content, ILogger logger)
{
    public const string Setting = "WarmUp:Turns";

    /// <summary>The warm-up conversation's channel: no owner's records are ever under it.</summary>
    public const string Channel = "leashbot-warm-up";

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>The warm-up of this host, or null when the setting is off or the host has no bot (a test's partial host).</summary>
    public static WarmUpTurns? For(IServiceProvider services)
    {
        if (services.GetService<IConfiguration>()?.GetValue(Setting, true) == false
            || services.GetService<IInProcessAdapter>() is not { } adapter || services.GetService<CoachBot>() is not { } bot
            || services.GetService<IRecordStore>() is not { } store || services.GetService<BotContent>() is not { } content)
        {
            return null;
        }

        ILogger logger = (ILogger?)services.GetService<ILoggerFactory>()?.CreateLogger<WarmUp>() ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        return new WarmUpTurns(adapter, bot, store, content, logger);
    }

    /// <summary>The messages sent after the join: the first example of each topic that names no cat.</summary>
    public static IReadOnlyList<string> Messages(BotContent content) =>
        [.. content.Understanding.Topics.Select(t => t.Examples.FirstOrDefault()).OfType<string>().Where(e => e.Length > 0 && !e.Contains('{', StringComparison.Ordinal))];

    /// <summary>Runs the conversation and deletes its records; never throws (a store that is down is the turns' problem to report).</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        limit.CancelAfter(Limit);
        var id = "warm-up-" + Guid.NewGuid().ToString("N");
        var join = Activity(ActivityTypes.ConversationUpdate, id);
        join.MembersAdded = [join.From, join.Recipient];
        string[] keys = [StateKeys.Owner(join)!, StateKeys.Conversation(join)!];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var turns = 0;
        try
        {
            await adapter.ProcessInProcessActivityAsync(join, bot.OnTurnAsync, limit.Token);
            turns++;
            foreach (var text in Messages(content))
            {
                var message = Activity(ActivityTypes.Message, id);
                message.Text = text;
                await adapter.ProcessInProcessActivityAsync(message, bot.OnTurnAsync, limit.Token);
                turns++;
            }
        }
        catch (Exception ex)
        {
            logger.LogInformation("The start-up warm-up stopped after {Turns} turns ({ExceptionType}); the first owners' turns compile what it did not", turns, ex.GetType().Name);
        }
        finally
        {
            try
            {
                await store.DeleteAsync(keys, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogInformation("The start-up warm-up's records could not be deleted ({ExceptionType})", ex.GetType().Name);
            }
        }

        logger.LogInformation("The start-up warm-up ran {Turns} turns in {Seconds:0.0} s", turns, clock.Elapsed.TotalSeconds);
    }

    private static Activity Activity(string type, string id) => new()
    {
        Type = type,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = Channel,
        ServiceUrl = "http://localhost/",
        DeliveryMode = DeliveryModes.ExpectReplies,
        Conversation = new ConversationAccount { Id = id },
        From = new ChannelAccount { Id = id },
        Recipient = new ChannelAccount { Id = "leashbot" },
    };
}
