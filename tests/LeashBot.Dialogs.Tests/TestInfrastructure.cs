using LeashBot.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeashBot.Dialogs.Tests;

/// <summary>
/// Storage that keeps nothing but JSON strings written without type names, like a real database would: every
/// read hands BotState fresh JObjects, with numbers as Int64, so each turn starts from a full round trip.
/// </summary>
internal sealed class JsonRoundTripStorage : IStorage
{
    private static readonly JsonSerializerSettings Settings = new() { TypeNameHandling = TypeNameHandling.None };
    private readonly Dictionary<string, string> _items = [];
    private readonly object _gate = new();

    public int WriteCount { get; private set; }

    public string AllJson
    {
        get
        {
            lock (_gate)
            {
                return string.Join("\n", _items.Values);
            }
        }
    }

    public IReadOnlyList<JObject> Documents
    {
        get
        {
            lock (_gate)
            {
                return [.. _items.Values.Select(JObject.Parse)];
            }
        }
    }

    /// <summary>Rewrites every stored document, as an older version of the bot would have saved it.</summary>
    public void Rewrite(Func<JObject, JObject> change)
    {
        lock (_gate)
        {
            foreach (var key in _items.Keys.ToList())
            {
                _items[key] = change(JObject.Parse(_items[key])).ToString(Formatting.None);
            }
        }
    }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, object>();
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (_items.TryGetValue(key, out var json))
                {
                    result[key] = JsonConvert.DeserializeObject<JObject>(json, Settings)!;
                }
            }
        }

        return Task.FromResult<IDictionary<string, object>>(result);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            foreach (var (key, value) in changes)
            {
                _items[key] = JsonConvert.SerializeObject(value, Settings);
            }

            WriteCount++;
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            foreach (var key in keys)
            {
                _items.Remove(key);
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// A bot for tests: each turn loads the stack through a <see cref="DialogSet"/> of <see cref="Dialogs"/>,
/// continues it or begins the first dialog, records what happened and saves the state.
/// </summary>
internal sealed class DialogTestBot
{
    public DialogTestBot(params Dialog[] dialogs)
    {
        Dialogs = dialogs;
        ConversationState = new ConversationState(Storage);
        Accessor = ConversationState.CreateProperty<DialogState>("DialogState");
    }

    /// <summary>Gets or sets the dialog definitions used from the next turn on (the first one is the root).</summary>
    public Dialog[] Dialogs { get; set; }

    public JsonRoundTripStorage Storage { get; } = new();

    public ConversationState ConversationState { get; }

    public IStatePropertyAccessor<DialogState> Accessor { get; }

    public List<DialogTurnResult> Results { get; } = [];

    public List<bool> Discarded { get; } = [];

    /// <summary>Gets or sets something to run before the stack is continued, such as a global "stop" command.</summary>
    public Func<DialogContext, CancellationToken, Task<DialogTurnResult?>>? BeforeContinue { get; set; }

    public DialogTurnResult LastResult => Results[^1];

    public TestFlow Flow(string channelId = "test")
    {
        var adapter = new TestAdapter(channelId);
        return new TestFlow(adapter, async (turnContext, cancellationToken) =>
        {
            var set = new DialogSet(Accessor);
            foreach (var dialog in Dialogs)
            {
                set.Add(dialog);
            }

            var dc = await set.CreateContextAsync(turnContext, cancellationToken);
            Discarded.Add(dc.StackWasDiscarded);
            var result = (BeforeContinue is null ? null : await BeforeContinue(dc, cancellationToken))
                ?? await dc.ContinueDialogAsync(cancellationToken);
            if (result.Status == DialogTurnStatus.Empty)
            {
                result = await dc.BeginDialogAsync(Dialogs[0].Id, null, cancellationToken);
            }

            Results.Add(result);
            await ConversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        });
    }

    /// <summary>Gets the number of entries on the saved top-level stack, read from the stored JSON.</summary>
    public int SavedStackDepth() =>
        Storage.Documents.Select(o => (o["DialogState"]?["DialogStack"] as JArray)?.Count ?? 0).Single();
}

/// <summary>Shorthands for building activities and steps in tests.</summary>
internal static class Say
{
    public static Activity Text(string text) => MessageFactory.Text(text);

    public static WaterfallStep<TValues> Step<TValues>(Func<WaterfallStepContext<TValues>, CancellationToken, Task<DialogTurnResult>> step)
        where TValues : class, new() => new(step);

    public static async Task<DialogTurnResult> SendAndWait<TValues>(WaterfallStepContext<TValues> step, string text, CancellationToken cancellationToken)
        where TValues : class, new()
    {
        await step.Context.SendActivityAsync(text, cancellationToken: cancellationToken);
        return Dialog.EndOfTurn;
    }
}
