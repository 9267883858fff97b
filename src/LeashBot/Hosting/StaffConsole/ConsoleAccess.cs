using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;

namespace LeashBot.Hosting.StaffConsole;

/// <summary>Who is looking at the console: a name for "followed up by", and the sites they may see.</summary>
public sealed record StaffMember(string Name, IReadOnlyList<string> Sites);

/// <summary>
/// What the console makes of a request: a staff member; or someone signed in who is not staff (<see cref="SignedInAs"/>,
/// a 403); or nobody signed in.
/// </summary>
public sealed record Admission(StaffMember? Member, string? SignedInAs = null, bool GroupsLeftOut = false);

/// <summary>
/// Who may open the console. A signed-in staff member (a session cookie, HttpOnly and SameSite=Strict, Secure over
/// HTTPS, that holds a random token, never the key); else a browser on this machine while
/// <see cref="ConsoleOptions.OpenOnThisMachine"/> is on; else nobody: 401 where a key can sign in, 403 where none is set.
/// The main access key sees every site; a site's own key (<c>Sites:N:AccessKeySha256</c>) sees that site alone.
/// Keys are kept as SHA-256 hashes; a sign-in is refused over plain HTTP from another machine, and after
/// <see cref="FailuresPerMinute"/> wrong keys from one address in a minute.
/// With <see cref="ConsoleOptions.Entra"/> set, Entra ID is the only way in (no key, no open door on this machine): the
/// console's staff group sees every site, a site's group (<c>Sites:N:StaffGroupId</c>) that site alone, anyone else
/// signed in is refused.
/// </summary>
public sealed class ConsoleAccess(IOptions<ConsoleOptions> options, IOptions<List<SiteOptions>> siteOptions, Sites sites, TimeProvider time)
{
    public const string Cookie = "leashbot-console";
    public const int FailuresPerMinute = 10;

    private readonly ConcurrentDictionary<string, (StaffMember Member, DateTimeOffset Expires)> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset Since)> _failures = new(StringComparer.Ordinal);

    /// <summary>True when staff sign in with Entra ID.</summary>
    public bool UsesEntra => options.Value.Entra.IsConfigured;

    /// <summary>Who is behind a request, by Entra ID when it is configured, else by key or by being on this machine.</summary>
    public async Task<Admission> AdmitAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!UsesEntra)
        {
            return new Admission(Who(context));
        }

        var signedIn = await context.AuthenticateAsync(EntraSignIn.CookieScheme);
        if (!signedIn.Succeeded)
        {
            return new Admission(null);
        }

        var principal = signedIn.Principal;
        var groups = EntraSignIn.GroupsOf(principal);
        IReadOnlyList<string> scope = Member(groups, options.Value.Entra.StaffGroupId) ? sites.All
            : [.. siteOptions.Value.Where(s => Member(groups, s.StaffGroupId)).Select(s => s.Id)];
        var name = EntraSignIn.NameOf(principal);
        return scope.Count > 0 ? new Admission(new StaffMember(name, scope), name) : new Admission(null, name, EntraSignIn.GroupsLeftOut(principal));
    }

    /// <summary>The staff member behind a request by key or by being on this machine, or null (never with Entra ID).</summary>
    public StaffMember? Who(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (UsesEntra)
        {
            return null;
        }

        if (context.Request.Cookies[Cookie] is { Length: > 0 } token && _sessions.TryGetValue(Hash(token), out var session))
        {
            if (session.Expires > time.GetUtcNow())
            {
                return session.Member;
            }

            _sessions.TryRemove(Hash(token), out _);
        }

        return options.Value.OpenOnThisMachine && IsThisMachine(context) ? new StaffMember("", sites.All) : null;
    }

    /// <summary>True when some key can sign in (so a refusal is a 401 with the sign-in page, not a 403).</summary>
    public bool CanSignIn => UsesEntra || AccessKey.IsSet(options.Value.AccessKeySha256) || siteOptions.Value.Exists(s => AccessKey.IsSet(s.AccessKeySha256));

    /// <summary>Signs in with a key; returns the session token for the cookie, or null for a wrong key.</summary>
    public string? SignIn(HttpContext context, string? name, string? key)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "";
        var now = time.GetUtcNow();
        var failures = _failures.GetValueOrDefault(address);
        if (failures.Count >= FailuresPerMinute && now - failures.Since < TimeSpan.FromMinutes(1))
        {
            return null;
        }

        IReadOnlyList<string>? scope = AccessKey.Matches(options.Value.AccessKeySha256, key) ? sites.All
            : siteOptions.Value.Find(s => AccessKey.Matches(s.AccessKeySha256, key)) is { } site ? [site.Id] : null;
        if (scope is null)
        {
            _failures[address] = now - failures.Since < TimeSpan.FromMinutes(1) ? (failures.Count + 1, failures.Since) : (1, now);
            return null;
        }

        _failures.TryRemove(address, out _);
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var who = string.IsNullOrWhiteSpace(name) ? "staff" : name.Trim()[..Math.Min(name.Trim().Length, 60)];
        _sessions[Hash(token)] = (new StaffMember(who, scope), now.AddMinutes(options.Value.SignInMinutes));
        foreach (var expired in _sessions.Where(s => s.Value.Expires <= now).Select(s => s.Key).ToList())
        {
            _sessions.TryRemove(expired, out _);
        }

        return token;
    }

    public void SignOut(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Cookies[Cookie] is { Length: > 0 } token)
        {
            _sessions.TryRemove(Hash(token), out _);
        }
    }

    /// <summary>The cookie for a session: HttpOnly, SameSite=Strict, Secure over HTTPS, only for /console.</summary>
    public CookieOptions CookieOptions(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/console",
        MaxAge = TimeSpan.FromMinutes(options.Value.SignInMinutes),
        IsEssential = true,
    };

    /// <summary>A key may travel only over HTTPS, or to this machine.</summary>
    public static bool MaySendKey(HttpContext context) => context.Request.IsHttps || IsThisMachine(context);

    /// <summary>A browser on this machine: a loopback peer that no proxy relayed.</summary>
    public static bool IsThisMachine(HttpContext context) =>
        AnonymousCallers.IsLocal(context.Connection.RemoteIpAddress) && !AnonymousCallers.IsRelayed(context.Request);

    private static bool Member(IReadOnlySet<string> groups, string? group) => !string.IsNullOrWhiteSpace(group) && groups.Contains(group.Trim());

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
