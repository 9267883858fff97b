using LeashBot.State;
using LeashBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace LeashBot.Tests.Storage;

/// <summary>
/// A stand-in for the coaching dialogs: every message is a "logged session" counted in user state and in
/// conversation state, through the real <see cref="TurnRunner"/>. Replies "sessions=N turns=M".
/// </summary>
public sealed class CounterBot(TurnRunner runner, TypedConversationState conversationState, TypedUserState userState) : IBot
{
    private readonly IStatePropertyAccessor<Counter> _sessions = userState.CreateProperty<Counter>("sessions");
    private readonly IStatePropertyAccessor<Counter> _turns = conversationState.CreateProperty<Counter>("turns");

    /// <summary>
    /// A <see cref="BotHost"/> running this bot on the "test" channel and the real clock (storage health is cached by
    /// time, and outage tests wait for real); other options as given.
    /// </summary>
    public static BotHost Host(BotHostOptions options) =>
        BotHost.Create(options with { Bot = typeof(CounterBot), Channel = "test", Clock = options.Clock ?? TimeProvider.System });

    public static BotHost OnSqlite(string path) => Host(new BotHostOptions { Storage = TestStorage.Sqlite, SqlitePath = path });

    public static BotHost OnBlob(string connectionString, string container) =>
        Host(new BotHostOptions { Storage = TestStorage.Blob, BlobConnectionString = connectionString, BlobContainer = container });

    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        runner.RunAsync(turnContext, HandleAsync, cancellationToken);

    private async Task HandleAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Type != ActivityTypes.Message)
        {
            return;
        }

        var sessions = await _sessions.GetAsync(turnContext, () => new Counter(), cancellationToken);
        var turns = await _turns.GetAsync(turnContext, () => new Counter(), cancellationToken);
        sessions.Value++;
        turns.Value++;
        sessions.Log.Add(turnContext.Activity.Text);
        await _sessions.SetAsync(turnContext, sessions, cancellationToken);
        await _turns.SetAsync(turnContext, turns, cancellationToken);

        // Give concurrent turns on other hosts a chance to interleave.
        await Task.Yield();
        await turnContext.SendActivityAsync(MessageFactory.Text($"sessions={sessions.Value} turns={turns.Value}"), cancellationToken);
    }

    public sealed class Counter
    {
        public int Value { get; set; }

        public List<string> Log { get; set; } = [];
    }
}
