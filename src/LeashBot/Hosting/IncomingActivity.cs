using System.Text.RegularExpressions;

namespace LeashBot.Hosting;

/// <summary>
/// The checks an activity posted to <c>/api/messages</c> must pass before it reaches the adapter. Each failure is a
/// reason a caller can act on. Ids become storage keys and log values, so they are bounded and free of control characters;
/// the channel id is a plain token so a key like <c>{channel}/users/{id}</c> cannot be forged by a slash in it.
/// </summary>
public static partial class IncomingActivity
{
    /// <summary>Why the activity is refused, or null when it may be processed.</summary>
    public static string? Problem(Activity activity, int maxIdLength)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "The activity needs a 'type' (for example \"message\").";
        }

        if (activity.Type.Length > 64 || HasControlCharacters(activity.Type))
        {
            return "The activity's 'type' is not a valid activity type.";
        }

        if (string.IsNullOrEmpty(activity.ChannelId) || !ChannelIdPattern().IsMatch(activity.ChannelId))
        {
            return "'channelId' is required: 1-64 letters, digits or - _ . characters.";
        }

        if (IdProblem(activity.Conversation?.Id, "conversation.id", maxIdLength, required: true) is { } conversation)
        {
            return conversation;
        }

        if (IdProblem(activity.From?.Id, "from.id", maxIdLength, required: activity.Type == ActivityTypes.Message) is { } from)
        {
            return from;
        }

        if (!ExpectsReplies(activity) && ServiceUrlProblem(activity.ServiceUrl) is { } serviceUrl)
        {
            return serviceUrl;
        }

        return null;
    }

    /// <summary>True when the replies come back in the response body, so nothing is posted to the serviceUrl.</summary>
    public static bool ExpectsReplies(Activity activity) =>
        string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Why a serviceUrl may not receive replies, or null when it may: it must be an absolute http or https URL without
    /// user info (credentials in a URL are never ours to send) and without a fragment.
    /// </summary>
    public static string? ServiceUrlProblem(string? serviceUrl)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl))
        {
            return "'serviceUrl' is required unless deliveryMode is \"expectReplies\": it is where the replies are posted.";
        }

        if (serviceUrl.Length > 2048 || HasControlCharacters(serviceUrl)
            || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "'serviceUrl' must be an absolute http or https URL.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || serviceUrl.Contains('@', StringComparison.Ordinal))
        {
            return "'serviceUrl' must not carry user info (user:password@).";
        }

        if (!string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.Query))
        {
            return "'serviceUrl' must not have a query or fragment.";
        }

        return null;
    }

    /// <summary>A value made safe for one log field: control characters become '?', and it is cut to 64 characters.</summary>
    public static string ForLog(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var cut = value.Length > 64 ? value[..64] : value;
        return string.Create(cut.Length, cut, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) || char.IsSurrogate(source[i]) ? '?' : source[i];
            }
        });
    }

    private static string? IdProblem(string? id, string name, int maxLength, bool required)
    {
        if (string.IsNullOrEmpty(id))
        {
            return required ? $"'{name}' is required." : null;
        }

        if (id.Length > maxLength)
        {
            return $"'{name}' may be at most {maxLength} characters.";
        }

        return HasControlCharacters(id) ? $"'{name}' must not contain control characters." : null;
    }

    private static bool HasControlCharacters(string value) => value.Any(char.IsControl);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex ChannelIdPattern();
}
