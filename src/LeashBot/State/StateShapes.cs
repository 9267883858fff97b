using LeashBot.Storage;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeashBot.State;

/// <summary>
/// The typed properties the bot keeps in conversation and user state, checked right after loading. A record that is
/// valid JSON but of the wrong shape (an owner that is a number, a list where the cats should be) would otherwise fail
/// every turn of that owner, "forget me" and "start over" included; found here, it is reported as a corrupt record
/// and quarantined like truncated JSON, so the owner starts fresh instead of being locked out.
/// </summary>
public sealed class StateShapes
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(JsonStorage.SerializerSettings);

    private readonly List<(BotState State, string Property, Type Type)> _properties = [];

    public StateShapes(BotAccessors accessors)
    {
        ArgumentNullException.ThrowIfNull(accessors);
        Add(accessors.ConversationState, accessors.DialogState.Name, typeof(LeashBot.Dialogs.DialogState));
        Add(accessors.ConversationState, accessors.Flags.Name, typeof(ConversationFlags));
        Add(accessors.UserState, accessors.Owner.Name, typeof(OwnerProfile));
    }

    /// <summary>True for the exceptions a JSON value of the wrong shape causes when converted to a type.</summary>
    public static bool IsShapeError(Exception exception) =>
        exception is JsonException or ArgumentException or FormatException or InvalidCastException or OverflowException;

    /// <summary>Throws <see cref="StorageCorruptRecordException"/> for the first loaded property that does not convert to its type.</summary>
    public void Check(ITurnContext turnContext, string? conversationKey, string? userKey)
    {
        foreach (var (state, property, type) in _properties)
        {
            if (state.Get(turnContext) is not JObject loaded || loaded[property] is not { Type: not JTokenType.Null } token)
            {
                continue;
            }

            try
            {
                token.ToObject(type, Serializer);
            }
            catch (Exception ex) when (IsShapeError(ex))
            {
                var key = state is UserState ? userKey : conversationKey;
                if (key is not null)
                {
                    throw new StorageCorruptRecordException(key, (string?)loaded[JsonStorage.ETagProperty] ?? "", ex);
                }
            }
        }
    }

    private void Add(BotState state, string property, Type type) => _properties.Add((state, property, type));
}
