using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeashBot.Dialogs;

/// <summary>How the engine turns values into saved state and back.</summary>
internal static class StateJson
{
    /// <summary>
    /// One shared serializer. No type names: saved state must stay plain data so that any storage
    /// (and any later version of the bot) can read it, and so that nothing in storage can choose
    /// which .NET type gets instantiated.
    /// </summary>
    public static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        MetadataPropertyHandling = MetadataPropertyHandling.Ignore,
        NullValueHandling = NullValueHandling.Ignore,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        MaxDepth = 64,
    });

    /// <summary>Converts a value to a JSON token, or null for null.</summary>
    public static JToken? ToToken(object? value) =>
        value is null ? null : value as JToken ?? JToken.FromObject(value, Serializer);

    /// <summary>
    /// Converts whatever a step or prompt produced (the original object within a turn, or its JSON form
    /// after a round trip through storage, where numbers are Int64 and objects JObject) to <typeparamref name="T"/>.
    /// A value that does not fit gives <c>default</c> instead of an exception, so a step can test for it.
    /// </summary>
    public static T? ConvertOrDefault<T>(object? value)
    {
        if (value is null)
        {
            return default;
        }

        if (value is T typed)
        {
            return typed;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        try
        {
            if (value is JToken token)
            {
                if (token.Type is JTokenType.Null or JTokenType.Undefined)
                {
                    return default;
                }

                // Newtonsoft would round 2.5 to 2 for an int; a numeric result must fit exactly or not at all.
                if (token is JValue { Value: { } raw } && IsNumeric(raw.GetType()) && IsNumeric(target))
                {
                    return ConvertNumber<T>(raw, target);
                }

                return token.ToObject<T>(Serializer);
            }

            if (IsNumeric(value.GetType()) && IsNumeric(target))
            {
                return ConvertNumber<T>(value, target);
            }

            return JToken.FromObject(value, Serializer).ToObject<T>(Serializer);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            return default;
        }
    }

    private static T? ConvertNumber<T>(object value, Type target)
    {
        var isIntegralTarget = target != typeof(double) && target != typeof(float) && target != typeof(decimal);
        if (isIntegralTarget && value is double or float or decimal)
        {
            var asDecimal = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
            if (asDecimal != decimal.Truncate(asDecimal))
            {
                return default;
            }
        }

        return Convert.ChangeType(value, target, CultureInfo.InvariantCulture) is T converted ? converted : default;
    }

    private static bool IsNumeric(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
        || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte)
        || type == typeof(double) || type == typeof(float) || type == typeof(decimal);
}
