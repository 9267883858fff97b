using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LeashBot.Tests.StaffConsole;

/// <summary>A work account in the simulated tenant, with the object ids of its groups.</summary>
public sealed record SimulatedAccount(string Name, string Email, IReadOnlyList<string> Groups)
{
    public string ObjectId { get; } = Guid.NewGuid().ToString();
}

/// <summary>
/// Entra ID's sign-in played by a real OpenID Connect provider on a loopback port (Entra itself can't run here): the
/// tenant's discovery document, its signing keys (JWKS), an account picker at the authorize endpoint, and a token
/// endpoint that redeems a code only for the right client secret, redirect URI and PKCE verifier, answering an ID token
/// signed with a test RSA key (or, when <see cref="SignWithStrangerKey"/>, with a key it doesn't publish). It answers
/// on <c>localhost</c>, another site than the bot's <c>127.0.0.1</c>, as Entra is another site than a clinic's bot.
/// </summary>
public sealed class SimulatedEntra : IAsyncDisposable
{
    public const string ClientId = "6f1d3c52-0b7e-4c55-9a55-2f7a9b1c0d11";
    public const string ClientSecret = "simulated-client-secret-7Qx";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "simulated-signing-key" };
    private readonly RsaSecurityKey _strangerKey = new(RSA.Create(2048)) { KeyId = "simulated-signing-key" };
    private readonly ConcurrentDictionary<string, IQueryCollection> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (IQueryCollection Request, SimulatedAccount Account)> _codes = new(StringComparer.Ordinal);

    private SimulatedEntra(WebApplication app, IReadOnlyList<SimulatedAccount> accounts)
    {
        _app = app;
        Accounts = accounts;
    }

    public string TenantId { get; } = Guid.NewGuid().ToString();

    public IReadOnlyList<SimulatedAccount> Accounts { get; }

    /// <summary>The tenant's authority, as <c>Console:Entra:Authority</c> takes it.</summary>
    public string Authority { get; private set; } = "";

    /// <summary>Sign ID tokens with a key that is not in the published JWKS (a forged token).</summary>
    public bool SignWithStrangerKey { get; set; }

    /// <summary>Every authorize request's query, in order.</summary>
    public ConcurrentQueue<IQueryCollection> AuthorizeRequests { get; } = new();

    /// <summary>Every token request's form, in order.</summary>
    public ConcurrentQueue<IFormCollection> TokenRequests { get; } = new();

    public static async Task<SimulatedEntra> StartAsync(params SimulatedAccount[] accounts)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var entra = new SimulatedEntra(app, accounts);
        var tenant = "/" + entra.TenantId + "/v2.0";

        app.MapGet(tenant + "/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = entra.Authority,
            ["authorization_endpoint"] = entra.Authority + "/authorize",
            ["token_endpoint"] = entra.Authority + "/token",
            ["jwks_uri"] = entra.Authority + "/keys",
            ["response_types_supported"] = new[] { "code", "id_token", "code id_token" },
            ["response_modes_supported"] = new[] { "query", "fragment", "form_post" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["scopes_supported"] = new[] { "openid", "profile", "email", "offline_access" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
        }));

        app.MapGet(tenant + "/keys", () =>
        {
            var p = entra._key.Rsa.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = entra._key.KeyId, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } });
        });

        // The account picker, as Entra shows one with prompt=select_account.
        app.MapGet(tenant + "/authorize", (HttpContext context) =>
        {
            var query = context.Request.Query;
            entra.AuthorizeRequests.Enqueue(query);
            if (query["client_id"] != ClientId || query["response_type"] != "code" || string.IsNullOrEmpty(query["code_challenge"]))
            {
                return Results.BadRequest("unknown client or not the code flow with PKCE");
            }

            var id = Guid.NewGuid().ToString("N");
            entra._pending[id] = query;
            var html = new StringBuilder("<!doctype html><html lang=\"en\"><head><title>Pick an account</title></head><body><main><h1>Pick an account</h1><ul>");
            for (var i = 0; i < entra.Accounts.Count; i++)
            {
                html.Append(AccountLink(i, id, HtmlEncoder.Default.Encode(entra.Accounts[i].Name), HtmlEncoder.Default.Encode(entra.Accounts[i].Email)));
            }

            return Results.Content(html.Append("</ul></main></body></html>").ToString(), "text/html; charset=utf-8");
        });

        app.MapGet(tenant + "/authorize/pick", (string request, int account) =>
        {
            if (!entra._pending.TryRemove(request, out var query) || account < 0 || account >= entra.Accounts.Count)
            {
                return Results.BadRequest("no such sign-in");
            }

            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            entra._codes[code] = (query, entra.Accounts[account]);
            return Results.Redirect($"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query["state"].ToString())}");
        });

        app.MapPost(tenant + "/token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            entra.TokenRequests.Enqueue(form);
            if (form["grant_type"] != "authorization_code" || !entra._codes.TryRemove(form["code"].ToString(), out var granted))
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret || form["redirect_uri"] != granted.Request["redirect_uri"]
                || challenge != granted.Request["code_challenge"])
            {
                return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            }

            var account = granted.Account;
            var now = DateTime.UtcNow;
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = entra.Authority,
                Audience = ClientId,
                IssuedAt = now,
                NotBefore = now,
                Expires = now.AddHours(1),
                Claims = new Dictionary<string, object>
                {
                    ["sub"] = account.ObjectId,
                    ["oid"] = account.ObjectId,
                    ["tid"] = entra.TenantId,
                    ["name"] = account.Name,
                    ["preferred_username"] = account.Email,
                    ["nonce"] = granted.Request["nonce"].ToString(),
                    ["groups"] = account.Groups.ToList(),
                },
                SigningCredentials = new SigningCredentials(entra.SignWithStrangerKey ? entra._strangerKey : entra._key, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, id_token = idToken, access_token = "simulated-access-token" });
        });

        await app.StartAsync();
        var port = new Uri(app.Urls.First()).Port;
        entra.Authority = $"http://localhost:{port}{tenant}";
        return entra;
    }

    /// <summary>The settings that point the console at this tenant, with <paramref name="staffGroup"/> as its staff group.</summary>
    public Dictionary<string, string?> Settings(string staffGroup) => new()
    {
        ["Console:Entra:TenantId"] = TenantId,
        ["Console:Entra:ClientId"] = ClientId,
        ["Console:Entra:ClientSecret"] = ClientSecret,
        ["Console:Entra:StaffGroupId"] = staffGroup,
        ["Console:Entra:Authority"] = Authority,
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string AccountLink(int index, string request, string name, string email) =>
        $"<li><a href=\"authorize/pick?request={request}&amp;account={index}\">{name} <small>{email}</small></a></li>";
}
