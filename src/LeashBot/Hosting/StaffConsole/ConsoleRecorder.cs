using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using LeashBot.Bot;
using LeashBot.Channels.DirectLine;
using LeashBot.State;
using Newtonsoft.Json.Linq;

namespace LeashBot.Hosting.StaffConsole;

/// <summary>
/// Runs each turn for its site and writes it to the console's <see cref="IEventLog"/>. The site comes from the activity
/// (the Web Chat page's origin, the number texted, the Teams tenant: <see cref="SiteOf"/>), and the bot speaks for that
/// site's organization for the whole turn (<see cref="Phrasebook.ForSite"/>). The bot runs first, then what the
/// conversation noted (<see cref="TurnEvents"/>) is written with the site, the channel and pseudonyms. A turn the bot
/// never ran (an ignored or resent message) or that failed writes nothing. Message text goes with fallbacks and red flags
/// only, and only with <see cref="ConsoleOptions.KeepMessages"/>; a red flag also keeps the owner's few messages before
/// it (held in memory meanwhile, never stored otherwise) and the next few after it. "Forget me" removes the owner here too.
/// The log failing never fails the turn: it is logged and the owner never notices.
/// <para>Nothing here waits for the disk on the turn's path: the record is queued (<see cref="IEventLog.Queue"/>) and written
/// in the background; only a forget-me waits, so the owner is told they are forgotten once they are.</para>
/// </summary>
public sealed partial class ConsoleRecorder(CoachBot bot, IEventLog log, Sites sites, BotAccessors state, IOptions<ConsoleOptions> options,
    TimeProvider clock, ILogger<ConsoleRecorder> logger) : IBot
{
    /// <summary>Messages kept before a red flag, and after it.</summary>
    public const int AroundRedFlag = 3;

    /// <summary>Conversations whose recent messages are held in memory (the least recently used go first).</summary>
    private const int ConversationsHeld = 5000;

    private static readonly TimeSpan AfterRedFlag = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, Recent> _recent = new(StringComparer.Ordinal);
    private readonly Lock _trimming = new();

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var site = SiteOf(activity);
        using (Phrasebook.ForSite(sites.OrganizationOf(site)))
        {
            await bot.OnTurnAsync(turnContext, cancellationToken);
        }

        if (activity.Type != ActivityTypes.Message || TurnEvents.Of(turnContext) is not { } events
            || StateKeys.Owner(activity) is not { } ownerKey || StateKeys.Conversation(activity) is not { } conversationKey)
        {
            return;
        }

        try
        {
            await RecordAsync(turnContext, events, site, Pseudonym(ownerKey), Pseudonym(conversationKey), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("The console's event log could not be written ({ExceptionType}); the turn itself went through", ex.GetType().Name);
        }
    }

    /// <summary>A stable pseudonym for a stored key (an owner's or a conversation's): never the channel's id or a phone number.</summary>
    public static string Pseudonym(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];

    /// <summary>A message as kept: long runs of digits (a phone number, a card) are masked.</summary>
    public static string Masked(string text) => LongNumber().Replace(text, m => new string('#', m.Value.Count(char.IsAsciiDigit)));

    /// <summary>The site an activity belongs to: by the Web Chat page's origin, the number texted, or the Teams tenant; else the main one.</summary>
    public string SiteOf(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var origin = activity is Activity { Properties: { } properties } ? properties[DirectLineBotBridge.SiteOriginProperty]?.Value<string>() : null;
        var tenant = activity.Conversation?.TenantId ?? (activity.ChannelData as JObject)?["tenant"]?["id"]?.Value<string>();
        return sites.ByOrigin(origin) ?? sites.ByNumber(activity.Recipient?.Id) ?? sites.ByTenant(tenant) ?? Sites.Main;
    }

    private async Task RecordAsync(ITurnContext turn, IReadOnlyList<TurnEvent> events, string site, string owner, string conversation, CancellationToken cancellationToken)
    {
        if (events.Any(e => e.Kind == TurnEventKind.Forgotten))
        {
            _recent.TryRemove(conversation, out _);
            await log.ForgetOwnerAsync(owner, cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        var keep = options.Value.KeepMessages;
        var text = Masked(turn.Activity.Text?.Trim() ?? "");
        var cats = await CatsAsync(turn, owner, cancellationToken);
        var redFlag = events.Any(e => e.Kind == TurnEventKind.RedFlag);
        var recent = _recent.GetOrAdd(conversation, _ => new Recent());
        lock (recent)
        {
            var logged = new List<LoggedEvent>();
            foreach (var e in events)
            {
                List<KeptText> texts = [];
                if (keep && e.Kind == TurnEventKind.RedFlag)
                {
                    texts.AddRange(recent.Before.Select(t => new KeptText(KeptText.Before, t)));
                    texts.Add(new KeptText(KeptText.Message, text));
                }
                else if (keep && e.Kind == TurnEventKind.Fallback)
                {
                    texts.Add(new KeptText(KeptText.Message, text));
                }

                logged.Add(new LoggedEvent(e, texts));

                // "No" to "Did that help?" is a fallback too, kept with the question that got the unhelpful answer.
                if (e is { Kind: TurnEventKind.Helped, Helped: false })
                {
                    var question = recent.LastQuestion is { } q && q.Topic == e.Topic ? q.Text : null;
                    logged.Add(new LoggedEvent(
                        new TurnEvent(TurnEventKind.Fallback) { Fallback = FallbackKind.DidNotHelp, Topic = e.Topic },
                        keep && question is not null ? [new KeptText(KeptText.Message, question)] : []));
                }
            }

            var written = log.Queue(new TurnRecord(now, site, turn.Activity.ChannelId ?? "", conversation, owner) { Events = logged, Cats = cats });

            // A message after a red flag (not a red flag itself) is kept with it, a few at most and not for long.
            if (keep && !redFlag && recent.RedFlag is { } earlier && recent.AfterKept < AroundRedFlag && now - earlier.At <= AfterRedFlag && text.Length > 0)
            {
                recent.AfterKept++;
                log.QueueKeptAfter(earlier.Turn, owner, now, text);
            }

            recent.Remember(text, events, redFlag ? (written, now) : null);
        }

        if (_recent.Count > ConversationsHeld)
        {
            ForgetLeastRecent();
        }
    }

    /// <summary>
    /// Drops the least recently used conversations down to nine tenths of <see cref="ConversationsHeld"/>, so the sort
    /// this takes happens once in hundreds of new conversations, not on every turn once the limit is reached.
    /// </summary>
    private void ForgetLeastRecent()
    {
        lock (_trimming)
        {
            if (_recent.Count <= ConversationsHeld)
            {
                return;
            }

            var excess = _recent.Count - (ConversationsHeld * 9 / 10);
            foreach (var stale in _recent.OrderBy(r => r.Value.Touched).Take(excess).Select(r => r.Key).ToList())
            {
                _recent.TryRemove(stale, out _);
            }
        }
    }

    private async Task<IReadOnlyList<CatStep>> CatsAsync(ITurnContext turn, string owner, CancellationToken cancellationToken)
    {
        var profile = await state.OwnerAsync(turn, cancellationToken);
        return [.. profile.Cats.Select(c => new CatStep(Pseudonym(owner + "/" + c.Name.ToLowerInvariant()), c.Step, c.StepStarted))];
    }

    [GeneratedRegex(@"\+?\d[\d\s().-]{5,}\d")]
    private static partial Regex LongNumber();

    /// <summary>What is held in memory about one conversation: its last few messages, its last answered question, its last red flag.</summary>
    private sealed class Recent
    {
        private readonly Queue<string> _before = new();

        public IEnumerable<string> Before => _before;

        public (string Topic, string Text)? LastQuestion { get; private set; }

        public (LoggedTurn Turn, DateTimeOffset At)? RedFlag { get; private set; }

        public int AfterKept { get; set; }

        public long Touched { get; private set; }

        public void Remember(string text, IReadOnlyList<TurnEvent> events, (LoggedTurn, DateTimeOffset)? redFlag)
        {
            Touched = Environment.TickCount64;
            if (events.FirstOrDefault(e => e.Kind == TurnEventKind.TopicAnswered) is { Topic: { } topic })
            {
                LastQuestion = (topic, text);
            }

            if (redFlag is not null)
            {
                RedFlag = redFlag;
                AfterKept = 0;
            }

            _before.Enqueue(text);
            while (_before.Count > AroundRedFlag)
            {
                _before.Dequeue();
            }
        }
    }
}
