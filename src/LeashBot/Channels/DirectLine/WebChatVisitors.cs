using System.Security.Cryptography;

namespace LeashBot.Channels.DirectLine;

/// <summary>
/// A visitor of a site that embeds the widget. The host makes a random visitor key (256 bits) and the browser keeps it
/// in that site's localStorage; the visitor's user id, under which the owner's cats and progress are stored, is a
/// SHA-256 of the key and the site's origin. A page never names its user id: it can only present a key, and finding a
/// key for someone else's id means inverting SHA-256. The id needs no signing key, so it survives restarts and is the
/// same on every instance; a key copied to another site gives a different user there.
/// </summary>
public static class WebChatVisitors
{
    /// <summary>Characters of a key: 32 random bytes in unpadded Base64url.</summary>
    public const int KeyLength = 43;

    private const string UserIdPrefix = "dl-visitor-";

    public static string NewKey() => DirectLineTokens.Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>True for a well-formed key (anything else is replaced by a new one, so a damaged browser copy only starts afresh).</summary>
    public static bool IsKey(string? key) =>
        key is { Length: KeyLength } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The user id of the visitor holding <paramref name="key"/> on the site at <paramref name="origin"/>.</summary>
    public static string UserId(string key, string origin)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("leashbot-visitor\n" + origin.ToLowerInvariant() + "\n" + key));
        return UserIdPrefix + DirectLineTokens.Base64Url(hash)[..32];
    }

    /// <summary>The site the request comes from: its Origin, or this host's own origin for a request without one.</summary>
    public static string SiteOrigin(HttpRequest request) =>
        WebChatOptions.NormalizeOrigin(request.Headers.Origin.ToString()) ?? $"{request.Scheme}://{request.Host}";
}
