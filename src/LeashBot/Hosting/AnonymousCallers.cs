using System.Net;

namespace LeashBot.Hosting;

/// <summary>
/// Who may call <c>POST /api/messages</c> when the bot has no <c>MicrosoftAppId</c>. Bot Framework then runs every
/// request anonymously, so whoever can reach the endpoint can post as any owner (read their cats' progress,
/// answer their pending questions, delete their profile). Without an app id the endpoint therefore serves this
/// machine only (Emulator, curl, the load test) unless <see cref="AllowRemote"/> opens it on purpose.
/// </summary>
public sealed class AnonymousCallersOptions
{
    public const string Section = "AnonymousCallers";

    /// <summary>Accept unauthenticated activities from other machines too. Only for a private network you trust.</summary>
    public bool AllowRemote { get; set; }
}

/// <summary>Refuses anonymous activities from other machines, and warns once at start-up when that guard is switched off.</summary>
public sealed class AnonymousCallers(IOptions<BotAuthenticationOptions> credentials, IOptions<AnonymousCallersOptions> options, ILogger<AnonymousCallers> logger)
{
    private readonly bool _anonymous = string.IsNullOrEmpty(credentials.Value.MicrosoftAppId);
    private readonly bool _allowRemote = options.Value.AllowRemote;

    /// <summary>True when an app id is set, so every request needs a Bot Framework token.</summary>
    public bool TokenRequired => !_anonymous;

    /// <summary>True when the request may go on to the adapter: an app id is set (JWTs are checked), the caller is local, or remote callers are allowed.</summary>
    public bool Admits(HttpContext context) =>
        !_anonymous || _allowRemote || (IsLocal(context.Connection.RemoteIpAddress) && !IsRelayed(context.Request));

    /// <summary>
    /// True when the request still carries forwarding headers. A configured proxy's headers are consumed before this
    /// runs (the address is then the real client's); what is left came through a relay nobody vouched for, such as a
    /// reverse proxy on this machine that is not in ForwardedHeaders:KnownProxies. Such a caller is not local.
    /// </summary>
    public static bool IsRelayed(HttpRequest request) =>
        request.Headers.ContainsKey("X-Forwarded-For") || request.Headers.ContainsKey("Forwarded");

    /// <summary>
    /// Loopback is local. So is no address at all: that is a request with no network peer, such as the in-process
    /// test server or a Unix domain socket, which only this machine can reach.
    /// </summary>
    public static bool IsLocal(IPAddress? address) =>
        address is null || IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    public void WarnIfOpen()
    {
        if (_anonymous && _allowRemote)
        {
            logger.LogWarning(
                "AnonymousCallers:AllowRemote is on and MicrosoftAppId is empty: anyone who can reach /api/messages can post as any owner. Set MicrosoftAppId for a public deployment.");
        }
    }

    /// <summary>The 403 a remote caller gets, with the reason and the settings that change it.</summary>
    public static IResult Refusal() => HttpProblems.Refuse(
        StatusCodes.Status403Forbidden,
        "anonymous_remote_caller",
        "This bot has no MicrosoftAppId, so /api/messages only accepts requests from this machine. "
            + "Set MicrosoftAppId (Bot Framework authentication), or AnonymousCallers:AllowRemote=true on a trusted private network.");
}
