using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace LeashBot.Hosting.StaffConsole;

/// <summary>
/// Staff sign-in with the clinic's Entra ID (<see cref="EntraSignInOptions"/>), by ASP.NET Core's own OpenID Connect
/// handler: the authorization code flow with PKCE against the tenant's v2.0 endpoints, the ID token checked against
/// the tenant's published keys, issuer and the console's client id. The signed-in staff member is kept in an encrypted
/// cookie (HttpOnly, Secure, SameSite=Lax so the way back from Entra's page carries it, only for <c>/console</c>) for
/// <see cref="ConsoleOptions.SignInMinutes"/>. Whether they may see anything is the <c>groups</c> claim's business
/// (<see cref="ConsoleAccess"/>): the console's staff group sees every site, a site's group that site alone.
/// </summary>
public static class EntraSignIn
{
    /// <summary>The OpenID Connect scheme (the round trip to Entra).</summary>
    public const string Scheme = "ConsoleEntra";

    /// <summary>The cookie scheme that keeps the signed-in staff member.</summary>
    public const string CookieScheme = "ConsoleEntraCookie";

    /// <summary>Where Entra sends the browser back to: the redirect URI of the app registration is this path on the bot's address.</summary>
    public const string CallbackPath = "/console/signin-oidc";

    /// <summary>Entra's claim with the object ids of the groups the person is in.</summary>
    public const string GroupsClaim = "groups";

    public static void AddEntraSignIn(this IServiceCollection services, ConsoleOptions console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var entra = console.Entra;
        services.AddAuthentication()
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = ConsoleAccess.Cookie;
                o.Cookie.Path = "/console";
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.IsEssential = true;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(console.SignInMinutes);
                o.SlidingExpiration = false;
            })
            .AddOpenIdConnect(Scheme, o =>
            {
                o.Authority = entra.AuthorityUri;
                o.RequireHttpsMetadata = !entra.AuthorityIsThisMachine;
                o.ClientId = entra.ClientId;
                o.ClientSecret = entra.ClientSecret;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.CallbackPath = CallbackPath;
                o.SignedOutCallbackPath = "/console/signout-callback-oidc";
                o.RemoteSignOutPath = "/console/signout-oidc";
                o.SignInScheme = CookieScheme;
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = "name";
                o.SaveTokens = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.DisableTelemetry = true;

                // The way back from Entra is a top-level GET from another site: Lax cookies travel with it, Strict ones don't.
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.Events = new OpenIdConnectEvents
                {
                    // A shared front-desk computer: always let the person pick the account.
                    OnRedirectToIdentityProvider = context =>
                    {
                        context.ProtocolMessage.Prompt = "select_account";
                        return Task.CompletedTask;
                    },

                    // Cancelled, refused, expired or forged: a page that says so, never a 500.
                    OnRemoteFailure = async context =>
                    {
                        context.HandleResponse();
                        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EntraSignIn));
                        logger.LogWarning("A console sign-in with Entra ID did not complete ({ExceptionType})", context.Failure?.GetType().Name);
                        await ConsoleEndpoints.Page("signin-failed.html", StatusCodes.Status403Forbidden).ExecuteAsync(context.HttpContext);
                    },
                };
            });
    }

    /// <summary>Lets the OpenID Connect handler answer on its callback path (after routing, before the endpoints).</summary>
    public static IApplicationBuilder UseEntraSignIn(this IApplicationBuilder app, ConsoleOptions console)
    {
        ArgumentNullException.ThrowIfNull(console);
        return console.Entra.IsConfigured ? app.UseAuthentication() : app;
    }

    /// <summary>The staff member's name for "followed up by", from the ID token.</summary>
    public static string NameOf(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var name = principal.FindFirst("name")?.Value ?? principal.FindFirst("preferred_username")?.Value ?? "staff";
        return name.Trim()[..Math.Min(name.Trim().Length, 60)];
    }

    /// <summary>The groups in the ID token.</summary>
    public static IReadOnlySet<string> GroupsOf(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindAll(GroupsClaim).Select(c => c.Value.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// True when Entra left the groups out because the person is in too many (the "overage" claims): the app registration
    /// should then send only the groups assigned to the application.
    /// </summary>
    public static bool GroupsLeftOut(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.HasClaim(c => c.Type == "hasgroups") || (principal.FindFirst("_claim_names")?.Value.Contains(GroupsClaim, StringComparison.Ordinal) ?? false);
    }
}
